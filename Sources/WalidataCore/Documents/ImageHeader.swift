/// What an uploaded picture is, read from its bytes rather than its name or the browser's claim:
/// a PNG or a JPEG with its pixel size, or nil for anything else. Only the structure a browser
/// needs to draw it is checked (PNG signature, IHDR and IEND; JPEG start, a frame header and
/// the end marker), which is enough to refuse a renamed document or a cut-off upload.
public struct ImageHeader: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case png, jpeg

        public var mediaType: String { self == .png ? "image/png" : "image/jpeg" }
    }

    public var kind: Kind
    public var width: Int
    public var height: Int

    public init(kind: Kind, width: Int, height: Int) {
        self.kind = kind
        self.width = width
        self.height = height
    }

    public init?(_ bytes: [UInt8]) {
        if let header = Self.png(bytes) ?? Self.jpeg(bytes) { self = header } else { return nil }
    }

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    private static func png(_ b: [UInt8]) -> ImageHeader? {
        // Signature, then the IHDR chunk (length 13) first, and the IEND chunk last.
        guard b.count >= 8 + 25 + 12, Array(b[0..<8]) == pngSignature, Array(b[12..<16]) == Array("IHDR".utf8),
              Array(b[(b.count - 8)..<(b.count - 4)]) == Array("IEND".utf8) else { return nil }
        let width = uint32(b, 16), height = uint32(b, 20)
        guard width > 0, height > 0 else { return nil }
        return ImageHeader(kind: .png, width: width, height: height)
    }

    private static func jpeg(_ b: [UInt8]) -> ImageHeader? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF, b[b.count - 2] == 0xFF, b[b.count - 1] == 0xD9 else { return nil }
        // Walk the marker segments up to the first frame header (SOF0–SOF15 but DHT, JPG, DAC).
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = Int(b[i + 5]) << 8 | Int(b[i + 6]), width = Int(b[i + 7]) << 8 | Int(b[i + 8])
                guard width > 0, height > 0 else { return nil }
                return ImageHeader(kind: .jpeg, width: width, height: height)
            }
            if marker == 0xDA { return nil }
            i += 2 + length
        }
        return nil
    }

    private static func uint32(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
    }
}
