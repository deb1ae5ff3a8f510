import RosterModel
import RosterSupport
import Yams

/// Front matter of authors, companies, articles and pages, read into the model.
enum DocumentDecoders {
    static let authorKeys = ContentKeys.author.names
    static let stintKeys = ContentKeys.stint.names
    static let linkKeys = ContentKeys.link.names
    static let correctionKeys = ContentKeys.correction.names
    static let companyKeys = ContentKeys.company.names
    static let articleKeys = ContentKeys.article.names
    static let pageKeys = ContentKeys.page.names

    static func author(slug: String, _ document: FrontMatter, _ node: Node?, path: String,
                       problems: inout [Diagnostic]) -> Author? {
        guard var reader = MappingReader(node, path: path, firstLine: document.yamlFirstLine,
                                         allowedKeys: authorKeys, what: "an author's front matter",
                                         problem: &problems) else { return nil }
        let name = reader.string("name", required: true)
        let aliases = reader.stringList("aliases")
        var links: [Link] = []
        for linkNode in reader.mappingList("links") {
            guard var linkReader = MappingReader(linkNode, path: path, firstLine: document.yamlFirstLine,
                                                 allowedKeys: linkKeys, what: "a link", problem: &problems) else { continue }
            let label = linkReader.string("label", required: true)
            let url = linkReader.url("url", required: true)
            problems += linkReader.finish()
            if let label, let url { links.append(Link(label: label, url: url)) }
        }
        var career: [Stint] = []
        for stintNode in reader.mappingList("career", required: true) {
            if let stint = stint(stintNode, firstLine: document.yamlFirstLine, path: path, problems: &problems) {
                career.append(stint)
            }
        }
        let corrections = corrections(&reader, firstLine: document.yamlFirstLine, path: path, problems: &problems)
        let photo = picture(&reader, key: "photo", altKey: "photo_alt")
        problems += reader.finish()
        guard let name else { return nil }
        var author = Author(slug: slug, name: name, aliases: aliases, links: links, career: career,
                            corrections: corrections, body: document.body, locations: reader.locations)
        author.photo = photo
        return author
    }

