/// `{{#changes}}` on `/changes/`: what changed since the last saved edition.
public struct ChangesView: Sendable {
    /// "31 Dec 2023", the compared edition's date.
    public var since: String
    public var sinceISO: String
    /// One sentence: "3 people changed: 1 departure, 1 return."
    public var summary: String
    /// "Each cohort's numbers in the edition of 31 Dec 2023 and now." (label `changes.cohorts_caption`).
    public var cohortsCaption: String
    public var cohorts: [CohortChangeRow]
    public var people: [PersonChangeView]
    public var corrections: [CorrectionRow]
    /// Every saved edition, newest first, each with a link to its data.
    public var editions: [EditionRow]
}

/// A cohort's numbers in the edition and now ("—" where it did not exist).
public struct CohortChangeRow: Sendable {
    public var name: String
    /// False for a cohort no longer in the report (then `href` is empty).
    public var linked: Bool
    public var href: String
    public var members: ThenNow
    public var atOrigin: ThenNow
    public var departed: ThenNow
    public var returned: ThenNow
}

public struct ThenNow: Sendable {
    public var then: String
    public var now: String
    public var changed: Bool
}

/// One person's changes, linked to the person.
public struct PersonChangeView: Sendable {
    public var id: String
    public var name: String
    /// False for a person no longer in the report (then `href` is empty).
    public var inReport: Bool
    public var href: String
    public var entries: [ChangeLine]
}

/// One change as a sentence with at most one link in it: `{{before}}<a href="{{href}}">{{name}}</a>{{after}}`.
public struct ChangeLine: Sendable {
    public var before: String
    public var name: String
    /// False when the thing named has no page (then `href` is empty).
    public var linked: Bool
    public var href: String
    public var after: String
}

public struct CorrectionRow: Sendable {
    public var date: String
    public var dateISO: String
    public var name: String
    public var href: String
    /// The company of the corrected stint, when it is one.
    public var company: String?
    public var text: String
}

public struct EditionRow: Sendable {
    public var date: String
    public var dateISO: String
    public var href: String
    /// "14 people in 1 cohort".
    public var contents: String
    /// The edition `/changes/` compares with.
    public var compared: Bool
}

/// A correction shown where the fact is shown (author pages, beside the stint).
public struct CorrectionNote: Sendable {
    public var date: String
    public var dateISO: String
    public var text: String
    /// In an author's list of corrections, the company of the corrected stint.
    public var company: String?
}

/// On an author page: "Changed since the edition of 31 Dec 2023", linked to the entry on `/changes/`.
public struct ChangedSinceNote: Sendable {
    public var since: String
    public var href: String
}
