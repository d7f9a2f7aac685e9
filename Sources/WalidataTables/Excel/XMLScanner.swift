import Foundation

/// What an `XMLScanner` reports, as it finds it. Names and text are handed over as byte ranges
/// valid only during the call, so a million-row sheet costs no `String` per tag.
protocol XMLHandler {
    mutating func start(_ name: XMLBytes, _ tag: XMLTag) throws
    mutating func end(_ name: XMLBytes) throws
    /// Raw text between tags, entities still escaped; one run of text may come in pieces.
    mutating func text(_ bytes: XMLBytes) throws
}

typealias XMLBytes = UnsafeBufferPointer<UInt8>

/// An incremental reader of the XML inside a workbook: fed the decompressed bytes of a zip
/// entry chunk by chunk, it reports tags and text without ever holding the document (a sheet
/// of a million rows is hundreds of megabytes of XML). Only what OOXML and ODF use is
/// understood: no DTD, no entity declarations (which also keeps "billion laughs" out).
struct XMLScanner {
    /// A single tag, comment or text run longer than this is not a spreadsheet.
    static let maximumConstruct = 32 << 20
    private var pending: [UInt8] = []

    struct Malformed: Error {}

    mutating func feed<H: XMLHandler>(_ chunk: UnsafeRawBufferPointer, into handler: inout H) throws {
        if pending.isEmpty {
            let used = try scan(chunk.bindMemory(to: UInt8.self), &handler)
            pending.append(contentsOf: chunk[used...])
        } else {
            pending.append(contentsOf: chunk)
            let buffer = pending
            pending = []
            let used = try buffer.withUnsafeBufferPointer { try scan($0, &handler) }
            pending.append(contentsOf: buffer[used...])
        }
        if pending.count > Self.maximumConstruct { throw Malformed() }
    }

    /// Scans complete constructs and returns how many bytes were used; the rest waits for more.
    private func scan<H: XMLHandler>(_ b: XMLBytes, _ handler: inout H) throws -> Int {
        let n = b.count
        guard let base = b.baseAddress, n > 0 else { return 0 }
        var i = 0
        while i < n {
            if base[i] != 0x3C {
                var j = i
                while j < n, base[j] != 0x3C { j += 1 }
                try handler.text(XMLBytes(start: base + i, count: j - i))
                i = j
                continue
            }
            guard i + 1 < n else { return i }
            let next = base[i + 1]
            if next == 0x21 || next == 0x3F {
                // <!-- comment -->, <![CDATA[ … ]]>, <!DOCTYPE …>, <?xml …?>
                if starts(base + i, n - i, "<!--") {
                    guard let e = find(base, from: i + 4, to: n, "-->") else { return i }
                    i = e + 3
                } else if starts(base + i, n - i, "<![CDATA[") {
                    guard let e = find(base, from: i + 9, to: n, "]]>") else { return i }
                    try handler.text(XMLBytes(start: base + i + 9, count: e - i - 9))
                    i = e + 3
                } else if n - i < 9 {
                    return i
                } else {
                    guard let e = find(base, from: i + 2, to: n, ">") else { return i }
                    i = e + 1
                }
                continue
            }
            // A tag: find its closing '>' outside quoted attribute values.
            var j = i + 1
            var quote: UInt8 = 0
            while j < n {
                let c = base[j]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == 0x22 || c == 0x27 {
                    quote = c
                } else if c == 0x3E {
                    break
                }
                j += 1
            }
            guard j < n else { return i }
            if next == 0x2F {
                var e = i + 2
                while e < j, !isSpace(base[e]) { e += 1 }
                try handler.end(XMLBytes(start: base + i + 2, count: e - i - 2))
            } else {
                let selfClosing = base[j - 1] == 0x2F
                let inner = (selfClosing ? j - 1 : j)
                var e = i + 1
                while e < inner, !isSpace(base[e]) { e += 1 }
                let name = XMLBytes(start: base + i + 1, count: e - i - 1)
                try handler.start(name, XMLTag(attributes: XMLBytes(start: base + e, count: inner - e)))
                if selfClosing { try handler.end(name) }
            }
            i = j + 1
        }
        return n
    }

