import Foundation
import Vapor
import WalidataCore

/// The facets of a catalogue search as links that narrow it, for the office's `/datasets` (the
/// counts come from `CatalogSearch`, within what the user may see).
enum CatalogFacetViews {
    static let valuesShown = 8

    static func facets(_ req: Request, query: CatalogSearch.Query, result: CatalogSearch.Result, path: String) -> HTML {
        let t = req.t
        let chosen = CatalogSearch.Facet.allCases.compactMap { facet in query.filters[facet]?.first.map { (facet, $0) } }
        let active: HTML = chosen.isEmpty ? .empty : """
            <p id="catalog-filters">\(HTML.join(chosen.map { facet, value -> HTML in
                let label = "\(t("catalog.facet." + facet.rawValue)): \(label(facet, value, result: result, t: t))"
                return "<a class=\"badge\" href=\"\(link(path, query, setting: facet, to: nil))\" title=\"\(t("catalog.remove_filter", label))\">\(label) ✕</a>"
            }, separator: " ")) · <a href="\(link(path, query, clearing: true))">\(t("catalog.clear"))</a></p>
            """
        let blocks = CatalogSearch.Facet.allCases.compactMap { facet -> HTML? in
            guard let counts = result.facets[facet], !counts.isEmpty, query.filters[facet] == nil else { return nil }
            let items = counts.prefix(valuesShown).map { c -> HTML in
                let shown = facet == .organization ? c.label : label(facet, c.value, result: result, t: t)
                return "<a href=\"\(link(path, query, setting: facet, to: c.value))\">\(shown)</a>&nbsp;<span class=\"muted\">(\(NumberText.format(Int64(c.count), lang: t.lang)))</span>"
            }
            return "<div class=\"facet\" id=\"facet-\(facet.rawValue)\"><h3>\(t("catalog.facet." + facet.rawValue))</h3><p>\(HTML.join(items, separator: " · "))</p></div>"
        }
        guard !blocks.isEmpty || !chosen.isEmpty else { return .empty }
        return "<section class=\"card\" id=\"catalog-facets\"><h2>\(t("catalog.filters"))</h2>\(active)\(HTML.join(blocks, separator: ""))</section>"
    }

    static func label(_ facet: CatalogSearch.Facet, _ value: String, result: CatalogSearch.Result, t: Translator) -> String {
        switch facet {
        case .frequency: t("datasets.frequency." + value)
        case .organization: result.facets[.organization]?.first { $0.value == value }?.label ?? value
        default: value
        }
    }

    /// This search with one facet set (or removed), back to the first page.
    static func link(_ path: String, _ query: CatalogSearch.Query, setting facet: CatalogSearch.Facet? = nil, to value: String? = nil,
                     clearing: Bool = false) -> String {
        var items: [URLQueryItem] = []
        if !query.text.isEmpty { items.append(URLQueryItem(name: "q", value: query.text)) }
        if query.sort != .relevance { items.append(URLQueryItem(name: "sort", value: query.sort.rawValue)) }
        for f in CatalogSearch.Facet.allCases where !clearing {
            if let v = f == facet ? value : query.filters[f]?.first { items.append(URLQueryItem(name: f.rawValue, value: v)) }
        }
        var components = URLComponents()
        components.path = path
        components.queryItems = items.isEmpty ? nil : items
        // `+` in a value would read back as a space.
        return (components.string ?? components.path).replacingOccurrences(of: "+", with: "%2B")
    }
}
