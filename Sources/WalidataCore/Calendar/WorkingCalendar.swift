import Foundation

/// The office's working time: which weekdays it opens and when, which dates it is closed,
/// and in which zone those wall-clock times are meant.
///
/// Every conversion between `Date` and local wall-clock time goes through a Gregorian calendar
/// set to `timeZone`, never `Calendar.current` or `TimeZone.current`, so a server running in
/// UTC (or anywhere else) computes the same deadlines as a clerk reading the office clock.
///
/// A working day's interval is half-open, `[opening, closing)`: an instant at exactly the closing
/// time is outside working time, and work submitted then starts at the next opening.
public struct WorkingCalendar: Sendable {
    public var timeZone: TimeZone {
        didSet { gregorian.timeZone = timeZone }
    }
    /// Opening hours keyed by ISO weekday (1 = Monday … 7 = Sunday); a missing weekday is closed.
    public var hours: [Int: WorkingHours]
    /// Holidays, collective leave and office closures, looked up by date.
    public var nonWorkingDays: [LocalDate: NonWorkingDay]

    private var gregorian: Calendar

    /// How far ahead a search for the next working day goes before giving up (about ten years);
    /// it only matters for a calendar that is closed for good, which would otherwise loop forever.
    public static let searchLimitDays = 3660

    /// WIB (UTC+7, no daylight saving). Falls back to a fixed +07:00 offset on a system
    /// without tz data so the office's zone never silently becomes UTC.
    public static var jakarta: TimeZone {
        TimeZone(identifier: "Asia/Jakarta") ?? TimeZone(secondsFromGMT: 7 * 3600)!
    }

    /// Office hours for regency civil servants: Monday–Thursday 07:30–16:00, Friday 07:30–16:30
    /// (the longer Friday makes up for the Friday-prayer break), weekends off.
    public static let standardHours: [Int: WorkingHours] = {
        let weekday = WorkingHours(parsing: "07:30", "16:00")!
        let friday = WorkingHours(parsing: "07:30", "16:30")!
        return [1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: friday]
    }()

    /// When several entries share a date, the first one is kept.
    public init(timeZone: TimeZone = WorkingCalendar.jakarta, hours: [Int: WorkingHours], nonWorkingDays: [NonWorkingDay] = []) {
        self.timeZone = timeZone
        self.hours = hours
        self.nonWorkingDays = Dictionary(nonWorkingDays.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = timeZone
        self.gregorian = gregorian
    }

    /// `standardHours` in WIB with the given holidays.
    public static func standard(nonWorkingDays: [NonWorkingDay] = [], timeZone: TimeZone = WorkingCalendar.jakarta) -> WorkingCalendar {
        WorkingCalendar(timeZone: timeZone, hours: standardHours, nonWorkingDays: nonWorkingDays)
    }

    // MARK: Days

    public func localDate(of instant: Date) -> LocalDate {
        LocalDate(instant, calendar: gregorian)
    }

    public func workingHours(on date: LocalDate) -> WorkingHours? {
        guard nonWorkingDays[date] == nil else { return nil }
        return hours[date.weekday]
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        workingHours(on: date) != nil
    }

    /// The instants from opening to closing on `date`, or nil when the office is closed that day.
    public func workingInterval(on date: LocalDate) -> DateInterval? {
        guard let hours = workingHours(on: date) else { return nil }
        return DateInterval(start: instant(on: date, minute: hours.start), end: instant(on: date, minute: hours.end))
    }

    /// The first working day strictly after `date`, or nil if none within `searchLimitDays`.
    public func nextWorkingDay(after date: LocalDate) -> LocalDate? {
        var day = date
        for _ in 0..<Self.searchLimitDays {
            day = day.adding(days: 1)
            if isWorkingDay(day) { return day }
        }
        return nil
    }

    /// The instant at `minute` after local midnight of `date` in `timeZone`.
    public func instant(on date: LocalDate, minute: Int) -> Date {
        instant(on: date.adding(days: minute / 1440), hour: (minute % 1440) / 60, minute: minute % 60, second: 0)
    }

    private func instant(on date: LocalDate, hour: Int, minute: Int, second: Int) -> Date {
        let parts = DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: second)
        return gregorian.date(from: parts)!
    }

