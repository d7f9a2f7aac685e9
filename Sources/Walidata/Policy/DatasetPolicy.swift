import Vapor
import WalidataCore

/// Who may do what with a dataset and its versions.
///
/// - The office's staff see every dataset; an agency's produsen sees only its own agency's
///   (another agency's is hidden: 404).
/// - Descriptive metadata is edited by the curators (pengelola_ti, admin) and by the owning
///   agency's produsen; the access class and the owning agency only by the curators.
/// - Files are submitted by the curators and the owning agency's produsen; earlier versions are
///   made current again, datasets trashed and restored by the curators; purged by the admin.
/// - Only a kabid or the admin publishes a dataset on the portal or withdraws it. The access
///   class *terbuka* makes a dataset eligible; the publication act makes it public.
enum DatasetPolicy {
    enum Action: String, CaseIterable, Sendable {
        case view
        case editMetadata
        /// Change the access class or the owning agency.
        case classify
        case submitVersion
        case restoreVersion
        case trash
        case untrash
        case purge
        case publish
        case withdraw
    }

    static let curators: Set<Role> = [.admin, .pengelolaTI]
    static let readers: Set<Role> = Set(Role.allCases)
    static let publishers: Set<Role> = [.kabid, .admin]
    static let purgers: Set<Role> = [.admin]

    static func decide(_ action: Action, _ user: User?, _ dataset: Dataset) -> Verdict {
        guard let user else { return .hidden }
        let sees = user.role == .produsen ? user.actsFor(dataset.$organization.id) : readers.contains(user.role)
        guard sees else { return .hidden }
        let owner = user.role == .produsen && user.actsFor(dataset.$organization.id)
        let curator = curators.contains(user.role)
        return switch action {
        case .view: .allowed
        case .editMetadata, .submitVersion: .when(curator || owner)
        case .classify, .restoreVersion, .trash, .untrash: .when(curator)
        case .purge: .when(purgers.contains(user.role))
        case .publish, .withdraw: .when(publishers.contains(user.role))
        }
    }

    static func may(_ action: Action, _ user: User?, _ dataset: Dataset) -> Bool {
        decide(action, user, dataset).isAllowed
    }

    /// Creating a dataset: the curators for any agency, a produsen never (it asks through a case).
    static func mayCreate(_ user: User?) -> Bool { user.map { curators.contains($0.role) } ?? false }

    /// The trash lists every agency's trashed datasets: the curators only.
    static func mayViewTrash(_ user: User?) -> Bool { mayCreate(user) }

    /// Which agencies' datasets a user may list.
    static func listScope(_ user: User) -> AgencyScope { .of(user) }
}
