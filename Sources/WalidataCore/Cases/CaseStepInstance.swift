import Foundation

/// One opening of one SOP step in one case: when it opened, when it is due, and how it ended.
/// A step that is done again (steps 5–7 after a return) gets a new instance with the next
/// round, so every round stays in the history.
public struct StepInstance: Codable, Sendable, Equatable, Hashable {
    /// The SOP step number.
    public var step: Int
    /// 1 for the first time this step opens in the case, 2 for the second, and so on. Counted
    /// per step, so after one return steps 5, 6 and 7 are in round 2 while 8 and 9 are in round 1;
    /// for step 6 it is the number of the report submission.
    public var round: Int
    public var openedAt: Date
    /// `WorkingCalendar.due(from: openedAt, adding: time)`; moved for open steps when the calendar changes.
    public var dueAt: Date
    public var completedAt: Date?
    public var completedBy: Role?
    public var outcome: StepOutcome?
    /// The note given on completion; always present for a "Tidak".
    public var note: String?
    /// Set when an admin completed a step outside their lane, saying why.
    public var overrideReason: String?

    public init(
        step: Int,
        round: Int,
        openedAt: Date,
        dueAt: Date,
        completedAt: Date? = nil,
        completedBy: Role? = nil,
        outcome: StepOutcome? = nil,
        note: String? = nil,
        overrideReason: String? = nil
    ) {
        self.step = step
        self.round = round
        self.openedAt = openedAt
        self.dueAt = dueAt
        self.completedAt = completedAt
        self.completedBy = completedBy
        self.outcome = outcome
        self.note = note
        self.overrideReason = overrideReason
    }

    public var isOpen: Bool { completedAt == nil }

    /// Working time the step took, or has taken so far at `now` while it is open.
    public func workingDuration(until now: Date, calendar: WorkingCalendar) -> TimeInterval {
        calendar.workingTime(from: openedAt, to: completedAt ?? now)
    }

    /// Working time the step was given: from opening to its due instant.
    public func allowedDuration(calendar: WorkingCalendar) -> TimeInterval {
        calendar.workingTime(from: openedAt, to: dueAt)
    }
}
