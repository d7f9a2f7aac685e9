import Foundation

/// Windows-1252 to UTF-8, for CSV files saved by older Excel versions. The five bytes the code
/// page leaves undefined map to the C1 controls of the same value, as browsers do, so every
/// byte sequence converts.
enum Windows1252 {
    /// UTF-8 of bytes 0x80...0xFF: length in the low byte, then up to three bytes.
    private static let table: [UInt32] = (0x80...0xFF).map { byte in
        let scalar = byte < 0xA0 ? high[byte - 0x80] : UInt32(byte)
        var out: UInt32
        var length: UInt32
        if scalar < 0x800 {
            out = (0xC0 | scalar >> 6) | (0x80 | scalar & 0x3F) << 8
            length = 2
        } else {
            out = (0xE0 | scalar >> 12) | (0x80 | scalar >> 6 & 0x3F) << 8 | (0x80 | scalar & 0x3F) << 16
            length = 3
        }
        return length | out << 8
    }

    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Converts `count` bytes into `output`, which must have room for `3 * count` bytes.
    /// Returns the number of bytes written, or the offset of a zero byte (binary data).
    static func transcode(_ input: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>) -> (written: Int, zeroAt: Int?) {
        var w = 0
        table.withUnsafeBufferPointer { table in
            for i in 0..<count {
                let b = input[i]
                if b < 0x80 {
                    output[w] = b
                    w += 1
                } else {
                    let entry = table[Int(b) - 0x80]
                    let length = Int(entry & 0xFF)
                    output[w] = UInt8(truncatingIfNeeded: entry >> 8)
                    output[w + 1] = UInt8(truncatingIfNeeded: entry >> 16)
                    if length == 3 { output[w + 2] = UInt8(truncatingIfNeeded: entry >> 24) }
                    w += length
                }
            }
        }
        let zero = memchr(input, 0, count).map { UnsafeRawPointer($0) - UnsafeRawPointer(input) }
        return (w, zero)
    }
}
