import Foundation
import RosterLoading
import RosterModel
import RosterSupport

/// `roster new author --cohort SLUG`: the person added to an existing cohort's `members` in
/// `site.yml`, in the list's own style, the rest of the file as it was.
struct CohortMembership {
    let path = SiteLayout.settings
    let text: String

    init(adding slug: String, to cohort: String, in site: URL) throws {
        let url = site.appendingPathComponent(SiteLayout.settings)
        guard let data = FileManager.default.contents(atPath: url.path), let old = String(data: data, encoding: .utf8) else {
            throw Scaffolder.Failure(message: "\(SiteLayout.settings) cannot be read, so '\(slug)' cannot be added to cohort '\(cohort)'")
        }
        let (_, cohorts, problems) = SiteLoader.parseSettings(data)
        if problems.hasErrors {
            throw Scaffolder.Failure(message: "\(SiteLayout.settings) has errors; fix them first (roster check)")
        }
        guard let found = cohorts.first(where: { $0.slug == cohort }) else {
            throw Scaffolder.Failure(message: "--cohort '\(cohort)' is not a cohort of \(SiteLayout.settings)\(Suggestion.hint(for: cohort, in: cohorts.map(\.slug)))")
        }
        guard !found.members.contains(slug) else {
            throw Scaffolder.Failure(message: "'\(slug)' is already a member of cohort '\(cohort)'")
        }
        text = FrontMatterEdit.addingMembers([cohort: [slug]], to: old, cohorts: cohorts)
    }

    func write(in site: URL) throws {
        try ContentFile.replace(path, with: Data(text.utf8), in: site)
    }
}
