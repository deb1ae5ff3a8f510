import Foundation

/// Writes the Swift that would otherwise be written by hand twice, at build time (run by the
/// `RosterCodegenPlugin` build-tool plugin; nothing it writes is committed, so nothing can drift):
///
///     roster-codegen views OUTPUT FILE.swift...   MustacheParent conformances for the view models
///     roster-codegen theme OUTPUT TEMPLATES_DIR FILE...   the default theme, embedded as bytes
///     roster-codegen labels OUTPUT LABELS_DIR FILE...     its labels alone (for RosterLoading)
@main
enum RosterCodegen {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: roster-codegen views|theme OUTPUT INPUTS...\n".utf8))
            exit(64)
        }
        let output = URL(fileURLWithPath: arguments[1])
        let text: String
        switch arguments[0] {
        case "views": text = try ViewModelConformances.generate(sources: arguments.dropFirst(2).map(URL.init(fileURLWithPath:)))
        case "theme", "labels":
            text = try EmbeddedTheme.generate(root: URL(fileURLWithPath: arguments[2]),
                                              files: arguments.dropFirst(3).map(URL.init(fileURLWithPath:)),
                                              name: arguments[0] == "theme" ? "EmbeddedThemeFiles" : "EmbeddedLabelFiles")
        default:
            FileHandle.standardError.write(Data("roster-codegen: unknown mode '\(arguments[0])'\n".utf8))
            exit(64)
        }
        // Written only when it changed, so that an unchanged input does not recompile its module.
        if (try? String(contentsOf: output, encoding: .utf8)) != text {
            try text.write(to: output, atomically: true, encoding: .utf8)
        }
    }
}

/// In the libFuzzer build (`make fuzz`), every executable is linked with libFuzzer, which calls this;
/// the code generator is never run as a fuzzer, and defines it only so that it links.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerEntryNeverUsed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { 0 }
