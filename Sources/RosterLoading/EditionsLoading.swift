import Foundation
import RosterModel
import RosterSupport

extension SiteLoader {
    /// `Content/editions/<date>.json`, each read and checked (a broken edition is an error even when
    /// it is not the one compared with); only the newest before `asOf` keeps its report.
    func loadEditions(_ files: SiteFolder, asOf: PartialDate?, _ problems: inout [Diagnostic]) -> [Edition] {
        guard files.isDirectory(SiteLayout.editions) else { return [] }
        var dated: [(date: PartialDate, path: String)] = []
        for (path, name, stem) in listFiles(in: SiteLayout.editions, ending: ".json", folderNoun: "editions", fileNoun: "an edition",
                                            files, &problems).found {
            guard let date = PartialDate(parsing: stem), date.description == stem else {
                problems.append(.error("an edition's file name is the date it was published, like 2025-05-27.json; rename '\(name)'",
                                       at: SourceLocation(path: path)))
                continue
            }
            dated.append((date, path))
        }
        dated.sort { $0.date.firstDay < $1.date.firstDay }
        let compared = asOf.flatMap { asOf in dated.last { $0.date.lastDay < asOf.lastDay }?.path }
        let slots = ConcurrentSlots<Result<Edition, Diagnostic>>(count: dated.count)
        let work = dated
        parallelism.forEach(work.count) { index in
            let (date, path) = work[index]
            var found: [Diagnostic] = []   // a file that is not UTF-8 fails in the JSON decoder
            slots[index] = files.data(path, problems: &found).flatMap { EditionDecoder.decode($0, path: path) }.flatMap { report -> Result<Edition, Diagnostic> in
                guard report.settings.asOf == date else {
                    return .failure(.error("this edition's as_of is \(report.settings.asOf), not the date in its name (\(date)); rename the file",
                                           at: SourceLocation(path: path)))
                }
                return .success(Edition(date: date, path: path, people: report.authors.count, cohorts: report.cohorts.count,
                                        report: path == compared ? report : nil))
            }
        }
        var editions: [Edition] = []
        for index in work.indices {
            switch slots[index] {
            case .success(let edition)?: editions.append(edition)
            case .failure(let problem)?: problems.append(problem)
            case nil: break
            }
        }
        return editions
    }
}
