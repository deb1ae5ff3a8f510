/// Drawing a timeline at one width. Side by side, each row's name is left of its bars and the
/// company it ends at right of them; compact, both go on a line above the bars, and a cohort's
/// careers start at the cohort date (the rest of each career is in the table).
extension TimelineChart {
    func draw(on canvas: ChartCanvas, _ prepared: Prepared) -> ChartDrawing {
        let compact = canvas.isCompact
        let font = Self.fontSize
        let rowSpans = prepared.rowSpans
        let uncertain = rowSpans.contains { $0.contains(where: \.hasUncertainty) }
        var earliest = (rowSpans.flatMap { $0.map(\.start) } + markers.map(\.day)).min() ?? endDay - 3650
        if compact, showRowLabels, let cohortDate = markers.map(\.day).min() { earliest = cohortDate }
        let axisStart = TimeAxis.day(ofYear: TimeAxis.year(of: min(earliest, endDay - 365)))
        let barHeight = rows.count > 40 ? 14.0 : 16.0
        let labelLine = compact ? font + 4 : 0
        let rowHeight = labelLine + barHeight + 6
        let labelWidth = !compact && showRowLabels ? min(170, max(60, prepared.widestLabel)) : 0
        let endNames = prepared.endNames
        let endWidth = compact ? 0 : min(220, prepared.widestEndName)
        let axis = TimeAxis(startDay: axisStart, endDay: endDay,
                            x0: compact ? 4 : labelWidth + (showRowLabels ? 16 : 8),
                            x1: canvas.width - (compact ? 4 : endWidth + 20))
        let top = markers.isEmpty ? 8.0 : 48.0
        let bottom = top + Double(rows.count) * rowHeight
        let legend = uncertain ? TextMetrics.wrap(labels.text("chart.hatched"),
                                                  maxWidth: canvas.width - axis.x0 - 24, fontSize: font) : []
        let height = bottom + 26 + Double(legend.count) * (font + 6)
        var svg = SVGWriter()
        svg.open(canvas, height: height)
        svg.raw("<defs><pattern id=\"\(canvas.id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect class=\"hatch-bg\" width=\"6\" height=\"6\"/><line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>\n")
        let hatch = " fill=\"url(#\(canvas.id)-hatch)\""
        var labels: [LabelBox] = []
        for tick in axis.yearTicks(fontSize: font, chartWidth: canvas.width) {
            svg.line(x1: tick.x, y1: top - 4, x2: tick.x, y2: bottom, className: "grid")
            svg.text(String(tick.year), x: tick.x, y: bottom + 16, className: "tick", anchor: "middle")
            let width = TextMetrics.width(String(tick.year), fontSize: font)
            labels.append(LabelBox(text: String(tick.year), x: tick.x - width / 2, y: bottom + 4, width: width, height: font))
        }
        // Names go over the marker lines (drawn after the bars), so a line never runs through one.
        var rowText = SVGWriter()
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let barTop = y + labelLine + 3
            labels += rowLabels(row.label, endName: endNames[index], into: &rowText, compact: compact, y: y, barTop: barTop,
                                barHeight: barHeight, axis: axis, labelWidth: labelWidth, endWidth: endWidth)
            var lastLabelEnd = -Double.infinity
            for (barIndex, (bar, span)) in zip(row.bars, rowSpans[index]).enumerated() where span.end >= axisStart {
                let x0 = axis.x(max(span.start, axisStart)), x1 = axis.x(span.end)
                let solid0 = axis.x(max(span.solidFrom, axisStart)), solid1 = axis.x(max(span.solidTo, axisStart))
                svg.raw("<g><title>\(prepared.tooltips[index][barIndex])</title>\n")
                svg.rect(x: x0, y: barTop, width: x1 - x0, height: barHeight, className: "bar \(Palette.className(bar.colorIndex))")
                if solid0 > x0 { svg.rect(x: x0, y: barTop, width: solid0 - x0, height: barHeight, className: "uncertain", extra: hatch) }
                if solid1 < x1 { svg.rect(x: solid1, y: barTop, width: x1 - solid1, height: barHeight, className: "uncertain", extra: hatch) }
                svg.raw("</g>\n")
                // The name goes on the solid part of the bar, where there is room before the next bar,
                // which may start before this one ends (a year's end is drawn at 1 July).
                let next = barIndex + 1 < rowSpans[index].count ? axis.x(max(rowSpans[index][barIndex + 1].start, axisStart)) : .infinity
                let text = TextMetrics.fit(bar.company, maxWidth: min(solid1, next) - solid0 - 8, fontSize: font)
                let textX = solid0 + 4
                if text.count >= 3, textX >= lastLabelEnd {
                    let width = TextMetrics.width(text, fontSize: font)
                    svg.text(text, x: textX, y: barTop + barHeight / 2 + font * 0.35, className: "on-bar")
                    labels.append(LabelBox(text: text, x: textX, y: barTop + (barHeight - font) / 2, width: width, height: font))
                    lastLabelEnd = textX + width + 2
                }
            }
        }
        labels += drawMarkers(into: &svg, axis: axis, top: top, bottom: bottom, width: canvas.width)
        svg.raw(rowText.markup)
        for (index, line) in legend.enumerated() {
            let y = bottom + 26 + Double(index) * (font + 6)
            if index == 0 {
                svg.rect(x: axis.x0, y: y, width: 14, height: 14, className: "bar legend-swatch")
                svg.rect(x: axis.x0, y: y, width: 14, height: 14, className: "uncertain", extra: hatch)
            }
            svg.text(line, x: axis.x0 + 20, y: y + 11, className: "legend")
            labels.append(LabelBox(text: line, x: axis.x0 + 20, y: y, width: TextMetrics.width(line, fontSize: font), height: font))
        }
        return svg.finish(canvas, height: height, labels: labels)
    }

    /// A row's name and the company it ends at: beside the bars, or on a line above them.
    private func rowLabels(_ name: String, endName: String, into svg: inout SVGWriter, compact: Bool, y: Double, barTop: Double,
                           barHeight: Double, axis: TimeAxis, labelWidth: Double, endWidth: Double) -> [LabelBox] {
        let font = Self.fontSize
        var boxes: [LabelBox] = []
        if compact {
            // The person's name first (up to 60% of the line), the company in the rest.
            let room = axis.x1 - axis.x0
            var nameWidth = 0.0
            if showRowLabels {
                let text = TextMetrics.fit(name, maxWidth: room * 0.6, fontSize: font)
                nameWidth = TextMetrics.width(text, fontSize: font)
                svg.text(text, x: axis.x0, y: y + font, className: "label halo")
                boxes.append(LabelBox(text: text, x: axis.x0, y: y + 1, width: nameWidth, height: font))
            }
            let end = TextMetrics.fit(endName, maxWidth: room - 4 - (showRowLabels ? nameWidth + 12 : 0), fontSize: font)
            let endTextWidth = TextMetrics.width(end, fontSize: font)
            if !end.isEmpty {
                // Clear of the "as of" line at the axis's end.
                svg.text(end, x: axis.x1 - 4, y: y + font, className: "label end-label halo", anchor: "end")
                boxes.append(LabelBox(text: end, x: axis.x1 - 4 - endTextWidth, y: y + 1, width: endTextWidth, height: font))
            }
            return boxes
        }
        let baseline = barTop + barHeight / 2 + font * 0.35
        if showRowLabels {
            let text = TextMetrics.fit(name, maxWidth: labelWidth, fontSize: font)
            let width = TextMetrics.width(text, fontSize: font)
            svg.text(text, x: labelWidth + 4, y: baseline, anchor: "end")
            boxes.append(LabelBox(text: text, x: labelWidth + 4 - width, y: barTop + (barHeight - font) / 2, width: width, height: font))
        }
        let end = TextMetrics.fit(endName, maxWidth: endWidth, fontSize: font)
        if !end.isEmpty {
            svg.text(end, x: axis.x1 + 8, y: baseline, className: "label end-label")
            boxes.append(LabelBox(text: end, x: axis.x1 + 8, y: barTop + (barHeight - font) / 2,
                                  width: TextMetrics.width(end, fontSize: font), height: font))
        }
        return boxes
    }

    /// Markers: a line each; the label goes in the first of two rows where it touches nothing,
    /// centred on the line or ending or starting at it. A label with no room is left out (the
    /// chart's description names every marker).
    private func drawMarkers(into svg: inout SVGWriter, axis: TimeAxis, top: Double, bottom: Double, width chartWidth: Double) -> [LabelBox] {
        let font = Self.fontSize
        var placed: [[LabelBox]] = [[], []]
        var labels: [LabelBox] = []
        for marker in markers.sorted(by: { $0.day < $1.day }) where marker.day >= axis.startDay && marker.day <= endDay {
            let x = axis.x(marker.day)
            svg.line(x1: x, y1: top - 4, x2: x, y2: bottom, className: "marker")
            let text = TextMetrics.fit(marker.label, maxWidth: chartWidth - 4, fontSize: font)
            let width = TextMetrics.width(text, fontSize: font)
            let candidates = [x - width / 2, x - width, x].map { min(max($0, 2), chartWidth - width - 2) }
            placing: for row in 0..<2 {
                let baseline = row == 0 ? top - 26 : top - 8
                for candidate in candidates {
                    let box = LabelBox(text: text, x: candidate, y: baseline - font + 2, width: width, height: font)
                    let padded = LabelBox(text: "", x: box.x - 4, y: box.y, width: box.width + 8, height: box.height)
                    if placed[row].contains(where: { $0.overlaps(padded) }) { continue }
                    svg.text(text, x: candidate, y: baseline, className: "marker-label")
                    placed[row].append(box)
                    labels.append(box)
                    break placing
                }
            }
        }
        return labels
    }
}
