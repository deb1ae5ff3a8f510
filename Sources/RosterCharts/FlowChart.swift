import RosterModel

/// Where members went, step by step: a column per step of the routes, a node per company in each
/// column (as tall as the people there), and ribbons between consecutive steps as wide as the
/// people who made that move. A return to the origin is a ribbon back to an origin node.
public struct FlowChart: Sendable {
    public struct Route: Sendable {
        /// Company names from the origin on; one entry means the member never left.
        public var steps: [String]
        public init(steps: [String]) { self.steps = steps }
    }

    public var id: String
    public var title: String
    public var description: String
    public var origin: String
    public var routes: [Route]
    /// Company name → colour index.
    public var colors: [String: Int]
    /// The site's words (`chart.*`) and number format.
    public var labels: Labels

    public init(id: String, title: String, description: String, origin: String, routes: [Route], colors: [String: Int], labels: Labels) {
        self.labels = labels
        self.id = id
        self.title = title
        self.description = description
        self.origin = origin
        self.routes = routes
        self.colors = colors
    }

    static let maxWidth = 1000.0
    static let fontSize = 12.0
    static let nodeWidth = 12.0
    static let maxColumns = 5

    struct Node {
        var column: Int
        var name: String
        var count: Int
        var y = 0.0
        var height = 0.0
        var outOffset = 0.0
        var inOffset = 0.0
    }

    /// The steps drawn for each route: members who never left get a final "still at" step, and
    /// routes longer than the chart has columns keep their first steps and their last.
    func drawnSteps() -> [[String]] {
        routes.map { route in
            var steps = route.steps.isEmpty ? [origin] : route.steps
            if steps.count == 1 { steps.append(labels.text("chart.still_at", ["origin": origin])) }
            if steps.count > Self.maxColumns {
                steps = Array(steps.prefix(Self.maxColumns - 1)) + [steps[steps.count - 1]]
            }
            return steps
        }
    }

    /// At most this many ribbons are drawn: the largest routes, then one ribbon for the others.
    public static let maxRibbons = 15

    /// The routes drawn, with the ribbon budget kept: when the full routes need more ribbons, each
    /// is cut to its first hop and last company, the largest are drawn until the budget is spent,
    /// and the rest go to one "N other routes" node.
    func budgetedPaths() -> [[String]] {
        var paths = drawnSteps()
        func ribbons(_ paths: [[String]]) -> Int {
            Set(paths.flatMap { path in zip(path, path.dropFirst()).enumerated().map { "\($0.offset)\u{1}\($0.element.0)\u{1}\($0.element.1)" } }).count
        }
        guard ribbons(paths) > Self.maxRibbons else { return paths }
        paths = paths.map { $0.count > 3 ? [$0[0], $0[1], $0[$0.count - 1]] : $0 }
        guard ribbons(paths) > Self.maxRibbons else { return paths }
        var counts: [[String]: Int] = [:]
        for path in paths { counts[path, default: 0] += 1 }
        let largestFirst = counts.keys.sorted { (counts[$1] ?? 0, $0.joined(separator: "\u{1}")) < (counts[$0] ?? 0, $1.joined(separator: "\u{1}")) }
        var kept: Set<[String]> = []
        for path in largestFirst where ribbons(Array(kept) + [path]) <= Self.maxRibbons - 1 { kept.insert(path) }
        let others = paths.filter { !kept.contains($0) }
        let otherRoutes = Set(others).count
        let label = labels.count("chart.other_routes", otherRoutes, ["people": labels.count("chart.people", others.count)])
        return paths.map { kept.contains($0) ? $0 : [origin, label] }
    }

    public func draw() -> Chart {
        var counts: [String: Int] = [:]
        var routeOrder: [String] = []
        for route in routes {
            let text = route.steps.count <= 1 ? labels.text("chart.stayed", ["origin": origin]) : route.steps.joined(separator: " → ")
            if counts[text] == nil { routeOrder.append(text) }
            counts[text, default: 0] += 1
        }
        let rows = routeOrder.sorted { ((counts[$1] ?? 0), $0) < ((counts[$0] ?? 0), $1) }.map { [$0, labels.number(counts[$0] ?? 0)] }
        let paths = budgetedPaths()
        let nodes = columnNodes(paths)
        return Chart(id: id, title: title, description: description, table: ChartTable(columns: [labels.text("chart.route"), labels.text("chart.people_heading")], rows: rows),
                     maxWidth: Self.maxWidth) { canvas in
            let stepWidth = (canvas.width - Self.labelRoom - 16 - Self.nodeWidth) / Double(max(1, nodes.count - 1))
            guard stepWidth >= 120 else { return drawVertically(on: canvas, paths: paths, nodes: nodes) }
            // Left to right when every name fits whole, clear of other names and of ribbons it does
            // not belong to; otherwise (a tracker's many routes) upright, where each name has a line.
            let (drawing, clean) = draw(on: canvas, paths: paths, nodes: nodes)
            return clean ? drawing : drawVertically(on: canvas, paths: paths, nodes: nodes)
        }
    }