    // MARK: Instants

    public func isWorkingTime(_ instant: Date) -> Bool {
        guard let interval = workingInterval(on: localDate(of: instant)) else { return false }
        return interval.start <= instant && instant < interval.end
    }

    /// When the clock starts for work arriving at `instant`: `instant` itself during working
    /// time, otherwise the next opening (later today, or on the next working day). Nil only for
    /// a calendar with no working day within `searchLimitDays`.
    public func nextWorkingInstant(atOrAfter instant: Date) -> Date? {
        clockStart(for: instant)?.instant
    }

    private func clockStart(for instant: Date) -> (day: LocalDate, instant: Date)? {
        let day = localDate(of: instant)
        if let interval = workingInterval(on: day), instant < interval.end {
            return (day, max(instant, interval.start))
        }
        guard let next = nextWorkingDay(after: day), let interval = workingInterval(on: next) else { return nil }
        return (next, interval.start)
    }

    // MARK: Deadlines

    /// The instant by which a step with time standard `standard` that started at `start` is due.
    ///
    /// The office's rules:
    /// - The clock starts at `start` if that is working time, otherwise at the next opening:
    ///   before opening → today's opening; at or after closing, on a weekend or on a
    ///   non-working day → the next working day's opening.
    /// - `menit` and `jam` count working minutes only, carried over closings, weekends and
    ///   holidays (Thursday 15:30 + 1 jam = Friday 08:00). A standard that runs out exactly at
    ///   closing is due at that closing, not at the next opening.
    /// - `hari` means N working days later at the same local wall-clock time as the clock start
    ///   (Tuesday 10:00 + 2 hari = Thursday 10:00), skipping weekends and non-working days.
    ///   If that time is after the target day's closing (Friday 16:20 + 1 hari, Monday closes
    ///   16:00) the step is due at the closing; if it is before the opening, at the opening.
    ///   Because closing time itself is outside working time, Monday 16:00 + 1 hari starts the
    ///   clock Tuesday 07:30 and is due Wednesday 07:30.
    /// - An amount of zero or less is due at `start`.
    /// - A calendar with no working day within `searchLimitDays` of the start cannot place the
    ///   deadline; then the standard is added as plain elapsed time (a day as 24 hours) so the
    ///   caller still gets a deadline rather than a crash or a hang.
    ///
    /// Work is done day by day, never minute by minute.
    public func due(from start: Date, adding standard: TimeStandard) -> Date {
        guard standard.amount > 0 else { return start }
        let result: Date? = switch standard.unit {
        case .minutes: dueAfterWorking(seconds: Double(standard.amount) * 60, from: start)
        case .hours: dueAfterWorking(seconds: Double(standard.amount) * 3600, from: start)
        case .days: dueAfterWorking(days: standard.amount, from: start)
        }
        return result ?? start.addingTimeInterval(Self.elapsedSeconds(of: standard))
    }

    private func dueAfterWorking(seconds: TimeInterval, from start: Date) -> Date? {
        guard let begin = clockStart(for: start) else { return nil }
        var day = begin.day
        var from = begin.instant
        var remaining = seconds
        while let interval = workingInterval(on: day) {
            let available = interval.end.timeIntervalSince(from)
            if remaining <= available { return from.addingTimeInterval(remaining) }
            remaining -= available
            guard let next = nextWorkingDay(after: day), let nextInterval = workingInterval(on: next) else { return nil }
            day = next
            from = nextInterval.start
        }
        return nil
    }

