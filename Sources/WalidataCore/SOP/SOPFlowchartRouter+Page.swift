extension FlowchartRouter {
    /// Where an arrow touches a page break: which band its connector sits in.
    private enum Band { case top, bottom }

    /// One page's drawing: its rows' symbols, the arrows among them, and the connectors
    /// for arrows that continue on another page.
    func layout(page: Int) -> FlowchartLayout {
        let rows = Array(page * rowsPerPage ..< min(steps.count, (page + 1) * rowsPerPage))
        let pageEdges = edges.filter { rows.contains($0.from) || rows.contains($0.to) }
        let bands = pageEdges.compactMap { band(of: $0, onPage: page) }
        let frame = PageFrame(
            router: self,
            firstRow: rows.first ?? 0,
            rowCount: rows.count,
            topPadding: bands.contains(.top) ? geometry.connectorBand : 0
        )

        var symbols = rows.map { row in
            FlowchartLayout.Symbol(
                shape: shape(ofRow: row),
                frame: frame.symbolFrame(row: row, shape: shape(ofRow: row)),
                step: steps[row].number,
                text: String(steps[row].number)
            )
        }
        var arrows: [FlowchartLayout.Arrow] = []
        for edge in pageEdges {
            let points: [Point]
            var from: Int? = steps[edge.from].number
            var to: Int? = steps[edge.to].number
            if let band = band(of: edge, onPage: page), let letter = edge.letter {
                let leaving = page == self.page(ofRow: edge.from)
                let x = edge.isDirect ? frame.laneCenterX(laneOfRow[leaving ? edge.from : edge.to]) : edge.channelX
                let connector = frame.connectorFrame(x: x, band: band == .top)
                symbols.append(FlowchartLayout.Symbol(shape: .connector, frame: connector, step: nil, text: letter))
                let connectorEdge = Point(x: x, y: band == .top ? connector.maxY : connector.y)
                if leaving {
                    points = (edge.isDirect ? [frame.port(row: edge.from, .bottom)] : exitPoints(edge, frame: frame))
                        + [connectorEdge]
                    to = nil
                } else {
                    points = [connectorEdge]
                        + (edge.isDirect ? [frame.port(row: edge.to, .top)] : entryPoints(edge, frame: frame))
                    from = nil
                }
            } else if edge.isDirect {
                points = directPoints(edge, frame: frame)
            } else {
                points = exitPoints(edge, frame: frame) + entryPoints(edge, frame: frame)
            }
            let label = from == nil ? nil : branchLabel(edge: edge, points: points, frame: frame)
            arrows.append(FlowchartLayout.Arrow(
                points: points,
                from: from,
                to: to,
                branch: from == nil ? nil : edge.branch,
                labelAnchor: label?.anchor,
                labelTextAnchor: label?.textAnchor ?? .middle
            ))
        }

        return FlowchartLayout(
            stepNumbers: rows.map { steps[$0].number },
            laneCount: laneCount,
            geometry: geometry,
            topPadding: frame.topPadding,
            bottomPadding: bands.contains(.bottom) ? geometry.connectorBand : 0,
            symbols: symbols,
            arrows: arrows
        )
    }

    /// First and last steps are terminators (start/end); a decision stays a diamond.
    func shape(ofRow row: Int) -> FlowchartLayout.Shape {
        if steps[row].kind == .decision { return .decision }
        return row == 0 || row == steps.count - 1 ? .terminator : .process
    }

    /// The band an arrow's connector occupies on this page, if the arrow crosses a page
    /// break here. Arrows run downward except loops back, which leave through the top.
    private func band(of edge: Edge, onPage page: Int) -> Band? {
        guard isCrossPage(edge) else { return nil }
        let upward = edge.to < edge.from
        if page == self.page(ofRow: edge.from) { return upward ? .top : .bottom }
        if page == self.page(ofRow: edge.to) { return upward ? .bottom : .top }
        return nil
    }

    private func directPoints(_ edge: Edge, frame: PageFrame) -> [Point] {
        let fromLane = laneOfRow[edge.from]
        let toLane = laneOfRow[edge.to]
        guard fromLane != toLane else { return [frame.port(row: edge.from, .bottom), frame.port(row: edge.to, .top)] }
        let side: PageFrame.Port = toLane > fromLane ? .right : .left
        return [
            frame.port(row: edge.from, side),
            Point(x: frame.laneCenterX(toLane), y: frame.rowCenterY(edge.from)),
            frame.port(row: edge.to, .top),
        ]
    }

    /// From the symbol to its channel: straight out of a side, or down a short stub
    /// (half the gap below the symbol) and across.
    private func exitPoints(_ edge: Edge, frame: PageFrame) -> [Point] {
        switch edge.exit {
        case .side(let side):
            return [frame.port(row: edge.from, side), Point(x: edge.channelX, y: frame.rowCenterY(edge.from))]
        case .bottom:
            let bottom = frame.port(row: edge.from, .bottom)
            let stubY = bottom.y + (frame.rowBottomY(edge.from) - bottom.y) / 2
            return [bottom, Point(x: bottom.x, y: stubY), Point(x: edge.channelX, y: stubY)]
        }
    }

    /// From the channel into the target: across into its side, or, when that side is
    /// taken, across half the gap above it and down into its top.
    private func entryPoints(_ edge: Edge, frame: PageFrame) -> [Point] {
        guard edge.entersFromTop else {
            return [Point(x: edge.channelX, y: frame.rowCenterY(edge.to)), frame.port(row: edge.to, edge.side)]
        }
        let top = frame.port(row: edge.to, .top)
        let joinY = top.y - (top.y - frame.rowTopY(edge.to)) / 2
        return [Point(x: edge.channelX, y: joinY), Point(x: top.x, y: joinY), top]
    }

    /// Puts "Ya"/"Tidak" beside the arrow's first leg: right of a downward leg, or above a
    /// sideways leg, centred in the neighbouring lane's empty cell when the leg crosses it.
    private func branchLabel(edge: Edge, points: [Point], frame: PageFrame)
        -> (anchor: Point, textAnchor: FlowchartLayout.TextAnchor)?
    {
        guard edge.branch != nil, points.count >= 2 else { return nil }
        let start = points[0]
        let end = points[1]
        if start.x == end.x {
            let turnsRight = points.count > 2 && points[2].x > end.x
            let x = turnsRight ? start.x - 4 : start.x + 4
            let y = end.y >= start.y ? start.y + 11 : start.y - 4
            return (Point(x: x, y: y), turnsRight ? .end : .start)
        }
        let direction = end.x > start.x ? 1 : -1
        let neighbour = laneOfRow[edge.from] + direction
        if (0..<laneCount).contains(neighbour) {
            let centre = frame.laneCenterX(neighbour)
            if Double(direction) * (end.x - centre) >= 0 {
                return (Point(x: centre, y: start.y - 5), .middle)
            }
        }
        return (Point(x: start.x + Double(direction) * 3, y: start.y - 5), direction > 0 ? .start : .end)
    }
}

