import Foundation

/// Accumulates one column's profile value by value, in bounded memory, and at the end decides
/// the column's type and how the values already loaded must be corrected.
///
/// Types: a column is `date`, `integer`/`decimal` or `boolean` only when every non-null value
/// reads so; anything else makes it `text`. `1/0` beside boolean words are booleans, but a
/// column of only `0` and `1` stays `integer` (counts and flags are more often numbers).
/// Ambiguous numbers take the style of the majority of the column's unambiguous numbers, and
/// the Indonesian style on a tie or with no evidence.
struct ColumnProfiler: ~Copyable {
    /// What the table loader must do once the column's type is known: values were stored as
    /// each read on its own, in the Indonesian style for ambiguous ones.
    struct Resolution {
        var type: ColumnType
        var style: NumberStyle?
        /// A `text` column holding values stored as numbers, dates or booleans: put the
        /// original text back.
        var restoreText: Bool
        /// An international-style number column with ambiguous values: read them again.
        var rereadAmbiguous: Bool
    }

    private enum Number {
        case int(Int64)
        case real(Double)

        var double: Double {
            switch self {
            case .int(let v): Double(v)
            case .real(let v): v
            }
        }

        static func less(_ a: Number, _ b: Number) -> Bool {
            if case .int(let x) = a, case .int(let y) = b { return x < y }
            return a.double < b.double
        }

        var text: String {
            switch self {
            case .int(let v): String(v)
            case .real(let v): NumberText.decimal(v)
            }
        }
    }

    static let textKeyLength = 64

    private var nulls = 0, integers = 0, decimals = 0, ambiguousDots = 0, ambiguousCommas = 0
    private var dates = 0, booleanWords = 0, zeroOnes = 0, texts = 0
    private var trues = 0, falses = 0
    private var indonesian = 0, international = 0
    private var numberMin: Number?, numberMax: Number?
    private var dotMin = Int64.max, dotMax = Int64.min, commaMin = Int64.max, commaMax = Int64.min
    private var dateMin = Int64.max, dateMax = Int64.min
    private var textMin: [UInt8]?, textMax: [UInt8]?
    private var textMinPrefix: UInt64 = 0, textMaxPrefix: UInt64 = 0
    private var distinct: DistinctCounter

    init(distinctCap: Int) {
        distinct = DistinctCounter(cap: distinctCap)
    }

    mutating func add(_ cell: Cell, _ bytes: UnsafePointer<UInt8>, count: Int) {
        switch cell.kind {
        case .null:
            nulls += 1
            return
        case .integer:
            integers += 1
            if cell.integer == 0 || cell.integer == 1 { zeroOnes += 1 }
            if cell.integer == 1 { trues += 1 } else if cell.integer == 0 { falses += 1 }
            addNumber(.int(cell.integer))
        case .decimal:
            decimals += 1
            addNumber(.real(cell.real))
        case .ambiguousDot:
            ambiguousDots += 1
            dotMin = min(dotMin, cell.integer)
            dotMax = max(dotMax, cell.integer)
        case .ambiguousComma:
            ambiguousCommas += 1
            commaMin = min(commaMin, cell.integer)
            commaMax = max(commaMax, cell.integer)
        case .date:
            dates += 1
            dateMin = min(dateMin, cell.integer)
            dateMax = max(dateMax, cell.integer)
        case .boolean:
            booleanWords += 1
            if cell.integer == 1 { trues += 1 } else { falses += 1 }
        case .text:
            texts += 1
        }
        switch cell.evidence {
        case .indonesian: indonesian += 1
        case .international: international += 1
        case .none: break
        }
        var s = 0, e = count
        while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
        while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        distinct.add(bytes + s, count: e - s)
        addText(bytes + s, count: e - s)
    }

    @inline(__always)
    private mutating func addNumber(_ value: Number) {
        if numberMin.map({ Number.less(value, $0) }) ?? true { numberMin = value }
        if numberMax.map({ Number.less($0, value) }) ?? true { numberMax = value }
    }

