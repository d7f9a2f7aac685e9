import Fluent
import SQLKit

/// Issue 11: the catalogue's generation (`CatalogGeneration`), a number the database itself
/// raises on every change to what the portal shows, so the portal may keep what it read.
struct M025CatalogGeneration: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await CatalogGeneration.create(on: sql)
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await CatalogGeneration.drop(on: sql)
    }
}
