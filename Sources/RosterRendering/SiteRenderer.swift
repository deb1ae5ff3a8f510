import Foundation
import RosterAnalysis
import RosterModel
import RosterSupport
import RosterTemplates

/// A page turned into HTML.
public struct RenderedPage: Sendable {
    public var route: Route
    public var html: String
}

/// Runs every page's view model through its Mustache template, across all cores. Pages share
/// nothing mutable, so the result is the same as a sequential run, in the same order.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet
    public let builder: ViewBuilder

    public init(templates: TemplateSet, builder: ViewBuilder) {
        self.templates = templates
        self.builder = builder
    }

    /// Renders every page and hands each to `consume` as soon as it is made, on the core that made
    /// it, so that no build holds all its pages at once. Returns the routes rendered (in the site's
    /// order) and the problems met; `consume` may throw to report a page it could not keep.
    public func render(consume: @Sendable (RenderedPage) throws -> Void) -> (routes: [Route], problems: [Diagnostic]) {
        let specs = builder.allPages()
        let problems = ConcurrentSlots<Diagnostic>(count: specs.count)
        let templates = self.templates
        let shared = SharedPartials(templates: templates, constant: builder.constantContext)
        let options = builder.options
        options.progress?.begin("render", total: specs.count)
        options.parallelism.forEach(specs.count) { index in
            defer { options.progress?.advance() }
            let job = specs[index].make()
            guard let html = templates.render(job, shared: shared) else {
                problems[index] = .error("the template '\(job.template)' could not render \(job.route.path)")
                return
            }
            do {
                try consume(RenderedPage(route: job.route, html: html))
            } catch {
                problems[index] = .error("could not write \(job.route.path): \(error)")
            }
        }
        return (specs.map(\.route), (0..<specs.count).compactMap { problems[$0] })
    }

    /// Every page, kept in memory (for tests and small sites).
    public func render() -> ([RenderedPage], [Diagnostic]) {
        let pages = PageCollector()
        let (_, problems) = render { pages.add($0) }
        return (pages.sorted(), problems)
    }

    /// One page on its own (the dev server's fast path), rendered as in a whole build.
    public static func render(_ job: PageJob, templates: TemplateSet, builder: ViewBuilder) -> String? {
        templates.render(job, shared: SharedPartials(templates: templates, constant: builder.constantContext))
    }
}


/// Pages handed over by the workers, in the order of their routes.
private final class PageCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [RenderedPage] = []
    func add(_ page: RenderedPage) { lock.withLock { pages.append(page) } }
    func sorted() -> [RenderedPage] { lock.withLock { pages.sorted { $0.route.outputFile < $1.route.outputFile } } }
}
