import Foundation
import Vapor
import WalidataTables

/// What happens to a received file before it becomes a version: CSV, TSV and Excel workbooks
/// are checked, profiled and loaded into the version's table in one pass (a workbook's sheet
/// streamed through the same machinery as a CSV); other files are stored as they are.
enum Intake {
    struct Result: Sendable {
        var status: DatasetVersion.Status
        var rowCount: Int64 = 0
        var columnCount: Int = 0
        /// The check report (`CSVCheck`, or `Failure`) as JSON; empty for unchecked files.
        var reportJSON: String = ""
    }

    /// A file the engine could not even start to read (e.g. unreadable on disk).
    struct Failure: Codable {
        var failure: String
        var indonesianMessage: String
        var englishMessage: String
    }

    static func process(_ blob: BlobStore.Received, filename: String, tables: TableFiles, threadPool: NIOThreadPool,
                        reading: WorkbookOptions = .init()) async throws -> Result {
        switch DatasetRules.kind(of: filename) {
        case .csv, .tsv:
            return try await threadPool.runIfActive { try check(blob, tables: tables) }
        case .xlsx:
            return try await threadPool.runIfActive {
                try check(blob, tableKey: TableFiles.key(hash: blob.hash, reading: reading.key), tables: tables) { file, table in
                    try WorkbookIngest.ingest(workbook: file, tableFile: table, reading: reading)
                }
            }
        case .other:
            return Result(status: .stored)
        }
    }

    /// The same content always gives the same table, so a table already made for this hash
    /// (an identical earlier upload) is reused rather than loaded again.
    static func check(_ blob: BlobStore.Received, tables: TableFiles) throws -> Result {
        try check(blob, tableKey: blob.hash, tables: tables) { file, table in try TableIngest.ingest(csvFile: file, tableFile: table) }
    }

    /// `load` checks the stored file and writes its table; a table already made under
    /// `tableKey` is reused.
    static func check(_ blob: BlobStore.Received, tableKey: String, tables: TableFiles,
                      load: (URL, URL) throws -> CSVCheck) throws -> Result {
        let tablePath = tables.path(for: tableKey)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let check: CSVCheck
            if FileManager.default.fileExists(atPath: tablePath) {
                check = try TableReader(tableFile: URL(fileURLWithPath: tablePath)).check
            } else {
                try FileManager.default.createDirectory(atPath: (tablePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                check = try load(URL(fileURLWithPath: blob.path), URL(fileURLWithPath: tablePath))
            }
            return Result(
                status: check.accepted ? .accepted : .rejected,
                rowCount: Int64(check.rowCount), columnCount: check.header.count,
                reportJSON: String(decoding: try encoder.encode(check.bounded()), as: UTF8.self)
            )
        } catch let error as TablesError {
            let failure = Failure(failure: error.code.rawValue, indonesianMessage: error.indonesianMessage, englishMessage: error.englishMessage)
            return Result(status: .rejected, reportJSON: String(decoding: try encoder.encode(failure), as: UTF8.self))
        }
    }

    /// The stored report of a version, if it is a CSV or workbook check.
    static func report(of version: DatasetVersion) -> CSVCheck? {
        guard !version.report.isEmpty else { return nil }
        return try? JSONDecoder().decode(CSVCheck.self, from: Data(version.report.utf8))
    }

    static func failure(of version: DatasetVersion) -> Failure? {
        guard !version.report.isEmpty else { return nil }
        return try? JSONDecoder().decode(Failure.self, from: Data(version.report.utf8))
    }
}
