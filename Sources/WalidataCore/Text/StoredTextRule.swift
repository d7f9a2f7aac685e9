/// What text Walidata stores. A NUL is stored in full but read back cut short by C-string code
/// paths (the event log then seems altered, for ever), and other control characters hide text or
/// break lines in logs, CSV exports and printed letters. So a stored text may hold no C0 control
/// but tab (and the line breaks LF and CR where the field has several lines), no DEL, no C1
/// control and no Unicode line or paragraph separator; and it has a length limit counted in
/// Unicode scalars, so a letter followed by 150,000 combining marks is not "one character".
/// (Lone surrogates cannot occur in a Swift `String`.)
public enum StoredTextRule {
    /// How much a field may hold and whether it has lines.
    public enum Kind: String, Sendable, CaseIterable {
        /// A title, name, code, e-mail: one line.
        case line
        /// A note, reason, step description: a few paragraphs.
        case note
        /// A letter body, report narrative, announcement: a document.
        case long

        public var limit: Int {
            switch self {
            case .line: 200
            case .note: 2_000
            case .long: 50_000
            }
        }

        public var allowsLineBreaks: Bool { self != .line }
    }

    public enum Problem: Equatable, Sendable {
        /// A character that may not be stored; `position` counts Unicode scalars from 1.
        case forbidden(Unicode.Scalar, position: Int)
        /// A line break in a one-line field.
        case lineBreak(position: Int)
        /// Longer than the limit, in Unicode scalars.
        case tooLong(count: Int, limit: Int)
    }

    /// Whether `scalar` may never be stored. Line breaks are judged separately (`isLineBreak`).
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    public static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r"
    }

    /// The first thing wrong with `text` for a field of `kind`, or nil when it may be stored.
    /// Characters are checked before length, so the message names the real fault.
    public static func problem(in text: String, kind: Kind) -> Problem? {
        problem(in: text, limit: kind.limit, allowsLineBreaks: kind.allowsLineBreaks)
    }

    public static func problem(in text: String, limit: Int, allowsLineBreaks: Bool) -> Problem? {
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if isForbidden(scalar) { return .forbidden(scalar, position: count) }
            if !allowsLineBreaks && isLineBreak(scalar) { return .lineBreak(position: count) }
        }
        return count > limit ? .tooLong(count: count, limit: limit) : nil
    }

    /// `U+0000`: how a refused character is named in a message, since it cannot be shown.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
