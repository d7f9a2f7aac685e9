/// The kop's arms as the writers need them: the uploaded file as it is (Word embeds it whole)
/// and, for the PDF, the image stream that draws it. A JPEG goes in as it is (DCTDecode); a PNG
/// without transparency goes in as its own compressed rows (FlateDecode with the PNG
/// predictors), so nothing is decoded. A PNG with an alpha channel or interlacing has no stream
/// until someone flattens it (`PNGFile` gives its parts; the server does it with zlib).
public struct DocumentImage: Sendable, Equatable {
    public struct Stream: Sendable, Equatable {
        /// A PDF colour space: `/DeviceRGB`, `/DeviceGray` or an `[/Indexed …]` array.
        public var colorSpace: String
        public var bitsPerComponent: Int
        /// `/DCTDecode` or `/FlateDecode`.
        public var filter: String
        public var decodeParms: String?
        public var data: [UInt8]

        public init(colorSpace: String, bitsPerComponent: Int, filter: String, decodeParms: String?, data: [UInt8]) {
            self.colorSpace = colorSpace
            self.bitsPerComponent = bitsPerComponent
            self.filter = filter
            self.decodeParms = decodeParms
            self.data = data
        }
    }

    public var file: [UInt8]
    public var kind: ImageHeader.Kind
    public var width: Int
    public var height: Int
    public var pdf: Stream?

    public init(file: [UInt8], kind: ImageHeader.Kind, width: Int, height: Int, pdf: Stream?) {
        self.file = file
        self.kind = kind
        self.width = width
        self.height = height
        self.pdf = pdf
    }

    /// Nil for a file that is not a whole PNG or JPEG.
    public init?(file: [UInt8]) {
        guard let header = ImageHeader(file) else { return nil }
        self.init(file: file, kind: header.kind, width: header.width, height: header.height, pdf: nil)
        switch header.kind {
        case .jpeg: pdf = Self.jpegStream(file)
        case .png: pdf = PNGFile(file).flatMap(Self.pngStream)
        }
    }

    private static func jpegStream(_ b: [UInt8]) -> Stream? {
        // The number of components is in the frame header, after height and width.
        var i = 2
        while i + 9 < b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let space = switch b[i + 9] { case 1: "/DeviceGray"; case 4: "/DeviceCMYK"; default: "/DeviceRGB" }
                // Adobe's CMYK JPEGs are stored inverted; their readers expect this Decode array.
                let decode = b[i + 9] == 4 ? " /Decode [1 0 1 0 1 0 1 0]" : ""
                return Stream(colorSpace: space + decode, bitsPerComponent: 8, filter: "/DCTDecode", decodeParms: nil, data: b)
            }
            i += 2 + length
        }
        return nil
    }

    private static func pngStream(_ png: PNGFile) -> Stream? {
        guard png.interlace == 0, [0, 2, 3].contains(png.colorType), [1, 2, 4, 8].contains(png.bitDepth) || png.colorType == 2 && png.bitDepth == 8
        else { return nil }
        let colors = png.colorType == 2 ? 3 : 1
        let parms = "<< /Predictor 15 /Colors \(colors) /BitsPerComponent \(png.bitDepth) /Columns \(png.width) >>"
        var space = png.colorType == 2 ? "/DeviceRGB" : "/DeviceGray"
        if png.colorType == 3 {
            // Transparent palette entries are mixed with white, as they look on the page.
            var palette = png.palette
            for (index, alpha) in png.transparency.enumerated() where index * 3 + 2 < palette.count {
                for c in 0..<3 {
                    let value = Int(palette[index * 3 + c]), a = Int(alpha)
                    palette[index * 3 + c] = UInt8((value * a + 255 * (255 - a)) / 255)
                }
            }
            guard !palette.isEmpty else { return nil }
            space = "[/Indexed /DeviceRGB \(palette.count / 3 - 1) <\(palette.map { hex($0) }.joined())>]"
        }
        return Stream(colorSpace: space, bitsPerComponent: png.bitDepth, filter: "/FlateDecode", decodeParms: parms, data: png.data)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}

/// The parts of a PNG file: its header fields, palette, transparency and the zlib stream of
/// its rows (the IDAT chunks joined).
public struct PNGFile: Sendable {
    public var width = 0
    public var height = 0
    public var bitDepth = 0
    public var colorType = 0
    public var interlace = 0
    public var palette: [UInt8] = []
    public var transparency: [UInt8] = []
    public var data: [UInt8] = []

    public init?(_ b: [UInt8]) {
        guard b.count > 33, b[0] == 0x89, b[1] == 0x50 else { return nil }
        var i = 8
        while i + 8 <= b.count {
            let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            let start = i + 8, end = start + length
            guard length >= 0, end + 4 <= b.count else { return nil }
            switch type {
            case "IHDR" where length >= 13:
                width = Int(b[start]) << 24 | Int(b[start + 1]) << 16 | Int(b[start + 2]) << 8 | Int(b[start + 3])
                height = Int(b[start + 4]) << 24 | Int(b[start + 5]) << 16 | Int(b[start + 6]) << 8 | Int(b[start + 7])
                bitDepth = Int(b[start + 8])
                colorType = Int(b[start + 9])
                interlace = Int(b[start + 12])
            case "PLTE": palette = Array(b[start..<end])
            case "tRNS": transparency = Array(b[start..<end])
            case "IDAT": data += b[start..<end]
            default: break
            }
            if type == "IEND" { break }
            i = end + 4
        }
        guard width > 0, height > 0, !data.isEmpty else { return nil }
    }
}