    private func dueAfterWorking(days: Int, from start: Date) -> Date? {
        guard let begin = clockStart(for: start) else { return nil }
        var target = begin.day
        for _ in 0..<days {
            guard let next = nextWorkingDay(after: target) else { return nil }
            target = next
        }
        guard let interval = workingInterval(on: target) else { return nil }
        let wall = gregorian.dateComponents([.hour, .minute, .second], from: begin.instant)
        let wholeSecond = instant(on: begin.day, hour: wall.hour!, minute: wall.minute!, second: wall.second!)
        let fraction = begin.instant.timeIntervalSince(wholeSecond)
        let sameClockTime = instant(on: target, hour: wall.hour!, minute: wall.minute!, second: wall.second!)
            .addingTimeInterval(fraction)
        return min(max(sameClockTime, interval.start), interval.end)
    }

    private static func elapsedSeconds(of standard: TimeStandard) -> TimeInterval {
        let unitSeconds: TimeInterval = switch standard.unit {
        case .minutes: 60
        case .hours: 3600
        case .days: 86_400
        }
        return Double(standard.amount) * unitSeconds
    }

    /// Working seconds between two instants: the overlap of `[from, to)` with every working
    /// interval. Zero when `to` is not after `from`.
    public func workingTime(from: Date, to: Date) -> TimeInterval {
        guard to > from else { return 0 }
        var total: TimeInterval = 0
        var day = localDate(of: from)
        let lastDay = localDate(of: to)
        while day <= lastDay {
            if let interval = workingInterval(on: day) {
                let overlapStart = max(interval.start, from)
                let overlapEnd = min(interval.end, to)
                if overlapEnd > overlapStart { total += overlapEnd.timeIntervalSince(overlapStart) }
            }
            day = day.adding(days: 1)
        }
        return total
    }

    /// The working time a step started at `start` is allowed, to compare with the working time it
    /// actually took. For `hari` this depends on the start (a day clipped at closing is shorter).
    public func standardDuration(_ standard: TimeStandard, from start: Date) -> TimeInterval {
        workingTime(from: start, to: due(from: start, adding: standard))
    }
}

extension WorkingCalendar: Equatable {
    public static func == (lhs: WorkingCalendar, rhs: WorkingCalendar) -> Bool {
        lhs.timeZone.identifier == rhs.timeZone.identifier && lhs.hours == rhs.hours
            && lhs.nonWorkingDays == rhs.nonWorkingDays
    }
}

/// Encoded as
/// `{"timeZone": "Asia/Jakarta", "hours": {"1": {"start": "07:30", "end": "16:00"}, …}, "nonWorkingDays": [ … ]}`
/// so a stored configuration stays readable and editable by hand.
extension WorkingCalendar: Codable {
    private enum CodingKeys: String, CodingKey { case timeZone, hours, nonWorkingDays }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let zoneName = try container.decode(String.self, forKey: .timeZone)
        guard let zone = TimeZone(identifier: zoneName) else {
            throw DecodingError.dataCorruptedError(forKey: .timeZone, in: container, debugDescription: "Unknown time zone \"\(zoneName)\"")
        }
        var hours: [Int: WorkingHours] = [:]
        for (key, value) in try container.decode([String: WorkingHours].self, forKey: .hours) {
            guard let weekday = Int(key), (1...7).contains(weekday) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .hours, in: container, debugDescription: "Weekday must be 1 (Monday) … 7 (Sunday), got \"\(key)\"")
            }
            hours[weekday] = value
        }
        let days = try container.decodeIfPresent([NonWorkingDay].self, forKey: .nonWorkingDays) ?? []
        self.init(timeZone: zone, hours: hours, nonWorkingDays: days)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeZone.identifier, forKey: .timeZone)
        try container.encode(Dictionary(uniqueKeysWithValues: hours.map { (String($0.key), $0.value) }), forKey: .hours)
        try container.encode(nonWorkingDays.values.sorted { $0.date < $1.date }, forKey: .nonWorkingDays)
    }
}
