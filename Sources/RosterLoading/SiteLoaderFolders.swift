import RosterSupport
import Foundation
import RosterModel

/// The parts of a site that are not Markdown documents: sources, data files, assets, templates.
extension SiteLoader {
    func loadSources(_ files: SiteFolder, _ problems: inout [Diagnostic], _ slugs: inout FileSlugs) -> [Source] {
        let path = SiteLayout.sources
        guard files.exists(path) else { return [] }
        switch files.text(path, problems: &problems).map({ YAMLRecovery.parse($0, path: path, firstLine: 1) }) {
        case .failure(let problem):
            problems.append(problem)
            slugs.sourcesReadable = false
            return []
        case .success(let recovery):
            problems += recovery.problems
            // A source whose entry could not be read is not known: references to it are not errors.
            if !recovery.isComplete { slugs.sourcesReadable = false }
            guard recovery.isComplete || recovery.node != nil else { return [] }
            return SourcesDecoder.decode(recovery.node, path: path, problems: &problems)
        }
    }

    func loadData(_ files: SiteFolder, _ problems: inout [Diagnostic]) -> [String: DataValue] {
        var data: [String: DataValue] = [:]
        var sources: [String: String] = [:]   // data name → the file that defines it
        let listing = files.files(in: SiteLayout.data, problems: &problems)
        for path in listing.folders {
            problems.append(.warning("\(path) is a folder; data files are the .yml files directly in Content/data, so it is ignored",
                                     at: SourceLocation(path: path)))
        }
        for path in listing.files {
            let name = (path as NSString).lastPathComponent
            guard name.hasSuffix(".yml") || name.hasSuffix(".yaml") else {
                problems.append(.warning("'\(name)' is not a YAML file (.yml) and is ignored", at: SourceLocation(path: path)))
                continue
            }
            let key = (name as NSString).deletingPathExtension
            if let earlier = sources[key] {
                problems.append(.error("\(earlier) and this file would both be data.\(key); rename one of them",
                                       at: SourceLocation(path: path)))
                continue
            }
            sources[key] = path
            let parsed = files.text(path, problems: &problems)
                .flatMap { YAMLText.parse($0, path: path, firstLine: 1, allowAnchors: true) }
                .flatMap { DataDecoder.decode($0, path: path) }
            switch parsed {
            case .failure(let problem): problems.append(problem)
            case .success(let value): data[key] = value
            }
        }
        return data
    }

    /// Theme assets first, then the content's, which win for the same name. Assets are only
    /// copied, so a pipe or socket among them is skipped with a warning rather than failing the build.
    func loadAssets(_ files: SiteFolder, from folders: [String], _ problems: inout [Diagnostic]) -> [Asset] {
        var byPath: [String: Asset] = [:]
        for folder in folders {
            for path in files.files(in: folder, recursive: true, special: .skipWithWarning, problems: &problems).files {
                let relative = String(path.dropFirst(folder.count + 1))
                byPath[relative] = Asset(relativePath: relative, sourcePath: files.absolutePath(path))
            }
        }
        return byPath.keys.sorted().compactMap { byPath[$0] }
    }

    func loadTemplates(_ files: SiteFolder, _ problems: inout [Diagnostic]) -> [TemplateSource] {
        guard files.isDirectory(SiteLayout.templates) else {
            problems.append(.error("no Templates/ folder in the site; copy the default theme's Templates/ next to Content/"))
            return []
        }
        var templates: [TemplateSource] = []
        // Templates/assets is walked by loadAssets, with its own rules; walking it here too
        // reported each of its problems twice.
        let listing = files.files(in: SiteLayout.templates, recursive: true, skipping: [SiteLayout.themeAssets], problems: &problems)
        for path in listing.files where path.hasSuffix(".mustache") {
            let name = String(path.dropFirst(SiteLayout.templates.count + 1).dropLast(".mustache".count))
            switch files.text(path, problems: &problems) {
            case .failure(let problem): problems.append(problem)
            case .success(let text): templates.append(TemplateSource(name: name, path: path, text: text))
            }
        }
        return templates
    }

    /// `Templates/labels/<language>.yml`, with `site.yml`'s `labels:` on top. A label `site.yml` sets
    /// that the theme does not have is an error (with a did-you-mean), as is a language with no file.
    func loadLabels(_ files: SiteFolder, settings: SiteSettings, _ problems: inout [Diagnostic]) -> Labels {
        let language = settings.language
        let path = SiteLayout.themeLabels + "/" + language + ".yml"
        // A theme from before labels has no folder of them: it gets the default theme's words.
        if !files.exists(SiteLayout.themeLabels), let builtIn = BuiltInLabels.labels(language) {
            return overriding(builtIn, with: settings, known: Array(builtIn.values.keys), path: path, &problems)
        }
        guard Slug.isValid(language.lowercased()), files.exists(path) else {
            problems.append(.error("the theme has no words for the language '\(language)': there is no \(path). Copy \(SiteLayout.themeLabels)/en.yml to it and translate it, or set 'language' to a language the theme has",
                                   at: settings.locations["language"]))
            return .empty
        }
        var decoded = LabelsDecoder.Decoded()
        switch files.text(path, problems: &problems) {
        case .failure(let problem): problems.append(problem)
        case .success(let text):
            switch YAMLText.parse(text, path: path, firstLine: 1) {
            case .failure(let problem): problems.append(problem)
            case .success(let node): decoded = LabelsDecoder.decode(node, path: path, what: path)
            }
        }
        problems += decoded.problems
        let labels = Labels(language: language, values: decoded.values, locations: decoded.locations)
        return overriding(labels, with: settings, known: Array(decoded.values.keys), path: path, &problems)
    }

    /// The labels with `site.yml`'s `labels:` on top; a label the theme does not have, or a
    /// placeholder it is not given, is an error.
    private func overriding(_ base: Labels, with settings: SiteSettings, known: [String], path: String,
                            _ problems: inout [Diagnostic]) -> Labels {
        var labels = base
        for key in settings.labels.keys.sorted() {
            let location = settings.labelLocations[key] ?? settings.locations["labels"]
            guard let value = settings.labels[key] else { continue }
            guard let original = base.values[key] else {
                let hint = Suggestion.closest(to: key, in: known).map { "; did you mean '\($0)'?" } ?? ""
                problems.append(.error("'labels' sets '\(key)', which is not a label of the theme (\(path))\(hint)", at: location))
                continue
            }
            // Forms for a label the theme prints as one text would never be chosen between.
            if case .plural = value, case .text(let text) = original {
                problems.append(.error("the label '\(key)' is one text whatever the number (the theme's is \"\(text)\"), so it takes one text, not one:/other: forms",
                                       at: location))
                continue
            }
            let unknown = Labels.placeholders(value).subtracting(Labels.placeholders(original))
            if !unknown.isEmpty {
                problems.append(.error("the label '\(key)' uses \(unknown.sorted().map { "{\($0)}" }.joined(separator: ", ")), which it is not given; it may use \(Labels.placeholders(original).sorted().map { "{\($0)}" }.joined(separator: ", ").ifEmpty("no placeholder"))",
                                       at: location))
                continue
            }
            labels.values[key] = value
            labels.locations[key] = location
        }
        return labels
    }
}

private extension String {
    func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
