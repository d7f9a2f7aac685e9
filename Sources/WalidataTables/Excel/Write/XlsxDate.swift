import Foundation

/// Dates as Excel stores them: days since 1899-12-30 in the 1900 date system (the default of
/// every Excel for Windows), the time of day as a fraction of a day.
///
/// The 1900 system counts a 29 February 1900 that never was (Lotus 1-2-3's bug, kept for
/// compatibility), so serials before 1 March 1900 are one off; days before then are written
/// as text instead.
enum XlsxDate {
    static let firstExactDay = (1900, 3, 1)

    /// Nil before 1 March 1900 or for a day that does not exist.
    static func serial(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), (1...31).contains(day), year <= 9999,
              (year, month, day) >= firstExactDay, day <= daysIn(month, year) else { return nil }
        return daysFromCivil(year, month, day) + 25_569
    }

    /// `YYYY-MM-DD` as stored by the tables.
    static func serial(iso bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for k in range {
                guard CellClassifier.isDigit(bytes[k]) else { return nil }
                value = value * 10 + Int(bytes[k] - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return serial(year: y, month: m, day: d)
    }

    /// The wall-clock time of `instant` in `timeZone`, as a fractional serial.
    static func serial(_ instant: Date, in timeZone: TimeZone) -> Double? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        guard let y = c.year, let m = c.month, let d = c.day, let days = serial(year: y, month: m, day: d) else { return nil }
        let hour: Int = c.hour ?? 0, minute: Int = c.minute ?? 0, second: Int = c.second ?? 0
        let seconds: Int = hour * 3600 + minute * 60 + second
        return Double(days) + Double(seconds) / 86_400
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
