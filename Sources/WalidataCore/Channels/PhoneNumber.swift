/// A WhatsApp recipient's number in E.164 (`+6281234567890`), as the Cloud API wants it
/// (without the `+`, see `digits`). Indonesian numbers are usually written `0812-3456-7890`
/// or `62 812…`; both are read as `+62812…`. Spaces, dashes, dots and brackets are ignored.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// `+` and 8 to 15 digits.
    public let e164: String

    public var digits: String { String(e164.dropFirst()) }
    public var description: String { e164 }

    public enum Problem: Error, Equatable {
        case empty
        /// Something other than digits, `+`, spaces, dashes, dots or brackets.
        case characters
        /// Too short or too long for a telephone number (E.164 allows at most 15 digits).
        case length
        /// A national number without the country code that is not Indonesian (`0…`) and has
        /// no `+`: which country is unknown.
        case country
    }

    public init(_ raw: String) throws(Problem) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        var digits = ""
        var plus = false
        for (i, c) in trimmed.enumerated() {
            if c.isASCII, c.isNumber {
                digits.append(c)
            } else if c == "+", i == 0 {
                plus = true
            } else if !" -.()".contains(c) {
                throw .characters
            }
        }
        if plus {
            // As written: +62…, +1…
        } else if digits.hasPrefix("00") {
            digits.removeFirst(2)
        } else if digits.hasPrefix("0") {
            digits = "62" + digits.dropFirst()
        } else if digits.hasPrefix("8") {
            // 812… : an Indonesian mobile number written without its 0.
            digits = "62" + digits
        } else if !digits.hasPrefix("62") {
            throw .country
        }
        // Indonesian numbers: +62 and 8 to 12 more digits; elsewhere E.164's 8 to 15 in all.
        let range = digits.hasPrefix("62") ? 10...14 : 8...15
        guard range.contains(digits.count) else { throw .length }
        e164 = "+" + digits
    }
}
