import Fluent
import Foundation
import SQLKit
import WalidataCore

/// Tells people when a step-9 channel needs them: the kabid when a delivery failed for good, the
/// admin when a channel's token needs a new login. One notice per person, channel and case: it
/// hangs on the case's step-9 instance, so the unique (user, kind, step instance) index of M010
/// drops a second one (a second WhatsApp recipient failing, a second worker, a resend that
/// fails again) without a schema change. The notice links to the case, whose page says which
/// rows failed and why.
enum DeliveryNotices {
    static func kind(for delivery: Delivery) -> UserNotification.Kind? {
        switch (delivery.state, delivery.channel) {
        case (.failed, .facebook): .facebookFailed
        case (.failed, .whatsapp): .whatsappFailed
        case (.needsLogin, .facebook): .facebookLogin
        case (.needsLogin, .whatsapp): .whatsappLogin
        default: nil
        }
    }

    /// Creates the notices `delivery`'s state calls for; returns how many were new.
    @discardableResult
    static func raise(for delivery: Delivery, at now: Date = Date(), on db: any Database) async throws -> Int {
        guard let kind = kind(for: delivery), let sql = db as? any SQLDatabase,
              let announcement = try await Announcement.find(delivery.$announcement.id, on: db),
              let record = try await Case.find(announcement.$caseRecord.id, on: db),
              let step = try await CaseStep.query(on: db).filter(\.$caseRecord.$id == announcement.$caseRecord.id).filter(\.$step == 9)
                  .sort(\.$round, .descending).first()
        else { return 0 }
        let role: Role = delivery.state == .needsLogin ? .admin : .kabid
        let users = try await User.query(on: db).filter(\.$roleRaw == role.rawValue).filter(\.$active == true).all()
        guard !users.isEmpty else { return 0 }
        let rows: [[any SQLExpression]] = try users.map { user in
            [SQLBind(UUID()), SQLBind(try user.requireID()), SQLBind(kind.rawValue), SQLBind(try record.requireID()), SQLBind(try step.requireID()),
             SQLBind(record.number), SQLBind(9), SQLBind(step.round), SQLBind(step.dueAt), SQLBind(now)]
        }
        return try await sql.insert(into: UserNotification.schema)
            .columns("id", "user_id", "kind", "case_id", "case_step_id", "case_number", "step", "round", "due_at", "created_at")
            .rows(rows)
            .ignoringConflicts(with: ["user_id", "kind", "case_step_id"])
            .returning("id")
            .all().count
    }
}
