import Foundation

extension DateText {
    /// An RFC 3339 `date-time` as JSON Schema means it: with or without fractional seconds, `T`
    /// and `Z` in either case. A date-time the document allows must not be refused.
    static func rfc3339(_ text: String) -> Date? {
        let upper = text.uppercased()
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: upper) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: upper)
    }
}
