import Foundation

/// Every error the data engine throws: a stable `code` for the server to map to an HTTP status
/// or a translation, the values it was made from, and ready messages in Bahasa Indonesia and
/// English. A CSV file that is merely bad is not an error: it yields a `CSVCheck` with problems.
public struct TablesError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    public enum Code: String, Codable, Sendable, CaseIterable {
        /// The CSV file (or a table file) could not be opened or read.
        case fileNotReadable
        /// The table file could not be created, written, synced or moved into place.
        case fileNotWritable
        /// The file is not a table written by this engine (or a newer, unknown format version).
        case notATableFile
        case unknownColumn
        /// A filter value does not read as the column's type (for example "abc" for a number).
        case invalidFilterValue
        /// The operator does not apply to the column's type (for example `>` on text).
        case unsupportedFilter
        case invalidPaging
        /// The key column chosen for a comparison is missing from one of the versions.
        case keyColumnMissing
        /// SQLite reported a failure that is not the user's doing.
        case databaseFailure
        /// The export writer (for example the HTTP response) refused more bytes.
        case exportAborted
        /// An `.xlsx` download would pass the ZIP format's 4 GiB (without ZIP64) or Excel's 16,384 columns.
        case xlsxTooLarge
    }

    public var code: Code
    public var parameters: [String: String]
    public var indonesianMessage: String
    public var englishMessage: String

    public var description: String { "\(code.rawValue): \(englishMessage)" }
    public var errorDescription: String? { indonesianMessage }

    init(_ code: Code, _ parameters: [String: String] = [:], id: String, en: String) {
        self.code = code
        self.parameters = parameters
        self.indonesianMessage = id
        self.englishMessage = en
    }

    static func fileNotReadable(_ path: String, errno: Int32) -> TablesError {
        let reason = String(cString: strerror(errno))
        return TablesError(.fileNotReadable, ["path": path, "reason": reason],
                           id: "Berkas \(path) tidak dapat dibaca (\(reason)).",
                           en: "The file \(path) cannot be read (\(reason)).")
    }

    static func fileNotWritable(_ path: String, reason: String) -> TablesError {
        TablesError(.fileNotWritable, ["path": path, "reason": reason],
                    id: "Tabel \(path) tidak dapat ditulis (\(reason)).",
                    en: "The table \(path) cannot be written (\(reason)).")
    }

    static func notATableFile(_ path: String) -> TablesError {
        TablesError(.notATableFile, ["path": path],
                    id: "Berkas \(path) bukan tabel data Walidata atau dibuat oleh versi yang lebih baru.",
                    en: "The file \(path) is not a Walidata data table, or was written by a newer version.")
    }

    static func unknownColumn(_ name: String) -> TablesError {
        TablesError(.unknownColumn, ["column": name],
                    id: "Kolom \"\(name)\" tidak ada dalam tabel ini.",
                    en: "The column \"\(name)\" does not exist in this table.")
    }

    static func invalidFilterValue(column: String, value: String, type: ColumnType) -> TablesError {
        let (idType, enType) = switch type {
        case .integer: ("bilangan bulat, mis. 1250", "a whole number, e.g. 1250")
        case .decimal: ("angka, mis. 12,5 atau 1.234,56", "a number, e.g. 12.5 or 1,234.56")
        case .date: ("tanggal, mis. 2024-12-31 atau 31/12/2024", "a date, e.g. 2024-12-31 or 31/12/2024")
        case .boolean: ("ya atau tidak", "yes or no")
        case .text: ("teks", "text")
        }
        return TablesError(.invalidFilterValue, ["column": column, "value": value, "type": type.rawValue],
                           id: "Nilai saring \"\(value)\" untuk kolom \"\(column)\" harus berupa \(idType).",
                           en: "The filter value \"\(value)\" for column \"\(column)\" must be \(enType).")
    }

    static func unsupportedFilter(column: String, operation: String, type: ColumnType) -> TablesError {
        TablesError(.unsupportedFilter, ["column": column, "operator": operation, "type": type.rawValue],
                    id: "Perbandingan \"\(operation)\" hanya berlaku untuk kolom angka atau tanggal; kolom \"\(column)\" bertipe \(type.rawValue).",
                    en: "The comparison \"\(operation)\" only applies to number or date columns; column \"\(column)\" is \(type.rawValue).")
    }

    static func invalidPaging(offset: Int) -> TablesError {
        TablesError(.invalidPaging, ["offset": String(offset)],
                    id: "Posisi halaman (offset) tidak boleh negatif: \(offset).",
                    en: "The page offset must not be negative: \(offset).")
    }

    static func keyColumnMissing(_ name: String, inOld: Bool, inNew: Bool) -> TablesError {
        let idWhere = !inOld && !inNew ? "kedua versi" : (!inOld ? "versi lama" : "versi baru")
        let enWhere = !inOld && !inNew ? "either version" : (!inOld ? "the old version" : "the new version")
        return TablesError(.keyColumnMissing, ["column": name, "inOld": String(inOld), "inNew": String(inNew)],
                           id: "Kolom kunci \"\(name)\" tidak ada di \(idWhere). Pilih kolom yang ada di kedua versi.",
                           en: "The key column \"\(name)\" is missing from \(enWhere). Choose a column present in both versions.")
    }

    static func databaseFailure(_ message: String, path: String) -> TablesError {
        TablesError(.databaseFailure, ["message": message, "path": path],
                    id: "Kesalahan basis data pada \(path): \(message)",
                    en: "Database error on \(path): \(message)")
    }

    static func exportAborted(_ underlying: any Error) -> TablesError {
        TablesError(.exportAborted, ["reason": String(describing: underlying)],
                    id: "Unduhan terhenti: \(underlying)",
                    en: "The download stopped: \(underlying)")
    }

    static func xlsxTooLarge() -> TablesError {
        TablesError(.xlsxTooLarge, [:],
                    id: "Tabel ini terlalu besar untuk satu berkas Excel (.xlsx): lebih dari 4 GB atau lebih dari 16.384 kolom. Unduh sebagai CSV, atau saring baris dan kolomnya dulu.",
                    en: "This table is too large for one Excel file (.xlsx): over 4 GB or over 16,384 columns. Download it as CSV, or filter its rows first.")
    }
}
