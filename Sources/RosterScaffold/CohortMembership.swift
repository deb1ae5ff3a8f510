import Foundation
import RosterLoading
import RosterModel
import RosterSupport

/// `roster new author --cohort SLUG`: the person added to an existing cohort's `members` in
/// `site.yml`, in the list's own style, the rest of the file as it was.
struct CohortMembership {
    let path = SiteLayout.settings
    let text: String
    /// The cohort's origin: a member needs a stint there.
    let origin: String

    init(adding slug: String, to cohort: String, in site: URL) throws {
        let url = site.appendingPathComponent(SiteLayout.settings)
        guard let data = FileManager.default.contents(atPath: url.path), let old = String(data: data, encoding: .utf8) else {
            throw Scaffolder.Failure(message: "\(SiteLayout.settings) cannot be read, so '\(slug)' cannot be added to cohort '\(cohort)'")
        }
        let (_, cohorts, problems) = SiteLoader.parseSettings(data)
        let found = cohorts.first { $0.slug == cohort }
        // A new cohort's `members: []` is an error this edit mends, or leaves to the editor when it is
        // another cohort's; any other error must be fixed first.
        let blocking = problems.filter { $0.isError && $0.message != SiteSettingsDecoder.noMembers }
        if let first = blocking.first {
            throw Scaffolder.Failure(message: "\(SiteLayout.settings) has errors; fix them first (roster check): \(first)")
        }
        guard let found else {
            throw Scaffolder.Failure(message: "--cohort '\(cohort)' is not a cohort of \(SiteLayout.settings)\(Suggestion.hint(for: cohort, in: cohorts.map(\.slug)))")
        }
        guard !found.members.contains(slug) else {
            throw Scaffolder.Failure(message: "'\(slug)' is already a member of cohort '\(cohort)'")
        }
        text = FrontMatterEdit.addingMembers([cohort: [slug]], to: old, cohorts: cohorts)
        origin = found.origin
        // Never say the file was changed when the list could not be found where the parser put it.
        guard text != old else {
            throw Scaffolder.Failure(message: "could not find where to add '\(slug)' in cohort '\(cohort)''s members in "
                                     + "\(SiteLayout.settings); add it to the list by hand")
        }
    }

    func write(in site: URL) throws {
        try ContentFile.replace(path, with: Data(text.utf8), in: site)
    }
}
