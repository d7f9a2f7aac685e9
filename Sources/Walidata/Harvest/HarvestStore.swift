import Fluent
import Foundation

/// What the harvesting documents read. Only the portal's own reads are used
/// (`PublicationStore.publicDatasets`, `publicDataset`, `published`, `currentTable`), so these
/// documents show exactly what the portal shows and never decide publicity themselves.
enum HarvestStore {
    /// How many entries a feed carries: the newest, as feed readers expect.
    static let feedLimit = 50

    /// The public datasets and, for those whose current version is an accepted table, that version.
    static func catalog(on db: any Database) async throws -> (datasets: [Dataset], tables: [UUID: DatasetVersion]) {
        let datasets = try await PublicationStore.publicDatasets(on: db)
        let ids = datasets.compactMap(\.currentVersionID)
        let versions = ids.isEmpty ? [] : try await DatasetVersion.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(versions.filter { $0.state == .accepted }.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        var tables: [UUID: DatasetVersion] = [:]
        for dataset in datasets {
            if let id = dataset.currentVersionID, let version = byID[id] { tables[dataset.id!] = version }
        }
        return (datasets, tables)
    }

    static func dataset(slug: String, on db: any Database) async throws -> (Dataset, DatasetVersion?) {
        let dataset = try await PublicationStore.publicDataset(slug: slug, on: db)
        return (dataset, try await PublicationStore.currentTable(of: dataset, on: db))
    }

    /// Public datasets, most recently changed first.
    static func recentlyUpdated(on db: any Database) async throws -> [(Dataset, DatasetVersion?, Date)] {
        let (datasets, tables) = try await catalog(on: db)
        return datasets.map { d in (d, tables[d.id!], DCATDocument.modifiedDate(d, tables[d.id!]) ?? .distantPast) }
            .sorted { ($0.2, $0.0.slug) > ($1.2, $1.0.slug) }
    }

    static func announcements(limit: Int? = feedLimit, on db: any Database) async throws -> [Announcement] {
        try await PublicationStore.published(limit: limit, on: db)
    }
}
