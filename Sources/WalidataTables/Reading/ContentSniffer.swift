/// Decides from the first bytes whether a file is text at all, so that a PNG or an XLSX renamed
/// to `.csv` is refused with a useful message instead of being parsed into garbage.
enum ContentSniffer {
    enum Verdict: Equatable {
        case text
        case binary(kind: String?, offset: Int)
        case unsupportedEncoding(String)
    }

    /// Magic numbers of the files most often uploaded by mistake, named so a data officer
    /// recognises them.
    private static let signatures: [(bytes: [UInt8], kind: String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "Excel (.xlsx) / ZIP"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "Excel 97-2003 (.xls)"),
        ([0x25, 0x50, 0x44, 0x46], "PDF"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG"),
        ([0xFF, 0xD8, 0xFF], "JPEG"),
        ([0x47, 0x49, 0x46, 0x38], "GIF"),
        ([0x1F, 0x8B], "GZIP"),
        ([0x52, 0x61, 0x72, 0x21], "RAR"),
        ([0x37, 0x7A, 0xBC, 0xAF], "7-Zip"),
    ]

    static let sampleSize = 64 * 1024

    static func sniff(_ bytes: UnsafePointer<UInt8>, count: Int) -> Verdict {
        let n = min(count, sampleSize)
        func starts(with prefix: [UInt8]) -> Bool {
            n >= prefix.count && prefix.indices.allSatisfy { bytes[$0] == prefix[$0] }
        }
        for signature in signatures where starts(with: signature.bytes) {
            return .binary(kind: signature.kind, offset: 0)
        }
        if starts(with: [0xFF, 0xFE]) || starts(with: [0xFE, 0xFF]) { return .unsupportedEncoding("UTF-16") }

        var zeros = 0, evenZeros = 0, controls = 0, firstZero = -1
        for i in 0..<n {
            let b = bytes[i]
            if b == 0 {
                zeros += 1
                if i & 1 == 0 { evenZeros += 1 }
                if firstZero < 0 { firstZero = i }
            } else if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D {
                controls += 1
            } else if b == 0x7F {
                controls += 1
            }
        }
        // UTF-16 text without a byte order mark: every other byte is zero.
        if zeros * 4 > n, max(evenZeros, zeros - evenZeros) * 10 > zeros * 9 { return .unsupportedEncoding("UTF-16") }
        if zeros > 0 { return .binary(kind: nil, offset: firstZero) }
        if controls * 20 > n { return .binary(kind: nil, offset: 0) }
        return .text
    }
}
