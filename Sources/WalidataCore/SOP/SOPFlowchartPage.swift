/// One page of the flowchart, ready to be placed in the SOP table.
///
/// The SVG covers only the lane columns of this page's rows. The view puts it in a
/// single cell spanning the lane columns and, top to bottom: a spacer row of
/// `topPadding` px (only when > 0), the step rows of `rowHeight` px each, and a spacer
/// row of `bottomPadding` px (only when > 0).
public struct FlowchartPage: Sendable, Equatable {
    public let steps: [SOPStep]
    public let svg: String
    public let layout: FlowchartLayout

    public init(steps: [SOPStep], svg: String, layout: FlowchartLayout) {
        self.steps = steps
        self.svg = svg
        self.layout = layout
    }

    public var width: Double { layout.width }
    public var height: Double { layout.height }
    public var rowHeight: Double { layout.rowHeight }
    public var topPadding: Double { layout.topPadding }
    public var bottomPadding: Double { layout.bottomPadding }
}
