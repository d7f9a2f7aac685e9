import Foundation

/// Why a holiday file was refused; every case that concerns a row names its line (1-based,
/// counting the header) so staff can find it in the spreadsheet.
public enum HolidayCSVError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case missingHeader
    case unexpectedHeader(line: Int, found: String)
    case missingFields(line: Int, found: Int)
    case invalidDate(line: Int, value: String)
    case unknownKind(line: Int, value: String)
    case duplicateDate(line: Int, date: LocalDate, firstLine: Int)
    case unterminatedQuote(line: Int)
    case textAfterClosingQuote(line: Int)

    public var line: Int? {
        switch self {
        case .missingHeader: nil
        case .unexpectedHeader(let line, _), .missingFields(let line, _), .invalidDate(let line, _),
             .unknownKind(let line, _), .duplicateDate(let line, _, _), .unterminatedQuote(let line),
             .textAfterClosingQuote(let line):
            line
        }
    }

    public var description: String {
        switch self {
        case .missingHeader:
            "File libur kosong: baris judul \"tanggal,jenis,keterangan\" tidak ditemukan"
        case .unexpectedHeader(let line, let found):
            "Baris \(line): judul kolom harus \"tanggal,jenis,keterangan\", ditemukan \"\(found)\""
        case .missingFields(let line, let found):
            "Baris \(line): butuh kolom tanggal dan jenis, hanya ada \(found) kolom"
        case .invalidDate(let line, let value):
            "Baris \(line): tanggal \"\(value)\" tidak valid (format YYYY-MM-DD, mis. 2026-12-25)"
        case .unknownKind(let line, let value):
            "Baris \(line): jenis \"\(value)\" tidak dikenal (pilihan: "
                + NonWorkingKind.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        case .duplicateDate(let line, let date, let firstLine):
            "Baris \(line): tanggal \(date.iso) sudah tercantum di baris \(firstLine)"
        case .unterminatedQuote(let line):
            "Baris \(line): tanda kutip \" dibuka tetapi tidak ditutup"
        case .textAfterClosingQuote(let line):
            "Baris \(line): ada teks setelah tanda kutip penutup"
        }
    }

    public var errorDescription: String? { description }
}
