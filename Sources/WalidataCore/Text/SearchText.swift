import Foundation

/// The words a catalogue search compares: folded to lower-case ASCII where a letter has a plain
/// form (so "Ekonomí" and "ekonomi" meet), split on anything that is not a letter or digit, and
/// each reduced to its Indonesian stem. The index and the query go through the same function,
/// so both databases compare the same words and no search operator typed by a visitor (quotes,
/// `*`, `-`, `:`, `NEAR`) survives as syntax: only letters and digits reach the database.
public enum SearchText {
    /// Words longer than this are cut: no real word is that long, and a pasted blob stays bounded.
    public static let maxWordLength = 40
    /// A query keeps at most this many words; the rest are ignored, so a pasted page costs nothing.
    public static let maxQueryWords = 16

    /// Lower case, diacritics removed (é → e, ñ → n), ligature-free.
    public static func fold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !isMark(scalar) {
            out.append(scalar)
        }
        return String(out)
    }

    /// The folded words of `text`, unstemmed, in order.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(String(current).prefix(maxWordLength))) }
            current = String.UnicodeScalarView()
        }
        for scalar in fold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { current.append(scalar) } else { flush() }
        }
        flush()
        return words
    }

    /// The stemmed words of `text`, in order (repeats kept: they weigh in the ranking).
    public static func terms(_ text: String) -> [String] {
        words(text).map(IndonesianStemmer.stem)
    }

    /// The distinct stemmed words of a query, in the order typed, at most `maxQueryWords`.
    public static func queryTerms(_ text: String) -> [String] {
        var seen = Set<String>()
        return Array(terms(text).filter { seen.insert($0).inserted }.prefix(maxQueryWords))
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
