import Foundation

/// Which cell styles show a number as a date or a time. In an `.xlsx` a date is a number (days
/// since 1900 or 1904) and only its style's number format says so: `s="3"` points at the third
/// `<xf>` of `<cellXfs>` in `styles.xml`, whose `numFmtId` is a built-in format (14–22, 45–47
/// are dates and times) or a custom `<numFmt formatCode="dd/mm/yyyy">`.
struct CellStyles {
    enum Shows: UInt8 {
        case number
        case date
        case time
        case dateTime
    }

    private(set) var styles: [Shows] = []

    func shows(_ style: Int) -> Shows { style >= 0 && style < styles.count ? styles[style] : .number }

    static func read(_ archive: WorkbookArchive, path: String?) throws -> CellStyles {
        guard let path else { return CellStyles() }
        var handler = Handler()
        try archive.read(path, into: &handler)
        var result = CellStyles()
        result.styles = handler.formatIDs.map { id in
            if let code = handler.customFormats[id] { return classify(code) }
            return builtIn(id)
        }
        return result
    }

    static func builtIn(_ id: Int) -> Shows {
        switch id {
        case 14...17: .date
        case 18...21, 45...47: .time
        case 22: .dateTime
        default: .number
        }
    }

    /// A custom format is a date or time when, outside quoted text, escapes and bracketed
    /// parts such as `[Red]` or `[$-421]`, it uses the letters d, m, y (date) or h, s (time).
    /// Elapsed time `[h]:mm` counts as time.
    static func classify(_ code: String) -> Shows {
        var date = false, time = false
        var quoted = false, bracket = false, escaped = false
        var section = 0
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            if quoted { if ch == "\"" { quoted = false }; continue }
            if bracket {
                if ch == "]" { bracket = false } else if ch == "h" || ch == "s" { time = true }
                continue
            }
            switch ch {
            case "\"": quoted = true
            case "\\", "_", "*": escaped = true
            case "[": bracket = true
            case ";": section += 1
            case "d", "y", "m": if section == 0 { date = true }
            case "h", "s": if section == 0 { time = true }
            default: break
            }
            if section > 0 { break }
        }
        // "mm" next to h or s is minutes, not months.
        if time, date, !code.lowercased().contains(where: { $0 == "d" || $0 == "y" }) { date = false }
        switch (date, time) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        default: return .number
        }
    }

    private struct Handler: XMLHandler {
        var customFormats: [Int: String] = [:]
        var formatIDs: [Int] = []
        var inCellXfs = false

        mutating func start(_ name: XMLBytes, _ tag: XMLTag) throws {
            if XMLName.local(name, is: "numFmt") {
                if let id = tag.int("numFmtId"), let code = tag.string("formatCode") { customFormats[id] = code }
            } else if XMLName.local(name, is: "cellXfs") {
                inCellXfs = true
            } else if inCellXfs, XMLName.local(name, is: "xf") {
                formatIDs.append(tag.int("numFmtId") ?? 0)
            }
        }

        mutating func end(_ name: XMLBytes) throws {
            if XMLName.local(name, is: "cellXfs") { inCellXfs = false }
        }

        mutating func text(_ bytes: XMLBytes) throws {}
    }
}

/// Excel's day numbers as calendar dates and clock times.
enum ExcelDate {
    /// The text of serial `value` in the workbook's date system, and the `yyyymmdd` of its day
    /// (nil when the serial is not a date that exists, e.g. the 1900 system's 29 February 1900).
    static func text(_ value: Double, shows: CellStyles.Shows, date1904: Bool) -> (text: String, ymd: Int64?)? {
        guard value.isFinite, value >= 0, value < 2_958_466 else { return nil }
        var days = Int(value.rounded(.down))
        var seconds = Int(((value - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        let clock = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        if shows == .time, days == 0 { return (clock, nil) }
        let epochDays: Int
        if date1904 {
            epochDays = days + daysFromCivil(1904, 1, 1)
        } else {
            // Lotus 1-2-3's bug, kept by Excel: serial 60 is 29 February 1900, which never was.
            if days == 60 { return ("1900-02-29", nil) }
            epochDays = days + daysFromCivil(1899, 12, days < 60 ? 31 : 30)
        }
        let (y, m, d) = civil(fromDays: epochDays)
        let date = String(format: "%04d-%02d-%02d", y, m, d)
        let ymd = Int64(y * 10000 + m * 100 + d)
        if shows == .date || (shows == .dateTime && seconds == 0) { return (date, ymd) }
        if shows == .time { return (clock, nil) }
        return (date + " " + clock, nil)
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
