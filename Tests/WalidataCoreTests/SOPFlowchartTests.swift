import Foundation
import Testing
@testable import WalidataCore
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("SOP flowchart")
struct SOPFlowchartTests {
    typealias Layout = FlowchartLayout
    let seed = SOPDefinition.mentawai2022
    let geometry = FlowchartGeometry()

    // MARK: Paging and symbols

    @Test func seedSplitsIntoTwoPagesOfFiveRows() {
        let pages = SOPFlowchart.pages(for: seed, rowsPerPage: 5)
        #expect(pages.count == 2)
        #expect(pages.map { $0.steps.map(\.number) } == [[1, 2, 3, 4, 5], [6, 7, 8, 9]])
        #expect(pages.map(\.layout.stepNumbers) == [[1, 2, 3, 4, 5], [6, 7, 8, 9]])
    }

    @Test func eachPageDrawsTheRightNumberOfEachSymbol() {
        let pages = SOPFlowchart.pages(for: seed, rowsPerPage: 5)
        let counts = pages.map { page in
            ["sym-terminator", "sym-process", "sym-decision", "sym-connector", "arrow"]
                .map { occurrences(of: "class=\"\($0)\"", in: page.svg) }
        }
        // Page 1: 1 start, 2–5 processes, connectors A (onward) and B (loop back in);
        // arrows 1→2→3→4→5, 5→A, B→5.
        #expect(counts[0] == [1, 4, 0, 2, 6])
        // Page 2: 6 and 8 processes, 7 decision, 9 end, connectors A and B;
        // arrows A→6, 6→7, 7→8, 8→9, 7→B.
        #expect(counts[1] == [1, 2, 1, 2, 5])
    }

    @Test func terminatorsAreExactlyTheFirstAndLastStepAndStep7IsTheDiamond() {
        let symbols = SOPFlowchart.layouts(for: seed, rowsPerPage: 5).flatMap(\.symbols)
        #expect(symbols.filter { $0.shape == .terminator }.map(\.step) == [1, 9])
        #expect(symbols.filter { $0.shape == .decision }.map(\.step) == [7])
        #expect(symbols.filter { $0.shape == .process }.compactMap(\.step) == [2, 3, 4, 5, 6, 8])
    }

    @Test func pageBreakGetsMatchingConnectorsInTheBands() throws {
        let layouts = SOPFlowchart.layouts(for: seed, rowsPerPage: 5)
        let first = layouts[0]
        let second = layouts[1]
        #expect(first.topPadding == 0)
        #expect(first.bottomPadding == geometry.connectorBand)
        #expect(second.topPadding == geometry.connectorBand)
        #expect(second.bottomPadding == 0)
        #expect(Set(first.connectors.map(\.text)) == ["A", "B"])
        #expect(Set(second.connectors.map(\.text)) == ["A", "B"])

        for connector in first.connectors {
            #expect(connector.frame.y >= first.height - first.bottomPadding)
            #expect(connector.frame.maxY <= first.height)
        }
        for connector in second.connectors {
            #expect(connector.frame.y >= 0)
            #expect(connector.frame.maxY <= second.topPadding)
        }

        // The flow continues 5 → A | A → 6, in the lanes of 5 and 6.
        let a1 = try #require(first.connectors.first { $0.text == "A" })
        let a2 = try #require(second.connectors.first { $0.text == "A" })
        #expect(a1.frame.midX == first.symbol(forStep: 5)?.frame.midX)
        #expect(a2.frame.midX == second.symbol(forStep: 6)?.frame.midX)
        #expect(first.arrows.contains { $0.from == 5 && $0.to == nil && $0.points.last == Layout.Point(x: a1.frame.midX, y: a1.frame.y) })
        #expect(second.arrows.contains { $0.from == nil && $0.to == 6 && $0.points.first == Layout.Point(x: a2.frame.midX, y: a2.frame.maxY) })

        // "Tidak" leaves 7 for B on page 2 and comes back from B into 5 on page 1.
        let tidak = try #require(second.arrows.first { $0.from == 7 && $0.branch == .no })
        #expect(tidak.to == nil)
        let b2 = try #require(second.connectors.first { $0.text == "B" })
        #expect(tidak.points.last == Layout.Point(x: b2.frame.midX, y: b2.frame.maxY))
        let back = try #require(first.arrows.first { $0.from == nil && $0.to == 5 && $0.points.count > 2 })
        let b1 = try #require(first.connectors.first { $0.text == "B" })
        #expect(back.points.first == Layout.Point(x: b1.frame.midX, y: b1.frame.y))
        #expect(b1.frame.midX == b2.frame.midX)
    }

