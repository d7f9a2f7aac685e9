import Foundation
import Testing
@testable import WalidataTables

/// A temporary directory for one test, removed when the test is done.
final class Scratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("walidata-tables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    func file(bytes: [UInt8], name: String = "data.csv") throws -> URL {
        let url = url(name)
        try Data(bytes).write(to: url)
        return url
    }

    func file(_ text: String, name: String = "data.csv") throws -> URL {
        try file(bytes: Array(text.utf8), name: name)
    }

    func check(_ text: String, options: IngestOptions = .init()) throws -> CSVCheck {
        try TableIngest.check(csvFile: file(text), options: options)
    }

    func check(bytes: [UInt8], options: IngestOptions = .init()) throws -> CSVCheck {
        try TableIngest.check(csvFile: file(bytes: bytes), options: options)
    }

    /// Ingests `text` into `name.sqlite` and opens the table; fails the test when rejected.
    func table(_ text: String, name: String = "table", options: IngestOptions = .init()) throws -> TableReader {
        let csv = try file(text, name: "\(name).csv")
        let tableFile = url("\(name).sqlite")
        let check = try TableIngest.ingest(csvFile: csv, tableFile: tableFile, options: options)
        #expect(check.accepted, "\(check.problems.map(\.englishMessage))")
        return try TableReader(tableFile: tableFile)
    }

    /// Files in the directory, hidden ones included (to see leftovers of a failed load).
    var contents: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }
}

extension CSVCheck {
    var codes: [CSVProblemCode] { problems.map(\.code) }
    func column(_ name: String) -> ColumnProfile? { columns.first { $0.name == name } }
}
