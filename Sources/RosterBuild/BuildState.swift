import RosterPublishing
import RosterRendering
import RosterTemplates

/// What a successful build knew: the model, the templates, the facts and the rendered bodies.
public struct BuildState: Sendable {
    public var templates: TemplateSet
    public var targets: LinkTargets
    /// The site, its facts and its rendered bodies, with the indexes the pages are built from.
    public var views: ViewBuilder
}

/// The dev server keeps one between rebuilds; see `BodyRenderer.renderAll(cache:)`.
public typealias MarkdownCache = RosterRendering.MarkdownCache
public typealias TemplateCache = RosterTemplates.TemplateCache
public typealias OldSiteRemoval = RosterPublishing.OldSiteRemoval
