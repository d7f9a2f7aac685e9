/// Places symbols and routes arrows for a paged flowchart.
///
/// Routing rules, chosen so the drawing reads like a hand-made official SOP chart:
/// - A step leading to the step in the next row gets a direct arrow: straight down in
///   the same lane, or out of the symbol's side and down into the next symbol's top.
/// - Any other arrow (the decision's "Tidak" loop back, or a jump over rows) runs in a
///   channel along the outer side of the lanes, where no symbol or direct arrow can be,
///   and enters its target from the side. Longer loops get outer channels so loops nest
///   instead of crossing.
/// - An arrow that crosses a page break ends at a lettered off-page connector in a band
///   above or below the page's rows and resumes from the same letter on the other page.
struct FlowchartRouter {
    enum Side { case left, right }

    /// Where an arrow leaves its symbol.
    enum Exit: Hashable { case side(Side), bottom }

    struct Edge {
        var from: Int
        var to: Int
        var branch: FlowchartLayout.Branch?
        var isDirect: Bool
        var exit: Exit = .bottom
        /// Which outer channel a non-direct arrow runs in.
        var side: Side = .left
        var channelX: Double = 0
        /// The target's side facing the channel is taken by its own outgoing arrow, so this
        /// arrow joins the target's incoming line just above it instead.
        var entersFromTop = false
        var letter: String?
    }

    typealias Point = FlowchartLayout.Point
    typealias Rect = FlowchartLayout.Rect

    let steps: [SOPStep]
    let geometry: FlowchartGeometry
    let rowsPerPage: Int
    let laneCount: Int
    let laneOfRow: [Int]
    private(set) var edges: [Edge] = []

    init(definition: SOPDefinition, rowsPerPage: Int, geometry: FlowchartGeometry) {
        steps = definition.steps
        self.geometry = geometry
        self.rowsPerPage = max(1, rowsPerPage)
        laneCount = max(1, definition.lanes.count)
        laneOfRow = definition.steps.map { step in definition.lanes.firstIndex { $0.code == step.lane } ?? 0 }
        edges = Self.edges(of: definition.steps, rowsPerPage: self.rowsPerPage)
        assignSidesAndChannels()
        assignLetters()
    }

    var width: Double { Double(laneCount) * geometry.laneWidth }
    var pageCount: Int { max(1, (steps.count + rowsPerPage - 1) / rowsPerPage) }

    func page(ofRow row: Int) -> Int { row / rowsPerPage }

    func isCrossPage(_ edge: Edge) -> Bool { page(ofRow: edge.from) != page(ofRow: edge.to) }

    func layouts() -> [FlowchartLayout] {
        (0..<pageCount).map(layout(page:))
    }

    // MARK: - Edges

    private static func edges(of steps: [SOPStep], rowsPerPage: Int) -> [Edge] {
        var rowOf: [Int: Int] = [:]
        for (row, step) in steps.enumerated() where rowOf[step.number] == nil { rowOf[step.number] = row }
        var edges: [Edge] = []
        for (row, step) in steps.enumerated() {
            let targets: [(Int?, FlowchartLayout.Branch?)] = step.kind == .decision
                ? [(step.yes, .yes), (step.no, .no)]
                : [(step.next, nil)]
            for case let (target?, branch) in targets {
                guard let to = rowOf[target], to != row else { continue }
                edges.append(Edge(from: row, to: to, branch: branch, isDirect: to == row + 1))
            }
        }
        return edges
    }

    private func directExit(_ edge: Edge) -> Exit {
        guard !isCrossPage(edge), laneOfRow[edge.from] != laneOfRow[edge.to] else { return .bottom }
        return .side(laneOfRow[edge.to] > laneOfRow[edge.from] ? .right : .left)
    }

    /// Gives each non-direct arrow an exit no other arrow of its symbol uses (left, then
    /// right, then a short stub from the bottom), a channel, and an entry. An exit whose
    /// "Ya"/"Tidak" label would have no room (an outer lane facing its own channel) is
    /// tried last.
    private mutating func assignSidesAndChannels() {
        var usedExits: [Int: Set<Exit>] = [:]
        for index in edges.indices where edges[index].isDirect {
            edges[index].exit = directExit(edges[index])
            usedExits[edges[index].from, default: []].insert(edges[index].exit)
        }
        let directExits = usedExits
        for index in edges.indices where !edges[index].isDirect {
            let edge = edges[index]
            let lane = laneOfRow[edge.from]
            let laneCount = self.laneCount
            let cramped = { (exit: Exit) in
                edge.branch != nil
                    && ((exit == .side(.left) && lane == 0) || (exit == .side(.right) && lane == laneCount - 1))
            }
            let free = [Exit.side(.left), .side(.right), .bottom].filter { !(usedExits[edge.from]?.contains($0) ?? false) }
            let exit = free.first { !cramped($0) } ?? free.first ?? .side(.left)
            let side: Side
            switch exit {
            case .side(let exitSide): side = exitSide
            case .bottom: side = lane == laneCount - 1 && laneCount > 1 ? .right : .left
            }
            edges[index].exit = exit
            edges[index].side = side
            edges[index].entersFromTop = directExits[edge.to]?.contains(.side(side)) ?? false
            usedExits[edge.from, default: []].insert(exit)
        }
        for side in [Side.left, .right] {
            let channelled = edges.indices
                .filter { !edges[$0].isDirect && edges[$0].side == side }
                .sorted { span(edges[$0]) != span(edges[$1]) ? span(edges[$0]) > span(edges[$1]) : $0 < $1 }
            let spacing = channelSpacing(count: channelled.count)
            let minimum = geometry.connectorWidth / 2 + 1
            for (slot, index) in channelled.enumerated() {
                let offset = max(minimum, geometry.channelInset + Double(slot) * spacing)
                edges[index].channelX = side == .left ? offset : width - offset
            }
        }
    }

    private func span(_ edge: Edge) -> Int { abs(edge.to - edge.from) }

    /// Squeezes channels together when many loops share a side, keeping them clear of symbols.
    private func channelSpacing(count: Int) -> Double {
        guard count > 1 else { return geometry.channelSpacing }
        let room = geometry.laneMargin - 6 - geometry.channelInset
        return max(1, min(geometry.channelSpacing, room / Double(count - 1)))
    }

    private mutating func assignLetters() {
        var next = 0
        for index in edges.indices where isCrossPage(edges[index]) {
            edges[index].letter = Self.letter(next)
            next += 1
        }
    }

    /// A, B, …, Z, AA, AB, … like spreadsheet columns.
    static func letter(_ index: Int) -> String {
        var n = index
        var text = ""
        repeat {
            text = String(UnicodeScalar(UInt8(65 + n % 26))) + text
            n = n / 26 - 1
        } while n >= 0
        return text
    }
}
