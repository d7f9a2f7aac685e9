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
        value.withUTF8 { TableExporter.appendJSONString($0, to: &bytes) }
        needsComma = true
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
        separate()
        TableExporter.appendJSON(value, text: text, to: &bytes)
        needsComma = true
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
}
