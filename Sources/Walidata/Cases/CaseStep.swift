import Fluent
import Foundation
import WalidataCore

/// One stored `StepInstance` of a case. `position` is its place in the engine's list (the
/// order the steps opened in), so a case is restored exactly even when a return opens step 5
/// at the same instant step 7 was completed.
final class CaseStep: Model, @unchecked Sendable {
    static let schema = "case_steps"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseRecord: Case
    @Field(key: "position") var position: Int
    @Field(key: "step") var step: Int
    @Field(key: "round") var round: Int
    @Field(key: "opened_at") var openedAt: Date
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "completed_at") var completedAt: Date?
    @OptionalField(key: "completed_by") var completedBy: UUID?
    /// The role the person acted in; for an admin acting outside the lane, `admin`.
    @OptionalField(key: "completed_role") var completedRole: String?
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "note") var note: String?
    @OptionalField(key: "override_reason") var overrideReason: String?
    /// The role that executes this step in the case's pinned revision (M018), for "Tugas saya".
    @OptionalField(key: "lane") var lane: String?

    init() {}

    init(caseID: UUID, position: Int, instance: StepInstance, lane: String?) {
        self.$caseRecord.id = caseID
        self.lane = lane
        self.position = position
        self.step = instance.step
        self.round = instance.round
        self.openedAt = instance.openedAt
        self.dueAt = instance.dueAt
    }

    /// The engine's view of this row.
    var instance: StepInstance {
        StepInstance(
            step: step, round: round, openedAt: openedAt, dueAt: dueAt, completedAt: completedAt,
            completedBy: completedRole.flatMap(Role.init(rawValue:)), outcome: outcome.flatMap(StepOutcome.init(rawValue:)),
            note: note, overrideReason: overrideReason)
    }

    /// Copies what a completion recorded on `instance`; the completing user is set by the caller.
    func apply(_ instance: StepInstance) {
        dueAt = instance.dueAt
        completedAt = instance.completedAt
        completedRole = instance.completedBy?.rawValue
        outcome = instance.outcome?.rawValue
        note = instance.note
        overrideReason = instance.overrideReason
    }
}
