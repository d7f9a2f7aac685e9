import Vapor

/// A policy's answer to "may this user do this to that?". Every policy in this folder answers
/// with one, and handlers, stores and pages act on it, so the API, the pages and the buttons a
/// page shows can never disagree.
enum Verdict: Sendable, Equatable {
    case allowed
    /// The user may see the thing but not do this to it: 403.
    case forbidden
    /// The user may not even know the thing exists (another agency's dataset or case): 404.
    case hidden

    var isAllowed: Bool { self == .allowed }

    /// Throws the error the verdict stands for; `message` is the 403's translation key.
    func enforce(_ message: String = "error.403") throws {
        switch self {
        case .allowed: return
        case .forbidden: throw UserError(.forbidden, message)
        case .hidden: throw UserError(.notFound, "error.404")
        }
    }

    static func when(_ condition: Bool, otherwise: Verdict = .forbidden) -> Verdict {
        condition ? .allowed : otherwise
    }
}

extension User {
    /// Whether this user acts for the agency `organizationID` (a produsen for its own agency).
    func actsFor(_ organizationID: UUID?) -> Bool {
        guard let own = $organization.id, let organizationID else { return false }
        return own == organizationID
    }
}
