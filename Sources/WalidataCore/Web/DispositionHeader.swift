import Foundation

/// A `Content-Disposition` header value (RFC 6266, RFC 7578 for multipart parts) read as a
/// type and its parameters.
///
/// Parameter values are tokens or quoted strings; a quoted string may hold `;` and `=`, and
/// `\"` stands for a quote. Browsers do not escape a backslash in file names (the HTML form
/// encoding turns `"` into `%22` instead), so a backslash is an escape only before `"` or `\`
/// and otherwise stays, as in a Windows path the file-name cleaner later cuts at.
/// `name*=UTF-8''…` (RFC 8187) is percent-decoded and wins over the plain `name=`.
public struct DispositionHeader: Sendable, Equatable {
    public var type: String
    /// Lower-cased parameter names; the extended (`*`) form has replaced the plain one.
    public var parameters: [String: String]

    public var name: String? { parameters["name"] }
    public var filename: String? { parameters["filename"] }

    public init(_ value: String) {
        var scanner = Scanner(Array(value.unicodeScalars))
        type = scanner.token().lowercased()
        var plain: [String: String] = [:], extended: [String: String] = [:]
        while scanner.skip(";") {
            let key = scanner.token().lowercased()
            guard !key.isEmpty, scanner.skip("=") else {
                scanner.skipToSemicolon()
                continue
            }
            let raw = scanner.peekQuote ? scanner.quoted() : scanner.token()
            if key.hasSuffix("*") {
                if let decoded = Self.extendedValue(raw) { extended[String(key.dropLast())] = decoded }
            } else if plain[key] == nil {
                plain[key] = raw
            }
            scanner.skipToSemicolon()
        }
        parameters = plain.merging(extended) { _, ext in ext }
    }

    /// `charset'language'percent-encoded`; UTF-8 and ISO-8859-1 are the charsets RFC 8187 names.
    static func extendedValue(_ raw: String) -> String? {
        let parts = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let charset = parts[0].lowercased()
        let bytes = percentDecodedBytes(String(parts[2]))
        guard let bytes else { return nil }
        switch charset {
        case "utf-8": return String(bytes: bytes, encoding: .utf8)
        case "iso-8859-1": return String(bytes: bytes, encoding: .isoLatin1)
        default: return nil
        }
    }

    private static func percentDecodedBytes(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let b = bytes.popFirst() {
            guard b == UInt8(ascii: "%") else {
                out.append(b)
                continue
            }
            guard bytes.count >= 2, let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) else { return nil }
            out.append(value)
            bytes = bytes.dropFirst(2)
        }
        return out
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var i = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func skipSpace() {
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        }

        mutating func skip(_ c: Unicode.Scalar) -> Bool {
            skipSpace()
            guard i < scalars.count, scalars[i] == c else { return false }
            i += 1
            skipSpace()
            return true
        }

        var peekQuote: Bool { i < scalars.count && scalars[i] == "\"" }

        /// Up to the next separator; a value written without quotes (some clients do) may hold
        /// spaces, which are trimmed at its ends.
        mutating func token() -> String {
            skipSpace()
            var out = String.UnicodeScalarView()
            while i < scalars.count, scalars[i] != ";", scalars[i] != "=" {
                out.append(scalars[i])
                i += 1
            }
            return String(out).trimmingCharacters(in: .whitespaces)
        }

        mutating func quoted() -> String {
            i += 1
            var out = String.UnicodeScalarView()
            while i < scalars.count, scalars[i] != "\"" {
                if scalars[i] == "\\", i + 1 < scalars.count, scalars[i + 1] == "\"" || scalars[i + 1] == "\\" { i += 1 }
                out.append(scalars[i])
                i += 1
            }
            i += 1
            return String(out)
        }

        mutating func skipToSemicolon() {
            while i < scalars.count, scalars[i] != ";" { i += 1 }
        }
    }
}
