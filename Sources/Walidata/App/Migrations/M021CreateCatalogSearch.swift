import Fluent
import SQLKit

/// The catalogue's full-text index (`CatalogIndex`), filled for the datasets that exist.
struct M021CreateCatalogSearch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await CatalogIndex.create(on: sql)
        try await CatalogIndex.refresh(on: database, withM022: false)
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await CatalogIndex.drop(on: sql)
    }
}
