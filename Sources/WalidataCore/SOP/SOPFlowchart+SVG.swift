extension SOPFlowchart {
    /// Static SVG for one laid-out page: no scripts, no external references, no ids
    /// (arrowheads are plain polygons, so many pages can share one HTML document), and
    /// every piece of text escaped. Shapes carry `sym-*` / `arrow` classes for styling
    /// and tests.
    public static func svg(for layout: FlowchartLayout, of definition: SOPDefinition, labels: FlowchartLabels) -> String {
        let n = SVGText.number
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart\" role=\"img\""
        out += " aria-label=\"\(SVGText.escape(ariaLabel(layout, definition, labels)))\""
        out += " width=\"\(n(layout.width))\" height=\"\(n(layout.height))\""
        out += " viewBox=\"0 0 \(n(layout.width)) \(n(layout.height))\""
        out += " font-family=\"sans-serif\">"
        out += grid(layout)
        out += layout.arrows.map { arrow($0, geometry: layout.geometry) }.joined()
        out += layout.symbols.map { symbol($0, definition: definition) }.joined()
        out += layout.arrows.compactMap { branchLabel($0, labels: labels) }.joined()
        out += "</svg>"
        return out
    }

    private static func ariaLabel(_ layout: FlowchartLayout, _ definition: SOPDefinition, _ labels: FlowchartLabels) -> String {
        let name = "\(labels.diagram) \(definition.identity.namaSOP)"
        guard let first = layout.stepNumbers.first, let last = layout.stepNumbers.last else { return name }
        return "\(name), \(labels.steps) " + (first == last ? "\(first)" : "\(first)–\(last)")
    }

    /// Thin lines continuing the surrounding table's grid inside the drawing; the outer
    /// frame is the table cell's own border.
    private static func grid(_ layout: FlowchartLayout) -> String {
        let n = SVGText.number
        let rows = layout.stepNumbers.count
        var lines: [(Double, Double, Double, Double)] = []
        for lane in 1..<max(1, layout.laneCount) {
            let x = Double(lane) * layout.laneWidth
            lines.append((x, 0, x, layout.height))
        }
        var ys = (1..<max(1, rows)).map { layout.topPadding + Double($0) * layout.rowHeight }
        if layout.topPadding > 0, rows > 0 { ys.append(layout.topPadding) }
        if layout.bottomPadding > 0, rows > 0 { ys.append(layout.topPadding + Double(rows) * layout.rowHeight) }
        lines += ys.sorted().map { (0, $0, layout.width, $0) }
        let body = lines.map { "<line x1=\"\(n($0.0))\" y1=\"\(n($0.1))\" x2=\"\(n($0.2))\" y2=\"\(n($0.3))\"/>" }.joined()
        return "<g class=\"grid\" stroke=\"#000\" stroke-width=\"0.75\">\(body)</g>"
    }

    private static func arrow(_ arrow: FlowchartLayout.Arrow, geometry: FlowchartGeometry) -> String {
        guard arrow.points.count >= 2, let tip = arrow.points.last else { return "" }
        let n = SVGText.number
        let before = arrow.points[arrow.points.count - 2]
        let dx = tip.x - before.x
        let dy = tip.y - before.y
        let length = max((dx * dx + dy * dy).squareRoot(), 0.0001)
        let (ux, uy) = (dx / length, dy / length)
        let head = min(geometry.arrowheadLength, length)
        let base = FlowchartLayout.Point(x: tip.x - ux * head, y: tip.y - uy * head)
        let half = geometry.arrowheadWidth / 2
        let line = (arrow.points.dropLast() + [base]).map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
        let headPoints = [
            (tip.x, tip.y),
            (base.x - uy * half, base.y + ux * half),
            (base.x + uy * half, base.y - ux * half),
        ].map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        return "<g class=\"arrow\">"
            + "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#000\" stroke-width=\"1\"/>"
            + "<polygon points=\"\(headPoints)\" fill=\"#000\"/>"
            + "</g>"
    }

    private static func symbol(_ symbol: FlowchartLayout.Symbol, definition: SOPDefinition) -> String {
        let n = SVGText.number
        let f = symbol.frame
        let style = "fill=\"#fff\" stroke=\"#000\" stroke-width=\"1\""
        var title = ""
        var shape: String
        var textY = f.midY
        var fontSize = 11.0
        switch symbol.shape {
        case .terminator:
            shape = "<rect x=\"\(n(f.x))\" y=\"\(n(f.y))\" width=\"\(n(f.width))\" height=\"\(n(f.height))\" rx=\"\(n(f.height / 2))\" \(style)/>"
        case .process:
            shape = "<rect x=\"\(n(f.x))\" y=\"\(n(f.y))\" width=\"\(n(f.width))\" height=\"\(n(f.height))\" \(style)/>"
        case .decision:
            let points = [(f.midX, f.y), (f.maxX, f.midY), (f.midX, f.maxY), (f.x, f.midY)]
            shape = "<polygon points=\"\(points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " "))\" \(style)/>"
        case .connector:
            let point = min(f.height / 2, f.width * 0.35)
            let points = [(f.x, f.y), (f.maxX, f.y), (f.maxX, f.maxY - point), (f.midX, f.maxY), (f.x, f.maxY - point)]
            shape = "<polygon points=\"\(points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " "))\" \(style)/>"
            textY = f.y + (f.height - point) / 2 + 1
            fontSize = 10
        }
        var attributes = "class=\"sym-\(symbol.shape.rawValue)\""
        if let number = symbol.step, let step = definition.step(number) {
            attributes += " data-step=\"\(number)\""
            let lane = definition.lane(step.lane)?.name ?? step.lane
            title = "<title>\(SVGText.escape("\(number). \(step.activity) (\(lane))"))</title>"
        } else {
            attributes += " data-connector=\"\(SVGText.escape(symbol.text))\""
        }
        let text = "<text x=\"\(n(f.midX))\" y=\"\(n(textY + fontSize * 0.35))\" font-size=\"\(n(fontSize))\""
            + " text-anchor=\"middle\" fill=\"#000\">\(SVGText.escape(symbol.text))</text>"
        return "<g \(attributes)>\(title)\(shape)\(text)</g>"
    }

    private static func branchLabel(_ arrow: FlowchartLayout.Arrow, labels: FlowchartLabels) -> String? {
        guard let branch = arrow.branch, let anchor = arrow.labelAnchor else { return nil }
        let n = SVGText.number
        let word = branch == .yes ? labels.yes : labels.no
        return "<text class=\"branch-label\" x=\"\(n(anchor.x))\" y=\"\(n(anchor.y))\" font-size=\"10\""
            + " text-anchor=\"\(arrow.labelTextAnchor.rawValue)\" fill=\"#000\">\(SVGText.escape(word))</text>"
    }
}
