import Foundation
import RosterSupport
import RosterModel

/// What the dev server knows about the last build: its generation and, when the last rebuild
/// failed, the problems that pages show in an overlay while the last good site is served.
public final class ServeState: @unchecked Sendable {
    private let lock = NSLock()
    private var _generation = 0
    private var _problems: [Diagnostic] = []

    public init() {}

    public var generation: Int { lock.withLock { _generation } }
    public var problems: [Diagnostic] { lock.withLock { _problems } }

    /// Records a finished build and returns its generation.
    @discardableResult
    public func record(_ diagnostics: [Diagnostic]) -> Int {
        lock.withLock {
            _generation += 1
            _problems = diagnostics.filter(\.isError)
            return _generation
        }
    }
}

/// The bits of HTML the dev server adds to pages: the live-reload script (serve mode only, never in
/// a build) and the overlay that lists a failed rebuild's problems.
enum ServeInjection {
    static let eventsPath = "/__roster/events"

    static let script = """
    <script>(function(){if(!window.EventSource)return;var s=new EventSource("\(eventsPath)");\
    s.addEventListener("reload",function(){s.close();location.reload();});})();</script>
    """

    static func overlay(_ problems: [Diagnostic]) -> String {
        guard !problems.isEmpty else { return "" }
        var html = "<div id=\"roster-overlay\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#2b0b0b;color:#ffe9e9;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;border-top:4px solid #ff6b6b\">"
        html += "<p style=\"margin:0 0 .5rem;font-weight:700\">The last rebuild failed; you are seeing the last good site. Fix these and save:</p><ul style=\"margin:0;padding-left:1.25rem\">"
        for problem in problems.prefix(50) {
            html += "<li>\(Markup.escapeHTML(problem.description))</li>"
        }
        if problems.count > 50 { html += "<li>… and \(problems.count - 50) more</li>" }
        return html + "</ul></div>"
    }

    /// The page with the overlay after `<body>` and the script before `</body>`.
    static func inject(into html: String, problems: [Diagnostic]) -> String {
        var page = html
        let overlay = overlay(problems)
        if !overlay.isEmpty {
            if let body = page.range(of: "<body>") ?? page.range(of: "<body ") {
                let end = page[body.lowerBound...].firstIndex(of: ">").map { page.index(after: $0) } ?? body.upperBound
                page.insert(contentsOf: overlay, at: end)
            } else {
                page = overlay + page
            }
        }
        if let close = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: script, at: close.lowerBound)
        } else {
            page += script
        }
        return page
    }
}
