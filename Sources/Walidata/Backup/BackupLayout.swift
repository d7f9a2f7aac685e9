import Foundation

/// Where each kind of file goes inside an archive. Restoring maps the same paths into the new
/// data directory, so only these shapes are accepted: an entry named anything else (`../x`, an
/// absolute path) is a problem, never a file written somewhere unexpected.
enum BackupLayout {
    static let readme = "BACA-SAYA.txt"
    /// The event log's signed checkpoints up to the snapshot (`CheckpointFile`).
    static let checkpoints = CheckpointFile.fileName
    /// The server key (`ServerSecret`), when it lives in the data directory: without it the
    /// restored server could not check the checkpoints (nor anything else it signed).
    static let serverKey = ServerSecret.fileName

    /// The regency's arms for the kop surat (`LetterheadArms`), when uploaded.
    static let letterheadArms = LetterheadArms.fileName

    /// Entries restored as they are into the new data directory, besides blobs and tables.
    static let shareImage = ShareImage.fileName
    static let dataDirectoryFiles: Set<String> = [checkpoints, serverKey, letterheadArms, shareImage]

    static func blobEntry(_ hash: String) -> String { "blobs/\(hash.prefix(2))/\(hash.dropFirst(2))" }
    static func tableEntry(_ hash: String) -> String { "tables/\(hash.prefix(2))/\(hash.dropFirst(2)).sqlite" }

    static func isHash(_ text: Substring) -> Bool {
        text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// The hash a blob entry is named by, or nil if `path` is not a blob entry.
    static func blobHash(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "blobs", parts[1].count == 2 else { return nil }
        let hash = parts[1] + parts[2]
        return isHash(hash) ? String(hash) : nil
    }

    /// The stored file a table was made from: `tables/ab/cdef….sqlite`, or for another reading of
    /// a workbook (another sheet or header row) `tables/ab/cdef…-s2h5.sqlite`.
    static func tableHash(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "tables", parts[1].count == 2, parts[2].hasSuffix(".sqlite") else { return nil }
        let stem = parts[2].dropLast(".sqlite".count)
        let pieces = stem.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        if pieces.count == 2 {
            guard !pieces[1].isEmpty, pieces[1].allSatisfy({ $0 == "s" || $0 == "h" || $0.isASCII && $0.isNumber }) else { return nil }
        }
        let hash = parts[1] + pieces[0]
        return isHash(hash) ? String(hash) : nil
    }

    /// Whether a restore may write this entry, and where (relative to the new data directory).
    static func restorePath(of path: String, database: BackupManifest.DatabaseKind) -> String? {
        if blobHash(of: path) != nil || tableHash(of: path) != nil || dataDirectoryFiles.contains(path) { return path }
        if path == BackupManifest.DatabaseKind.sqlite.entryName, database == .sqlite { return "walidata.sqlite" }
        return nil
    }

    /// The plain-language note put in every archive for whoever opens it in a file manager.
    static let readmeText = """
    Cadangan Walidata
    =================

    Berkas ini adalah cadangan lengkap Walidata: salinan basis data (folder database/),
    semua berkas data yang diserahkan (folder blobs/, dinamai menurut sidik SHA-256-nya)
    dan tabel hasil pemeriksaan CSV (folder tables/). manifest.json mencatat ukuran dan
    sidik SHA-256 setiap berkas.

    Jangan mengubah isi arsip ini. Untuk memeriksa dan memulihkannya, di server jalankan:

      walidata backup verify NAMA-BERKAS.zip
      walidata backup restore NAMA-BERKAS.zip --data-dir FOLDER-BARU-YANG-KOSONG

    lalu jalankan server dengan WALIDATA_DATA_DIR=FOLDER-BARU-YANG-KOSONG.

    ---
    A complete Walidata backup: the database snapshot (database/), every stored file (blobs/,
    named by SHA-256) and the CSV tables (tables/); manifest.json lists each file's size and
    SHA-256. Check it with `walidata backup verify`, restore it with `walidata backup restore`
    (see README.md, "Backups and recovery").

    """
}
