import Fluent
import SQLKit

/// Issue 11: a description per column name of a dataset (kept across versions by the name), and
/// the catalogue's facet values as rows (`catalog_facets`), so the search counts facets with one
/// GROUP BY in the database instead of loading every dataset. Both are filled for what exists.
struct M022ColumnDescriptions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ColumnDescriptions.table)
            .id()
            .field("dataset_id", .uuid, .required, .references("datasets", "id", onDelete: .cascade))
            .field("column_name", .string, .required)
            .field("description", .string, .required)
            .field("updated_by", .uuid)
            .field("updated_at", .datetime, .required)
            .unique(on: "dataset_id", "column_name")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await CatalogIndex.createFacets(on: sql)
        try await CatalogIndex.refresh(on: database)
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP TABLE IF EXISTS catalog_facets").run() }
        try await database.schema(ColumnDescriptions.table).delete()
    }
}
