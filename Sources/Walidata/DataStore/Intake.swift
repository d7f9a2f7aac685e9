import Foundation
import Vapor

/// What happens to a received file before it becomes a version: CSV and TSV are checked,
/// profiled and loaded into a table; other files are stored as they are.
enum Intake {
    struct Result: Sendable {
        var status: DatasetVersion.Status
        var rowCount: Int64 = 0
        var columnCount: Int = 0
        /// The check report as JSON, shown on the version page; empty for unchecked files.
        var reportJSON: String = ""
    }

    static func process(_ blob: BlobStore.Received, filename: String, tables: TableFiles, threadPool: NIOThreadPool) async throws -> Result {
        switch DatasetRules.kind(of: filename) {
        case .csv, .tsv:
            return try await threadPool.runIfActive { try check(blob, tables: tables) }
        case .xlsx, .other:
            return Result(status: .stored)
        }
    }

    private static func check(_ blob: BlobStore.Received, tables: TableFiles) throws -> Result {
        // Replaced by the table engine (WalidataTables) in the next commit.
        Result(status: .stored)
    }
}
