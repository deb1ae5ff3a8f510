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
        let jobs = builder.allPages()
        let results = ResultSlots<String?>(count: jobs.count)
        let templates = self.templates
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            results[index] = templates.render(jobs[index].context, with: jobs[index].template)
        }
        var pages: [RenderedPage] = []
        var problems: [Diagnostic] = []
        for (index, job) in jobs.enumerated() {
            if let html = results[index] ?? nil {
                pages.append(RenderedPage(route: job.route, html: html))
            } else {
                problems.append(.error("the template '\(job.template)' could not render \(job.route.path)"))
            }
        }
        return (pages, problems)
    }
}

/// Fixed slots that concurrent workers fill, each slot written by exactly one worker.
final class ResultSlots<T>: @unchecked Sendable {
    private var values: [T?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    subscript(index: Int) -> T? {
        get { lock.withLock { values[index] } }
        set { lock.withLock { values[index] = newValue } }
    }
}
