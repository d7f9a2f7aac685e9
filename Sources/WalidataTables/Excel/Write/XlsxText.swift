/// Cell text as SpreadsheetML wants it: `&`, `<`, `>` escaped; the control characters XML 1.0
/// forbids (and U+FFFE, U+FFFF) left out, since one of them makes Excel refuse the whole file;
/// CR LF and a lone CR as LF, Excel's line break; and at most 32,767 characters (UTF-16 units),
/// Excel's limit for a cell, beyond which it calls the file damaged.
enum XlsxText {
    static let maximumLength = 32_767

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// What was written: its length in characters (for the column width) and whether it must
    /// keep leading or trailing spaces and line breaks (`xml:space="preserve"`).
    struct Written {
        var characters = 0
        var preserve = false
    }

    /// Whether the text needs `xml:space="preserve"`: it starts or ends with white space or
    /// holds a line break or tab.
    static func needsPreserve(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09 { return true }
        for b in bytes where b == 0x0A || b == 0x0D || b == 0x09 { return true }
        return false
    }

    /// Appends the escaped text and returns its length in characters.
    @discardableResult
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ChunkedOutput) -> Int {
        var characters = 0, units = 0
        var plainFrom = 0
        var k = 0
        let n = bytes.count
        func flushPlain(_ upTo: Int) {
            if upTo > plainFrom { out.append(UnsafeBufferPointer(rebasing: bytes[plainFrom..<upTo])) }
        }
        while k < n {
            let b = bytes[k]
            if b < 0x80 {
                if units >= maximumLength { break }
                units += 1
                characters += 1
                switch b {
                case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x0D, 0x00..<0x09, 0x0B, 0x0C, 0x0E..<0x20:
                    flushPlain(k)
                    switch b {
                    case UInt8(ascii: "&"): out.append("&amp;")
                    case UInt8(ascii: "<"): out.append("&lt;")
                    case UInt8(ascii: ">"): out.append("&gt;")
                    case 0x0D:
                        if k + 1 >= n || bytes[k + 1] != 0x0A { out.append(0x0A) } else { units -= 1; characters -= 1 }
                    default:
                        units -= 1
                        characters -= 1
                    }
                    plainFrom = k + 1
                default:
                    break
                }
                k += 1
            } else if b >= 0xC0 {
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                let width = length == 4 ? 2 : 1
                if units + width > maximumLength { break }
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                if b == 0xEF, k + 2 < n, bytes[k + 1] == 0xBF, bytes[k + 2] >= 0xBE {
                    flushPlain(k)
                    k += 3
                    plainFrom = k
                    continue
                }
                units += width
                characters += 1
                k += min(length, n - k)
            } else {
                // A stray continuation byte (the input is checked UTF-8, so only defensively).
                k += 1
            }
        }
        flushPlain(k)
        return characters
    }
}
