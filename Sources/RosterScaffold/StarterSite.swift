import Foundation
import RosterModel

extension Scaffolder {
    /// Writes a small working site into `folder` (which must not exist or be empty): site.yml with
    /// one cohort, two authors, two companies, one article, a page, and the default theme. It builds
    /// with no errors and no warnings.
    public func initSite(at folder: URL) throws -> [String] {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw Failure(message: "'\(folder.path)' is a file; choose a new or empty folder for the site")
            }
            let entries = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard entries.filter({ $0 != ".git" }).isEmpty else {
                throw Failure(message: "'\(folder.path)' is not empty; choose a new or empty folder for the site")
            }
        }
        var written: [String] = []
        func add(_ path: String, _ text: String) throws {
            try Self.create(folder.appendingPathComponent(path), contents: text)
            written.append(path)
        }
        let asOf = today.description
        try add("Content/site.yml", """
            title: Where did the Acme research team go?
            description: A starter Roster report. Replace it with your own cohort, people and sources.
            base_url: https://example.org/report/
            language: en
            as_of: \(asOf)
            cohorts:
              - slug: acme-research
                name: Acme's research team
                origin: acme
                date: 2022-01
                members: [ada-lovelace, alan-turing]

            """)
        try add("Content/sources.yml", """
            team-page:
              title: The Acme research team page
              publisher: Acme
              date: 2022-01
              url: https://example.org/acme/team
            launch-post:
              title: Announcing Globex Labs
              publisher: Globex
              date: 2023-06-12

            """)
        try add("Content/companies/acme.md", """
            ---
            name: Acme
            kind: big-tech
            headquarters: Springfield
            founded: 1999
            website: https://example.org/acme
            sources: [team-page]
            ---
            Acme is where the cohort worked together. [Ada Lovelace](author:ada-lovelace) has since left.

            """)
        try add("Content/companies/globex.md", """
            ---
            name: Globex Labs
            kind: startup
            headquarters: Shelbyville
            founded: 2023-06
            sources: [launch-post]
            ---
            A start-up founded in June 2023.

            """)
        try add("Content/authors/ada-lovelace.md", """
            ---
            name: Ada Lovelace
            career:
              - company: acme
                role: Research scientist
                start: 2018
                end: 2023-05
                sources: [team-page]
              - company: globex
                role: Co-founder
                start: 2023-06
                founder: true
                sources: [launch-post]
            ---
            Ada Lovelace left [Acme](company:acme) in May 2023 and co-founded
            [Globex Labs](company:globex) a month later ([launch post](source:launch-post)).

            """)
        try add("Content/authors/alan-turing.md", """
            ---
            name: Alan Turing
            career:
              - company: acme
                role: Research engineer
                start: 2020-09
                sources: [team-page]
            ---
            Alan Turing still works at [Acme](company:acme).

            """)
        try add("Content/articles/first-departure.md", """
            ---
            title: The first departure
            date: \(asOf)
            summary: One of the two researchers we follow has left Acme to found a start-up.
            tags: [Departures]
            sources: [launch-post]
            ---
            [Ada Lovelace](author:ada-lovelace) left [Acme](company:acme) to co-found
            [Globex Labs](company:globex).

            ![Where the departed are now](chart:destinations/acme-research)

            """)
        try add("Content/pages/about.md", """
            ---
            title: About
            summary: What this report is.
            ---
            A starter report built with Roster. See [the cohort](cohort:acme-research).

            """)
        try add("Content/data/events.yml", """
            - {date: '2023-06', title: Globex Labs is founded}

            """)
        for file in DefaultTheme.files {
            try Self.create(folder.appendingPathComponent("Templates/" + file.path), bytes: file.bytes)
            written.append("Templates/" + file.path)
        }
        try add("Output/.gitkeep", "")
        try add(".gitignore", "/Output/*\n!/Output/.gitkeep\n")
        return written
    }
}
