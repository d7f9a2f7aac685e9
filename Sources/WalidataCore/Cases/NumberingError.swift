import Foundation

/// Why a numbering pattern was refused, or why a number could not be made from it.
/// Positions count characters from 1, as an admin reading the pattern would.
public enum NumberingError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case empty
    /// A `{` with no `}` after it (or another `{` before its `}`).
    case unclosedBrace(position: Int)
    /// A `}` with no `{` before it.
    case unexpectedClosingBrace(position: Int)
    /// The text between braces names no placeholder.
    case unknownToken(String)
    /// `{seq:N}` with N not a whole number from 1 to 9.
    case invalidSequenceWidth(String)
    case missingSequence
    case duplicateSequence
    /// The counter restarts every year, but nothing in the number says which year: the
    /// first letter of 2027 would repeat the first letter of 2026.
    case yearlyResetWithoutYear
    /// `{seq}` touches a free-text placeholder, so two numbers could read the same.
    case sequenceTouchesText(token: String)
    /// The pattern uses a placeholder whose value was not given (or is blank).
    case missingValue(token: String)
    case invalidSequence(Int)
    case invalidYear(Int)
    case invalidMonth(Int)

    /// Stable identifier for translation tables and API clients.
    public var code: String {
        switch self {
        case .empty: "empty"
        case .unclosedBrace: "unclosed_brace"
        case .unexpectedClosingBrace: "unexpected_closing_brace"
        case .unknownToken: "unknown_token"
        case .invalidSequenceWidth: "invalid_sequence_width"
        case .missingSequence: "missing_sequence"
        case .duplicateSequence: "duplicate_sequence"
        case .yearlyResetWithoutYear: "yearly_reset_without_year"
        case .sequenceTouchesText: "sequence_touches_text"
        case .missingValue: "missing_value"
        case .invalidSequence: "invalid_sequence"
        case .invalidYear: "invalid_year"
        case .invalidMonth: "invalid_month"
        }
    }

    private static let known = NumberingPart.placeholders.joined(separator: ", ")

    public var indonesianDescription: String {
        switch self {
        case .empty:
            "Pola nomor masih kosong. Contoh pola: PD/{year}/{seq:4}."
        case .unclosedBrace(let position):
            "Kurung kurawal \"{\" pada karakter ke-\(position) tidak ditutup dengan \"}\"."
        case .unexpectedClosingBrace(let position):
            "Kurung kurawal \"}\" pada karakter ke-\(position) tidak punya pasangan \"{\" sebelumnya."
        case .unknownToken(let name):
            "Isian \"{\(name)}\" tidak dikenal. Isian yang bisa dipakai: \(Self.known)."
        case .invalidSequenceWidth(let name):
            "Isian \"{\(name)}\" tidak benar: panjang nomor urut harus angka 1 sampai 9, misalnya {seq:4}."
        case .missingSequence:
            "Pola nomor harus memuat nomor urut {seq} (atau {seq:4} untuk 0001), agar setiap nomor berbeda."
        case .duplicateSequence:
            "Nomor urut {seq} hanya boleh muncul sekali dalam pola."
        case .yearlyResetWithoutYear:
            "Nomor urut dimulai lagi dari 1 setiap tahun, jadi pola harus memuat {year}; tanpa tahun, nomor tahun depan akan sama dengan nomor tahun ini."
        case .sequenceTouchesText(let token):
            "Beri pemisah (misalnya \"/\" atau \".\") antara {seq} dan \(token); jika menempel, dua nomor yang berbeda bisa terbaca sama."
        case .missingValue(let token):
            "Nomor tidak bisa dibuat: pola memakai \(token), tetapi nilainya belum diisi di pengaturan atau pada permohonan."
        case .invalidSequence(let value):
            "Nomor urut \(value) tidak sah; nomor urut dimulai dari 1."
        case .invalidYear(let value):
            "Tahun \(value) tidak sah untuk nomor."
        case .invalidMonth(let value):
            "Bulan \(value) tidak sah; bulan harus 1 sampai 12."
        }
    }

    public var englishDescription: String {
        switch self {
        case .empty:
            "The number pattern is empty. Example pattern: PD/{year}/{seq:4}."
        case .unclosedBrace(let position):
            "The brace \"{\" at character \(position) is never closed with \"}\"."
        case .unexpectedClosingBrace(let position):
            "The brace \"}\" at character \(position) has no \"{\" before it."
        case .unknownToken(let name):
            "\"{\(name)}\" is not a known placeholder. You can use: \(Self.known)."
        case .invalidSequenceWidth(let name):
            "\"{\(name)}\" is not valid: the sequence length must be a number from 1 to 9, for example {seq:4}."
        case .missingSequence:
            "The number pattern must contain the sequence number {seq} (or {seq:4} for 0001), so that every number differs."
        case .duplicateSequence:
            "The sequence number {seq} may appear only once in the pattern."
        case .yearlyResetWithoutYear:
            "The sequence starts again from 1 every year, so the pattern must contain {year}; without the year, next year's numbers would repeat this year's."
        case .sequenceTouchesText(let token):
            "Put a separator (for example \"/\" or \".\") between {seq} and \(token); when they touch, two different numbers can read the same."
        case .missingValue(let token):
            "The number cannot be made: the pattern uses \(token), but its value is not filled in the settings or on the request."
        case .invalidSequence(let value):
            "Sequence number \(value) is not valid; sequences start at 1."
        case .invalidYear(let value):
            "Year \(value) is not valid for a number."
        case .invalidMonth(let value):
            "Month \(value) is not valid; a month is 1 to 12."
        }
    }

    public var description: String { indonesianDescription }
    public var errorDescription: String? { indonesianDescription }
}
