import Foundation
import ZIPFoundation

/// The zip container of an `.xlsx`, read entry by entry in chunks: ZIPFoundation's
/// `extract(_:consumer:)` inflates with zlib's streaming API and hands over one buffer at a
/// time, so no entry is ever held whole (the sheet of a million rows is hundreds of MB).
///
/// Guards against a zip bomb: an entry that inflates to more than `maximumRatio` times its
/// compressed size (beyond a small allowance) or beyond `maximumEntryBytes` stops the read.
final class WorkbookArchive {
    static let maximumRatio = 200
    static let ratioAllowance = 8 << 20
    static let maximumEntryBytes = 4 << 30
    static let chunkSize = 256 << 10

    enum Stop: Error {
        /// The handler has seen enough (e.g. the first rows of a sheet).
        case enough
        case bomb(entry: String)
    }

    private let archive: Archive

    init?(url: URL) {
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil) else { return nil }
        self.archive = archive
    }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// Streams one entry through `scanner` into `handler`. Returns false when the entry is
    /// missing. `Stop.enough` thrown by the handler ends the read quietly.
    @discardableResult
    func read<H: XMLHandler>(_ path: String, into handler: inout H) throws -> Bool {
        guard let entry = archive[path] else { return false }
        var scanner = XMLScanner()
        var produced = 0
        let compressed = max(1, entry.compressedSize)
        do {
            var box = handler
            defer { handler = box }
            _ = try archive.extract(entry, bufferSize: Self.chunkSize, skipCRC32: false) { data in
                produced += data.count
                if produced > Self.maximumEntryBytes
                    || (produced > Self.ratioAllowance && UInt64(produced) > compressed * UInt64(Self.maximumRatio)) {
                    throw Stop.bomb(entry: path)
                }
                try data.withUnsafeBytes { try scanner.feed($0, into: &box) }
            }
        } catch Stop.enough {
            return true
        }
        return true
    }

    /// Reads a small entry whole (e.g. `mimetype`), at most `limit` bytes.
    func small(_ path: String, limit: Int = 4096) -> Data? {
        guard let entry = archive[path], entry.uncompressedSize <= UInt64(limit) else { return nil }
        var out = Data()
        _ = try? archive.extract(entry) { out.append($0) }
        return out
    }
}

/// What a file that is not a zip may be, from its first bytes and its OLE2 directory.
enum LegacyOfficeFile {
    case xls
    case encryptedWorkbook
    case otherOLE2

    /// An OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) holds either an old binary workbook
    /// (a stream named "Workbook" or "Book") or, when Office encrypts an `.xlsx`, the streams
    /// "EncryptionInfo" and "EncryptedPackage". The directory names are UTF-16LE, so they are
    /// looked for as such in the file (read in chunks; the file is at most the upload limit).
    static func identify(_ url: URL) -> LegacyOfficeFile? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 8), head == Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) else {
            return nil
        }
        func utf16(_ s: String) -> Data { Data(s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) }
        let encrypted = utf16("EncryptionInfo"), workbook = utf16("Workbook"), book = utf16("Book")
        var sawWorkbook = false
        var carry = Data()
        try? handle.seek(toOffset: 0)
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let window = carry + chunk
            if window.range(of: encrypted) != nil { return .encryptedWorkbook }
            if window.range(of: workbook) != nil || window.range(of: book) != nil { sawWorkbook = true }
            carry = window.suffix(64)
        }
        return sawWorkbook ? .xls : .otherOLE2
    }
}
