import Foundation
import Vapor
import WalidataCore
import WalidataTables

/// The explorer's chart: a numeric column summed or averaged by a category (bars, the largest
/// first, the rest as "lainnya") or by a year or date (a line, in order), drawn as SVG on the
/// server, no script, readable on a 390 px phone: a 400-unit wide drawing with 12–14 unit text.
enum ExplorerChart {
    static let topBars = 10
    static let maximumPoints = 200

    enum Kind: String, CaseIterable, Sendable { case bar, line }

    /// `x`, `y`, `agg`, `kind` as they arrive in the URL.
    struct Params: Content {
        var x: String?
        var y: String?
        var agg: String?
        var kind: String?

        /// Whether a query's pairs name any of these fields (most table pages do not: no decoding then).
        static func asked(in pairs: [(String, String)]) -> Bool {
            pairs.contains { ["x", "y", "agg", "kind"].contains($0.0) }
        }

        /// Nil when no chart is asked for (no `x` and no `y`).
        func choice() throws -> Choice? {
            let x = (x ?? "").trimmingCharacters(in: .whitespaces), y = (y ?? "").trimmingCharacters(in: .whitespaces)
            guard !x.isEmpty || !y.isEmpty else { return nil }
            guard !x.isEmpty, !y.isEmpty else { throw UserError(.badRequest, "explorer.error.chart_columns") }
            guard let function = TableAggregation.Function(rawValue: agg.flatMap { $0.isEmpty ? nil : $0 } ?? "sum") else {
                throw UserError(.badRequest, "explorer.error.chart_agg", agg ?? "")
            }
            guard let kind = Kind(rawValue: kind.flatMap { $0.isEmpty ? nil : $0 } ?? "bar") else {
                throw UserError(.badRequest, "explorer.error.chart_kind", self.kind ?? "")
            }
            return Choice(x: x, y: y, function: function, kind: kind)
        }
    }

    struct Choice: Sendable, Equatable {
        var x: String
        var y: String
        var function: TableAggregation.Function
        var kind: Kind

        var encoded: String {
            [("x", x), ("y", y), ("agg", function.rawValue), ("kind", kind.rawValue)]
                .map { "\($0.0)=\(FormText.encode($0.1))" }.joined(separator: "&")
        }
    }

    /// One bar or point, labelled for people.
    struct Point: Sendable, Equatable {
        var label: String
        var category: TableValue
        var value: Double
        var rows: Int
        var isRest: Bool
    }

    /// The points to draw, checked against the kind: a line needs a year or date column and at
    /// most `maximumPoints` of them; empty categories are left off a line.
    static func points(_ aggregation: TableAggregation, xType: ColumnType, request: Choice, t: Translator) throws -> [Point] {
        if request.kind == .line {
            guard xType == .integer || xType == .date else { throw UserError(.badRequest, "explorer.error.line_x", aggregation.x) }
            let groups = aggregation.groups.filter { $0.category != .null }
            guard groups.count <= maximumPoints else {
                throw UserError(.badRequest, "explorer.error.too_many_points", aggregation.x, String(maximumPoints))
            }
            return groups.compactMap { g in
                g.value(request.function).map { Point(label: label(g.category, t: t), category: g.category, value: $0, rows: g.rows, isRest: false) }
            }
        }
        var points = aggregation.groups.compactMap { g in
            g.value(request.function).map { Point(label: label(g.category, t: t), category: g.category, value: $0, rows: g.rows, isRest: false) }
        }
        if let rest = aggregation.rest, let value = rest.value(request.function) {
            points.append(Point(label: t("explorer.chart.other", NumberText.format(aggregation.restGroupCount, lang: t.lang)),
                                category: .null, value: value, rows: rest.rows, isRest: true))
        }
        return points
    }

    static func label(_ value: TableValue, t: Translator) -> String {
        switch value {
        case .null: t("explorer.chart.empty")
        case .integer(let v): (1000...9999).contains(v) ? String(v) : NumberText.format(v, lang: t.lang)
        case .decimal(let v): number(v, lang: t.lang)
        case .boolean(let v): t(v ? "explorer.yes" : "explorer.no")
        case .date(let s), .text(let s): s
        }
    }

