import Foundation
import Vapor

/// Where the queryable table of a checked CSV lives: one SQLite file per stored file, named by
/// the file's SHA-256 like the blob itself (`tables/ab/cdef….sqlite`). Written once, then only
/// read, which keeps backups and readers simple: an immutable file needs no locking.
struct TableFiles: Sendable {
    let root: String

    init(dataDirectory: String) {
        root = (dataDirectory as NSString).appendingPathComponent("tables")
    }

    func path(for hash: String) -> String {
        "\(root)/\(hash.prefix(2))/\(hash.dropFirst(2)).sqlite"
    }

    func exists(_ hash: String) -> Bool { FileManager.default.fileExists(atPath: path(for: hash)) }

    /// A table's name: the hash, with `-s2h5` for a workbook read another way than detected.
    static func key(hash: String, reading: String?) -> String {
        guard let reading, !reading.isEmpty else { return hash }
        return hash + "-" + reading
    }

    /// Every table made from the file `hash`, however it was read (for the purge).
    func allPaths(for hash: String) -> [String] {
        let folder = (path(for: hash) as NSString).deletingLastPathComponent
        let stem = String(hash.dropFirst(2))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0 == stem + ".sqlite" || ($0.hasPrefix(stem + "-") && $0.hasSuffix(".sqlite")) }
            .map { folder + "/" + $0 }
    }
}

extension Application {
    var tables: TableFiles { TableFiles(dataDirectory: walidata.dataDirectory) }
}
