import Foundation

/// Where a step instance stands against its time standard (mutu baku), as work queues and
/// dashboards show it. Raw values are what the API returns.
public enum DeadlineStatus: String, Codable, Sendable, CaseIterable {
    case onTime = "on_time"
    /// Open, with no more working time left than its warning window (`warningWindow(allowed:)`).
    case nearLimit = "near_limit"
    /// Open and past its due instant.
    case late
    case doneOnTime = "done_on_time"
    case doneLate = "done_late"

    /// The share of the allowed working time that, once it is all that is left, flags an open
    /// step: the executor is warned while a quarter of the time remains.
    public static let nearLimitShare = 0.25

    /// The shortest warning, so a short step is flagged long enough for someone to see it: a
    /// 30-minute step warned for only its last 7½ minutes went from "Tepat waktu" straight to
    /// "Terlambat" between two looks at the page.
    public static let nearLimitMinimum: TimeInterval = 15 * 60

    /// How much working time may be left before a step with `allowed` working seconds is near
    /// its limit: a quarter of it, at least `nearLimitMinimum`, but never more than half, so a
    /// very short step does not open already flagged. 30 menit → 15 min, 1 jam → 15 min,
    /// a 9-hour hari → 2 h 15 min.
    public static func warningWindow(allowed: TimeInterval) -> TimeInterval {
        max(allowed * nearLimitShare, min(nearLimitMinimum, allowed / 2))
    }

    /// The status of `instance` at `now`.
    ///
    /// Done on time means completed at or before the due instant. Late means `now` is after the
    /// due instant: a step due at 16:00 is late at 16:30 even though the office is closed by
    /// then. Near the limit compares the *working* time left with the warning window, so a
    /// weekend in between does not eat the budget: a 1-hari step opened Friday 10:00 has 2.5
    /// of its 9 working hours left all weekend long, more than its 2¼-hour window.
    public init(of instance: StepInstance, at now: Date, calendar: WorkingCalendar) {
        if let completedAt = instance.completedAt {
            self = completedAt <= instance.dueAt ? .doneOnTime : .doneLate
            return
        }
        if now > instance.dueAt {
            self = .late
            return
        }
        let allowed = instance.allowedDuration(calendar: calendar)
        let left = max(0, allowed - instance.workingDuration(until: now, calendar: calendar))
        self = allowed > 0 && left <= Self.warningWindow(allowed: allowed) ? .nearLimit : .onTime
    }

    /// Late now or finished late: what the kasi and the kabid are told about.
    public var isLate: Bool { self == .late || self == .doneLate }
    public var isDone: Bool { self == .doneOnTime || self == .doneLate }
}
