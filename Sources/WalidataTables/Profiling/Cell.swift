/// What one value of a CSV file reads as, and how it is stored.
struct Cell {
    enum Kind: UInt8 {
        /// Empty, or one of the null tokens (`-`, `NA`, `N/A`, `#N/A`, `null`).
        case null
        case integer
        case decimal
        /// `1.234`: 1234 in the Indonesian style, 1.234 in the international one.
        case ambiguousDot
        /// `1,234`: 1.234 in the Indonesian style, 1234 in the international one.
        case ambiguousComma
        case date
        case boolean
        case text
    }

    enum Evidence: UInt8 {
        case none
        case indonesian
        case international
    }

    var kind: Kind
    /// The stored value renders back to exactly the original text, so the original need not
    /// be kept beside it.
    var plain: Bool
    var evidence: Evidence = .none
    /// Integer value; 1/0 for booleans; `yyyymmdd` for dates; the digits of an ambiguous value.
    var integer: Int64 = 0
    /// Decimal value; for ambiguous values the reading with three decimals (digits / 1000).
    var real: Double = 0

    static var text: Cell { Cell(kind: .text, plain: true) }
}