    private func starts(_ p: UnsafePointer<UInt8>, _ available: Int, _ s: StaticString) -> Bool {
        guard available >= s.utf8CodeUnitCount else { return false }
        return memcmp(p, s.utf8Start, s.utf8CodeUnitCount) == 0
    }

    private func find(_ base: UnsafePointer<UInt8>, from: Int, to n: Int, _ s: StaticString) -> Int? {
        var k = from
        let m = s.utf8CodeUnitCount
        while k + m <= n {
            if base[k] == s.utf8Start[0], memcmp(base + k, s.utf8Start, m) == 0 { return k }
            k += 1
        }
        return nil
    }
}

@inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

/// The attributes of one start tag, read on demand.
struct XMLTag {
    let attributes: XMLBytes

    /// The raw (still escaped) value of the attribute whose local name is `name`
    /// (`r:id` is found as "id"; `sheetId` is not).
    func raw(_ name: StaticString) -> XMLBytes? {
        guard let p = attributes.baseAddress else { return nil }
        let n = attributes.count
        var i = 0
        while i < n {
            while i < n, isSpace(p[i]) { i += 1 }
            let nameStart = i
            while i < n, p[i] != 0x3D, !isSpace(p[i]) { i += 1 }
            let attribute = XMLBytes(start: p + nameStart, count: i - nameStart)
            while i < n, p[i] != 0x22, p[i] != 0x27 { i += 1 }
            guard i < n else { return nil }
            let quote = p[i]
            i += 1
            let valueStart = i
            while i < n, p[i] != quote { i += 1 }
            let value = XMLBytes(start: p + valueStart, count: i - valueStart)
            i += 1
            if XMLName.local(attribute, is: name) { return value }
        }
        return nil
    }

    func string(_ name: StaticString) -> String? { raw(name).map(XMLText.decode) }

    func int(_ name: StaticString) -> Int? {
        guard let value = raw(name), value.count > 0, value.count < 19 else { return nil }
        var v = 0
        for c in value {
            guard c &- 0x30 < 10 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    func bool(_ name: StaticString) -> Bool? {
        guard let value = string(name) else { return nil }
        return value == "1" || value == "true"
    }
}

enum XMLName {
    /// Whether the name, without its namespace prefix, is `expected`.
    @inline(__always)
    static func local(_ name: XMLBytes, is expected: StaticString) -> Bool {
        guard let p = name.baseAddress else { return expected.utf8CodeUnitCount == 0 }
        var start = 0
        let m = expected.utf8CodeUnitCount
        if name.count != m {
            // Skip a prefix such as "x:" or "table:".
            guard name.count > m, p[name.count - m - 1] == 0x3A else { return false }
            start = name.count - m
        }
        return memcmp(p + start, expected.utf8Start, m) == 0
    }
}

/// Turns escaped XML text into a string: the five named entities, numeric references, and
/// Excel's own `_xHHHH_` escapes for control characters.
enum XMLText {
    static func decode(_ bytes: XMLBytes) -> String {
        guard bytes.contains(0x26) || bytes.contains(0x5F) else { return String(decoding: bytes, as: UTF8.self) }
        return decode(Array(bytes))
    }

    static func decode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        func append(scalar: UInt32) {
            if let s = Unicode.Scalar(scalar) { out.append(contentsOf: Array(String(Character(s)).utf8)) }
        }
        while i < n {
            let c = bytes[i]
            if c == 0x26, let semi = bytes[i..<min(n, i + 12)].firstIndex(of: 0x3B) {
                let name = String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)
                switch name {
                case "lt": out.append(0x3C)
                case "gt": out.append(0x3E)
                case "amp": out.append(0x26)
                case "quot": out.append(0x22)
                case "apos": out.append(0x27)
                default:
                    if name.hasPrefix("#x"), let v = UInt32(name.dropFirst(2), radix: 16) { append(scalar: v) }
                    else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) { append(scalar: v) }
                    else { out.append(contentsOf: bytes[i...semi]) }
                }
                i = semi + 1
            } else if c == 0x5F, i + 6 < n, bytes[i + 1] == 0x78, bytes[i + 6] == 0x5F,
                      let v = UInt32(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16) {
                append(scalar: v)
                i += 7
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
