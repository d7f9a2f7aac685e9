import Vapor
import WalidataCore

/// Who may do what with the SOP's monitoring and evaluation forms (Permenpan RB 35/2012).
///
/// Those who supervise the procedure read them (the dashboard's readers). The kasi and the
/// kabid fill and complete them, as the regulation gives monitoring to the unit's heads; a
/// completed form is an issued document and is not edited again. Opening an SOP revision draft
/// from an evaluation's recommendation is for whoever may open SOP drafts at all.
enum SOPFormPolicy {
    enum Action: Sendable {
        case read, create, edit, complete, startRevision
    }

    static let readers: Set<Role> = OfficePolicy.dashboardReaders
    static let monitors: Set<Role> = [.kasi, .kabid]

    /// `status`: the form's, for the actions on one form; nil for `read` and `create`.
    static func decide(_ action: Action, _ user: User?, status: SOPFormStatus? = nil) -> Verdict {
        guard let user else { return .hidden }
        guard readers.contains(user.role) else { return .forbidden }
        switch action {
        case .read:
            return .allowed
        case .create:
            return .when(monitors.contains(user.role))
        case .edit, .complete:
            return .when(monitors.contains(user.role) && status == .draft)
        case .startRevision:
            return .when(OfficePolicy.may(.sopDrafts, user) && status == .completed)
        }
    }

    static func may(_ action: Action, _ user: User?, status: SOPFormStatus? = nil) -> Bool {
        decide(action, user, status: status).isAllowed
    }

    /// The error for a refused action on one form: a role that may never do it is a 403; the
    /// right role on a form in the wrong state is a 409 saying why.
    static func enforce(_ action: Action, _ user: User?, status: SOPFormStatus) throws {
        let verdict = decide(action, user, status: status)
        guard !verdict.isAllowed else { return }
        let roleMay = switch action {
        case .edit, .complete: user.map { monitors.contains($0.role) } ?? false
        case .startRevision: OfficePolicy.may(.sopDrafts, user)
        case .read, .create: false
        }
        if roleMay {
            throw UserError(.conflict, action == .startRevision ? "sopform.error.not_completed" : "sopform.error.completed")
        }
        try verdict.enforce()
    }
}
