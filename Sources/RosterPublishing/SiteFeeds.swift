import RosterModel
import RosterSupport

/// The files that standards define: the Atom feed, the sitemap and robots.txt. They use absolute
/// URLs from `base_url` because their readers need them.
public enum SiteFeeds {
    static let maximumContentBytes = 1 << 20

    /// An Atom feed of the newest `feed_limit` published articles and of every saved edition,
    /// newest first. Bodies keep their relative links; `xml:base` makes feed readers resolve them
    /// against the article's URL. `changes` says whether `/changes/` exists to link editions to.
    public static func atom(site: Site, bodies: [String: String], changes: Bool = false) -> String {
        let settings = site.settings
        let articles = Array(site.articles.filter { !$0.draft }.prefix(settings.feedLimit))
        let editions = site.editions.filter { $0.date.lastDay <= settings.asOf.lastDay }
        let updated = (articles.map(\.lastModified) + editions.map(\.date)).max() ?? settings.asOf
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xmlEscape(settings.language))">
          <title>\(xmlEscape(settings.title))</title>

        """
        if let description = settings.description { xml += "  <subtitle>\(xmlEscape(description))</subtitle>\n" }
        xml += """
          <link href="\(xmlEscape(absolute(settings, .feed)))" rel="self" type="application/atom+xml"/>
          <link href="\(xmlEscape(settings.baseURL))" rel="alternate" type="text/html"/>
          <id>\(xmlEscape(settings.baseURL))</id>
          <updated>\(updated.timestamp)</updated>
          <author><name>\(xmlEscape(settings.title))</name></author>
          <generator>Roster</generator>

        """
        var entries: [(date: PartialDate, xml: String)] = editions.map { ($0.date, entry(for: $0, settings, labels: site.labels, changes: changes)) }
        for article in articles {
            var xml = ""
            let url = absolute(settings, .article(article.slug))
            xml += "  <entry>\n"
            xml += "    <title>\(xmlEscape(article.title))</title>\n"
            xml += "    <link href=\"\(xmlEscape(url))\" rel=\"alternate\" type=\"text/html\"/>\n"
            xml += "    <id>\(xmlEscape(url))</id>\n"
            xml += "    <published>\(article.date.timestamp)</published>\n"
            xml += "    <updated>\(article.lastModified.timestamp)</updated>\n"
            if let byline = article.byline { xml += "    <author><name>\(xmlEscape(byline))</name></author>\n" }
            for tag in article.tags { xml += "    <category term=\"\(xmlEscape(tag))\"/>\n" }
            if let summary = article.summary { xml += "    <summary>\(xmlEscape(summary))</summary>\n" }
            // Feed readers (libxml2 among them) refuse text nodes over 10 MB: a very long article is
            // announced by its summary and link only.
            if let body = bodies[article.slug], body.utf8.count <= maximumContentBytes {
                xml += "    <content type=\"html\" xml:base=\"\(xmlEscape(url))\">\(xmlEscape(body))</content>\n"
            }
            xml += "  </entry>\n"
            entries.append((article.date, xml))
        }
        // Newest first; an article and an edition of the same day keep the article first.
        for (_, entry) in entries.enumerated().sorted(by: { ($1.element.date, $0.offset) < ($0.element.date, $1.offset) }) {
            xml += entry.xml
        }
        return xml + "</feed>\n"
    }

    /// One entry per saved edition, linked to `/changes/` (or to its data when there is no such page).
    /// Its words are the site's labels (`feed.*`), in the site's language.
    static func entry(for edition: Edition, _ settings: SiteSettings, labels: Labels, changes: Bool) -> String {
        let id = absolute(settings, .changes) + "#edition-" + edition.date.isoDay
        let link = changes ? id : absolute(settings, .edition(edition.date.description))
        let date = labels.date(edition.date)
        let contents = labels.text("changes.edition_contents", ["people": labels.count("chart.people", edition.people),
                                                                "cohorts": labels.count("changes.cohort_count", edition.cohorts)])
        return "  <entry>\n"
            + "    <title>\(xmlEscape(labels.text("feed.edition_title", ["date": date])))</title>\n"
            + "    <link href=\"\(xmlEscape(link))\" rel=\"alternate\" type=\"text/html\"/>\n"
            + "    <id>\(xmlEscape(id))</id>\n"
            + "    <published>\(edition.date.timestamp)</published>\n"
            + "    <updated>\(edition.date.timestamp)</updated>\n"
            + "    <summary>\(xmlEscape(labels.text("feed.edition_summary", ["date": date, "contents": contents])))</summary>\n"
            + "  </entry>\n"
    }

    /// Every page a search engine should know, with `lastmod` where the content has a date.
    public static func sitemap(site: Site, routes: [Route]) -> String {
        let settings = site.settings
        var modified: [Route: PartialDate] = [:]
        for article in site.articles { modified[.article(article.slug)] = article.lastModified }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for route in routes {
            xml += "  <url><loc>\(xmlEscape(absolute(settings, route)))</loc>"
            if let date = modified[route] { xml += "<lastmod>\(date.isoDay)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    public static func robots(site: Site) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(absolute(site.settings, .sitemap))\n"
    }

    static func absolute(_ settings: SiteSettings, _ route: Route) -> String {
        settings.baseURL + URLText.percentEncodePath(String(route.path.dropFirst()))
    }

    static func xmlEscape(_ text: String) -> String { Markup.escapeXML(text) }
}
