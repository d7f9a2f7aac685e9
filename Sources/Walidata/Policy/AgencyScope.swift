import Foundation

/// Which agencies' records a list may show a user: the office's staff see every agency's, a
/// produsen its own agency's only (and nothing when its account names no agency).
enum AgencyScope: Sendable, Equatable {
    case all
    case agency(UUID)
    case nothing

    static func of(_ user: User) -> AgencyScope {
        guard user.role == .produsen else { return .all }
        return user.$organization.id.map(AgencyScope.agency) ?? .nothing
    }
}
