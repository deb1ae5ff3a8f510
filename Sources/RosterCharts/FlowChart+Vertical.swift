/// The flow turned upright for narrow columns: a row per step from the origin down, a node per
/// company in each row (as wide as the people there), each node's name on a line of its own under
/// its row, starting where the node starts, and the ribbons down to the next row from below the names,
/// so no name is cut short or drawn over another name or a ribbon.
extension FlowChart {
    func drawVertically(on canvas: ChartCanvas, paths: [[String]], nodes: [[Node]]) -> ChartDrawing {
        var nodes = nodes
        let font = Self.fontSize
        let total = max(1, routes.count)
        let gap = 6.0
        let maxNodes = Double(nodes.map(\.count).max() ?? 1)
        let unit = max(0.001, (canvas.width - 8 - gap * (maxNodes - 1) - maxNodes) / Double(total))
        let thickness = Self.nodeWidth
        let lineHeight = font + 4
        let ribbonDrop = 36.0
        // Upright, a node's `y` and `height` are its left edge and width along the row.
        // Each row: the nodes, then their names, then the ribbons' drop to the next row.
        var rowTops: [Double] = []
        var y = 4.0
        for column in nodes.indices {
            rowTops.append(y)
            var x = 4.0
            for index in nodes[column].indices {
                nodes[column][index].y = x
                nodes[column][index].height = max(1, Double(nodes[column][index].count) * unit)
                x += nodes[column][index].height + gap
            }
            y += thickness + 4 + Double(nodes[column].count) * lineHeight + ribbonDrop
        }
        let height = y - ribbonDrop + 4
        var svg = SVGWriter()
        svg.open(canvas, height: height)
        let n = SVGWriter.number
        for move in moves(paths, nodes: nodes) {
            let width = Double(move.count) * unit
            let source = nodes[move.column][move.from]
            let target = nodes[move.column + 1][move.to]
            let x0 = source.y + source.outOffset, x1 = target.y + target.inOffset
            // Ribbons leave below the row's names, so that no name sits on another node's ribbon.
            let y0 = rowTops[move.column] + thickness + 4 + Double(nodes[move.column].count) * lineHeight
            let y1 = rowTops[move.column + 1]
            nodes[move.column][move.from].outOffset += width
            nodes[move.column + 1][move.to].inOffset += width
            let bend = y1 - ribbonDrop / 2
            let d = "M\(n(x0)),\(n(y0)) L\(n(x0)),\(n(bend - ribbonDrop / 2)) C\(n(x0)),\(n(bend)) \(n(x1)),\(n(bend)) \(n(x1)),\(n(y1)) "
                + "L\(n(x1 + width)),\(n(y1)) C\(n(x1 + width)),\(n(bend)) \(n(x0 + width)),\(n(bend)) \(n(x0 + width)),\(n(bend - ribbonDrop / 2)) "
                + "L\(n(x0 + width)),\(n(y0)) Z"
            svg.path(d, className: "ribbon \(Palette.className(color(target.name)))",
                     extra: " data-from=\"\(move.column)-\(move.from)\" data-to=\"\(move.column + 1)-\(move.to)\"")
        }
        var labels: [LabelBox] = []
        for column in nodes.indices {
            let top = rowTops[column]
            for (index, node) in nodes[column].enumerated() {
                svg.rect(x: node.y, y: top, width: node.height, height: thickness,
                         className: "node \(Palette.className(color(node.name)))")
                let text = TextMetrics.fit("\(node.name) \(self.labels.number(node.count))", maxWidth: canvas.width - 4, fontSize: font)
                let width = TextMetrics.width(text, fontSize: font)
                let x = min(max(2, node.y), canvas.width - width - 2)
                let lineTop = top + thickness + 4 + Double(index) * lineHeight
                svg.text(text, x: x, y: lineTop + font * 0.85, className: "label halo", extra: " data-node=\"\(column)-\(index)\"")
                labels.append(LabelBox(text: text, x: x, y: lineTop, width: width, height: font))
            }
        }
        return svg.finish(canvas, height: height, labels: labels)
    }
}
