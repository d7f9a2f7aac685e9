/// Streaming UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF)
/// that also finds zero bytes, which no CSV text contains. A sequence may be split across
/// chunks; the state carries over.
struct UTF8Validator {
    enum Outcome: Equatable {
        case valid
        case invalid
        case zeroByte(offset: Int)
    }

    private var needed = 0
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF

    /// `offset` is the position of `bytes` in the whole stream, for reporting zero bytes.
    mutating func validate(_ bytes: UnsafePointer<UInt8>, count: Int, offset: Int) -> Outcome {
        var i = 0
        let raw = UnsafeRawPointer(bytes)
        while i < count {
            if needed == 0 {
                while i + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let hasHigh = word & 0x8080_8080_8080_8080
                    let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                    if hasHigh | hasZero != 0 { break }
                    i += 8
                }
                if i >= count { break }
            }
            let b = bytes[i]
            if needed == 0 {
                switch b {
                case 0: return .zeroByte(offset: offset + i)
                case 0x01...0x7F: break
                case 0xC2...0xDF: begin(1, 0x80, 0xBF)
                case 0xE0: begin(2, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: begin(2, 0x80, 0xBF)
                case 0xED: begin(2, 0x80, 0x9F)
                case 0xF0: begin(3, 0x90, 0xBF)
                case 0xF1...0xF3: begin(3, 0x80, 0xBF)
                case 0xF4: begin(3, 0x80, 0x8F)
                default: return .invalid
                }
            } else {
                guard b >= low, b <= high else { return .invalid }
                needed -= 1
                low = 0x80
                high = 0xBF
            }
            i += 1
        }
        return .valid
    }

    /// False when the stream ended inside a multi-byte sequence.
    var isComplete: Bool { needed == 0 }

    private mutating func begin(_ count: Int, _ low: UInt8, _ high: UInt8) {
        needed = count
        self.low = low
        self.high = high
    }
}