    /// `photo:`/`photo_alt:` or `logo:`/`logo_alt:`: a file in Content/assets and its description.
    /// Its size is read later, when the loader looks at the file.
    static func picture(_ reader: inout MappingReader, key: String, altKey: String) -> Picture? {
        let path = reader.string(key)
        let alt = reader.string(altKey)
        guard let path else {
            if alt != nil { reader.error("'\(altKey)' describes a '\(key)', and there is none", at: reader.locations[altKey]) }
            return nil
        }
        let location = reader.locations[key]
        let fileExtension = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            reader.error("'\(key)' names a file in Content/assets, like people/ada.jpg, found '\(path)'", at: location)
            return nil
        }
        if !Picture.extensions.contains(fileExtension) {
            reader.error("'\(key)' must be a PNG, JPEG, WebP or SVG file, found '\(path)'", at: location)
            return nil
        }
        guard let alt, !alt.isEmpty else {
            reader.error("'\(altKey)' is required with '\(key)': say what the picture shows, for readers who cannot see it", at: location)
            return nil
        }
        return Picture(path: path, alt: alt, location: location)
    }

    /// `corrections: [{date, text}]` of an author or a stint.
    static func corrections(_ reader: inout MappingReader, firstLine: Int, path: String,
                            problems: inout [Diagnostic]) -> [Correction] {
        reader.mappingList("corrections").compactMap { node in
            guard var entry = MappingReader(node, path: path, firstLine: firstLine, allowedKeys: correctionKeys,
                                            what: "a correction", problem: &problems) else { return nil }
            let date = entry.date("date", required: true)
            let text = entry.string("text", required: true)
            problems += entry.finish()
            guard let date, let text else { return nil }
            return Correction(date: date, text: text, location: entry.locations.start)
        }
    }

    static func stint(_ node: Node, firstLine: Int, path: String, problems: inout [Diagnostic]) -> Stint? {
        guard var reader = MappingReader(node, path: path, firstLine: firstLine, allowedKeys: stintKeys,
                                         what: "a career entry", problem: &problems) else { return nil }
        let company = reader.string("company", required: true)
        let unit = reader.string("unit")
        let role = reader.string("role")
        let start = reader.dateBound("start", required: true)
        let end = reader.dateBound("end")
        var confidence = Confidence.confirmed
        if let text = reader.string("confidence") {
            if let value = Confidence(rawValue: text) {
                confidence = value
            } else {
                let hint = Suggestion.hint(for: text, in: Confidence.allCases.map(\.rawValue))
                reader.error("unknown confidence '\(text)'\(hint); use confirmed, reported or inferred",
                             at: reader.locations["confidence"])
            }
        }
        let founder = reader.bool("founder") ?? false
        let note = reader.string("note")
        let sources = reader.stringList("sources")
        let corrections = corrections(&reader, firstLine: firstLine, path: path, problems: &problems)
        problems += reader.finish()
        // A stint whose dates are wrong is kept (the error is already reported) so that later
        // checks do not add confusing follow-on errors, such as a member "without" an origin stint.
        guard let company else { return nil }
        return Stint(company: company, unit: unit, role: role, start: start ?? .unknown, end: end, confidence: confidence,
                     founder: founder, note: note, sources: sources, corrections: corrections, locations: reader.locations)
    }

    static func company(slug: String, _ document: FrontMatter, _ node: Node?, path: String,
                        problems: inout [Diagnostic]) -> Company? {
        guard var reader = MappingReader(node, path: path, firstLine: document.yamlFirstLine,
                                         allowedKeys: companyKeys, what: "a company's front matter",
                                         problem: &problems) else { return nil }
        let name = reader.string("name", required: true)
        let kind = reader.string("kind")
        let headquarters = reader.string("headquarters")
        let founded = reader.date("founded")
        let website = reader.url("website")
        let sources = reader.stringList("sources")
        let aliases = reader.stringList("aliases")
        let logo = picture(&reader, key: "logo", altKey: "logo_alt")
        problems += reader.finish()
        guard let name else { return nil }
        var company = Company(slug: slug, name: name, kind: kind, headquarters: headquarters, founded: founded,
                              website: website, sources: sources, aliases: aliases, body: document.body,
                              locations: reader.locations)
        company.logo = logo
        return company
    }

    static func article(slug: String, _ document: FrontMatter, _ node: Node?, path: String,
                        problems: inout [Diagnostic]) -> Article? {
        guard var reader = MappingReader(node, path: path, firstLine: document.yamlFirstLine,
                                         allowedKeys: articleKeys, what: "an article's front matter",
                                         problem: &problems) else { return nil }
        let title = reader.string("title", required: true)
        let date = reader.date("date", required: true)
        let updated = reader.date("updated")
        let summary = reader.string("summary")
        let byline = reader.string("byline")
        let tags = reader.stringList("tags")
        let sources = reader.stringList("sources")
        let aliases = reader.stringList("aliases")
        let draft = reader.bool("draft") ?? false
        if let date, let updated, updated < date {
            reader.error("'updated' (\(updated)) is before 'date' (\(date))", at: reader.locations["updated"])
        }
        problems += reader.finish()
        guard let title, let date else { return nil }
        return Article(slug: slug, title: title, date: date, updated: updated, summary: summary, byline: byline,
                       tags: tags, sources: sources, aliases: aliases, draft: draft, body: document.body,
                       locations: reader.locations)
    }

    static func page(slug: String, _ document: FrontMatter, _ node: Node?, path: String,
                     problems: inout [Diagnostic]) -> Page? {
        guard var reader = MappingReader(node, path: path, firstLine: document.yamlFirstLine,
                                         allowedKeys: pageKeys, what: "a page's front matter",
                                         problem: &problems) else { return nil }
        let title = reader.string("title", required: true)
        let summary = reader.string("summary")
        problems += reader.finish()
        guard let title else { return nil }
        return Page(slug: slug, title: title, summary: summary, body: document.body, locations: reader.locations)
    }
}
