import Vapor
import WalidataCore

/// A light pager under a long list: "Menampilkan 51–100 dari 10.000 · ‹ Sebelumnya · Berikutnya ›".
/// Links keep the page's other query parameters (filters) and change only `offset`.
struct Pager: Sendable {
    var window: PageWindow
    var total: Int

    func html(_ req: Request, id: String) -> HTML {
        let t = req.t
        guard total > window.limit || window.offset > 0 else { return "" }
        let first = total == 0 ? 0 : min(total, window.offset + 1)
        let last = min(total, window.offset + window.limit)
        var links: [HTML] = ["<span>\(t("paging.showing", number(first, t), number(last, t), number(total, t)))</span>"]
        if let previous = window.previous {
            links.append("<a rel=\"prev\" href=\"\(url(req, previous))\">\(t("paging.previous"))</a>")
        }
        if let next = window.next(total: total) {
            links.append("<a rel=\"next\" href=\"\(url(req, next))\">\(t("paging.next"))</a>")
        }
        return "<nav class=\"pager\" id=\"\(id)\" aria-label=\"\(t("paging.label"))\">\(HTML.join(links, separator: " · "))</nav>"
    }

    private func number(_ value: Int, _ t: Translator) -> String { NumberText.format(Int64(value), lang: t.lang) }

    private func url(_ req: Request, _ target: PageWindow) -> String {
        var components = URLComponents()
        components.path = req.url.path
        var items = (URLComponents(string: req.url.string)?.queryItems ?? []).filter { $0.name != "offset" && $0.name != "limit" }
        if target.limit != PageWindow.defaultLimit { items.append(URLQueryItem(name: "limit", value: String(target.limit))) }
        if target.offset > 0 { items.append(URLQueryItem(name: "offset", value: String(target.offset))) }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? req.url.path
    }
}
