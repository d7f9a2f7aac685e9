import Foundation

/// Decides whether text taken from a request (`?next=`, a form's `next`) may be used as a
/// redirect target. Only a path on this site passes; anything a browser could read as another
/// host does not.
///
/// Browsers are lenient in ways a plain `hasPrefix("//")` misses: they drop tab, CR and LF
/// inside URLs (`/\t/evil` becomes `//evil`), treat `\` as `/` (`/\evil`), and a path that is
/// percent-decoded once more by a proxy or by our own second redirect turns `/%2F%2Fevil` into
/// `///evil`. So the text is checked as sent and after each round of percent-decoding.
public enum LocalPath {
    /// Longer targets are not links people follow; they are refused rather than cut.
    public static let maximumLength = 2048

    /// Characters some URL parsers normalise to `/` (fullwidth solidus, division and fraction
    /// slashes, big solidus).
    static let slashLookalikes: Set<Unicode.Scalar> = ["\u{FF0F}", "\u{2215}", "\u{2044}", "\u{29F8}", "\u{FF3C}", "\u{FE68}"]

    /// The path itself when it is safe to redirect to, otherwise nil.
    public static func safe(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty, raw.utf8.count <= maximumLength else { return nil }
        // As sent, a local URL is plain visible ASCII (anything else arrives percent-encoded).
        guard raw.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        var form = raw
        for _ in 0..<4 {
            guard isLocal(form) else { return nil }
            // A stray `%` makes the decoding fail; such a link is refused, not guessed at.
            guard let decoded = form.removingPercentEncoding else { return nil }
            if decoded == form { return raw }
            form = decoded
        }
        // Still changing after four rounds of decoding: nobody writes a real link like that.
        return nil
    }

    /// One form of the text: a single leading `/`, no control characters, no backslash, and
    /// no second slash (or look-alike) right after the first.
    private static func isLocal(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "/" else { return false }
        for scalar in scalars {
            if scalar == "\\" || scalar.properties.generalCategory == .control { return false }
            if scalar.properties.isWhitespace && scalar != " " { return false }
            if scalar.properties.generalCategory == .format { return false }
        }
        if scalars.count > 1, scalars[1] == "/" || slashLookalikes.contains(scalars[1]) { return false }
        return true
    }
}