    @Test func singlePageLoopsBackAroundTheLanesWithoutConnectors() throws {
        let page = SOPFlowchart.singlePage(for: seed)
        let layout = page.layout
        #expect(layout.connectors.isEmpty)
        #expect(page.topPadding == 0 && page.bottomPadding == 0)
        #expect(page.height == 9 * geometry.rowHeight)
        let tidak = try #require(layout.arrows.first { $0.from == 7 && $0.branch == .no })
        #expect(tidak.to == 5)
        let step7 = try #require(layout.symbol(forStep: 7)).frame
        let step5 = try #require(layout.symbol(forStep: 5)).frame
        #expect(tidak.points.first == Layout.Point(x: step7.x, y: step7.midY))
        #expect(tidak.points.last == Layout.Point(x: step5.x, y: step5.midY))
        // The loop runs left of every symbol.
        let channel = tidak.points[1].x
        #expect(layout.symbols.allSatisfy { $0.frame.x > channel })
        let ya = try #require(layout.arrows.first { $0.from == 7 && $0.branch == .yes })
        #expect(ya.to == 8)
        #expect(ya.points.count == 2)
        #expect(occurrences(of: ">Ya</text>", in: page.svg) == 1)
        #expect(occurrences(of: ">Tidak</text>", in: page.svg) == 1)
    }

    @Test func englishLabelsReplaceTheBranchWords() {
        let svg = SOPFlowchart.singlePage(for: seed, labels: .english).svg
        #expect(svg.contains(">Yes</text>"))
        #expect(svg.contains(">No</text>"))
        #expect(!svg.contains(">Tidak</text>"))
    }

    // MARK: Geometry

