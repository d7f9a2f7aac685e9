import Vapor
import WalidataCore

/// Who may manage the office's own things: accounts, agencies, settings, the working
/// calendar, SOP drafts and their approval, backups, the audit trail, the dashboard.
///
/// Accounts, agencies, settings, the calendar, SOP drafts, backups and the audit trail are the
/// admin's; an SOP revision is approved by the Kepala Dinas; the dashboard is for those who
/// supervise the procedure. (Every signed-in user's own account, tokens and notifications are
/// looked up by that user's id, so another's is simply not found.)
enum OfficePolicy {
    enum Resource: String, CaseIterable, Sendable {
        case users, organizations, settings, channels, calendar, sopDrafts, sopApproval, backups, audit, dashboard
    }

    static let dashboardReaders: Set<Role> = [.kasi, .kabid, .kepalaDinas, .admin]

    static func roles(for resource: Resource) -> Set<Role> {
        switch resource {
        case .users, .organizations, .settings, .channels, .calendar, .sopDrafts, .backups, .audit: [.admin]
        case .sopApproval: [.kepalaDinas]
        case .dashboard: dashboardReaders
        }
    }

    static func decide(_ resource: Resource, _ user: User?) -> Verdict {
        guard let user else { return .hidden }
        return .when(roles(for: resource).contains(user.role))
    }

    static func may(_ resource: Resource, _ user: User?) -> Bool { decide(resource, user).isAllowed }
}
