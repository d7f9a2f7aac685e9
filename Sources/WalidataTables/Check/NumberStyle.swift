/// How a column writes its numbers.
///
/// Only values like `1.234` and `1,234` (one separator followed by exactly three digits) are
/// ambiguous; they are read in the style most of the column's unambiguous values use, and in
/// the Indonesian style when there is no evidence either way.
public enum NumberStyle: String, Codable, Sendable {
    /// `1.234.567` and `1.234,56`: dot for thousands, comma for the decimal part.
    case indonesian
    /// `1,234,567` and `1,234.56`: comma for thousands, dot for the decimal part.
    case international
}
