import Foundation

/// Finds what a browser would treat as markup: start tags with their attributes (quoted or not,
/// entities decoded), end tags and text; comments (and bogus `<!…>`/`<?…>` comments, which end at
/// the first `>`) skipped; `<title>` and `<textarea>` hold text,
/// `<script>`/`<style>` raw text; SVG and MathML content parsed as elements.
public enum MiniHTML {
    public struct Tag {
        public var name: String
        public var attributes: [(name: String, value: String)]
        public func value(_ attribute: String) -> String? { attributes.first { $0.name == attribute }?.value }
    }

    public enum Token {
        case start(Tag)
        case end(String)
        case text(String)
    }

    /// Elements the theme, the charts and Markdown produce; anything else is payload markup.
    public static let knownTags: Set<String> = [
        "html", "head", "meta", "title", "link", "body", "a", "header", "nav", "ul", "ol", "li", "main", "footer",
        "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "time", "section", "article", "dl", "dt", "dd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "strong", "small", "em", "code", "pre",
        "blockquote", "hr", "br", "del", "sup", "sub", "img", "input", "figure", "figcaption", "details", "summary",
        "svg", "g", "rect", "line", "path", "text", "tspan", "circle", "polyline", "polygon", "desc", "defs",
        "marker", "lineargradient", "stop", "clippath", "pattern", "use", "ellipse", "mark", "abbr", "b", "i", "s", "u",
    ]

    public static let forbiddenTags: Set<String> = [
        "script", "iframe", "object", "embed", "style", "base", "form", "frame", "frameset", "applet", "portal",
        "plaintext", "xmp", "noembed", "noframes", "template", "isindex", "button",
    ]

