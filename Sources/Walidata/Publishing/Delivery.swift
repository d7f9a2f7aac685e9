import Fluent
import Foundation
import WalidataCore

/// The outbox: one row per channel and recipient, written in the transaction that publishes
/// the announcement. The website is delivered at once (the portal reads the announcement
/// itself); WhatsApp and Facebook rows wait for a sender worker, which claims due rows
/// (`state` pending, `next_attempt_at` passed) through the database, records each attempt and
/// what the channel answered, and backs off on failure.
final class Delivery: Model, @unchecked Sendable {
    static let schema = "deliveries"

    enum Channel: String, Codable, CaseIterable, Sendable {
        case website, whatsapp, facebook
    }

    enum State: String, Codable, CaseIterable, Sendable {
        /// Shown on the channel.
        case published
        /// Waiting for the sender (also between retries).
        case pending
        /// The channel has no connection settings yet; nothing will be sent until it has.
        case notConfigured = "not_configured"
        /// Gave up after the last retry, or refused for good; `answer` says why.
        case failed
        /// The access token is invalid or expired (Graph error 190): waits until an admin
        /// saves a new one, then goes again.
        case needsLogin = "needs_login"
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "announcement_id") var announcement: Announcement
    @Field(key: "channel") var channelRaw: String
    /// Who on the channel: a WhatsApp number or group, a Facebook page; "" for the channel's
    /// default (and for the website).
    @Field(key: "recipient") var recipient: String
    @Field(key: "state") var stateRaw: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @OptionalField(key: "last_attempt_at") var lastAttemptAt: Date?
    /// What the channel answered last (status and text), or why nothing was sent.
    @Field(key: "answer") var answer: String
    /// Set by a worker while it sends, so two server processes never send the same row.
    @OptionalField(key: "claimed_by") var claimedBy: String?
    @OptionalField(key: "claimed_at") var claimedAt: Date?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    /// The Facebook post ID or the WhatsApp `wamid`, kept before the delivery counts as done.
    @OptionalField(key: "external_id") var externalID: String?
    /// WhatsApp only: the message's state from the status webhooks (`MessageStatus`).
    @OptionalField(key: "message_status") var messageStatusRaw: String?
    @OptionalField(key: "error_code") var errorCode: Int?
    @OptionalField(key: "fbtrace_id") var fbtraceID: String?
    /// Set when an attempt may have reached the channel without an answer (a timeout after
    /// the request was sent): the next attempt first looks for the earlier one's result.
    @OptionalField(key: "ambiguous_at") var ambiguousAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(announcementID: UUID, channel: Channel, recipient: String = "", state: State, answer: String = "", at instant: Date) {
        self.$announcement.id = announcementID
        self.channelRaw = channel.rawValue
        self.recipient = recipient
        self.stateRaw = state.rawValue
        self.attempts = state == .published ? 1 : 0
        self.lastAttemptAt = state == .published ? instant : nil
        self.deliveredAt = state == .published ? instant : nil
        self.answer = answer
        self.createdAt = instant
        self.updatedAt = instant
    }

    var channel: Channel { Channel(rawValue: channelRaw) ?? .website }
    var state: State { State(rawValue: stateRaw) ?? .pending }
    var messageStatus: MessageStatus? { messageStatusRaw.flatMap(MessageStatus.init(rawValue:)) }
}
