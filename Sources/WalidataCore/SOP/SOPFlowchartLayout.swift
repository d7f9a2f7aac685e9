/// Where everything on one flowchart page sits, before it becomes SVG. Tests and the
/// view read positions from here instead of parsing markup.
///
/// Coordinates are CSS pixels from the page drawing's top-left corner. Row `i` of the
/// page is centred at `topPadding + (i + 0.5) * rowHeight`; lane `j` at
/// `(j + 0.5) * laneWidth`.
public struct FlowchartLayout: Sendable, Equatable {
    public struct Point: Sendable, Equatable, Hashable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public struct Rect: Sendable, Equatable, Hashable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        public init(center: Point, width: Double, height: Double) {
            self.init(x: center.x - width / 2, y: center.y - height / 2, width: width, height: height)
        }

        public var midX: Double { x + width / 2 }
        public var midY: Double { y + height / 2 }
        public var maxX: Double { x + width }
        public var maxY: Double { y + height }
        public var center: Point { Point(x: midX, y: midY) }

        public func intersects(_ other: Rect) -> Bool {
            x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
        }
    }

    /// The five symbols of the Permenpan RB 35/2012 flowchart; arrows are `Arrow`.
    public enum Shape: String, Sendable, CaseIterable {
        case terminator
        case process
        case decision
        case connector
    }

    public enum Branch: String, Sendable {
        case yes
        case no
    }

    public enum TextAnchor: String, Sendable {
        case start
        case middle
        case end
    }

    public struct Symbol: Sendable, Equatable {
        public var shape: Shape
        public var frame: Rect
        /// The step drawn, or `nil` for an off-page connector.
        public var step: Int?
        /// Text inside: the step number, or the connector's letter.
        public var text: String
    }

    public struct Arrow: Sendable, Equatable {
        /// Orthogonal polyline; the last point is the arrowhead's tip, on a symbol's edge.
        public var points: [Point]
        /// Step the arrow leaves, or `nil` when it leaves an incoming connector.
        public var from: Int?
        /// Step the arrow reaches, or `nil` when it ends at an outgoing connector.
        public var to: Int?
        public var branch: Branch?
        /// Where the branch label ("Ya"/"Tidak") goes: its text baseline point.
        public var labelAnchor: Point?
        public var labelTextAnchor: TextAnchor
    }

    /// Steps on this page, top to bottom.
    public let stepNumbers: [Int]
    public let laneCount: Int
    /// The sizes the page was laid out with; the renderer reuses them for arrowheads.
    public let geometry: FlowchartGeometry
    /// Height of the connector band above the rows; 0 when the page has none.
    public let topPadding: Double
    /// Height of the connector band below the rows; 0 when the page has none.
    public let bottomPadding: Double
    public let symbols: [Symbol]
    public let arrows: [Arrow]

    public var laneWidth: Double { geometry.laneWidth }
    public var rowHeight: Double { geometry.rowHeight }
    public var width: Double { Double(laneCount) * laneWidth }
    public var height: Double { topPadding + Double(stepNumbers.count) * rowHeight + bottomPadding }

    public func rowCenterY(_ row: Int) -> Double {
        topPadding + (Double(row) + 0.5) * rowHeight
    }

    public func laneCenterX(_ lane: Int) -> Double {
        (Double(lane) + 0.5) * laneWidth
    }

    public func symbol(forStep step: Int) -> Symbol? {
        symbols.first { $0.step == step }
    }

    public var connectors: [Symbol] {
        symbols.filter { $0.shape == .connector }
    }
}