    public static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "codebase", "cite",
        "dynsrc", "lowsrc", "longdesc", "usemap", "classid", "archive", "ping", "manifest", "icon", "profile",
        "srcset", "imagesrcset",
    ]

    public static func tokens(_ html: String) -> [Token] {
        let b = Array(html.utf8)
        let n = b.count
        var out: [Token] = []
        var i = 0
        var textStart = 0
        var foreignDepth = 0
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), equals = UInt8(ascii: "=")
        let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")

        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
        func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }
        func text(_ start: Int, _ end: Int) -> String { String(decoding: b[start..<max(start, end)], as: UTF8.self) }
        func starts(_ at: Int, _ prefix: String) -> Bool {
            let p = Array(prefix.utf8)
            return at + p.count <= n && b[at..<(at + p.count)].elementsEqual(p)
        }
        func find(_ needle: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
            let p = Array(needle.utf8)
            guard !p.isEmpty, start >= 0, n - p.count >= start else { return nil }
            var k = start
            while k <= n - p.count {
                var match = true
                for m in 0..<p.count where (caseInsensitive ? lower(b[k + m]) : b[k + m]) != p[m] {
                    match = false
                    break
                }
                if match { return k }
                k += 1
            }
            return nil
        }
        func flush(_ end: Int) {
            if end > textStart { out.append(.text(decodeEntities(text(textStart, end)))) }
        }

        while i < n {
            guard b[i] == lt, i + 1 < n else { i += 1; continue }
            let next = b[i + 1]
            if next == UInt8(ascii: "!") {
                flush(i)
                if starts(i, "<!-->") {
                    i += 5
                } else if starts(i, "<!--->") {
                    i += 6
                } else if starts(i, "<!--") {
                    i = find("-->", from: i + 4).map { $0 + 3 } ?? n
                } else if foreignDepth > 0 && starts(i, "<![CDATA[") {
                    // CDATA only exists in SVG and MathML; in HTML it is a bogus comment (below).
                    let end = find("]]>", from: i + 9) ?? n
                    out.append(.text(text(i + 9, end)))
                    i = min(end + 3, n)
                } else {
                    // A bogus comment (`<!DOCTYPE`, `<![CDATA[` in HTML) ends at the first `>`.
                    i = find(">", from: i + 2).map { $0 + 1 } ?? n
                }
                textStart = i
                continue
            }
            if next == UInt8(ascii: "?") {
                flush(i)
                i = find(">", from: i + 2).map { $0 + 1 } ?? n
                textStart = i
                continue
            }
            var j = i + 1
            var isEnd = false
            if b[j] == slash { isEnd = true; j += 1 }
            guard j < n, isLetter(b[j]) else { i += 1; continue }
            flush(i)
            let nameStart = j
            while j < n, !isSpace(b[j]), b[j] != slash, b[j] != gt { j += 1 }
            let name = text(nameStart, j).lowercased()
            var attributes: [(name: String, value: String)] = []
            var selfClosing = false
            while j < n {
                while j < n, isSpace(b[j]) || b[j] == slash { selfClosing = b[j] == slash; j += 1 }
                guard j < n else { break }
                if b[j] == gt { j += 1; break }
                selfClosing = false
                let attributeStart = j
                j += 1
                while j < n, !isSpace(b[j]), b[j] != slash, b[j] != gt, b[j] != equals { j += 1 }
                let attributeName = text(attributeStart, j).lowercased()
                var k = j
                while k < n, isSpace(b[k]) { k += 1 }
                var value = ""
                if k < n, b[k] == equals {
                    k += 1
                    while k < n, isSpace(b[k]) { k += 1 }
                    if k < n, b[k] == doubleQuote || b[k] == singleQuote {
                        let quote = b[k]
                        var end = k + 1
                        while end < n, b[end] != quote { end += 1 }
                        value = text(k + 1, end)
                        k = min(end + 1, n)
                    } else {
                        let valueStart = k
                        while k < n, !isSpace(b[k]), b[k] != gt { k += 1 }
                        value = text(valueStart, k)
                    }
                    j = k
                }
                attributes.append((attributeName, decodeEntities(value)))
            }
            i = j
            textStart = j
            if isEnd {
                out.append(.end(name))
                if (name == "svg" || name == "math") && foreignDepth > 0 { foreignDepth -= 1 }
                continue
            }
            out.append(.start(Tag(name: name, attributes: attributes)))
            if (name == "svg" || name == "math") && !selfClosing { foreignDepth += 1 }
            guard foreignDepth == 0 else { continue }
            let rcdata = name == "title" || name == "textarea"
            if rcdata || ["script", "style", "xmp", "iframe", "noembed", "noframes"].contains(name) {
                let close = find("</" + name, from: j, caseInsensitive: true) ?? n
                out.append(.text(rcdata ? decodeEntities(text(j, close)) : text(j, close)))
                i = close
                textStart = close
            } else if name == "plaintext" {
                out.append(.text(text(j, n)))
                i = n
                textStart = n
            }
        }
        flush(n)
        return out
    }

    /// The theme's own markup that payloads may not produce: its two scripts (the table enhancer and
    /// the search page), loaded from the site's own assets, and the header's search form, which
    /// sends its words to the site's own search page (its button is an `<input type="submit">`).
    public static func isThemeScript(_ tag: Tag) -> Bool {
        switch tag.name {
        case "script":
            guard let source = tag.value("src") else { return false }
            return ["assets/tables.js", "assets/search.js"].contains(where: source.hasSuffix) && !source.contains(":") && !source.contains("//")
        case "form":
            // The search page's own form has no action: its script answers it.
            guard let action = tag.value("action") else { return tag.value("class") == "search-form" }
            return tag.value("class") == "site-search" && action.hasSuffix("search/") && !action.contains(":") && !action.contains("//")
        default:
            return false
        }
    }

    /// What a browser would run or load from this page.
    public static func violations(in html: String) -> [String] {
        var problems: [String] = []
        var bodies = 0
        for token in tokens(html) {
            guard case .start(let tag) = token else { continue }
            if !isPlainName(tag.name, first: "abcdefghijklmnopqrstuvwxyz", rest: "abcdefghijklmnopqrstuvwxyz0123456789-") {
                problems.append("odd element name <\(tag.name)>")
            }
            if forbiddenTags.contains(tag.name) && !isThemeScript(tag) { problems.append("<\(tag.name)> element") }
            if tag.name == "body" { bodies += 1 }
            if tag.name == "meta", let equiv = tag.value("http-equiv"),
               ["refresh", "set-cookie"].contains(squeezed(equiv)) {
                problems.append("<meta http-equiv=\"\(equiv)\">")
            }
            for (name, value) in tag.attributes {
                if !isPlainName(name, first: "abcdefghijklmnopqrstuvwxyz_:", rest: "abcdefghijklmnopqrstuvwxyz0123456789_:.-") {
                    problems.append("odd attribute name '\(name)' on <\(tag.name)>")
                }
                if name.hasPrefix("on") { problems.append("event handler attribute '\(name)' on <\(tag.name)>") }
                if name.contains("alert(") { problems.append("'alert(' in an attribute name on <\(tag.name)>") }
                if name == "srcdoc" { problems.append("srcdoc attribute on <\(tag.name)>") }
                let normal = squeezed(value)
                if urlAttributes.contains(name) {
                    if name.hasSuffix("srcset") {
                        if normal.contains("javascript:") || normal.contains("vbscript:") || normal.contains("data:") {
                            problems.append("script URL in \(name) on <\(tag.name)>: \(value.debugDescription)")
                        }
                    } else if ["javascript:", "vbscript:", "data:"].contains(where: { normal.hasPrefix($0) }) {
                        problems.append("script URL \(name)=\(value.debugDescription) on <\(tag.name)>")
                    }
                }
                if name == "style" && (normal.contains("expression(") || normal.contains("javascript:")) {
                    problems.append("script in a style attribute on <\(tag.name)>: \(value.debugDescription)")
                }
            }
        }
        if bodies > 1 { problems.append("\(bodies) <body> elements") }
        return problems
    }

    /// The text of the first `name` element, tags inside it dropped, entities decoded.
    public static func firstElementText(_ html: String, _ name: String) -> String? {
        var depth = 0
        var result = ""
        var found = false
        for token in tokens(html) {
            switch token {
            case .start(let tag) where tag.name == name:
                if found && depth == 0 { return result }
                found = true
                depth += 1
            case .end(let end) where end == name && found:
                depth -= 1
                if depth == 0 { return result }
            case .text(let text) where found && depth > 0:
                result += text
            default: break
            }
        }
        return found ? result : nil
    }

    /// All text of the page, decoded.
    public static func textContent(_ html: String) -> String {
        tokens(html).map { token -> String in
            if case .text(let text) = token { return text }
            return " "
        }.joined()
    }

    public static func isPlainName(_ name: String, first: String, rest: String) -> Bool {
        guard let head = name.first, first.contains(head) else { return false }
        return name.dropFirst().allSatisfy { rest.contains($0) }
    }

    /// Lowercased, every ASCII space and control character removed, as a browser's URL parser
    /// would see a scheme.
    public static func squeezed(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where scalar.value > 0x20 && scalar.value != 0x7F {
            out.append(scalar)
        }
        return String(out).lowercased()
    }

    public static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n",
        "nbsp": "\u{A0}", "lpar": "(", "rpar": ")", "sol": "/", "period": ".", "comma": ",", "semi": ";",
        "excl": "!", "num": "#", "equals": "=", "lowbar": "_", "bsol": "\\", "grave": "`",
    ]

    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// Numeric (with or without `;`) and common named character references.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "&" else { out.append(s[i]); i += 1; continue }
            var j = i + 1
            if j < s.count, s[j] == "#" {
                j += 1
                var hex = false
                if j < s.count, s[j] == "x" || s[j] == "X" { hex = true; j += 1 }
                let digitsStart = j
                while j < s.count, hex ? s[j].properties.isASCIIHexDigit : isDigit(s[j]) { j += 1 }
                if j > digitsStart {
                    let digits = String(String.UnicodeScalarView(s[digitsStart..<j]))
                    let value = UInt32(digits.suffix(8), radix: hex ? 16 : 10) ?? 0xFFFD
                    let replacement: Unicode.Scalar = "\u{FFFD}"
                    out.append(value == 0 ? replacement : Unicode.Scalar(value) ?? replacement)
                    if j < s.count, s[j] == ";" { j += 1 }
                    i = j
                    continue
                }
            } else {
                while j < s.count, s[j].isASCII, s[j].properties.isAlphabetic || isDigit(s[j]) { j += 1 }
                let name = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                if let value = namedEntities[name.lowercased()] {
                    out.append(contentsOf: value.unicodeScalars)
                    if j < s.count, s[j] == ";" { j += 1 }
                    i = j
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return String(out)
    }
}
