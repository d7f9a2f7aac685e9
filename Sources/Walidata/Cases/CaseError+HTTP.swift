import Vapor
import WalidataCore

extension CaseError {
    /// 403 for the wrong person, 409 for the wrong moment (the case moved on, or is not there
    /// yet), 422 for a completion missing what it needs.
    var status: HTTPResponseStatus {
        switch self {
        case .wrongRole: .forbidden
        case .notOpen, .closed, .alreadyStarted, .invalidDefinition: .conflict
        case .overrideReasonRequired, .decisionRequired, .decisionNotAllowed, .returnNeedsNote: .unprocessableEntity
        }
    }

    /// The engine's own wording, in the reader's language, under a stable code for API clients.
    func userError(_ lang: Lang) -> UserError {
        UserError(status, "cases.error." + code, lang == .en ? englishDescription : indonesianDescription)
    }
}
