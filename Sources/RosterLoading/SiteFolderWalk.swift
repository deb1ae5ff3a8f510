import Foundation
import RosterModel

/// What a walk of one folder found.
struct FolderListing {
    /// Regular files (or links to them inside the boundary), sorted.
    var files: [String] = []
    /// Those of `files` reached through a link (the others are plain files of a checked folder).
    var linked: Set<String> = []
    /// Folders directly inside, in a walk that does not go into them (documents, data), so that
    /// the loader can say why it ignores them.
    var folders: [String] = []
}

extension SiteFolder {
    /// What a walk does with a named pipe, socket or device: never opened either way; an error
    /// where Roster reads files (content, templates), a warning in assets, which are only copied.
    enum SpecialFiles { case error, skipWithWarning }

    /// Regular files directly in a folder (or, with `recursive`, below it), hidden files skipped.
    /// The folder itself must resolve to a place inside the site. Links below it are followed only
    /// when they stay inside the site folder, and in a recursive walk (assets) inside the folder
    /// walked, so a link cannot publish the site's sources or copy `Output/` into itself; loops
    /// are cut. Paths in `skipping` are left out with everything below them.
    func files(in relativePath: String, recursive: Bool = false, skipping: Set<String> = [],
               special: SpecialFiles = .error, problems: inout [Diagnostic]) -> FolderListing {
        guard let real = checkedFolder(relativePath, problems: &problems) else { return FolderListing() }
        var walk = Walk(folder: self, recursive: recursive, boundary: recursive ? real : realRoot,
                        boundaryName: recursive ? relativePath + "/" : "the site folder", skipping: skipping, special: special)
        walk.enter(relativePath, real: real)
        problems += walk.problems
        walk.listing.files.sort()
        return walk.listing
    }

    /// The real path of a folder to walk, or nil (with the reason, unless nothing is there: the
    /// folders below Content/ are optional).
    private func checkedFolder(_ relativePath: String, problems: inout [Diagnostic]) -> String? {
        let path = absolutePath(relativePath)
        guard PosixFile.type(atPath: path, followLinks: false) != nil else { return nil }
        if let problem = leavesSite(relativePath) {
            problems.append(problem)
            return nil
        }
        let location = SourceLocation(path: relativePath)
        guard let real = PosixFile.realPath(path), let type = PosixFile.type(atPath: real, followLinks: true) else {
            problems.append(.warning("\(relativePath) is a broken link; it is ignored", at: location))
            return nil
        }
        guard type == .directory else {
            problems.append(.warning("\(relativePath) is \(type.name), not a folder; it is ignored", at: location))
            return nil
        }
        return real
    }

    enum Kind: Equatable {
        case file, directory(real: String), outside, broken, special(PosixFile.FileType)
    }

    /// What a path met in a walk is. Only links are resolved (a walk never enters a folder
    /// outside the site, so a plain file or folder found by it is inside).
    func classify(_ relativePath: String, within limit: String) -> Kind {
        let path = absolutePath(relativePath)
        guard let type = PosixFile.type(atPath: path, followLinks: false) else { return .broken }
        switch type {
        case .regular: return .file
        case .directory: return .directory(real: PosixFile.realPath(path) ?? path)
        case .link: break
        default: return .special(type)
        }
        guard let real = PosixFile.realPath(path) else { return .broken }
        // A link to the boundary itself would walk the folder again inside itself.
        guard real != limit, PosixFile.isInside(real, limit) else { return .outside }
        guard let target = PosixFile.type(atPath: real, followLinks: false) else { return .broken }
        switch target {
        case .regular: return .file
        case .directory: return .directory(real: real)
        default: return .special(target)
        }
    }
}

/// One walk's settings and findings.
private struct Walk {
    let folder: SiteFolder
    let recursive: Bool
    let boundary: String
    let boundaryName: String
    let skipping: Set<String>
    let special: SiteFolder.SpecialFiles
    var listing = FolderListing()
    var visited: Set<String> = []
    var problems: [Diagnostic] = []

    init(folder: SiteFolder, recursive: Bool, boundary: String, boundaryName: String, skipping: Set<String>,
         special: SiteFolder.SpecialFiles) {
        self.folder = folder
        self.recursive = recursive
        self.boundary = boundary
        self.boundaryName = boundaryName
        self.skipping = skipping
        self.special = special
    }

    mutating func enter(_ relativePath: String, real: String) {
        guard visited.insert(real).inserted else { return }
        guard let entries = PosixFile.entries(ofFolder: folder.absolutePath(relativePath)) else {
            problems.append(.error("the folder \(relativePath) cannot be read (check its permissions)",
                                   at: SourceLocation(path: relativePath)))
            return
        }
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
            let child = relativePath + "/" + name
            if skipping.contains(child) { continue }
            let location = SourceLocation(path: child)
            // A plain file needs no stat; links, folders and the rest are looked at closely.
            let kind = type == .regular ? .file : folder.classify(child, within: boundary)
            switch kind {
            case .file:
                listing.files.append(child)
                if type != .regular { listing.linked.insert(child) }
            case .directory(let real) where recursive:
                enter(child, real: real)
            case .directory:
                listing.folders.append(child)
            case .outside:
                problems.append(.error("'\(child)' is a link to a place outside \(boundaryName); Roster does not follow it",
                                       at: location))
            case .broken:
                problems.append(.warning("'\(child)' is a broken link; it is skipped", at: location))
            case .special(let type) where special == .skipWithWarning:
                problems.append(.warning("\(child) is \(type.name), not an ordinary file; it is skipped", at: location))
            case .special(let type):
                problems.append(.error("\(child) is not a regular file (it is \(type.name)); Roster reads only ordinary files",
                                       at: location))
            }
        }
    }
}
