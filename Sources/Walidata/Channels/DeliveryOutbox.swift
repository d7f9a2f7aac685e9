import Fluent
import Foundation

/// The outbox rows a publication writes, in the transaction that publishes it (so an
/// announcement is never published without its deliveries, nor a delivery written for an
/// announcement that was not): the website at once; the Facebook Page once; WhatsApp once
/// per subscribed recipient. A channel without its connection settings gets one row marked
/// *belum dikonfigurasi*, so the case page says why nothing went.
enum DeliveryOutbox {
    static func write(announcementID id: UUID, channels: [Delivery.Channel], at instant: Date, on tx: any Database) async throws {
        let configured = try await ChannelSettings.configuredChannels(on: tx)
        for channel in channels {
            switch channel {
            case .website:
                try await Delivery(announcementID: id, channel: .website, state: .published, answer: SiteURL.publicAnnouncement(id).path, at: instant).create(on: tx)
            case .facebook:
                let state: Delivery.State = configured.contains(.facebook) ? .pending : .notConfigured
                try await Delivery(announcementID: id, channel: .facebook, state: state, at: instant).create(on: tx)
            case .whatsapp:
                let recipients = configured.contains(.whatsapp) ? try await WhatsAppRecipient.subscribed(on: tx) : []
                if recipients.isEmpty {
                    let why = configured.contains(.whatsapp) ? "belum ada penerima yang setuju (opt-in)" : ""
                    try await Delivery(announcementID: id, channel: .whatsapp, state: .notConfigured, answer: why, at: instant).create(on: tx)
                }
                for recipient in recipients {
                    try await Delivery(announcementID: id, channel: .whatsapp, recipient: recipient.phone, state: .pending, at: instant).create(on: tx)
                }
            }
        }
    }
}

extension ChannelSettings {
    /// Which channels have their required settings saved, read without opening the secrets.
    static func configuredChannels(on db: any Database) async throws -> Set<Delivery.Channel> {
        let rows = try await Setting.query(on: db).filter(\.$key ~~ Key.allCases.map(\.rawValue)).all()
        let set = Set(rows.filter { !$0.value.isEmpty }.compactMap { Key(rawValue: $0.key) })
        var channels: Set<Delivery.Channel> = [.website]
        if set.isSuperset(of: [.facebookPageID, .facebookToken]) { channels.insert(.facebook) }
        if set.isSuperset(of: [.whatsappPhoneNumberID, .whatsappToken, .whatsappTemplate]) { channels.insert(.whatsapp) }
        return channels
    }
}
