import Foundation
import WalidataCore
import ZIPFoundation

/// A PNG with an alpha channel (the usual export of a regency's arms) flattened on white for the
/// PDF, which has no simple way to draw PNG transparency: the rows are inflated with the raw
/// deflate of ZIPFoundation (zlib underneath, already linked), unfiltered, mixed with white and
/// deflated again inside a zlib header and Adler-32, as FlateDecode expects.
enum PNGFlattening {
    static func stream(_ file: [UInt8]) -> DocumentImage.Stream? {
        guard let png = PNGFile(file), png.bitDepth == 8, png.interlace == 0, [4, 6].contains(png.colorType) else { return nil }
        let channels = png.colorType == 6 ? 4 : 2
        let stride = png.width * channels
        guard png.width <= 10_000, png.height <= 10_000 else { return nil }
        // The zlib stream's two header bytes and four checksum bytes wrap a raw deflate stream.
        guard png.data.count > 6, let raw = inflate(Data(png.data[2...])), raw.count >= png.height * (stride + 1) else { return nil }
        let colours = channels - 1
        var flat = [UInt8](repeating: 0, count: png.width * png.height * colours)
        var previous = [UInt8](repeating: 0, count: stride)
        var row = [UInt8](repeating: 0, count: stride)
        for y in 0..<png.height {
            let start = y * (stride + 1)
            let filter = raw[start]
            for x in 0..<stride {
                let a = x >= channels ? Int(row[x - channels]) : 0, b = Int(previous[x]), c = x >= channels ? Int(previous[x - channels]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: predictor = 0
                }
                row[x] = UInt8((Int(raw[start + 1 + x]) + predictor) & 0xFF)
            }
            for x in 0..<png.width {
                let alpha = Int(row[x * channels + channels - 1])
                for k in 0..<colours {
                    flat[(y * png.width + x) * colours + k] = UInt8((Int(row[x * channels + k]) * alpha + 255 * (255 - alpha)) / 255)
                }
            }
            swap(&previous, &row)
        }
        guard let packed = deflate(Data(flat)) else { return nil }
        return DocumentImage.Stream(colorSpace: colours == 3 ? "/DeviceRGB" : "/DeviceGray", bitsPerComponent: 8, filter: "/FlateDecode",
                                    decodeParms: nil, data: [0x78, 0x9C] + packed + adler32(flat))
    }

    private static func inflate(_ data: Data) -> [UInt8]? {
        var out: [UInt8] = []
        do {
            _ = try Data.decompress(size: Int64(data.count), bufferSize: 64 * 1024, skipCRC32: true, provider: { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }, consumer: { out += $0 })
        } catch { return nil }
        return out
    }

    private static func deflate(_ data: Data) -> [UInt8]? {
        var out: [UInt8] = []
        do {
            _ = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }, consumer: { out += $0 })
        } catch { return nil }
        return out
    }

    private static func adler32(_ bytes: [UInt8]) -> [UInt8] {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let value = b << 16 | a
        return [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
