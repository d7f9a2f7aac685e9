import Fluent
import Foundation
import WalidataCore

/// The channels that have not gone out, for the kabid's and the admin's home page: failed,
/// waiting for a new login, or waiting for their next try, newest first, each with its case.
enum DeliveryAttention {
    struct Item: Sendable {
        var record: Case
        var outcome: ChannelOutcome
    }

    static let roles: Set<Role> = DeliveryPolicy.resenders

    static func items(limit: Int = 10, on db: any Database) async throws -> [Item] {
        let open = try await Delivery.query(on: db)
            .filter(\.$channelRaw != Delivery.Channel.website.rawValue)
            .group(.or) { either in
                either.filter(\.$stateRaw ~~ [Delivery.State.failed.rawValue, Delivery.State.needsLogin.rawValue])
                    .group(.and) { $0.filter(\.$stateRaw == Delivery.State.pending.rawValue).filter(\.$attempts > 0) }
            }
            .sort(\.$updatedAt, .descending).limit(500).all()
        var ids: [UUID] = []
        for row in open where !ids.contains(row.$announcement.id) && ids.count < limit { ids.append(row.$announcement.id) }
        guard !ids.isEmpty else { return [] }
        let rows = try await Delivery.query(on: db).filter(\.$announcement.$id ~~ ids).all()
        let announcements = try await Announcement.query(on: db).filter(\.$id ~~ ids).with(\.$caseRecord).all()
        var items: [Item] = []
        for id in ids {
            guard let announcement = announcements.first(where: { $0.id == id }) else { continue }
            for outcome in ChannelOutcome.of(rows.filter { $0.$announcement.id == id })
            where [.failed, .needsLogin, .rescheduled].contains(outcome.status) {
                items.append(Item(record: announcement.caseRecord, outcome: outcome))
            }
        }
        return items
    }
}
