import Foundation
import RosterAnalysis
import RosterModel

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

    public func render() -> ([RenderedPage], [Diagnostic]) {
        let specs = builder.allPages()
        let results = ConcurrentSlots<Result<String, Diagnostic>>(count: specs.count)
        let templates = self.templates
        let shared = SharedPartials(templates: templates, constant: builder.constantContext)
        let options = builder.options
        options.progress?.begin("render", total: specs.count)
        options.parallelism.forEach(specs.count) { index in
            defer { options.progress?.advance() }
            let job = specs[index].make()
            if let html = templates.render(job, shared: shared) {
                results[index] = .success(html)
            } else {
                results[index] = .failure(.error("the template '\(job.template)' could not render \(job.route.path)"))
            }
        }
        var pages: [RenderedPage] = []
        var problems: [Diagnostic] = []
        for (index, spec) in specs.enumerated() {
            switch results[index] {
            case .success(let html)?: pages.append(RenderedPage(route: spec.route, html: html))
            case .failure(let problem)?: problems.append(problem)
            case nil: problems.append(.error("\(spec.route.path) was not rendered"))
            }
        }
        return (pages, problems)
    }

    /// One page on its own (the dev server's fast path), rendered as in a whole build.
    public static func render(_ job: PageJob, templates: TemplateSet, builder: ViewBuilder) -> String? {
        templates.render(job, shared: SharedPartials(templates: templates, constant: builder.constantContext))
    }
}

