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
}

extension Application {
    var tables: TableFiles { TableFiles(dataDirectory: walidata.dataDirectory) }
}
