import Foundation

/// Text for the standard PDF fonts, which carry only WinAnsiEncoding (Latin-1 and a few
/// typographic marks). Indonesian needs no more; a character outside it is written as its
/// letter without the accent (ş → s), a look-alike (✔ → v), or a visible "?" — never dropped
/// silently, so a reader sees that something was there.
public enum WinAnsiText {
    /// Unicode scalars of 0x80–0x9F in WinAnsiEncoding, by code.
    private static let high: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88,
        0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93,
        0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
    private static let lookAlike: [UInt32: String] = [
        0x2714: "v", 0x2713: "v", 0x2717: "x", 0x2192: "->", 0x2190: "<-", 0x2264: "<=", 0x2265: ">=", 0x2212: "-",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2015: "-", 0x2032: "'", 0x2033: "\"", 0x2009: " ", 0x200A: " ",
        0x202F: " ", 0x2007: " ", 0x2002: " ", 0x2003: " ", 0x2044: "/",
    ]

    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return out
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0x09, 0x0A, 0x0D: out.append(0x20)
        case 0x20..<0x7F, 0xA0...0xFF: out.append(UInt8(v))
        case 0x200B, 0x200C, 0x200D, 0xFEFF: break  // zero-width: nothing to print
        default:
            if let code = high[v] { out.append(code); return }
            if let text = lookAlike[v] { out += Array(text.utf8); return }
            // The letter under its accents (ā, ş, ő …): the first scalar of the canonical decomposition.
            if let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
               base != scalar, base.value >= 0x20, base.value <= 0xFF {
                out.append(UInt8(base.value))
                return
            }
            if v >= 0x20 { out.append(0x3F) }
        }
    }
}
