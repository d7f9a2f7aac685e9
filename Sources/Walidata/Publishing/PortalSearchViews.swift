import Foundation
import Vapor
import WalidataCore

/// `/publik/data`: a plain GET form (no script: it works on any phone and on a slow link),
/// the facets as links with their counts, the datasets found, and the pager.
enum PortalSearchViews {
    /// Values shown per facet; the rest are reached by searching.
    static let facetValuesShown = 8

    static func page(_ req: Request, query: CatalogSearch.Query, result: CatalogSearch.Result) async -> HTML {
        let t = req.t
        let sortOptions = CatalogSearch.Sort.allCases.map { s -> HTML in
            "<option value=\"\(s.rawValue)\"\(HTML.when(s == query.sort, " selected"))>\(t("catalog.sort." + s.rawValue))</option>"
        }
        let hidden = query.filters.sorted { $0.key.rawValue < $1.key.rawValue }.compactMap { facet, values -> HTML? in
            values.first.map { "<input type=\"hidden\" name=\"\(facet.rawValue)\" value=\"\($0)\">" }
        }
        let found = query.text.trimmingCharacters(in: .whitespaces).isEmpty
            ? t("catalog.found", NumberText.format(Int64(result.total), lang: t.lang))
            : t("catalog.found_for", NumberText.format(Int64(result.total), lang: t.lang), query.text)
        let body: HTML = """
        <h1>\(t("portal.open_data"))</h1>
        <p class="muted">\(t("portal.data_intro"))</p>
        <form class="card" method="get" action="\(SiteURL.publicDatasets.path)" id="catalog-search" role="search">
        <label for="q">\(t("catalog.search_label"))</label>
        <input type="search" id="q" name="q" value="\(query.text)" maxlength="200" autocomplete="off">
        <p class="hint">\(t("catalog.search_hint"))</p>
        \(HTML.join(hidden, separator: ""))
        <p class="actions"><label for="sort">\(t("catalog.sort"))</label>
        <select id="sort" name="sort">\(HTML.join(sortOptions, separator: ""))</select>
        <button type="submit">\(t("catalog.search_button"))</button></p>
        </form>
        \(activeFilters(req, query: query))
        <p id="catalog-count"><strong>\(found)</strong></p>
        \(result.hits.isEmpty ? "<p class=\"muted\" id=\"catalog-none\">\(t("catalog.none"))</p>" as HTML : PortalViews.datasetTable(t, result.hits.map(\.dataset)))
        \(Pager(window: query.window, total: result.total).html(req, id: "catalog-pager"))
        \(facets(req, query: query, result: result))
        <p class="hint">\(t("catalog.api_hint", "/api/3/action/package_search"))</p>
        """
        return await Layout.render(req, title: t("portal.open_data"), body: body)
    }

    /// The chosen filters, each with a link that removes it.
    static func activeFilters(_ req: Request, query: CatalogSearch.Query) -> HTML {
        let t = req.t
        let chosen = CatalogSearch.Facet.allCases.compactMap { facet in query.filters[facet]?.first.map { (facet, $0) } }
        guard !chosen.isEmpty else { return "" }
        let links = chosen.map { facet, value -> HTML in
            let label = "\(t("catalog.facet." + facet.rawValue)): \(valueLabel(facet, value, t: t))"
            return "<a class=\"badge\" href=\"\(link(req, query, setting: facet, to: nil))\" title=\"\(t("catalog.remove_filter", label))\">\(label) ✕</a>"
        }
        return """
        <p id="catalog-filters">\(HTML.join(links, separator: " ")) · <a href="\(link(req, query, clearing: true))">\(t("catalog.clear"))</a></p>
        """
    }

    static func facets(_ req: Request, query: CatalogSearch.Query, result: CatalogSearch.Result) -> HTML {
        let t = req.t
        let blocks = CatalogSearch.Facet.allCases.compactMap { facet -> HTML? in
            guard let counts = result.facets[facet], !counts.isEmpty, query.filters[facet] == nil else { return nil }
            let items = counts.prefix(facetValuesShown).map { c -> HTML in
                let label = facet == .organization ? c.label : valueLabel(facet, c.value, t: t)
                return "<a href=\"\(link(req, query, setting: facet, to: c.value))\">\(label)</a>&nbsp;<span class=\"muted\">(\(NumberText.format(Int64(c.count), lang: t.lang)))</span>"
            }
            // One line per facet, values side by side: short on a phone.
            return "<div class=\"facet\" id=\"facet-\(facet.rawValue)\"><h3>\(t("catalog.facet." + facet.rawValue))</h3><p>\(HTML.join(items, separator: " · "))</p></div>"
        }
        guard !blocks.isEmpty else { return "" }
        return "<section class=\"card\" id=\"catalog-facets\"><h2>\(t("catalog.filters"))</h2>\(HTML.join(blocks, separator: ""))</section>"
    }

    static func valueLabel(_ facet: CatalogSearch.Facet, _ value: String, t: Translator) -> String {
        facet == .frequency ? t("datasets.frequency." + value) : value
    }

    /// This search with one facet set (or removed), back to the first page.
    static func link(_ req: Request, _ query: CatalogSearch.Query, setting facet: CatalogSearch.Facet? = nil, to value: String? = nil,
                     clearing: Bool = false) -> String {
        var items: [URLQueryItem] = []
        if !query.text.isEmpty { items.append(URLQueryItem(name: "q", value: query.text)) }
        if query.sort != .relevance { items.append(URLQueryItem(name: "sort", value: query.sort.rawValue)) }
        for f in CatalogSearch.Facet.allCases where !clearing {
            let v = f == facet ? value : query.filters[f]?.first
            if let v { items.append(URLQueryItem(name: f.rawValue, value: v)) }
        }
        var components = URLComponents()
        components.path = SiteURL.publicDatasets.path
        components.queryItems = items.isEmpty ? nil : items
        // `+` in a value would read back as a space.
        return (components.string ?? components.path).replacingOccurrences(of: "+", with: "%2B")
    }
}
