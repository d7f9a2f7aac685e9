import Fluent
import Foundation
import NIOCore
import Vapor
import WalidataCore

/// The outbox worker: claims due Facebook and WhatsApp deliveries with a lease, sends each,
/// and records what the channel answered. Several server processes may run it at once: a
/// claim is a conditional UPDATE (only a row that is pending and unclaimed, or whose claim has
/// expired), so one delivery is sent by one worker; a worker that crashed mid-send loses its
/// claim when the lease runs out and the row is tried again, first looking for the earlier
/// attempt's result so it is not sent twice.
struct DeliverySender: Sendable {
    let db: any Database
    let client: any Client
    let box: SecretBox
    let config: AppConfig
    let logger: Logger
    var worker = "worker-\(UUID().uuidString.prefix(8))"
    var lease: TimeInterval = 120
    var policy = RetryPolicy()
    /// How long a WhatsApp message whose send timed out waits for a status webhook naming it
    /// before it is sent again.
    var whatsappGrace: TimeInterval = 600
    var random: @Sendable () -> Double = { Double.random(in: 0..<1) }
    /// How long one call may take before it counts as unanswered.
    var timeout: TimeAmount = .seconds(20)

    init(app: Application) {
        db = app.db
        client = app.client
        box = app.secretBox
        config = app.walidata
        logger = app.logger
    }

    /// Claims and sends up to `limit` due deliveries; returns how many were handled.
    @discardableResult
    func runOnce(now: Date = Date(), limit: Int = 20) async throws -> Int {
        let claimed = try await claim(limit: limit, now: now)
        guard !claimed.isEmpty else { return 0 }
        let settings = try await ChannelSettings.load(on: db, box: box)
        for delivery in claimed {
            try await deliver(delivery, settings: settings, now: now)
        }
        return claimed.count
    }

    /// Due, unclaimed (or claim expired) rows, each taken by a conditional update that only one
    /// worker can win; the winner is the one whose token the row then holds.
    func claim(limit: Int, now: Date) async throws -> [Delivery] {
        let expired = now.addingTimeInterval(-lease)
        let candidates = try await Delivery.query(on: db)
            .filter(\.$stateRaw == Delivery.State.pending.rawValue)
            .filter(\.$channelRaw != Delivery.Channel.website.rawValue)
            .group(.or) { $0.filter(\.$nextAttemptAt == nil).filter(\.$nextAttemptAt <= now) }
            .group(.or) { $0.filter(\.$claimedAt == nil).filter(\.$claimedAt < expired) }
            .sort(\.$createdAt).limit(limit).all()
        var mine: [Delivery] = []
        for candidate in candidates {
            let token = "\(worker):\(UUID().uuidString)"
            try await Delivery.query(on: db)
                .filter(\.$id == candidate.requireID())
                .filter(\.$stateRaw == Delivery.State.pending.rawValue)
                .group(.or) { $0.filter(\.$claimedAt == nil).filter(\.$claimedAt < expired) }
                .set(\.$claimedBy, to: token).set(\.$claimedAt, to: now)
                .update()
            if let row = try await Delivery.find(candidate.id, on: db), row.claimedBy == token { mine.append(row) }
        }
        return mine
    }

    private func deliver(_ delivery: Delivery, settings: ChannelSettings, now: Date) async throws {
        guard let announcement = try await Announcement.find(delivery.$announcement.id, on: db) else { return }
        switch delivery.channel {
        case .facebook:
            guard settings.facebook.isConfigured else { return try await finish(delivery, state: .notConfigured, answer: "", now: now) }
            try await sendFacebook(delivery, announcement, settings.facebook, now: now)
        case .whatsapp:
            guard settings.whatsapp.isConfigured else { return try await finish(delivery, state: .notConfigured, answer: "", now: now) }
            try await sendWhatsApp(delivery, announcement, settings.whatsapp, now: now)
        case .website:
            return
        }
    }

    func link(_ announcement: Announcement) -> String {
        config.publicURL(SiteURL.publicAnnouncement(announcement.id!).path)
    }

    // MARK: Facebook

    private func sendFacebook(_ delivery: Delivery, _ announcement: Announcement, _ fb: ChannelSettings.Facebook, now: Date) async throws {
        let graph = GraphClient(client: client, baseURL: fb.graphBaseURL, version: fb.graphVersion, token: fb.accessToken, timeout: timeout)
        let url = link(announcement)
        if delivery.ambiguousAt != nil || delivery.attempts > 0 {
            // An earlier attempt may have posted: look before posting again.
            if case .ok(let data) = await graph.get("\(fb.pageID)/feed", query: [("fields", "id,link,message"), ("limit", "50")]),
               let postID = Self.postLinking(url, in: data) {
                return try await succeed(delivery, externalID: postID, answer: "ditemukan di halaman", now: now)
            }
        }
        let message = "\(announcement.title)\n\n\(announcement.body)\n\n\(url)"
        switch await graph.postForm("\(fb.pageID)/feed", [("message", message), ("link", url)]) {
        case .ok(let data):
            let id = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String
            try await succeed(delivery, externalID: id ?? "", answer: "", now: now)
        case .refused(let failure, let hint):
            try await failed(delivery, failure, hint: hint, now: now)
        case .unreachable(let text, let ambiguous):
            try await failed(delivery, .network(text), hint: nil, ambiguous: ambiguous, now: now)
        }
    }

    /// The ID of the post in a `/feed` answer whose link (or message) carries `url`.
    static func postLinking(_ url: String, in data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let posts = object["data"] as? [[String: Any]] else { return nil }
        for post in posts {
            let link = post["link"] as? String ?? ""
            let message = post["message"] as? String ?? ""
            if link == url || message.contains(url) { return post["id"] as? String }
        }
        return nil
    }

