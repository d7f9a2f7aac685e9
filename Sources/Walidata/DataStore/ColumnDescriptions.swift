import Fluent
import Foundation
import SQLKit
import Vapor
import WalidataCore

/// What each column of a dataset's table means, by column name: written once, it stays with the
/// dataset across versions (a new file with the same column names keeps its descriptions). Edited
/// by whoever may edit the dataset's metadata (`DatasetPolicy.editMetadata`); shown in the column
/// profile, the CKAN API (`datastore_search` fields' `info.notes`, `resource_show`) and the
/// office API; searched by the catalogue (`CatalogIndex`).
enum ColumnDescriptions {
    static let table = "column_descriptions"
    /// A few sentences: what the column counts, its unit, where it comes from.
    static let limit = 1_000

    /// The descriptions of a dataset, by column name. (For the public dataset page too.)
    static func forDataset(_ dataset: Dataset, on db: any Database) async throws -> [String: String] {
        guard let id = dataset.id, let sql = db as? any SQLDatabase else { return [:] }
        return try await all(of: [id], on: sql)[id] ?? [:]
    }

    /// Per dataset (all datasets when `ids` is nil), by column name.
    static func all(of ids: [UUID]?, on sql: any SQLDatabase) async throws -> [UUID: [String: String]] {
        if let ids, ids.isEmpty { return [:] }
        var select = sql.select().columns("dataset_id", "column_name", "description").from(table)
        if let ids { select = select.where("dataset_id", .in, ids) }
        var result: [UUID: [String: String]] = [:]
        for row in try await select.all() {
            result[try row.decode(column: "dataset_id", as: UUID.self), default: [:]][try row.decode(column: "column_name", as: String.self)]
                = try row.decode(column: "description", as: String.self)
        }
        return result
    }

    /// The column names a description may be written for: those of the current table.
    static func columns(of dataset: Dataset, on db: any Database) async throws -> [String] {
        guard let id = dataset.currentVersionID, let version = try await DatasetVersion.find(id, on: db) else { return [] }
        return CatalogIndex.columnNames(report: version.report)
    }

    /// Sets the descriptions given (an empty text removes one), all or nothing: a column the
    /// current table lacks is refused (422), as is a text that may not be stored or is too long.
    /// Returns the names whose description changed.
    @discardableResult
    static func save(_ given: [String: String], of dataset: Dataset, by user: User, on db: any Database) async throws -> [String] {
        try DatasetPolicy.decide(.editMetadata, user, dataset).enforce()
        let known = Set(try await columns(of: dataset, on: db))
        var wanted: [String: String] = [:]
        for (name, raw) in given {
            guard known.contains(name) else { throw UserError(.unprocessableEntity, "catalog.columns.unknown", name) }
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = StoredTextRule.problem(in: text, limit: limit, allowsLineBreaks: true) {
                if case .tooLong(let count, _) = problem {
                    throw UserError(.unprocessableEntity, "catalog.columns.too_long", name, String(limit), String(count))
                }
                throw StoredText.Refusal(field: "column_description", problem: problem)
            }
            wanted[name] = text
        }
        let before = try await forDataset(dataset, on: db)
        let changed = wanted.filter { name, text in (before[name] ?? "") != text }.keys.sorted()
        guard !changed.isEmpty else { return [] }
        let datasetID = try dataset.requireID()
        let texts = wanted
        try await EventLog.transaction(on: db) { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            try await sql.delete(from: table).where("dataset_id", .equal, datasetID).where("column_name", .in, changed).run()
            for name in changed where !(texts[name] ?? "").isEmpty {
                try await sql.insert(into: table)
                    .columns("id", "dataset_id", "column_name", "description", "updated_by", "updated_at")
                    .values(SQLBind(UUID()), SQLBind(datasetID), SQLBind(name), SQLBind(texts[name]!), SQLBind(user.id), SQLBind(Date()))
                    .run()
            }
            try await CatalogIndex.refresh([datasetID], on: tx)
            var details = ["changed": changed.joined(separator: ",")]
            for name in changed { details["new." + name] = texts[name] ?? "" }
            try await EventLog.append(.init(action: "dataset.columns", datasetID: datasetID, note: dataset.title, details: details), by: .init(user), on: tx)
        }
        return changed
    }
}
