import RosterModel
import RosterSupport

/// The files that standards define: the Atom feed, the sitemap and robots.txt. They use absolute
/// URLs from `base_url` because their readers need them.
public enum SiteFeeds {
    static let maximumContentBytes = 1 << 20

    /// An Atom feed of the newest `feed_limit` published articles. Bodies keep their relative
    /// links; `xml:base` makes feed readers resolve them against the article's URL.
    public static func atom(site: Site, bodies: [String: String]) -> String {
        let settings = site.settings
        let articles = Array(site.articles.filter { !$0.draft }.prefix(settings.feedLimit))
        let updated = articles.map(\.lastModified).max() ?? settings.asOf
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
        for article in articles {
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
        }
        return xml + "</feed>\n"
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
