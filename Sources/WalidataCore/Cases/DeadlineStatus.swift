import Foundation

/// Where a step instance stands against its time standard (mutu baku), as work queues and
/// dashboards show it. Raw values are what the API returns.
public enum DeadlineStatus: String, Codable, Sendable, CaseIterable {
    case onTime = "on_time"
    /// Open, with at least `nearLimitShare` of its working time used.
    case nearLimit = "near_limit"
    /// Open and past its due instant.
    case late
    case doneOnTime = "done_on_time"
    case doneLate = "done_late"

    /// The share of the allowed working time after which an open step is flagged, so the
    /// executor is warned while there is still a quarter of the time left.
    public static let nearLimitShare = 0.75

    /// The status of `instance` at `now`.
    ///
    /// Done on time means completed at or before the due instant. Late means `now` is after the
    /// due instant: a step due at 16:00 is late at 16:30 even though the office is closed by
    /// then. Near the limit compares *working* time used with the working time allowed, so a
    /// weekend in between does not eat the budget: a 1-hari step opened Friday 10:00 has used
    /// 6.5 of its 9 working hours all weekend long.
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
        let used = instance.workingDuration(until: now, calendar: calendar)
        self = allowed > 0 && used >= allowed * Self.nearLimitShare ? .nearLimit : .onTime
    }

    /// Late now or finished late: what the kasi and the kabid are told about.
    public var isLate: Bool { self == .late || self == .doneLate }
    public var isDone: Bool { self == .doneOnTime || self == .doneLate }
}
