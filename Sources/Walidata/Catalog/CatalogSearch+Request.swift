import Vapor
import WalidataCore

extension CatalogSearch.Query {
    /// `?q=&sort=&organization=&topic=&tag=&format=&frequency=&year=&limit=&offset=`, as the
    /// portal's search form and its facet links send it. An unknown sort is relevance.
    init(_ req: Request) throws {
        self.init()
        text = String((req.query[String.self, at: "q"] ?? "").prefix(500))
        sort = req.query[String.self, at: "sort"].flatMap(CatalogSearch.Sort.init(rawValue:)) ?? .relevance
        for facet in CatalogSearch.Facet.allCases {
            if let value = req.query[String.self, at: facet.rawValue]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                filters[facet] = [value]
            }
        }
        window = try req.pageWindow()
    }
}
