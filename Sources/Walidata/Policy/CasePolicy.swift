import Vapor
import WalidataCore

/// Who may do what with a case (permohonan) and the documents it makes: its attachments, the
/// step-2 letter, the report rounds, the step-9 announcement.
///
/// - The office's staff see every case; an agency's produsen only its own agency's cases
///   (another agency's is hidden: 404), with every document they produce.
/// - A produsen submits for its agency; the administration section registers paper and phone
///   requests for any agency; the admin can do either.
/// - Steps are completed by the roles that execute them (the engine then holds each to its
///   SOP lane, and lets the admin act for a lane with a reason); a produsen follows but never
///   completes.
/// - The requester's side (its produsen, administrasi, admin) attaches files; the step 3–4
///   executors (pengelola_ti, admin) store them and work on the case's datasets.
/// - The letter is written by administrasi (step 2), the report by pengelola_ti (step 5), the
///   announcement by the kabid (step 9); the admin may act for each. The kasi adjusts the
///   approved report into the final concept (step 8).
enum CasePolicy {
    enum Action: String, CaseIterable, Sendable {
        case view
        case completeStep
        case attach
        /// Steps 3–4: link datasets, upload, recover, restore, store attachments.
        case workData
        case editLetter
        case editReport
        /// Step 8: adjust the approved round's narrative into the final concept.
        case adjustFinalReport
        case editAnnouncement
    }

    static let starters: Set<Role> = [.produsen, .administrasi, .admin]
    static let actors: Set<Role> = Set(Role.executors + [.admin])
    static let attachers: Set<Role> = [.produsen, .administrasi, .admin]
    static let dataWorkers: Set<Role> = [.pengelolaTI, .admin]
    static let letterEditors: Set<Role> = [.administrasi, .admin]
    static let reportEditors: Set<Role> = [.pengelolaTI, .admin]
    static let announcementEditors: Set<Role> = [.kabid, .admin]
    static let finalReportEditors: Set<Role> = [.kasi, .admin]

    static func decide(_ action: Action, _ user: User?, _ record: Case) -> Verdict {
        guard let user else { return .hidden }
        guard user.role != .produsen || user.actsFor(record.$organization.id) else { return .hidden }
        let roles: Set<Role> = switch action {
        case .view: Set(Role.allCases)
        case .completeStep: actors
        case .attach: attachers
        case .workData: dataWorkers
        case .editLetter: letterEditors
        case .editReport: reportEditors
        case .adjustFinalReport: finalReportEditors
        case .editAnnouncement: announcementEditors
        }
        return .when(roles.contains(user.role))
    }

    static func may(_ action: Action, _ user: User?, _ record: Case) -> Bool {
        decide(action, user, record).isAllowed
    }

    /// Starting a case is not about an existing one: by role only.
    static func mayStart(_ user: User?) -> Bool { user.map { starters.contains($0.role) } ?? false }

    /// Which agencies' cases a user may list.
    static func listScope(_ user: User) -> AgencyScope { .of(user) }
}

/// Who may send a step-9 delivery again now (*Kirim ulang sekarang*): the kabid, who publishes,
/// and the admin; only a delivery that has not gone out (failed, waiting for a new login, or
/// waiting for its next try). A delivery already sent is never sent again: the channels take no
/// idempotency key, so a second send would be a second post or message. The case page shows the
/// button exactly when this allows it, and the page's route and the API's refuse otherwise.
enum DeliveryPolicy {
    static let resenders: Set<Role> = [.kabid, .admin]
    static let resendableStates: [Delivery.State] = [.failed, .needsLogin, .pending]

    static func decideResend(_ user: User?, _ record: Case, _ delivery: Delivery) -> Verdict {
        let seen = CasePolicy.decide(.view, user, record)
        guard seen.isAllowed else { return seen }
        guard let user, resenders.contains(user.role) else { return .forbidden }
        return .when(isResendable(delivery))
    }

    /// Failed, needs login, or rescheduled after a failed attempt; a row the sender has never
    /// tried is due already and has nothing to resend.
    static func isResendable(_ delivery: Delivery) -> Bool {
        switch delivery.state {
        case .failed, .needsLogin: true
        case .pending: ChannelOutcome.isRescheduled(delivery)
        case .published, .notConfigured: false
        }
    }

    /// The refusal's message: the role's, or the delivery's when the role may resend.
    static func refusalKey(_ user: User?, _ delivery: Delivery) -> String {
        guard let user, resenders.contains(user.role) else { return "delivery.error.resend_role" }
        return delivery.state == .published ? "delivery.error.already_sent" : "delivery.error.not_resendable"
    }
}
