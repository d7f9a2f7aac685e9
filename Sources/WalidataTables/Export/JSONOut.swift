import Foundation
import WalidataCore

/// A JSON document written byte by byte, for answers read so often that building a `Codable`
/// tree and running `JSONEncoder` over it was most of their cost (the portal's explorer twin,
/// CKAN's actions). Commas are placed by the writer: a value after a value in the same array
/// or object gets one. Strings are escaped as `JSONEncoder` does with `.withoutEscapingSlashes`;
/// a table's decimals keep the digits they were read with, as the JSON download does.
public struct JSONOut {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    @inline(__always) private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object's key; its value is written next.
    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { Self.appendEscaped($0, to: &bytes) }
        needsComma = true
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func int<I: BinaryInteger>(_ value: I) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// A finite number as its shortest digits without an exponent; JSON has no NaN or infinity,
    /// so those are `null`.
    public mutating func double(_ value: Double) {
        separate()
        bytes.append(contentsOf: (value.isFinite ? NumberNotation.canonical(value) : "null").utf8)
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    /// A date as `JSONEncoder`'s `.iso8601` writes it (`2026-12-01T08:30:00Z`).
    public mutating func date(_ value: Date?) {
        guard let value else { return null() }
        string(value.formatted(Date.ISO8601FormatStyle()))
    }

    /// A value already written as JSON (by `JSONEncoder`, for a part read rarely).
    public mutating func raw(_ json: some Sequence<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    /// A table value; a decimal with the `text` it was read from keeps that text's digits.
    public mutating func value(_ value: TableValue, text: String? = nil) {
        switch value {
        case .null: null()
        case .integer(let v): int(v)
        case .boolean(let v): bool(v)
        case .date(let v), .text(let v): string(v)
        case .decimal(let v):
            separate()
            var written = false
            if var text { written = text.withUTF8 { TableExporter.appendDecimalText($0, to: &bytes) } }
            if !written { bytes.append(contentsOf: (v.isFinite ? NumberText.decimal(v) : "null").utf8) }
            needsComma = true
        }
    }

    /// `"key":{…}` with the keys in byte order, as `JSONEncoder`'s `.sortedKeys` writes them.
    public mutating func object(_ pairs: [String: String]) {
        beginObject()
        for name in pairs.keys.sorted() {
            key(name)
            string(pairs[name]!)
        }
        endObject()
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var plainFrom = 0
        for k in 0..<bytes.count {
            let b = bytes[k]
            guard b == 0x22 || b == 0x5C || b < 0x20 else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<k]))
            switch b {
            case 0x22: out.append(contentsOf: "\\\"".utf8)
            case 0x5C: out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            default:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            }
            plainFrom = k + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        out.append(0x22)
    }
}