    @Test(arguments: [1, 2, 3, 4, 5, 9])
    func symbolsSitAtRowCentresInTheirLanes(rowsPerPage: Int) {
        for layout in SOPFlowchart.layouts(for: seed, rowsPerPage: rowsPerPage) {
            #expect(layout.width == 4 * geometry.laneWidth)
            #expect(layout.height
                == layout.topPadding + Double(layout.stepNumbers.count) * geometry.rowHeight + layout.bottomPadding)
            for (row, number) in layout.stepNumbers.enumerated() {
                let frame = layout.symbol(forStep: number)!.frame
                let lane = seed.lanes.firstIndex { $0.code == seed.step(number)!.lane }!
                #expect(frame.midY == layout.topPadding + (Double(row) + 0.5) * geometry.rowHeight)
                #expect(frame.midX == (Double(lane) + 0.5) * geometry.laneWidth)
            }
        }
    }

    /// Variants that force the other routes: a decision in the outer lane whose loop
    /// target's facing side is busy, and branches jumping over rows in both directions.
    static let definitions: [(String, SOPDefinition)] = {
        var outerLane = SOPDefinition.mentawai2022
        outerLane.steps[6].lane = "administrasi"
        outerLane.steps[4].lane = "kabid"
        var jumps = SOPDefinition.mentawai2022
        jumps.steps[6].yes = 9
        jumps.steps[6].no = 3
        jumps.steps[7].next = 9
        var rightwards = SOPDefinition.mentawai2022
        rightwards.steps[6].lane = "kabid"
        rightwards.steps[7].lane = "pengelola_ti"
        rightwards.steps[6].no = 2
        return [("seed", .mentawai2022), ("outer lane", outerLane), ("jumps", jumps), ("rightwards", rightwards)]
    }()

    static let drawings: [Drawing] = definitions.flatMap { name, definition in
        (1...9).map { Drawing(name: name, definition: definition, rowsPerPage: $0) }
    }

    struct Drawing: Sendable, CustomTestStringConvertible {
        let name: String
        let definition: SOPDefinition
        let rowsPerPage: Int
        var testDescription: String { "\(name), \(rowsPerPage) rows per page" }
    }

    @Test(arguments: drawings)
    func arrowsAreOrthogonalAndEndOnASymbolEdge(_ drawing: Drawing) {
        for layout in SOPFlowchart.layouts(for: drawing.definition, rowsPerPage: drawing.rowsPerPage) {
            for arrow in layout.arrows {
                for (a, b) in zip(arrow.points, arrow.points.dropFirst()) {
                    #expect(a.x == b.x || a.y == b.y, "diagonal segment in \(arrow)")
                }
                let tip = arrow.points.last!
                let before = arrow.points[arrow.points.count - 2]
                #expect(abs(tip.x - before.x) + abs(tip.y - before.y) >= geometry.arrowheadLength)
                #expect(layout.symbols.contains { onBoundary(tip, $0.frame) }, "tip off every symbol: \(arrow)")
                #expect(layout.symbols.contains { onBoundary(arrow.points[0], $0.frame) }, "tail off every symbol: \(arrow)")
            }
        }
    }

    @Test(arguments: drawings)
    func nothingOverlaps(_ drawing: Drawing) {
        for layout in SOPFlowchart.layouts(for: drawing.definition, rowsPerPage: drawing.rowsPerPage) {
            let frames = layout.symbols.map(\.frame)
            for (i, a) in frames.enumerated() {
                #expect(a.x >= 0 && a.maxX <= layout.width && a.y >= 0 && a.maxY <= layout.height)
                for b in frames[(i + 1)...] { #expect(!a.intersects(b), "\(a) overlaps \(b)") }
            }
            for arrow in layout.arrows {
                for (a, b) in zip(arrow.points, arrow.points.dropFirst()) {
                    for frame in frames {
                        #expect(!crossesInterior(a, b, frame), "arrow \(arrow) crosses \(frame)")
                    }
                }
                if let anchor = arrow.labelAnchor {
                    let label = labelBox(anchor, arrow.labelTextAnchor)
                    #expect(label.x >= 0 && label.maxX <= layout.width, "label outside the page: \(arrow)")
                    #expect(!frames.contains { $0.intersects(label) }, "label on a symbol: \(arrow)")
                }
            }
        }
    }

    @Test(arguments: drawings)
    func arrowsNeitherCrossNorRunAlongEachOther(_ drawing: Drawing) {
        for layout in SOPFlowchart.layouts(for: drawing.definition, rowsPerPage: drawing.rowsPerPage) {
            let arrows = layout.arrows
            for (i, first) in arrows.enumerated() {
                for second in arrows[(i + 1)...] {
                    // Two arrows into the same point may merge on their last stretch.
                    let merging = first.points.last == second.points.last
                    for (a, b) in zip(first.points, first.points.dropFirst()) {
                        for (c, d) in zip(second.points, second.points.dropFirst()) {
                            #expect(!crosses(a, b, c, d), "\(first) crosses \(second)")
                            if !(merging && (b == first.points.last || d == second.points.last)) {
                                #expect(!runsAlong(a, b, c, d), "\(first) runs along \(second)")
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: SVG text

    @Test func svgIsStaticAccessibleAndSized() throws {
        for page in SOPFlowchart.pages(for: seed, rowsPerPage: 5) {
            let svg = page.svg
            #expect(svg.hasPrefix("<svg "))
            #expect(svg.contains("class=\"flowchart\""))
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("aria-label=\"Diagram alir SOP Pengelolaan Data, langkah "))
            #expect(svg.contains("width=\"440\""))
            #expect(svg.contains("height=\"\(SVGText.number(page.height))\""))
            #expect(svg.contains("viewBox=\"0 0 440 \(SVGText.number(page.height))\""))
            #expect(svg.contains("font-family=\"sans-serif\""))
            for forbidden in ["<script", "href", "url(", " id=", "<image", "<foreignObject", "@import", "font-face"] {
                #expect(!svg.contains(forbidden), "SVG contains \(forbidden)")
            }
            try expectWellFormed(svg)
        }
    }

    @Test func hostileTextIsEscaped() throws {
        var definition = seed
        definition.identity.namaSOP = "Data \"Rahasia\" & 'Lainnya'"
        definition.steps[2].activity = "<script>alert('x')</script> & co"
        definition.lanes[1].name = "R&D <b>TI</b>"
        let svg = SOPFlowchart.singlePage(for: definition).svg
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
        #expect(svg.contains("R&amp;D &lt;b&gt;TI&lt;/b&gt;"))
        #expect(svg.contains("Data &quot;Rahasia&quot; &amp; &#39;Lainnya&#39;"))
        for ampersand in svg.ranges(of: "&") {
            let rest = svg[ampersand.lowerBound...]
            #expect(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { rest.hasPrefix($0) })
        }
        try expectWellFormed(svg)
    }

    @Test func escapeCoversTheFiveXMLCharactersAndDropsControlCharacters() {
        #expect(SVGText.escape("a<b>&\"'c") == "a&lt;b&gt;&amp;&quot;&#39;c")
        #expect(SVGText.escape("x\u{0}y\u{1B}z\tw") == "xyz\tw")
        #expect(SVGText.escape("Penayangan – é") == "Penayangan – é")
    }

    @Test func numbersAreCompactAndLocaleFree() {
        #expect(SVGText.number(440) == "440")
        #expect(SVGText.number(0.375) == "0.38")
        #expect(SVGText.number(-1.5) == "-1.5")
        #expect(SVGText.number(12.05) == "12.05")
        #expect(SVGText.number(-0.001) == "0")
    }

    @Test func connectorLettersContinuePastZ() {
        #expect(FlowchartRouter.letter(0) == "A")
        #expect(FlowchartRouter.letter(25) == "Z")
        #expect(FlowchartRouter.letter(26) == "AA")
        #expect(FlowchartRouter.letter(27) == "AB")
    }

    @Test func emptyDefinitionGivesOneEmptyPage() {
        var definition = seed
        definition.steps = []
        let page = SOPFlowchart.singlePage(for: definition)
        #expect(page.steps.isEmpty)
        #expect(page.height == 0)
        #expect(page.layout.symbols.isEmpty)
    }

    // MARK: Helpers

    private func occurrences(of needle: String, in text: String) -> Int {
        text.ranges(of: needle).count
    }

    private func onBoundary(_ p: Layout.Point, _ f: Layout.Rect) -> Bool {
        let withinX = p.x >= f.x && p.x <= f.maxX
        let withinY = p.y >= f.y && p.y <= f.maxY
        return (withinX && (p.y == f.y || p.y == f.maxY)) || (withinY && (p.x == f.x || p.x == f.maxX))
    }

    /// Whether an axis-parallel segment passes through the inside of a frame (touching
    /// its edge is how arrows attach, so that does not count).
    private func crossesInterior(_ a: Layout.Point, _ b: Layout.Point, _ f: Layout.Rect) -> Bool {
        let (minX, maxX) = (min(a.x, b.x), max(a.x, b.x))
        let (minY, maxY) = (min(a.y, b.y), max(a.y, b.y))
        if a.x == b.x {
            return a.x > f.x && a.x < f.maxX && maxY > f.y && minY < f.maxY
        }
        return a.y > f.y && a.y < f.maxY && maxX > f.x && minX < f.maxX
    }

    /// A horizontal and a vertical segment cutting through each other's insides.
    private func crosses(_ a: Layout.Point, _ b: Layout.Point, _ c: Layout.Point, _ d: Layout.Point) -> Bool {
        let (h1, h2, v1, v2) = a.y == b.y && c.x == d.x ? (a, b, c, d) : (c, d, a, b)
        guard h1.y == h2.y, v1.x == v2.x, h1.x != h2.x, v1.y != v2.y else { return false }
        return v1.x > min(h1.x, h2.x) && v1.x < max(h1.x, h2.x) && h1.y > min(v1.y, v2.y) && h1.y < max(v1.y, v2.y)
    }

    /// Two collinear segments sharing a stretch of positive length.
    private func runsAlong(_ a: Layout.Point, _ b: Layout.Point, _ c: Layout.Point, _ d: Layout.Point) -> Bool {
        if a.y == b.y, c.y == d.y, a.y == c.y {
            return min(max(a.x, b.x), max(c.x, d.x)) > max(min(a.x, b.x), min(c.x, d.x))
        }
        if a.x == b.x, c.x == d.x, a.x == c.x {
            return min(max(a.y, b.y), max(c.y, d.y)) > max(min(a.y, b.y), min(c.y, d.y))
        }
        return false
    }

    /// A generous box for a 10px label of up to five letters ("Tidak").
    private func labelBox(_ anchor: Layout.Point, _ textAnchor: Layout.TextAnchor) -> Layout.Rect {
        let width = 28.0
        let x = switch textAnchor {
        case .start: anchor.x
        case .middle: anchor.x - width / 2
        case .end: anchor.x - width
        }
        return Layout.Rect(x: x, y: anchor.y - 8, width: width, height: 10)
    }

    private func expectWellFormed(_ svg: String) throws {
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
    }
}