    /// A value as the chart writes it: grouped, at most two decimals (`1.234.567`, `12,5`).
    static func number(_ value: Double, lang: Lang) -> String {
        guard value.isFinite else { return "–" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 9e15 { return NumberText.format(Int64(rounded), lang: lang) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return NumberText.canonical(text, lang: lang)
    }

    /// A short axis label: `1,5 jt`, `2 M` (Indonesian), `1.5 M`, `2 bn` (English).
    static func short(_ value: Double, t: Translator) -> String {
        let scales: [(Double, String)] = [(1e12, "explorer.unit.trillion"), (1e9, "explorer.unit.billion"), (1e6, "explorer.unit.million")]
        for (scale, key) in scales where abs(value) >= scale {
            return number((value / scale * 10).rounded() / 10, lang: t.lang) + " " + t(key)
        }
        return number(value, lang: t.lang)
    }

    static func title(_ request: Choice, aggregation: TableAggregation, t: Translator) -> String {
        t(request.function == .sum ? "explorer.chart.title_sum" : "explorer.chart.title_avg", aggregation.y, aggregation.x)
    }

    // MARK: Drawing

    static let width = 400.0
    private static let ink = "#1b2430", muted = "#5b6675", brand = "#0b5394", line = "#c9d1db", restFill = "#8aa4bf"

    static func svg(_ points: [Point], request: Choice, aggregation: TableAggregation, t: Translator) -> String {
        let heading = title(request, aggregation: aggregation, t: t)
        let description = t("explorer.chart.desc", NumberText.format(aggregation.rowCount, lang: t.lang))
        let (height, marks) = request.kind == .bar ? bars(points, t: t) : lineMarks(points, t: t)
        let empty = points.isEmpty ? "<text x=\"0\" y=\"50\" font-size=\"13\" fill=\"\(muted)\">\(esc(t("explorer.chart.no_data")))</text>" : ""
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(max(height, 70)))" width="\(Int(width))" height="\(Int(max(height, 70)))" \
        role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui,'DejaVu Sans',Arial,sans-serif">
        <title id="chart-title">\(esc(heading))</title>
        <desc id="chart-desc">\(esc(description))</desc>
        <text x="0" y="17" font-size="16" font-weight="600" fill="\(ink)">\(esc(cut(heading, 44)))</text>
        \(marks)\(empty)
        </svg>
        """
    }

    private static func esc(_ text: String) -> String { HTML.escape(text) }

    private static func cut(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    private static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    /// Horizontal bars, each with its label above it, so long names stay readable on a phone.
    private static func bars(_ points: [Point], t: Translator) -> (Double, String) {
        let top = 34.0, step = 44.0, room = width - 104
        let largest = max(points.map(\.value).max() ?? 0, 0)
        var out = ""
        for (i, p) in points.enumerated() {
            let y = top + Double(i) * step
            let length = largest > 0 ? max(0, p.value) / largest * room : 0
            let value = number(p.value, lang: t.lang)
            out += """
            <g><title>\(esc(p.label)): \(esc(value))</title>\
            <text x="0" y="\(fmt(y + 14))" font-size="15" fill="\(ink)">\(esc(cut(p.label, 46)))</text>\
            <rect x="0" y="\(fmt(y + 20))" width="\(fmt(max(length, 1)))" height="17" fill="\(p.isRest ? restFill : brand)"/>\
            <text x="\(fmt(length + 5))" y="\(fmt(y + 34))" font-size="14" fill="\(ink)">\(esc(value))</text></g>

            """
        }
        return (top + Double(points.count) * step + 6, out)
    }

    /// A line through the points in order, with a value axis of round numbers.
    private static func lineMarks(_ points: [Point], t: Translator) -> (Double, String) {
        let height = 250.0, left = 62.0, right = width - 12, plotTop = 34.0, bottom = height - 36
        guard !points.isEmpty else { return (height, "") }
        let values = points.map(\.value)
        let ticks = niceTicks(low: min(0, values.min()!), high: max(values.max()!, 0))
        let low = ticks.first!, high = ticks.last!
        func yPos(_ v: Double) -> Double { high == low ? bottom : bottom - (v - low) / (high - low) * (bottom - plotTop) }
        func xPos(_ i: Int) -> Double { points.count == 1 ? (left + right) / 2 : left + Double(i) / Double(points.count - 1) * (right - left) }
        var out = ""
        for tick in ticks {
            let y = yPos(tick)
            out += "<line x1=\"\(fmt(left))\" x2=\"\(fmt(right))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y))\" stroke=\"\(line)\"/>"
            out += "<text x=\"\(fmt(left - 5))\" y=\"\(fmt(y + 4))\" font-size=\"13\" text-anchor=\"end\" fill=\"\(muted)\">\(esc(short(tick, t: t)))</text>\n"
        }
        // As many category labels as fit: every k-th, the last always.
        let isDate = points.first.map { if case .date = $0.category { true } else { false } } ?? false
        let fitting = isDate ? 4 : 7
        let every = max(1, Int((Double(points.count) / Double(fitting)).rounded(.up)))
        for (i, p) in points.enumerated() where i % every == 0 || i == points.count - 1 {
            if i != points.count - 1 && points.count - 1 - i < every / 2 + 1 && i != 0 { continue }
            // The first and last labels end inside the drawing, not across its edge.
            let anchor = points.count > 1 && i == points.count - 1 ? "end" : points.count > 1 && i == 0 ? "start" : "middle"
            let at = anchor == "start" ? xPos(i) - 6 : anchor == "end" ? xPos(i) + 6 : xPos(i)
            out += "<text x=\"\(fmt(at))\" y=\"\(fmt(bottom + 20))\" font-size=\"13\" text-anchor=\"\(anchor)\" fill=\"\(muted)\">\(esc(cut(p.label, 12)))</text>\n"
        }
        let path = points.indices.map { "\(fmt(xPos($0))),\(fmt(yPos(points[$0].value)))" }.joined(separator: " ")
        out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(brand)\" stroke-width=\"2.5\"/>\n"
        for (i, p) in points.enumerated() {
            out += "<circle cx=\"\(fmt(xPos(i)))\" cy=\"\(fmt(yPos(p.value)))\" r=\"3.5\" fill=\"\(brand)\"><title>\(esc(p.label)): \(esc(number(p.value, lang: t.lang)))</title></circle>\n"
        }
        return (height, out)
    }

    /// Four to six round steps covering `low…high` (1, 2 or 5 times a power of ten).
    static func niceTicks(low: Double, high: Double) -> [Double] {
        guard high > low else { return [low, low + 1] }
        let raw = (high - low) / 4
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let start = floor(low / step) * step
        var ticks: [Double] = []
        var v = start
        while v < high + step * 0.001 { ticks.append(v); v += step }
        if ticks.last! < high { ticks.append(v) }
        return ticks
    }
}
