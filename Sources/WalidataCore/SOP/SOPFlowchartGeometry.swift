/// Sizes of the flowchart drawing, in CSS pixels. The web view sizes its table from the
/// same values (lane column width, row height, connector band height) so the drawing
/// lines up with the table's grid.
public struct FlowchartGeometry: Sendable, Equatable, Hashable {
    public var laneWidth: Double
    /// Height of one step row; the view must make every step row exactly this tall.
    public var rowHeight: Double
    public var symbolWidth: Double
    public var symbolHeight: Double
    /// Diamonds are drawn taller than rectangles so they do not look squashed.
    public var decisionHeight: Double
    public var connectorWidth: Double
    public var connectorHeight: Double
    /// Height of the band above or below a page's rows that holds its off-page
    /// connectors; the view adds a spacer row of this height where the page has one.
    public var connectorBand: Double
    /// Distance of the outermost loop channel from the drawing's side edge.
    public var channelInset: Double
    /// Distance between neighbouring loop channels on the same side.
    public var channelSpacing: Double
    public var arrowheadLength: Double
    public var arrowheadWidth: Double

    public init(
        laneWidth: Double = 110,
        rowHeight: Double = 84,
        symbolWidth: Double = 70,
        symbolHeight: Double = 34,
        decisionHeight: Double = 44,
        connectorWidth: Double = 20,
        connectorHeight: Double = 18,
        connectorBand: Double = 32,
        channelInset: Double = 11,
        channelSpacing: Double = 4,
        arrowheadLength: Double = 7,
        arrowheadWidth: Double = 7
    ) {
        self.laneWidth = laneWidth
        self.rowHeight = rowHeight
        self.symbolWidth = symbolWidth
        self.symbolHeight = symbolHeight
        self.decisionHeight = decisionHeight
        self.connectorWidth = connectorWidth
        self.connectorHeight = connectorHeight
        self.connectorBand = connectorBand
        self.channelInset = channelInset
        self.channelSpacing = channelSpacing
        self.arrowheadLength = arrowheadLength
        self.arrowheadWidth = arrowheadWidth
    }

    /// Empty space between a symbol and its lane's side edges; loop channels run in it.
    var laneMargin: Double { max(0, (laneWidth - symbolWidth) / 2) }
}
