import RosterModel

/// The report as it stood on an earlier date, from the same content: what `roster edition save
/// --as-of DATE` saves to backfill an edition the editor did not save at the time.
public enum EditionSnapshot {
    /// `site` as known on `date`: stints that had not started are left out, ends after it are still
    /// open, and cohorts, articles and corrections dated after it are left out.
    public static func site(_ site: Site, asOf date: PartialDate) -> Site {
        let day = date.dayNumber
        var snapshot = site
        snapshot.settings.asOf = date
        snapshot.cohorts.removeAll { $0.date.firstDay > date.lastDay }
        snapshot.articles.removeAll { $0.date.firstDay > date.lastDay }
        for index in snapshot.authors.indices {
            var author = snapshot.authors[index]
            author.career = author.career.compactMap { stint in
                if let start = stint.start.date, start.dayNumber > day { return nil }
                var stint = stint
                if let end = stint.end?.date, end.dayNumber > day { stint.end = nil }
                stint.corrections.removeAll { $0.date.firstDay > date.lastDay }
                return stint
            }
            author.corrections.removeAll { $0.date.firstDay > date.lastDay }
            snapshot.authors[index] = author
        }
        return snapshot
    }
}
