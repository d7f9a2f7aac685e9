import Foundation

/// One cell of a workbook written by `XlsxWriter`, typed as Excel should see it.
public enum XlsxCell: Sendable, Equatable {
    case empty
    /// Always a string, whatever it looks like: `007` keeps its zeros and `=1+1` is not a formula.
    case text(String)
    case integer(Int64)
    case number(Double)
    case boolean(Bool)
    /// A calendar day, shown `yyyy-mm-dd`.
    case date(year: Int, month: Int, day: Int)
    /// An instant shown as the wall-clock time in `timeZone` (`yyyy-mm-dd hh:mm`); Excel has no zones.
    case dateTime(Date, timeZone: TimeZone)
    /// A length of time shown as hours and minutes (`[h]:mm`, so 30 hours stay 30:00), summable.
    case duration(seconds: Double)
    /// A share from 0 to 1 shown as a whole percent.
    case percent(Double)
}

/// The cell styles of `XlsxParts.styles`, by their index in `cellXfs`.
enum XlsxStyle: Int {
    case plain = 0, header, date, dateTime, duration, percent
}
