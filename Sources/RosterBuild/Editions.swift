import Foundation
import RosterAnalysis
import RosterLoading
import RosterModel
import RosterPublishing
import RosterRendering

/// What `roster edition save` and `roster diff` need from the pipeline: the content loaded and
/// checked (any error stops them), and the facts as of a date.
extension Builder {
    /// A saved edition's contents: `data/roster.json` as of `date` (the site's `as_of` when nil).
    public struct EditionExport: Sendable {
        public var date: PartialDate
        public var path: String
        public var json: String
    }

    /// This builder for commands that read the content and make no pages.
    private var readingOnly: Builder {
        var options = self.options
        options.search = .off
        return Builder(options: options)
    }

    public func editionExport(asOf date: PartialDate?) -> (EditionExport?, [Diagnostic]) {
        let run = readingOnly.run([.load, .validate])
        guard !run.stopped, !run.diagnostics.hasErrors, let site = run.site else { return (nil, run.diagnostics) }
        let date = date ?? site.settings.asOf
        if date.lastDay > site.settings.asOf.lastDay {
            return (nil, run.diagnostics + [.error("an edition cannot be dated after as_of (\(site.settings.asOf)); it saves what the report says up to a date")])
        }
        let snapshot = EditionSnapshot.site(site, asOf: date)
        let facts = CohortAnalyzer.facts(in: snapshot, parallelism: options.parallelism)
        return (EditionExport(date: date, path: SiteLayout.edition(date), json: DataExports.json(site: snapshot, facts: facts)),
                run.diagnostics)
    }

    /// The changes between an edition (a saved edition's date, or the path of any `roster.json`)
    /// and the report now, as the sentences `/changes/` shows.
    public func changes(since edition: String) -> (EditionReport?, [Diagnostic]) {
        let run = readingOnly.run([.load, .validate])
        guard !run.stopped, !run.diagnostics.hasErrors, let site = run.site else { return (nil, run.diagnostics) }
        let path: String
        if let date = PartialDate(parsing: edition), date.description == edition {
            path = options.siteFolder.appendingPathComponent(SiteLayout.edition(date)).path
        } else {
            path = URL(fileURLWithPath: edition).standardizedFileURL.path
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let known = site.editions.map(\.date.description).joined(separator: ", ")
            return (nil, run.diagnostics + [.error("no edition at '\(edition)'; give the date of a saved edition"
                                                   + (known.isEmpty ? " (none is saved yet: `roster edition save`)" : " (\(known))")
                                                   + " or the path of a roster.json")])
        }
        switch EditionDecoder.decode(data, path: edition) {
        case .failure(let problem):
            return (nil, run.diagnostics + [problem])
        case .success(let report):
            // Compared with the edition asked for only: not also with the newest saved one.
            var current = site
            current.editions = []
            let facts = SiteFacts.analyse(current, links: [], parallelism: options.parallelism)
            let changes = EditionChanges.compare(edition: report, since: report.settings.asOf, with: site, facts: facts)
            return (EditionReport(changes: changes, wording: ChangeWording(changes: changes, site: site)), run.diagnostics)
        }
    }
}

/// The changes and their wording, for the terminal.
public struct EditionReport: Sendable {
    public var changes: EditionChanges
    public var wording: ChangeWording

    /// The changes as plain text, one line each, grouped as on `/changes/`, in the site's language.
    public var text: String {
        let labels = wording.labels
        func heading(_ key: String) -> String { labels.text("changes.terminal.heading", ["title": labels.text(key)]) }
        var lines = [wording.summary, "", heading("changes.cohorts")]
        for row in changes.cohorts {
            func pair(_ value: (EditionChanges.Counts) -> Int) -> String {
                let then = row.then.map { labels.number(value($0)) } ?? "—", now = row.now.map { labels.number(value($0)) } ?? "—"
                return then == now ? now : labels.text("changes.terminal.changed", ["then": then, "now": now])
            }
            lines.append("  " + labels.text("changes.terminal.cohort_row", [
                "name": row.name, "members": pair(\.members), "at_origin": pair(\.atOrigin),
                "left": pair(\.departed), "returned": pair(\.returned)]))
        }
        if !changes.people.isEmpty {
            lines += ["", heading("changes.people")]
            for person in changes.people {
                lines.append("  \(person.name)\(person.inReport ? "" : " " + labels.text("changes.no_longer"))")
                lines += person.entries.map { "    - " + wording.sentence($0).text }
            }
        }
        if !changes.corrections.isEmpty {
            lines += ["", heading("common.corrections")]
            lines += changes.corrections.map { entry in
                "  " + labels.text("changes.terminal.correction_row", [
                    "date": labels.date(entry.correction.date), "name": entry.name,
                    "company": entry.company.map { " (\(changes.name(ofCompany: $0)))" } ?? "",
                    "text": entry.correction.text])
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
