import Foundation
import RosterModel

/// Reads a saved edition (`Content/editions/<date>.json`, the `data/roster.json` of that day) back
/// into the model: the settings' `as_of`, the cohorts, the authors with their careers and the
/// companies. Everything else in the file is for other readers and is not needed to compare.
public enum EditionDecoder {
    /// The edition, or an error at the file that names what is wrong with it.
    public static func decode(_ data: Data, path: String) -> Result<Site, Diagnostic> {
        let at = SourceLocation(path: path)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        // The format first, so that a newer file is named as such rather than as a shape it does not have.
        let format: Int
        do {
            guard let found = try decoder.decode(FormatProbe.self, from: data).format else {
                return .failure(.error("this edition has no \"format\"; editions are the data/roster.json that `roster edition save` writes", at: at))
            }
            format = found
        } catch {
            return .failure(syntaxError(data, path: path) ?? .error("this edition is not valid JSON: \(describe(error))", at: at))
        }
        guard format <= Edition.format else {
            return .failure(.error("this edition was saved by a newer Roster (format \(format); this Roster reads format \(Edition.format) and older); update Roster to compare with it", at: at))
        }
        let file: EditionFile
        do {
            file = try decoder.decode(EditionFile.self, from: data)
        } catch {
            return .failure(.error("this edition cannot be read: \(describe(error))", at: at))
        }
        do {
            return .success(try file.report())
        } catch let problem as EditionProblem {
            return .failure(.error("this edition cannot be read: \(problem.message)", at: at))
        } catch {
            return .failure(.error("this edition cannot be read: \(error)", at: at))
        }
    }

    /// Foundation's parser says where JSON goes wrong as a byte offset ("around character 15"):
    /// turned into the line and column an editor can go to.
    static func syntaxError(_ data: Data, path: String) -> Diagnostic? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let said = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            var location = SourceLocation(path: path)
            if let range = said.range(of: "around character "),
               let offset = Int(said[range.upperBound...].prefix { $0.isNumber }), offset <= data.count {
                let before = data.prefix(offset)
                let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
                let column = String(decoding: data[lineStart..<(before.startIndex + offset)], as: UTF8.self).count + 1
                location = SourceLocation(path: path, line: line, column: column)
            }
            let reason = said.range(of: " around character").map { String(said[..<$0.lowerBound]) } ?? said
            return .error("this edition is not valid JSON (\(reason.prefix(1).lowercased() + reason.dropFirst()) here)", at: location)
        }
    }

    /// Says where in the file the problem is, in the file's own key names (`authors[3].career[0].start`).
    static func describe(_ error: Error) -> String {
        func place(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = place(context.codingPath)
            return "'\(key.stringValue)' is missing" + (parent.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(place(context.codingPath)) should be \(name(of: type))"
        case .dataCorrupted(let context):
            let reason = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return [place(context.codingPath), reason ?? context.debugDescription].filter { !$0.isEmpty }.joined(separator: ": ")
        @unknown default:
            return "\(error)"
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return type is any Collection.Type ? "a list" : "an object"
        }
    }
}

private struct FormatProbe: Decodable {
    var format: Int?
}

struct EditionProblem: Error {
    var message: String
}

/// The parts of `data/roster.json` an edition is compared on.
private struct EditionFile: Decodable {
    struct Settings: Decodable {
        var title: String
        var baseUrl: String?
        var asOf: String
    }
    struct CohortEntry: Decodable {
        var slug, name, origin, date: String
        var members: [String]
    }
    struct StintEntry: Decodable {
        var company: String
        var unit, role: String?
        var start: String
        var end: String?
        var confidence: String
        var founder: Bool?
        var note: String?
        var sources: [String]?
    }
    struct AuthorEntry: Decodable {
        var slug, name: String
        var career: [StintEntry]
    }
    struct CompanyEntry: Decodable {
        var slug, name: String
    }

    var site: Settings
    var cohorts: [CohortEntry]
    var authors: [AuthorEntry]
    var companies: [CompanyEntry]

    func report() throws -> Site {
        func date(_ text: String, _ place: @autoclosure () -> String) throws -> PartialDate {
            guard let date = PartialDate(parsing: text) else {
                throw EditionProblem(message: "\(place()) is '\(text)', which is not a date like 2025-05-27")
            }
            return date
        }
        func bound(_ text: String, _ place: @autoclosure () -> String) throws -> DateBound {
            text == "unknown" ? .unknown : .known(try date(text, place()))
        }
        let settings = SiteSettings(title: site.title, baseURL: site.baseUrl ?? "", asOf: try date(site.asOf, "site.as_of"))
        let cohorts = try cohorts.enumerated().map { index, entry in
            Cohort(slug: entry.slug, name: entry.name, origin: entry.origin,
                   date: try date(entry.date, "cohorts[\(index)].date"), members: entry.members)
        }
        let authors = try authors.enumerated().map { index, entry in
            Author(slug: entry.slug, name: entry.name, career: try entry.career.enumerated().map { position, stint in
                let place = "authors[\(index)].career[\(position)]"
                guard let confidence = Confidence(rawValue: stint.confidence) else {
                    throw EditionProblem(message: "\(place).confidence is '\(stint.confidence)'; use confirmed, reported or inferred")
                }
                return Stint(company: stint.company, unit: stint.unit, role: stint.role, start: try bound(stint.start, "\(place).start"),
                             end: try stint.end.map { try bound($0, "\(place).end") }, confidence: confidence,
                             founder: stint.founder ?? false, note: stint.note, sources: stint.sources ?? [])
            })
        }
        return Site(settings: settings, cohorts: cohorts, authors: authors,
                    companies: companies.map { Company(slug: $0.slug, name: $0.name) })
    }
}
