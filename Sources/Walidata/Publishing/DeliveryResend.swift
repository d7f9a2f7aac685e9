import Fluent
import Foundation
import Vapor
import WalidataCore

/// *Kirim ulang sekarang*: makes a delivery that has not gone out due now, for the web page and
/// the API alike. It only changes the row's state and next try; the worker then sends it as
/// usual, looking first for an earlier attempt's post (so a resend after a timeout does not post
/// twice). A row a worker holds right now keeps its claim, so it is not sent by two.
enum DeliveryResend {
    @discardableResult
    static func resend(_ deliveryID: UUID, caseID: UUID, by user: User, at instant: Date = Date(), on db: any Database) async throws -> Delivery {
        try await EventLog.transaction(on: db) { tx in
            let record = try await CaseStore.find(caseID, for: user, on: tx)
            guard let delivery = try await Delivery.find(deliveryID, on: tx),
                  let announcement = try await Announcement.find(delivery.$announcement.id, on: tx),
                  announcement.$caseRecord.id == caseID
            else { throw UserError(.notFound, "error.404") }
            try DeliveryPolicy.decideResend(user, record, delivery).enforce(DeliveryPolicy.refusalKey(user, delivery))
            // Conditional on the state still being one that may be resent: a worker that
            // delivered it a moment ago wins, and nothing is sent again.
            try await Delivery.query(on: tx)
                .filter(\.$id == deliveryID)
                .filter(\.$stateRaw ~~ DeliveryPolicy.resendableStates.map(\.rawValue))
                .set(\.$stateRaw, to: Delivery.State.pending.rawValue)
                .set(\.$nextAttemptAt, to: instant)
                .set(\.$updatedAt, to: instant)
                .update()
            try await EventLog.append(.init(action: "delivery.resend", note: announcement.title, details: [
                "case": caseID.uuidString, "number": record.number, "announcement": try announcement.requireID().uuidString,
                "delivery": deliveryID.uuidString, "channel": delivery.channelRaw, "was": delivery.stateRaw,
            ]), by: .init(user), on: tx, at: instant)
            return try await Delivery.find(deliveryID, on: tx) ?? delivery
        }
    }
}
