import Foundation
import RosterModel

/// The default theme's labels, embedded at build time (`EmbeddedLabelFiles`, from
/// `Templates/labels/`): the words of a site whose theme has no `Templates/labels/` folder (a theme
/// made before labels existed), and of sites built in memory by tests.
public enum BuiltInLabels {
    /// The languages the default theme speaks.
    public static var languages: [String] {
        EmbeddedLabelFiles.base64.map { ($0.path as NSString).deletingPathExtension }.sorted()
    }

    /// The labels of `language`, or nil when the default theme has none.
    public static func labels(_ language: String) -> Labels? {
        guard let entry = EmbeddedLabelFiles.base64.first(where: { $0.path == language + ".yml" }),
              let data = Data(base64Encoded: entry.base64), let text = String(data: data, encoding: .utf8),
              case .success(let node) = YAMLText.parse(text, path: "(built-in) " + entry.path, firstLine: 1) else { return nil }
        let decoded = LabelsDecoder.decode(node, path: "(built-in) " + entry.path, what: entry.path)
        return Labels(language: language, values: decoded.values, locations: decoded.locations)
    }

    /// English, parsed once.
    public static let english: Labels = labels("en") ?? .empty
}
