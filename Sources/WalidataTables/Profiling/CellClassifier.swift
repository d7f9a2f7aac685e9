import Foundation

/// Reads one CSV value as a number, date, boolean, null or text, working on the UTF-8 bytes
/// so a million-row file costs no `String` per cell.
///
/// The rules, chosen for Indonesian government data:
/// - Surrounding spaces and tabs are ignored for reading (the original text is still kept).
/// - Integers with a leading zero (`007`, `0812…`) are text: they are codes and phone numbers,
///   and reading them as numbers would lose the zero.
/// - `1.234.567` and `1,234,567` are integers; `1.234,56` / `12,5` (Indonesian) and
///   `1,234.56` / `12.5` (international) are decimals, each read in the style it shows.
/// - `1.234` and `1,234` are ambiguous; `ColumnProfiler` settles them per column.
/// - Dates are `YYYY-MM-DD`, or day-first `DD/MM/YYYY` and `DD-MM-YYYY` (day and month may
///   have one digit), and must exist in the calendar.
/// - Booleans are `true/false`, `ya/tidak`, `y/n`, `yes/no`, any letter case.
/// - Nulls are the empty value and `-`, `NA`, `N/A`, `#N/A`, `null`, any letter case.
enum CellClassifier {
    static func classify(_ bytes: UnsafePointer<UInt8>, count: Int) -> Cell {
        var s = 0, e = count
        while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
        while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        let n = e - s
        if n == 0 { return Cell(kind: .null, plain: count == 0) }
        let trimmed = n != count
        let p = bytes + s
        let first = p[0]
        if isDigit(first) || (n > 1 && (first == 0x2D || first == 0x2B)) {
            if let cell = number(p, n, trimmed: trimmed) { return cell }
            if let cell = date(p, n, trimmed: trimmed) { return cell }
            return .text
        }
        if n <= 5 { return word(p, n) }
        return .text
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    private static func number(_ p: UnsafePointer<UInt8>, _ n: Int, trimmed: Bool) -> Cell? {
        var i = 0
        let negative = p[0] == 0x2D
        let signed = negative || p[0] == 0x2B
        if signed { i = 1 }
        let firstDigit = p[i]
        var mantissa: UInt64 = 0
        var overflow = false
        var digits = 0, significant = 0
        var dots = 0, commas = 0, separators = 0
        var lastSeparator: UInt8 = 0
        var group = 0, firstGroup = 0
        var middleGroupsOK = true
        var lastDigit: UInt8 = 0
        while i < n {
            let b = p[i]
            if isDigit(b) {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(b - 0x30))
                overflow = overflow || o1 || o2
                mantissa = m2
                digits += 1
                if significant > 0 || b != 0x30 { significant += 1 }
                group += 1
                lastDigit = b
            } else if b == 0x2E || b == 0x2C {
                if group == 0 { return nil }
                if separators == 0 { firstGroup = group } else if group != 3 { middleGroupsOK = false }
                if b == 0x2E { dots += 1 } else { commas += 1 }
                separators += 1
                lastSeparator = b
                group = 0
            } else {
                return nil
            }
            i += 1
        }
        if separators > 0, group == 0 { return nil }
        let leadingZero = firstDigit == 0x30
        let decimalEvidence: Cell.Evidence = lastSeparator == 0x2C ? .indonesian : .international
        let thousandsEvidence: Cell.Evidence = lastSeparator == 0x2E ? .indonesian : .international

        if separators == 0 {
            guard !(leadingZero && digits > 1), !overflow, mantissa <= UInt64(Int64.max) else { return nil }
            let value = negative ? -Int64(mantissa) : Int64(mantissa)
            return Cell(kind: .integer, plain: !trimmed && p[0] != 0x2B && !(negative && mantissa == 0), integer: value)
        }
        let groupedInteger = firstGroup <= 3 && !leadingZero && middleGroupsOK
        if dots > 0, commas > 0 {
            let decimalCount = lastSeparator == 0x2E ? dots : commas
            guard decimalCount == 1, groupedInteger else { return nil }
            return decimal(mantissa, overflow, fraction: group, negative: negative, evidence: decimalEvidence, p, n)
        }
        if separators >= 2 {
            guard groupedInteger, group == 3, !overflow, mantissa <= UInt64(Int64.max) else { return nil }
            let value = negative ? -Int64(mantissa) : Int64(mantissa)
            return Cell(kind: .integer, plain: false, evidence: thousandsEvidence, integer: value)
        }
        if group == 3, firstGroup <= 3, !leadingZero {
            let value = negative ? -Int64(mantissa) : Int64(mantissa)
            return Cell(kind: lastSeparator == 0x2E ? .ambiguousDot : .ambiguousComma, plain: false,
                        integer: value, real: Double(value) / 1000)
        }
        guard !leadingZero || firstGroup == 1 else { return nil }
        var cell = decimal(mantissa, overflow, fraction: group, negative: negative, evidence: decimalEvidence, p, n)
        let leadingFractionZeros = leadingZero ? group - significant : 0
        // Plain decimals are the ones SQLite and Swift both print back digit for digit.
        cell.plain = !trimmed && p[0] != 0x2B && lastSeparator == 0x2E && lastDigit != 0x30
            && significant <= 15 && firstGroup <= 15 && leadingFractionZeros <= 3
        return cell
    }

