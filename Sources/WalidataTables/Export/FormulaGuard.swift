/// Cells a spreadsheet would run as a formula (OWASP "CSV injection"): text starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return. The *CSV untuk Excel* download writes such a
/// cell with a leading `'`, which Excel shows as text and does not evaluate; plain `data.csv`
/// stays byte for byte what was uploaded.
///
/// A value that reads as a number on its own (`-3`, `-12,5`, `+62`, `-1.234,5`) is not text
/// and is left alone, so Excel still sums it; so is a lone `-`, the usual "no data" mark,
/// which Excel shows as text anyway.
enum FormulaGuard {
    static func needsPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let base = bytes.baseAddress else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D:
            break
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if bytes.count == 1 { return first == UInt8(ascii: "+") }
        default:
            return false
        }
        switch CellClassifier.classify(base, count: bytes.count).kind {
        case .integer, .decimal, .ambiguousDot, .ambiguousComma: return false
        default: return true
        }
    }
}
