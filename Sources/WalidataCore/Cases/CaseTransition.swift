/// What one completion did, so the app can write its event-log entries and notifications
/// without diffing the case before and after.
public struct CaseTransition: Sendable, Equatable {
    /// The instance as it was completed.
    public var completed: StepInstance
    /// The step that opened next; nil when the case closed.
    public var opened: StepInstance?

    public init(completed: StepInstance, opened: StepInstance?) {
        self.completed = completed
        self.opened = opened
    }

    public var closedCase: Bool { opened == nil }
    /// A "Tidak": the work went back to an earlier (or another) step.
    public var returned: Bool { completed.outcome == .no }
}