    /// Most values' first eight bytes already fall strictly between those of the current
    /// minimum and maximum, and need no full comparison.
    private mutating func addText(_ bytes: UnsafePointer<UInt8>, count: Int) {
        let prefix = Self.prefix(bytes, count)
        if textMin != nil, prefix > textMinPrefix, prefix < textMaxPrefix { return }
        var n = min(count, Self.textKeyLength)
        if n < count { while n > 0, bytes[n] & 0xC0 == 0x80 { n -= 1 } }
        if textMin.map({ Self.compare(bytes, n, $0) < 0 }) ?? true {
            textMin = Array(UnsafeBufferPointer(start: bytes, count: n))
            textMinPrefix = Self.prefix(bytes, n)
        }
        if textMax.map({ Self.compare(bytes, n, $0) > 0 }) ?? true {
            textMax = Array(UnsafeBufferPointer(start: bytes, count: n))
            textMaxPrefix = Self.prefix(bytes, n)
        }
    }

    /// The first eight bytes as a big-endian number (zero-padded), which orders like the bytes.
    @inline(__always)
    private static func prefix(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<8 { value = value << 8 | (i < count ? UInt64(bytes[i]) : 0) }
        return value
    }

    private static func compare(_ bytes: UnsafePointer<UInt8>, _ n: Int, _ other: [UInt8]) -> Int {
        other.withUnsafeBufferPointer { o in
            let c = memcmp(bytes, o.baseAddress!, min(n, o.count))
            return c != 0 ? Int(c) : n - o.count
        }
    }

    func finish(index: Int, name: String) -> (ColumnProfile, Resolution) {
        let values = integers + decimals + ambiguousDots + ambiguousCommas + dates + booleanWords + texts
        let numbers = integers + decimals + ambiguousDots + ambiguousCommas
        let style: NumberStyle = international > indonesian ? .international : .indonesian
        var type = ColumnType.text
        if values > 0 {
            if dates == values {
                type = .date
            } else if booleanWords > 0, booleanWords + zeroOnes == values {
                type = .boolean
            } else if numbers == values {
                let fractional = decimals > 0 || (style == .indonesian ? ambiguousCommas > 0 : ambiguousDots > 0)
                type = fractional ? .decimal : .integer
            }
        }
        let typedValues = values - texts
        let ambiguous = ambiguousDots + ambiguousCommas
        let usesSeparators = indonesian + international + ambiguous > 0
        let resolution = Resolution(
            type: type,
            style: type.isNumeric && usesSeparators ? style : nil,
            restoreText: type == .text && typedValues > 0,
            rereadAmbiguous: type.isNumeric && style == .international && ambiguous > 0)
        let (minimum, maximum) = range(type: type, style: style)
        let profile = ColumnProfile(
            index: index, name: name, type: type, numberStyle: resolution.style,
            valueCount: values, nullCount: nulls,
            distinctCount: min(distinct.count, distinct.cap), distinctCountIsCapped: distinct.isCapped,
            minimum: minimum, maximum: maximum,
            ambiguousNumberCount: type.isNumeric ? ambiguous : 0)
        return (profile, resolution)
    }

    private func range(type: ColumnType, style: NumberStyle) -> (String?, String?) {
        switch type {
        case .integer, .decimal:
            var low = numberMin, high = numberMax
            func include(_ value: Number) {
                if low.map({ Number.less(value, $0) }) ?? true { low = value }
                if high.map({ Number.less($0, value) }) ?? true { high = value }
            }
            let dotsAreThousands = style == .indonesian
            if ambiguousDots > 0 {
                include(dotsAreThousands ? .int(dotMin) : .real(Double(dotMin) / 1000))
                include(dotsAreThousands ? .int(dotMax) : .real(Double(dotMax) / 1000))
            }
            if ambiguousCommas > 0 {
                include(dotsAreThousands ? .real(Double(commaMin) / 1000) : .int(commaMin))
                include(dotsAreThousands ? .real(Double(commaMax) / 1000) : .int(commaMax))
            }
            return (low?.text, high?.text)
        case .date:
            return (NumberText.date(dateMin), NumberText.date(dateMax))
        case .boolean:
            return (falses > 0 ? "false" : "true", trues > 0 ? "true" : "false")
        case .text:
            return (textMin.map { String(decoding: $0, as: UTF8.self) }, textMax.map { String(decoding: $0, as: UTF8.self) })
        }
    }
}
