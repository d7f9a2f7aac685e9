import Foundation
import WalidataCore

/// What one channel of a published announcement came to, read from its delivery rows: the case
/// page, the kabid's home and the printed final report all say it from this one summary. A
/// channel is as far along as its least advanced row: one WhatsApp recipient waiting for a new
/// login makes the channel wait for it, while the counts still show who got the message.
struct ChannelOutcome: Sendable {
    enum Status: String, Sendable, CaseIterable {
        /// Every row went out (`Terkirim`).
        case sent
        /// The sender has not tried yet.
        case waiting
        /// An attempt failed for a reason that passes; the sender tries again at `nextAttemptAt`.
        case rescheduled
        /// Refused for good, or out of attempts: someone must look.
        case failed
        /// The access token is no longer valid (Graph 190).
        case needsLogin = "needs_login"
        case notConfigured = "not_configured"
    }

    /// WhatsApp: how far the messages got, from the status webhooks (each count includes the later
    /// stages: a message read was delivered and sent).
    struct Counts: Sendable, Equatable {
        var recipients = 0, sent = 0, delivered = 0, read = 0, failed = 0
    }

    var channel: Delivery.Channel
    var status: Status
    var deliveries: [Delivery]
    var counts: Counts
    /// The website's address or the Facebook post ID, once sent.
    var externalID: String?
    var deliveredAt: Date?
    /// The row that explains a rescheduled, failed or needs-login channel.
    var problem: Delivery?
    /// Rescheduled: the highest attempt so far and the soonest next try.
    var attempts: Int
    var nextAttemptAt: Date?

    /// One outcome per channel, in channel order.
    static func of(_ deliveries: [Delivery]) -> [ChannelOutcome] {
        Delivery.Channel.allCases.compactMap { channel in
            let rows = deliveries.filter { $0.channel == channel }
            return rows.isEmpty ? nil : ChannelOutcome(channel: channel, rows: rows)
        }
    }

    init(channel: Delivery.Channel, rows: [Delivery]) {
        self.channel = channel
        deliveries = rows
        let rescheduled = rows.filter(Self.isRescheduled)
        let ranked: [(Status, (Delivery) -> Bool)] = [
            (.needsLogin, { $0.state == .needsLogin }), (.failed, { $0.state == .failed }), (.rescheduled, Self.isRescheduled),
            (.waiting, { $0.state == .pending }), (.notConfigured, { $0.state == .notConfigured }),
        ]
        let found = ranked.first { _, test in rows.contains(where: test) }
        status = found?.0 ?? .sent
        problem = found.flatMap { _, test in rows.first(where: test) }
        attempts = rescheduled.map(\.attempts).max() ?? 0
        nextAttemptAt = rescheduled.compactMap(\.nextAttemptAt).min()
        let sent = rows.filter { $0.state == .published }
        externalID = sent.first.flatMap { channel == .website ? $0.answer : $0.externalID }
        deliveredAt = sent.compactMap(\.deliveredAt).max()
        var counts = Counts()
        if channel == .whatsapp {
            let real = rows.filter { $0.state != .notConfigured }
            counts.recipients = real.count
            counts.sent = sent.filter { $0.messageStatus != .failed }.count
            counts.delivered = sent.filter { $0.messageStatus == .delivered || $0.messageStatus == .read }.count
            counts.read = sent.filter { $0.messageStatus == .read }.count
            counts.failed = real.filter { $0.state == .failed || $0.messageStatus == .failed }.count
        }
        self.counts = counts
    }

    /// Pending after a failed attempt, with a time set for the next one.
    static func isRescheduled(_ delivery: Delivery) -> Bool {
        delivery.state == .pending && delivery.attempts > 0 && delivery.nextAttemptAt != nil
    }

    /// The Facebook post's address: a post ID (`pageid_postid`) opens as facebook.com/{id}.
    static func postURL(_ postID: String) -> String? {
        let allowed = postID.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "_") }
        return !postID.isEmpty && allowed ? "https://www.facebook.com/\(postID)" : nil
    }
}
