import Foundation

/// One thing wrong with a backup archive, as a translation key (`backup.problem.<kind>`) and
/// the entry it concerns, so the command line (English) and the admin page (the user's
/// language) say the same thing in words.
struct BackupProblem: Sendable, Hashable, CustomStringConvertible {
    enum Kind: String, CaseIterable, Sendable {
        /// The file is not a ZIP archive, or its directory cannot be read.
        case unreadable
        case noManifest = "no_manifest"
        case badManifest = "bad_manifest"
        case newerFormat = "newer_format"
        /// Listed in the manifest, absent from the archive.
        case missing
        /// In the archive, not listed in the manifest.
        case unlisted
        /// An entry whose name is not one a backup writes (`../x`, an absolute path).
        case strangeName = "strange_name"
        case sizeMismatch = "size_mismatch"
        case hashMismatch = "hash_mismatch"
        /// A blob whose content does not hash to its name.
        case blobAltered = "blob_altered"
        /// The entry cannot be read out of the archive (damaged compressed data, bad CRC-32).
        case damaged
        case noDatabase = "no_database"
        /// `PRAGMA integrity_check` or `pg_restore --list` did not accept the snapshot.
        case databaseBroken = "database_broken"
        /// A file the database snapshot refers to is not in the archive.
        case blobNotInArchive = "blob_not_in_archive"
    }

    var kind: Kind
    var path: String
    var detail: String = ""

    var key: String { "backup.problem." + kind.rawValue }

    func text(_ t: Translator) -> String { t(key, path, detail) }

    var description: String { text(Translator(lang: .en)) }
}