    // MARK: WhatsApp

    private func sendWhatsApp(_ delivery: Delivery, _ announcement: Announcement, _ wa: ChannelSettings.WhatsApp, now: Date) async throws {
        if let ambiguous = delivery.ambiguousAt, now < ambiguous.addingTimeInterval(whatsappGrace) {
            // The last send timed out: a status webhook carrying this delivery's ID would
            // record its wamid. Wait for it until the grace period ends, then send again.
            return try await reschedule(delivery, at: ambiguous.addingTimeInterval(whatsappGrace), now: now)
        }
        let graph = GraphClient(client: client, baseURL: wa.graphBaseURL, version: wa.graphVersion, token: wa.accessToken, timeout: timeout)
        let to = delivery.recipient.hasPrefix("+") ? String(delivery.recipient.dropFirst()) : delivery.recipient
        let body: [String: Any] = [
            "messaging_product": "whatsapp", "recipient_type": "individual", "to": to, "type": "template",
            // Echoed back in every status webhook of this message: how an ambiguous send is recognised.
            "biz_opaque_callback_data": delivery.id!.uuidString,
            "template": [
                "name": wa.templateName, "language": ["code": wa.templateLanguage],
                "components": [["type": "body", "parameters": [["type": "text", "text": announcement.title], ["type": "text", "text": link(announcement)]]]],
            ] as [String: Any],
        ]
        switch await graph.postJSON("\(wa.phoneNumberID)/messages", body) {
        case .ok(let data):
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            let wamid = ((object?["messages"] as? [[String: Any]])?.first?["id"] as? String) ?? ""
            delivery.messageStatusRaw = MessageStatus.accepted.rawValue
            try await succeed(delivery, externalID: wamid, answer: "", now: now)
        case .refused(let failure, let hint):
            try await failed(delivery, failure, hint: hint, now: now)
        case .unreachable(let text, let ambiguous):
            try await failed(delivery, .network(text), hint: nil, ambiguous: ambiguous, now: now)
        }
    }

    // MARK: Recording

    private func succeed(_ delivery: Delivery, externalID: String, answer: String, now: Date) async throws {
        delivery.externalID = externalID
        delivery.deliveredAt = now
        delivery.attempts += 1
        delivery.lastAttemptAt = now
        delivery.ambiguousAt = nil
        delivery.errorCode = nil
        delivery.fbtraceID = nil
        try await finish(delivery, state: .published, answer: answer, now: now)
    }

    private func failed(_ delivery: Delivery, _ failure: GraphFailure, hint: TimeInterval?, ambiguous: Bool = false, now: Date) async throws {
        delivery.attempts += 1
        delivery.lastAttemptAt = now
        delivery.errorCode = failure.code
        delivery.fbtraceID = failure.fbtraceID
        if ambiguous { delivery.ambiguousAt = delivery.ambiguousAt ?? now }
        let answer = Self.describe(failure)
        logger.warning("Delivery \(delivery.id?.uuidString ?? "") to \(delivery.channelRaw) failed (attempt \(delivery.attempts)): \(answer)")
        switch failure.kind {
        case .duplicate:
            // Facebook already has this post: an earlier attempt got through.
            delivery.attempts -= 1
            try await succeed(delivery, externalID: delivery.externalID ?? "", answer: "duplikat: sudah ada di halaman", now: now)
        case .reauthenticate:
            try await finish(delivery, state: .needsLogin, answer: answer, now: now)
        case .permanent:
            try await finish(delivery, state: .failed, answer: answer, now: now)
        case .transient:
            if policy.givesUp(afterAttempts: delivery.attempts) {
                try await finish(delivery, state: .failed, answer: answer, now: now)
            } else {
                delivery.answer = answer
                let wait = policy.delay(afterAttempts: delivery.attempts, hint: hint, random: random())
                try await reschedule(delivery, at: now.addingTimeInterval(wait), now: now)
            }
        }
    }

    private func reschedule(_ delivery: Delivery, at next: Date, now: Date) async throws {
        delivery.nextAttemptAt = next
        delivery.claimedBy = nil
        delivery.claimedAt = nil
        delivery.updatedAt = now
        try await delivery.save(on: db)
    }

    private func finish(_ delivery: Delivery, state: Delivery.State, answer: String, now: Date) async throws {
        delivery.stateRaw = state.rawValue
        delivery.answer = answer
        delivery.nextAttemptAt = nil
        delivery.claimedBy = nil
        delivery.claimedAt = nil
        delivery.updatedAt = now
        try await delivery.save(on: db)
        // Who must act is told (the kabid, or the admin for a token); the delivery is recorded
        // either way, so a notice that cannot be written only costs the notice.
        if state == .failed || state == .needsLogin {
            do { try await DeliveryNotices.raise(for: delivery, at: now, on: db) } catch {
                logger.error("Delivery notice for \(delivery.id?.uuidString ?? "") not written: \(String(describing: error))")
            }
        }
    }

    /// "kode 100: Invalid parameter (fbtrace AbC)", kept short and free of the token.
    static func describe(_ failure: GraphFailure) -> String {
        var parts: [String] = []
        if let code = failure.code { parts.append("kode \(code)") } else if let status = failure.httpStatus { parts.append("HTTP \(status)") }
        let message = String(failure.message.prefix(300))
        var text = parts.joined() + (message.isEmpty ? "" : (parts.isEmpty ? "" : ": ") + message)
        if let trace = failure.fbtraceID { text += " (fbtrace \(trace))" }
        return text
    }
}
