/// The SOP flowchart in the Permenpan RB 35/2012 format, drawn as static inline SVG so
/// pages stay light offline and print exactly as shown.
///
/// Only the five standard symbols appear: terminator (first and last step), process,
/// decision, arrow and off-page connector. Each step sits in its executor's lane,
/// centred in its table row.
public enum SOPFlowchart {
    /// Positions of every symbol and arrow, page by page, for tests and custom renderers.
    /// A definition without steps gives one empty page.
    public static func layouts(
        for definition: SOPDefinition,
        rowsPerPage: Int,
        geometry: FlowchartGeometry = .init()
    ) -> [FlowchartLayout] {
        FlowchartRouter(definition: definition, rowsPerPage: rowsPerPage, geometry: geometry).layouts()
    }

    /// Splits the steps into pages of at most `rowsPerPage` rows, for the printed SOP.
    public static func pages(
        for definition: SOPDefinition,
        rowsPerPage: Int,
        geometry: FlowchartGeometry = .init(),
        labels: FlowchartLabels = .indonesian
    ) -> [FlowchartPage] {
        let steps = definition.steps
        let perPage = max(1, rowsPerPage)
        return layouts(for: definition, rowsPerPage: perPage, geometry: geometry)
            .enumerated()
            .map { index, layout in
                let pageSteps = Array(steps[min(steps.count, index * perPage) ..< min(steps.count, (index + 1) * perPage)])
                return FlowchartPage(
                    steps: pageSteps,
                    svg: svg(for: layout, of: definition, labels: labels),
                    layout: layout
                )
            }
    }

    /// All rows on one page, for the on-screen view.
    public static func singlePage(
        for definition: SOPDefinition,
        geometry: FlowchartGeometry = .init(),
        labels: FlowchartLabels = .indonesian
    ) -> FlowchartPage {
        pages(for: definition, rowsPerPage: max(1, definition.steps.count), geometry: geometry, labels: labels)[0]
    }
}