    static let labelRoom = 150.0

    /// A node's colour: its company's, and for "Still at Meta" Meta's (the last palette colour, the
    /// one for "others" and "unknown", otherwise).
    func color(_ name: String) -> Int {
        colors[name] ?? (name == labels.text("chart.still_at", ["origin": origin]) ? colors[origin] : nil) ?? 7
    }

    /// Nodes per column, largest first, then by name.
    func columnNodes(_ paths: [[String]]) -> [[Node]] {
        let columns = max(2, paths.map(\.count).max() ?? 2)
        var nodes: [[Node]] = Array(repeating: [], count: columns)
        for column in 0..<columns {
            var counts: [String: Int] = [:]
            for path in paths where path.count > column { counts[path[column], default: 0] += 1 }
            nodes[column] = counts.map { Node(column: column, name: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        }
        return nodes
    }

    /// The moves between consecutive columns (column, source node, target node, people), in drawing order.
    func moves(_ paths: [[String]], nodes: [[Node]]) -> [(from: Int, to: Int, column: Int, count: Int)] {
        let index: [[String: Int]] = nodes.map { column in
            Dictionary(column.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var moves: [String: (from: Int, to: Int, column: Int, count: Int)] = [:]
        for path in paths {
            for column in 0..<(path.count - 1) {
                guard let from = index[column][path[column]], let to = index[column + 1][path[column + 1]] else { continue }
                let key = "\(column)|\(from)|\(to)"
                moves[key, default: (from, to, column, 0)].count += 1
            }
        }
        return moves.values.sorted { ($0.column, $0.from, $0.to) < ($1.column, $1.from, $1.to) }
    }

    /// Left to right: a column per step, labels right of their nodes. `clean` is false when a name
    /// had to be shortened, left out, or drawn over another name or another node's ribbon.
    func draw(on canvas: ChartCanvas, paths: [[String]], nodes: [[Node]]) -> (drawing: ChartDrawing, clean: Bool) {
        var nodes = nodes
        let columns = nodes.count
        let total = max(1, routes.count)
        let gap = 10.0
        let maxNodes = Double(nodes.map(\.count).max() ?? 1)
        let plotHeight = max(160, min(640, Double(total) * 14))
        let unit = max(0.2, (plotHeight - gap * (maxNodes - 1)) / Double(total))
        let top = 8.0
        for column in 0..<columns {
            var y = top
            for index in nodes[column].indices {
                nodes[column][index].y = y
                nodes[column][index].height = max(1, Double(nodes[column][index].count) * unit)
                y += nodes[column][index].height + gap
            }
        }
        let height = (nodes.map { column in column.last.map { $0.y + $0.height } ?? 0 }.max() ?? top) + 8
        let labelRoom = Self.labelRoom
        let columnX: (Int) -> Double = { column in
            8 + (canvas.width - 16 - labelRoom - Self.nodeWidth) * Double(column) / Double(columns - 1)
        }

        var svg = SVGWriter()
        svg.open(canvas, height: height)
        // Ribbons, grouped by move, drawn under the nodes.
        var ribbons: [Ribbon] = []
        for move in moves(paths, nodes: nodes) {
            let thickness = Double(move.count) * unit
            let source = nodes[move.column][move.from]
            let target = nodes[move.column + 1][move.to]
            let x0 = columnX(move.column) + Self.nodeWidth
            let x1 = columnX(move.column + 1)
            let y0 = source.y + source.outOffset
            let y1 = target.y + target.inOffset
            nodes[move.column][move.from].outOffset += thickness
            nodes[move.column + 1][move.to].inOffset += thickness
            let mid = (x0 + x1) / 2
            let n = SVGWriter.number
            let d = "M\(n(x0)),\(n(y0)) C\(n(mid)),\(n(y0)) \(n(mid)),\(n(y1)) \(n(x1)),\(n(y1)) "
                + "L\(n(x1)),\(n(y1 + thickness)) C\(n(mid)),\(n(y1 + thickness)) \(n(mid)),\(n(y0 + thickness)) \(n(x0)),\(n(y0 + thickness)) Z"
            svg.path(d, className: "ribbon \(Palette.className(color(target.name)))",
                     extra: " data-from=\"\(move.column)-\(move.from)\" data-to=\"\(move.column + 1)-\(move.to)\"")
            ribbons.append(Ribbon(column: move.column, from: move.from, to: move.to, x0: x0, y0: y0, x1: x1, y1: y1, thickness: thickness))
        }
        var labels: [LabelBox] = []
        var clean = true
        for column in 0..<columns {
            var rightSide = LabelColumn(), leftSide = LabelColumn()
            let x = columnX(column)
            let room = column == columns - 1 ? labelRoom - 6 : columnX(column + 1) - x - Self.nodeWidth - 10
            for (index, node) in nodes[column].enumerated() {
                svg.rect(x: x, y: node.y, width: Self.nodeWidth, height: node.height,
                         className: "node \(Palette.className(color(node.name)))")
                let full = "\(node.name) \(self.labels.number(node.count))"
                let text = TextMetrics.fit(full, maxWidth: room, fontSize: Self.fontSize)
                if text != full { clean = false }
                guard !text.isEmpty else { continue }
                let width = TextMetrics.width(text, fontSize: Self.fontSize)
                // Right of the node, over its own ribbons; where another node's ribbon crosses there,
                // left of it, over the ribbons coming in, if that side is clear.
                let foreign = ribbons.filter { !$0.touches(column: column, node: index) }
                var right = rightSide
                let rightBox = right.place(text, x: x + Self.nodeWidth + 4, centerY: node.y + node.height / 2,
                                           width: width, height: Self.fontSize, maxShift: max(0, node.height / 2 - 2))
                var chosen = rightBox
                var crosses = rightBox.map { box in foreign.contains { $0.crosses(box) } } ?? false
                if crosses, column > 0 {
                    var left = leftSide
                    if let leftBox = left.place(text, x: x - 4 - width, centerY: node.y + node.height / 2, width: width,
                                                height: Self.fontSize, maxShift: max(0, node.height / 2 - 2)),
                       leftBox.x > columnX(column - 1) + Self.nodeWidth + 4,
                       !foreign.contains(where: { $0.crosses(leftBox) }), !labels.contains(where: { $0.overlaps(leftBox) }) {
                        leftSide = left
                        chosen = leftBox
                        crosses = false
                    }
                }
                guard let box = chosen else {
                    clean = false
                    continue
                }
                if crosses || labels.contains(where: { $0.overlaps(box) }) { clean = false }
                if box.x == rightBox?.x { rightSide = right }
                svg.text(text, x: box.x, y: box.y + Self.fontSize * 0.85, className: "label halo", extra: " data-node=\"\(column)-\(index)\"")
                labels.append(box)
            }
        }
        return (svg.finish(canvas, height: height, labels: labels), clean)
    }

    /// A ribbon as drawn: from its source's right edge to its target's left edge, as thick as the people.
    struct Ribbon {
        var column: Int
        var from: Int
        var to: Int
        var x0, y0, x1, y1, thickness: Double

        func touches(column node: Int, node index: Int) -> Bool {
            (self.column == node && from == index) || (self.column + 1 == node && to == index)
        }

        /// Whether the ribbon passes through the box, sampled along its curve (the curves' control
        /// points sit halfway across, so they are steepest in the middle).
        func crosses(_ box: LabelBox) -> Bool {
            guard box.x < x1, box.x + box.width > x0 else { return false }
            let mid = (x0 + x1) / 2
            for step in 0...48 {
                let t = Double(step) / 48, u = 1 - t
                let x = u * u * u * x0 + 3 * u * u * t * mid + 3 * u * t * t * mid + t * t * t * x1
                guard x >= box.x, x <= box.x + box.width else { continue }
                let y = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y1 + t * t * t * y1
                if y < box.y + box.height && y + thickness > box.y { return true }
            }
            return false
        }
    }
}
