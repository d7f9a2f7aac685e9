import Fluent
import Vapor

/// Column descriptions: the form under the column profile of the current version, and the API's
/// `/api/v1/datasets/{slug}/columns`. The rules are `ColumnDescriptions.save`'s.
enum ColumnDescriptionController {
    /// `column[]` and `description[]` side by side, one pair per column of the current table.
    struct ColumnForm: Content {
        var column: [String]?
        var description: [String]?
    }

    @Sendable static func save(_ req: Request) async throws -> Response {
        let (user, dataset) = try await DatasetController.viewable(req)
        try DatasetPolicy.decide(.editMetadata, user, dataset).enforce()
        let form = try req.content.decode(ColumnForm.self)
        let names = form.column ?? [], texts = form.description ?? []
        guard names.count == texts.count else { throw UserError(.badRequest, "catalog.columns.mismatch") }
        let changed = try await ColumnDescriptions.save(Dictionary(zip(names, texts), uniquingKeysWith: { _, b in b }), of: dataset, by: user, on: req.db)
        req.flash(.ok, changed.isEmpty ? "catalog.columns.unchanged" : "catalog.columns.saved", String(changed.count))
        if let id = dataset.currentVersionID, let current = try await DatasetVersion.find(id, on: req.db) {
            return req.redirect(to: SiteURL.version(dataset.slug, current.number).path + "#column-descriptions")
        }
        return req.redirect(to: SiteURL.dataset(dataset.slug).path)
    }

    struct ColumnOut: Content {
        var name: String
        var description: String
    }

    struct ColumnsOut: Content {
        var columns: [ColumnOut]
    }

    /// `GET /api/v1/datasets/{slug}/columns`: the current table's columns in order, each with its
    /// description ("" when none).
    @Sendable static func apiShow(_ req: Request) async throws -> ColumnsOut {
        let (_, dataset) = try await DatasetController.viewable(req)
        return try await columns(of: dataset, on: req.db)
    }

    /// `PUT /api/v1/datasets/{slug}/columns` with `{"columns": [{"name": …, "description": …}]}`:
    /// sets the descriptions named (others keep theirs; "" removes one).
    @Sendable static func apiSave(_ req: Request) async throws -> ColumnsOut {
        let (user, dataset) = try await DatasetController.viewable(req)
        try DatasetPolicy.decide(.editMetadata, user, dataset).enforce()
        let body = try req.content.decode(ColumnsOut.self)
        try await ColumnDescriptions.save(Dictionary(body.columns.map { ($0.name, $0.description) }, uniquingKeysWith: { _, b in b }),
                                          of: dataset, by: user, on: req.db)
        return try await columns(of: dataset, on: req.db)
    }

    static func columns(of dataset: Dataset, on db: any Database) async throws -> ColumnsOut {
        let descriptions = try await ColumnDescriptions.forDataset(dataset, on: db)
        return ColumnsOut(columns: try await ColumnDescriptions.columns(of: dataset, on: db).map { ColumnOut(name: $0, description: descriptions[$0] ?? "") })
    }
}
