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
        let options = builder.options
        options.progress?.begin("render", total: specs.count)
        options.parallelism.forEach(specs.count) { index in
            defer { options.progress?.advance() }
            let job = specs[index].make()
            if let html = templates.render(job.context, with: job.template) {
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
}

