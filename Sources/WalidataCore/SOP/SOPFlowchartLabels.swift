/// The few words drawn into or announced by the flowchart. Kept out of the renderer so
/// the app feeds them from its translation table; the printed SOP uses `.indonesian`.
public struct FlowchartLabels: Sendable, Equatable, Hashable {
    public var yes: String
    public var no: String
    /// Start of each page's `aria-label`, followed by the SOP name and the page's steps.
    public var diagram: String
    /// Word before the page's step range in the `aria-label`.
    public var steps: String

    public init(yes: String, no: String, diagram: String, steps: String) {
        self.yes = yes
        self.no = no
        self.diagram = diagram
        self.steps = steps
    }

    public static let indonesian = FlowchartLabels(yes: "Ya", no: "Tidak", diagram: "Diagram alir SOP", steps: "langkah")
    public static let english = FlowchartLabels(yes: "Yes", no: "No", diagram: "Flowchart of SOP", steps: "steps")
}
