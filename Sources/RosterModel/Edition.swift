/// A saved edition of the report: `Content/editions/<date>.json`, the data export (`data/roster.json`)
/// as it was when the editor published the report on `date` (its `as_of`). Each build compares the
/// current facts with the newest edition older than `as_of` and writes `/changes/`.
public struct Edition: Sendable {
    /// The version of `data/roster.json` this Roster writes and reads. A newer one is refused.
    public static let format = 1

    public var date: PartialDate
    public var path: String
    public var people: Int
    public var cohorts: Int
    /// The report as the edition has it (settings' `asOf`, cohorts, authors with careers, companies).
    /// Kept only for the edition the build compares with; nil for the others.
    public var report: Site?

    public init(date: PartialDate, path: String, people: Int, cohorts: Int, report: Site? = nil) {
        self.date = date
        self.path = path
        self.people = people
        self.cohorts = cohorts
        self.report = report
    }
}
