import Fluent
import Foundation
import Vapor
import WalidataTables

/// What the explorer may show, callable without HTTP: the accepted versions of a public dataset
/// (`PublicationStore.publicDataset` decides the dataset), never a rejected or stored-only one.
enum ExplorerStore {
    /// Accepted versions, newest first.
    static func acceptedVersions(of dataset: Dataset, on db: any Database) async throws -> [DatasetVersion] {
        try await DatasetVersion.query(on: db).filter(\.$dataset.$id == dataset.requireID())
            .filter(\.$status == DatasetVersion.Status.accepted.rawValue).sort(\.$number, .descending).all()
    }

    /// Version `number` when it is accepted; anything else is "not found".
    static func acceptedVersion(_ number: Int, of dataset: Dataset, on db: any Database) async throws -> DatasetVersion {
        let version = try await DatasetStore.version(number, of: dataset, on: db)
        guard version.state == .accepted else { throw UserError(.notFound, "error.404") }
        return version
    }

    /// The accepted version just before `version`, what its changes are measured against.
    static func previousAccepted(before version: DatasetVersion, of dataset: Dataset, on db: any Database) async throws -> DatasetVersion? {
        try await DatasetVersion.query(on: db).filter(\.$dataset.$id == dataset.requireID())
            .filter(\.$status == DatasetVersion.Status.accepted.rawValue).filter(\.$number < version.number)
            .sort(\.$number, .descending).first()
    }

    /// The chart's numbers, read from the version's table file on a thread-pool thread.
    static func aggregate(_ req: Request, version: DatasetVersion, params: TableQueryParams,
                          chart: ExplorerChart.Choice) async throws -> (TableAggregation, ColumnType) {
        let query = try params.query(defaultLimit: nil)
        let path = try TableController.tablePath(req, version: version)
        return try await req.application.threadPool.runIfActive {
            do {
                let order: TableAggregation.Order = chart.kind == .line ? .byCategory : .largestFirst
                let limit = chart.kind == .line ? ExplorerChart.maximumPoints + 1 : ExplorerChart.topBars
                return try TableController.withReader(path) { reader in
                    let result = try reader.aggregate(query, x: chart.x, y: chart.y, function: chart.function, order: order, limit: limit)
                    return (result, reader.columns.first { $0.name == result.x }?.type ?? .text)
                }
            } catch let error as TablesError {
                throw error.userError
            }
        }
    }

    /// Two versions compared (whole rows unless `key` names a column of both). Versions never
    /// change, so a comparison is kept and served again: the public may ask often, and a diff
    /// of two large versions reads both whole.
    static func compare(_ req: Request, old: DatasetVersion, new: DatasetVersion, key: String?) async throws -> TableComparison {
        let cacheKey = "\(old.tableKey)|\(new.tableKey)|\(key ?? "")"
        if let kept = await ComparisonCache.shared.get(cacheKey) { return kept }
        let oldPath = try TableController.tablePath(req, version: old), newPath = try TableController.tablePath(req, version: new)
        let comparison = try await req.application.threadPool.runIfActive {
            do {
                return try TableDiff.compare(old: URL(fileURLWithPath: oldPath), new: URL(fileURLWithPath: newPath), key: key,
                                             exampleLimit: ExplorerViews.changeExamples)
            } catch let error as TablesError {
                throw error.userError
            }
        }
        await ComparisonCache.shared.put(cacheKey, comparison)
        return comparison
    }
}

/// The last few comparisons the portal computed (see `ExplorerStore.compare`).
/// Keyed by the two tables' content hashes, so one process-wide cache is right for every app.
actor ComparisonCache {
    static let shared = ComparisonCache()
    private var entries: [(key: String, value: TableComparison)] = []
    private let capacity = 16

    func get(_ key: String) -> TableComparison? { entries.first { $0.key == key }?.value }

    func put(_ key: String, _ value: TableComparison) {
        entries.removeAll { $0.key == key }
        entries.append((key, value))
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }
}
