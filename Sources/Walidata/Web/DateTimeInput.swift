import Foundation
import WalidataCore

/// What the date and time fields of every form accept: exactly `YYYY-MM-DD` and a 24-hour
/// `HH:MM`, the formats their placeholder and hint show. Anything else is refused with a
/// message that names the format, never guessed at (`05/01/2026` could be May or January).
enum DateTimeInput {
    /// HTML `pattern`s; the server checks again with `date(_:)` and `minute(_:)`.
    static let datePattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
    static let timePattern = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00"

    static func date(_ text: String) -> LocalDate? {
        LocalDate(iso: text.trimmingCharacters(in: .whitespaces))
    }

    /// Minutes after midnight of `HH:MM`; `24:00` only where a day's end is meant (`allowMidnightEnd`).
    static func minute(_ text: String, allowMidnightEnd: Bool = false) -> Int? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
              [0, 1, 3, 4].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) })
        else { return nil }
        let hour = Int(bytes[0] - 48) * 10 + Int(bytes[1] - 48)
        let minute = Int(bytes[3] - 48) * 10 + Int(bytes[4] - 48)
        guard minute < 60, hour < 24 || (allowMidnightEnd && hour == 24 && minute == 0) else { return nil }
        return hour * 60 + minute
    }
}