/// Coordinates of one page: rows are counted from the page's first row.
struct PageFrame {
    enum Port { case left, right, top, bottom }

    let router: FlowchartRouter
    let firstRow: Int
    let rowCount: Int
    let topPadding: Double

    private var geometry: FlowchartGeometry { router.geometry }

    func rowCenterY(_ row: Int) -> Double {
        topPadding + (Double(row - firstRow) + 0.5) * geometry.rowHeight
    }

    func rowTopY(_ row: Int) -> Double { rowCenterY(row) - geometry.rowHeight / 2 }

    func rowBottomY(_ row: Int) -> Double { rowCenterY(row) + geometry.rowHeight / 2 }

    func laneCenterX(_ lane: Int) -> Double {
        (Double(lane) + 0.5) * geometry.laneWidth
    }

    func symbolFrame(row: Int, shape: FlowchartLayout.Shape) -> FlowchartLayout.Rect {
        let height = shape == .decision ? geometry.decisionHeight : geometry.symbolHeight
        let center = FlowchartLayout.Point(x: laneCenterX(router.laneOfRow[row]), y: rowCenterY(row))
        return FlowchartLayout.Rect(center: center, width: geometry.symbolWidth, height: height)
    }

    func port(row: Int, _ port: Port) -> FlowchartLayout.Point {
        let frame = symbolFrame(row: row, shape: router.shape(ofRow: row))
        switch port {
        case .left: return FlowchartLayout.Point(x: frame.x, y: frame.midY)
        case .right: return FlowchartLayout.Point(x: frame.maxX, y: frame.midY)
        case .top: return FlowchartLayout.Point(x: frame.midX, y: frame.y)
        case .bottom: return FlowchartLayout.Point(x: frame.midX, y: frame.maxY)
        }
    }

    func port(row: Int, _ side: FlowchartRouter.Side) -> FlowchartLayout.Point {
        port(row: row, side == .left ? Port.left : .right)
    }

    /// A connector centred in the band above (`top`) or below the page's rows.
    func connectorFrame(x: Double, band top: Bool) -> FlowchartLayout.Rect {
        let bandTop = top ? 0 : topPadding + Double(rowCount) * geometry.rowHeight
        let center = FlowchartLayout.Point(x: x, y: bandTop + geometry.connectorBand / 2)
        return FlowchartLayout.Rect(center: center, width: geometry.connectorWidth, height: geometry.connectorHeight)
    }
}
