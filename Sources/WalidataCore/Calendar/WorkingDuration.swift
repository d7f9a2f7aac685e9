import Foundation

/// A span of working time split the way the office says it: "1 hari 2 jam", "3 jam 20 menit".
///
/// A day is one usual working day (`WorkingCalendar.usualDayLength`), because "hari" in the SOP
/// means a working day, never 24 hours. The span is rounded to the whole minute; at a day or more
/// only days and hours are said (minutes are dropped, never rounded up), so a duration is never
/// shown as longer than it was.
public struct WorkingDuration: Equatable, Sendable {
    public let days: Int
    public let hours: Int
    public let minutes: Int

    /// A negative span counts as zero.
    public init(seconds: TimeInterval, dayLength: TimeInterval) {
        let total = max(0, Int((seconds / 60).rounded()))
        let perDay = max(1, Int((dayLength / 60).rounded()))
        days = total / perDay
        let rest = total % perDay
        hours = rest / 60
        minutes = rest % 60
    }

    /// The two largest parts that are not zero, in the SOP's own units, e.g.
    /// `[1 hari, 2 jam]` or `[3 jam, 20 menit]`; empty for less than half a minute.
    public var parts: [TimeStandard] {
        if days > 0 {
            return [TimeStandard(amount: days, unit: .days)] + (hours > 0 ? [TimeStandard(amount: hours, unit: .hours)] : [])
        }
        return [(hours, TimeStandard.Unit.hours), (minutes, .minutes)].filter { $0.0 > 0 }.map { TimeStandard(amount: $0.0, unit: $0.1) }
    }

    /// Indonesian, in the words the SOP uses: "1 hari 2 jam", "45 menit", "0 menit".
    public var text: String {
        parts.isEmpty ? "0 menit" : parts.map(\.text).joined(separator: " ")
    }
}

extension WorkingCalendar {
    /// How long the office's usual working day is: the opening length most weekdays share
    /// (Monday–Thursday's 8 h 30 in the standard hours, not Friday's 9 h; on a tie the shorter).
    /// 8 hours for a calendar open on no weekday. What "1 hari" of working time is shown as.
    public var usualDayLength: TimeInterval {
        var counts: [Int: Int] = [:]
        for hours in self.hours.values where hours.minutes > 0 { counts[hours.minutes, default: 0] += 1 }
        guard let usual = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else { return 8 * 3600 }
        return TimeInterval(usual.key * 60)
    }
}
