import Foundation

/// Dates as the office writes them, in its own zone (WIB): "26 November 2026" or
/// "26 November 2026, 10.00 WIB". Never in the server's zone.
enum DateText {
    static let officeZone = TimeZone(identifier: "Asia/Jakarta")!

    static let monthsID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let weekdaysID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    static let weekdaysEN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = officeZone
        return calendar
    }

    static func date(_ date: Date?, t: Translator) -> String {
        guard let date else { return "–" }
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return longDate(year: c.year!, month: c.month!, day: c.day!, lang: t.lang)
    }

    static func dateTime(_ date: Date?, t: Translator) -> String {
        guard let date else { return "–" }
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = t.lang == .id ? String(format: "%02d.%02d WIB", c.hour!, c.minute!) : String(format: "%02d:%02d WIB", c.hour!, c.minute!)
        return longDate(year: c.year!, month: c.month!, day: c.day!, lang: t.lang) + ", " + time
    }

    static func longDate(year: Int, month: Int, day: Int, lang: Lang) -> String {
        let months = lang == .id ? monthsID : monthsEN
        return "\(day) \(months[month - 1]) \(year)"
    }

    static func weekday(_ isoWeekday: Int, lang: Lang) -> String {
        (lang == .id ? weekdaysID : weekdaysEN)[isoWeekday - 1]
    }

    static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
