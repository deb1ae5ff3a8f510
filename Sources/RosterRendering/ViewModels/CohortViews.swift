/// `{{#cohort}}`: a cohort with its derived facts.
public struct CohortView: Sendable {
    public var slug: String
    public var name: String
    public var href: String
    public var origin: CompanyLink
    /// "Tenure at Meta": the members table's heading (label `cohort.tenure_at`).
    public var tenureHeading: String
    /// The cohort's reference date, "27 Feb 2023".
    public var date: String
    public var facts: FactsView
    /// The members on this page of the cohort (none on indexes and the home page).
    public var members: [MemberRow]
    /// Figures (inline SVG, caption and data table) as HTML; present on the cohort page, and the
    /// destinations chart on the home page.
    public var destinationsChart: String?
    public var flowChart: String?
    public var careersChart: String?
    public var retentionChart: String?
    /// `/cohorts/<slug>/careers/`, when the cohort has more members than its page's careers chart shows.
    public var careersHref: String?
}

/// The numbers of a cohort as of `as_of`.
public struct FactsView: Sendable {
    /// "11 of 14 authors have left Meta".
    public var headline: String
    public var members: Count
    /// At the origin on the as-of date, those who left and came back included.
    public var atOrigin: Count
    /// "at Meta now", or "at Meta now, 1 of them after leaving and coming back".
    public var atOriginLabel: String
    public var returned: Count
    public var departed: Count
    public var founderCount: Count
    public var founders: [AuthorLink]
    /// One decimal ("5.5"), nil when no departed member's tenure is known.
    public var tenureMean: String?
    public var tenureMedian: String?
    public var tenureKnown: Int
    /// "Tenure is known for 5 of the 11 who left."
    public var tenureNote: String
    public var destinations: [DestinationRow]
    public var departuresByYear: [YearRow]
    public var hasDepartures: Bool
    /// "authors followed", in the cohort's words for its members.
    public var followedLabel: String
    /// "Where the 11 who left Meta are now".
    public var destinationsCaption: String
    /// "Mean tenure of those who left: 5.5; median 6.1." with the unit, in the site's language.
    public var tenureSummary: String
    /// The words after each key figure, in the form its number takes ("1 parti", "11 partis").
    public var departedLabel: String
    public var returnedLabel: String
    public var foundedLabel: String
}

public struct DestinationRow: Sendable {
    public var company: CompanyLink
    public var count: Count
    /// The first `ViewBuilder.namedPerDestination` of them; `more` says how many others.
    public var authors: [AuthorLink]
    /// "and 695 more", when not everyone is named.
    public var more: String?
    /// Share of the departed, "45%".
    public var share: String
}

public struct YearRow: Sendable {
    public var year: Int
    public var count: Int
}

/// One member in a cohort's table.
public struct MemberRow: Sendable {
    public var author: AuthorLink
    /// "at Meta", "returned to Meta", "left".
    public var status: String
    public var statusKey: String
    public var current: CompanyLink
    public var route: [CompanyLink]
    /// "Meta → Apple → Google DeepMind".
    public var routeText: String
    /// "5.3 years" or "unknown".
    public var tenure: String
    public var founder: Bool
}

/// `{{#overview}}` on a tracker's home page: every cohort at a glance.
public struct OverviewView: Sendable {
    public var people: Count
    public var organisations: Count
    public var cohortCount: Count
    /// How many distinct people left at least one cohort's origin.
    public var departedPeople: Count
    /// The first page of the cohort index.
    public var cohorts: [CohortView]
    /// `/cohorts/`, when there are more cohorts than the home page lists.
    public var allCohortsHref: String?
    /// Where those who left are now, across all cohorts (figure HTML); absent when nobody left.
    public var destinationsChart: String?
    /// The largest flows from an origin to a current organisation.
    public var flows: [FlowRow]
    /// The retention of the cohorts named in `featured:` (figure HTML); absent when none is.
    public var retentionChart: String?
}

public struct FlowRow: Sendable {
    public var from: CompanyLink
    public var to: CompanyLink
    public var people: Count
}
