import Foundation

/// Runs one case (permohonan pengelolaan data) through the SOP revision it was started under.
///
/// The state is the list of step instances in the order they opened; at most one is open, and
/// it is the last. The engine knows nothing of the SOP's wording: it follows `next`, `yes` and
/// `no` of whatever valid definition it is given, so a revision that returns to another step,
/// or has no decision at all, runs the same way as the Mentawai seed.
///
/// Every operation either succeeds completely or throws a `CaseError` and leaves the state as
/// it was, so the app can apply it inside a transaction and store the result.
public struct CaseEngine: Sendable, Equatable {
    public let definition: SOPDefinition
    /// The calendar deadlines are computed on; replaced by `recomputeDeadlines(calendar:)`.
    public private(set) var calendar: WorkingCalendar
    public private(set) var steps: [StepInstance]

    /// `steps` restores a case from storage; a new case starts with none.
    /// Refuses a definition that `validate()` finds fault with, since its targets cannot be trusted.
    public init(definition: SOPDefinition, calendar: WorkingCalendar, steps: [StepInstance] = []) throws(CaseError) {
        let issues = definition.validate()
        guard issues.isEmpty else { throw .invalidDefinition(issues) }
        self.definition = definition
        self.calendar = calendar
        self.steps = steps
    }

    public var isStarted: Bool { !steps.isEmpty }

    /// The step waiting to be done, or nil before the start and after the close.
    public var openStep: StepInstance? {
        guard let last = steps.last, last.isOpen else { return nil }
        return last
    }

    public var isClosed: Bool { isStarted && openStep == nil }

    /// When the last step was completed.
    public var closedAt: Date? { isClosed ? steps.last?.completedAt : nil }

    /// Every instance of `step`, round 1 first: for step 6 the report submissions, for step 7 the checks.
    public func rounds(of step: Int) -> [StepInstance] {
        steps.filter { $0.step == step }
    }

    /// Opens step 1 at `instant`.
    @discardableResult
    public mutating func start(at instant: Date) throws(CaseError) -> StepInstance {
        guard !isStarted else { throw .alreadyStarted }
        return open(1, at: instant)
    }

    /// Completes the open step and opens the one the SOP leads to.
    ///
    /// - `role` must be the step's lane. An `admin` may act outside the lane only with a
    ///   non-blank `overrideReason`, which is kept on the instance; for anyone else the reason
    ///   changes nothing.
    /// - A decision step needs `decision`; a process step must not get one. "Tidak" needs a
    ///   non-blank `note`. Notes and reasons are stored trimmed; a blank note is no note.
    /// - The next step opens at `instant`, with its due instant from the calendar.
    @discardableResult
    public mutating func complete(
        step number: Int,
        by role: Role,
        at instant: Date,
        decision: CaseDecision? = nil,
        note: String? = nil,
        overrideReason: String? = nil
    ) throws(CaseError) -> CaseTransition {
        guard !isClosed else { throw .closed }
        guard var instance = openStep, instance.step == number, let step = definition.step(number) else {
            throw .notOpen(step: number)
        }
        let reason = Self.trimmed(overrideReason)
        let isOverride = role.rawValue != step.lane
        if isOverride {
            guard role == .admin else {
                throw .wrongRole(expected: definition.lane(step.lane) ?? SOPLane(code: step.lane, name: step.lane), actual: role)
            }
            guard reason != nil else { throw .overrideReasonRequired }
        }
        let note = Self.trimmed(note)
        let target: Int?
        switch (step.kind, decision) {
        case (.process, nil): target = step.next
        case (.process, .some): throw .decisionNotAllowed(step: number)
        case (.decision, nil): throw .decisionRequired(step: number)
        case (.decision, .yes): target = step.yes
        case (.decision, .no):
            guard note != nil else { throw .returnNeedsNote }
            target = step.no
        }

        instance.completedAt = instant
        instance.completedBy = role
        instance.outcome = StepOutcome(decision)
        instance.note = note
        instance.overrideReason = isOverride ? reason : nil
        steps[steps.count - 1] = instance
        let opened = target.map { open($0, at: instant) }
        return CaseTransition(completed: instance, opened: opened)
    }

    /// Switches to `calendar` and recomputes the due instant of the open step from its opening,
    /// so a holiday declared after a step opened moves its deadline. Completed steps keep the
    /// deadline they were held to. Returns the instances whose deadline moved.
    @discardableResult
    public mutating func recomputeDeadlines(calendar: WorkingCalendar) -> [StepInstance] {
        self.calendar = calendar
        var moved: [StepInstance] = []
        for index in steps.indices where steps[index].isOpen {
            guard let step = definition.step(steps[index].step) else { continue }
            let due = calendar.due(from: steps[index].openedAt, adding: step.time)
            if due != steps[index].dueAt {
                steps[index].dueAt = due
                moved.append(steps[index])
            }
        }
        return moved
    }

    private mutating func open(_ number: Int, at instant: Date) -> StepInstance {
        // A valid definition only points at existing steps.
        let step = definition.step(number)!
        let instance = StepInstance(
            step: number,
            round: rounds(of: number).count + 1,
            openedAt: instant,
            dueAt: calendar.due(from: instant, adding: step.time))
        steps.append(instance)
        return instance
    }

    private static func trimmed(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