    private static func decimal(_ mantissa: UInt64, _ overflow: Bool, fraction: Int, negative: Bool, evidence: Cell.Evidence,
                                _ p: UnsafePointer<UInt8>, _ n: Int) -> Cell {
        var value: Double
        if !overflow, mantissa < 1 << 53, fraction <= 22 {
            // Both operands are exact (10^22 is the largest exact power of ten), so the one
            // division is correctly rounded, as strtod would be.
            var scale = 1.0
            for _ in 0..<fraction { scale *= 10 }
            value = Double(mantissa) / scale
        } else {
            var text = ""
            let digits = UnsafeBufferPointer(start: p, count: n).filter { isDigit($0) }
            text = String(decoding: digits, as: UTF8.self) + "e-\(fraction)"
            value = Double(text) ?? .nan
        }
        if negative { value = -value }
        return Cell(kind: .decimal, plain: false, evidence: evidence, real: value)
    }

    private static func date(_ p: UnsafePointer<UInt8>, _ n: Int, trimmed: Bool) -> Cell? {
        guard n >= 8, n <= 10 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for k in from..<(from + count) {
                guard isDigit(p[k]) else { return nil }
                v = v * 10 + Int(p[k] - 0x30)
            }
            return v
        }
        var year = 0, month = 0, day = 0
        var iso = false
        if n == 10, p[4] == 0x2D, p[7] == 0x2D {
            guard let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2) else { return nil }
            (year, month, day, iso) = (y, m, d, true)
        } else {
            let first = p[1] == 0x2F || p[1] == 0x2D ? 1 : (p[2] == 0x2F || p[2] == 0x2D ? 2 : -1)
            guard first > 0 else { return nil }
            let separator = p[first]
            let second = p[first + 2] == separator ? first + 2 : (first + 3 < n && p[first + 3] == separator ? first + 3 : -1)
            guard second > 0, n - second - 1 == 4,
                  let d = digits(0, first), let m = digits(first + 1, second - first - 1), let y = digits(second + 1, 4)
            else { return nil }
            (year, month, day) = (y, m, d)
        }
        guard year >= 1000, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return Cell(kind: .date, plain: iso && !trimmed, integer: Int64(year * 10000 + month * 100 + day))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Null tokens and boolean words, compared case-insensitively as packed lowercase bytes.
    private static func word(_ p: UnsafePointer<UInt8>, _ n: Int) -> Cell {
        var packed: UInt64 = 0
        for k in 0..<n {
            var b = p[k]
            if b &- 0x41 < 26 { b |= 0x20 }
            packed |= UInt64(b) << (8 * UInt64(k))
        }
        // The words packed little-endian, written out as literals so that no global has to
        // be initialised on this path (a million-row file calls it millions of times).
        switch packed {
        case 0x2D, 0x616E, 0x612F6E, 0x612F6E23, 0x6C6C756E: // - na n/a #n/a null
            return Cell(kind: .null, plain: false)
        case 0x6575_7274, 0x6179, 0x79, 0x73_6579: // true ya y yes
            return Cell(kind: .boolean, plain: false, integer: 1)
        case 0x65_736C_6166, 0x6B_6164_6974, 0x6E, 0x6F6E: // false tidak n no
            return Cell(kind: .boolean, plain: false, integer: 0)
        default:
            return .text
        }
    }
}
