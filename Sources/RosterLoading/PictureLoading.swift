import Foundation
import RosterModel
import RosterSupport

extension SiteLoader {
    /// Reads each photo's and logo's size from its file in Content/assets (a bounded read); a file
    /// that is missing, broken, over 10 MB or over 8,000 px a side is an error at its key.
    func measurePictures(_ authors: inout [Author], _ companies: inout [Company], _ files: SiteFolder,
                         _ problems: inout [Diagnostic]) {
        guard authors.contains(where: { $0.photo != nil }) || companies.contains(where: { $0.logo != nil }) else { return }
        let folder = SiteLayout.contentAssets
        let available = files.files(in: folder, recursive: true, special: .skipWithWarning, problems: &problems).files
            .map { String($0.dropFirst(folder.count + 1)) }
        let known = Set(available)
        func measure(_ picture: inout Picture?, key: String) {
            guard var found = picture else { return }
            guard known.contains(found.path) else {
                problems.append(.error("no file '\(found.path)' in \(folder)\(Self.pictureHint(for: found.path, in: available))",
                                       at: found.location))
                picture = nil
                return
            }
            let path = files.absolutePath(folder + "/" + found.path)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= ImageSize.maximumBytes else {
                problems.append(.error("'\(found.path)' is \(size >> 20) MB; a \(key) may be at most 10 MB (make it smaller for the web)",
                                       at: found.location))
                picture = nil
                return
            }
            let prefix = FileHandle(forReadingAtPath: path).map { handle in
                defer { try? handle.close() }
                return (try? handle.read(upToCount: 1 << 20)) ?? Data()
            } ?? Data()
            switch ImageSize.of(prefix) {
            case .success(let (width, height)):
                guard width > 0, height > 0, width <= ImageSize.maximumSide, height <= ImageSize.maximumSide else {
                    problems.append(.error("'\(found.path)' is \(width) × \(height) px; a \(key) may be at most \(ImageSize.maximumSide) px a side",
                                           at: found.location))
                    picture = nil
                    return
                }
                found.width = width
                found.height = height
                picture = found
            case .failure(.unknownFormat):
                problems.append(.error("'\(found.path)' is not a PNG, JPEG, WebP or SVG image", at: found.location))
                picture = nil
            case .failure(.broken(let reason)):
                problems.append(.error("'\(found.path)' cannot be read as an image: \(reason)", at: found.location))
                picture = nil
            }
        }
        for index in authors.indices { measure(&authors[index].photo, key: "photo") }
        for index in companies.indices { measure(&companies[index].logo, key: "logo") }
    }

    /// " (did you mean 'img/acme.svg'?)": the path without a folder it should not name (`assets/`,
    /// `Content/assets/`), else the same file name in another folder, else a near name in the same
    /// folder; never a file that only shares the folder and the extension.
    static func pictureHint(for path: String, in available: [String]) -> String {
        let known = Set(available)
        for prefix in [SiteLayout.contentAssets + "/", "assets/", "/"] where path.hasPrefix(prefix) {
            let rest = String(path.dropFirst(prefix.count))
            if known.contains(rest) { return " (did you mean '\(rest)'?)" }
        }
        let name = (path as NSString).lastPathComponent, folder = (path as NSString).deletingLastPathComponent
        if let same = available.sorted().first(where: { ($0 as NSString).lastPathComponent == name }) {
            return " (did you mean '\(same)'?)"
        }
        let neighbours = available.filter { ($0 as NSString).deletingLastPathComponent == folder }
        let stems = neighbours.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        guard let stem = Suggestion.closest(to: (name as NSString).deletingPathExtension, in: stems),
              let match = neighbours.sorted().first(where: { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension == stem })
        else { return "" }
        return " (did you mean '\(match)'?)"
    }
}
