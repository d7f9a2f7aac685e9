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

    /// Just before a send: renews this worker's claim (a batch may take longer than the lease)
    /// and marks the row ambiguous, so a worker that takes it over after this one died mid-send
    /// looks for the post first instead of sending again. Nil when the claim is no longer held
    /// or the row was settled meanwhile (a status webhook), and nothing must be sent.
    private func begin(_ delivery: Delivery, now: Date) async throws -> Delivery? {
        guard let token = delivery.claimedBy else { return nil }
        let marked = delivery.ambiguousAt ?? now
        try await Delivery.query(on: db)
            .filter(\.$id == delivery.requireID())
            .filter(\.$claimedBy == token)
            .filter(\.$stateRaw == Delivery.State.pending.rawValue)
            // The clock, not the batch's start: the renewal must hold from this send on.
            .set(\.$claimedAt, to: max(now, Date())).set(\.$ambiguousAt, to: marked)
            .update()
        guard let row = try await Delivery.find(delivery.id, on: db), row.claimedBy == token, row.state == .pending else { return nil }
        return row
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
            // Compare-and-set on the claim as it was read: of two workers that read the same
            // row, the second finds the first's token there and changes nothing.
            let seen = candidate.claimedBy
            try await Delivery.query(on: db)
                .filter(\.$id == candidate.requireID())
                .filter(\.$stateRaw == Delivery.State.pending.rawValue)
                .group(.or) { $0.filter(\.$claimedAt == nil).filter(\.$claimedAt < expired) }
                .group(.or) { seen == nil ? $0.filter(\.$claimedBy == nil) : $0.filter(\.$claimedBy == seen) }
                .set(\.$claimedBy, to: token).set(\.$claimedAt, to: now)
                .update()
            if let row = try await Delivery.find(candidate.id, on: db), row.claimedBy == token { mine.append(row) }
        }
        return mine
    }

    private func deliver(_ delivery: Delivery, settings: ChannelSettings, now: Date) async throws {
        guard let announcement = try await Announcement.find(delivery.$announcement.id, on: db) else { return }
        let configured = switch delivery.channel {
        case .facebook: settings.facebook.isConfigured
        case .whatsapp: settings.whatsapp.isConfigured
        case .website: false
        }
        guard configured else { return try await finish(delivery, state: .notConfigured, answer: "", now: now) }
        if delivery.channel == .whatsapp, let ambiguous = delivery.ambiguousAt, now < ambiguous.addingTimeInterval(whatsappGrace) {
            // The last send may have arrived: a status webhook carrying this delivery's ID would
            // record its wamid. Wait for it until the grace period ends, then send again.
            return try await reschedule(delivery, at: ambiguous.addingTimeInterval(whatsappGrace), now: now)
        }
        let wasAmbiguous = delivery.ambiguousAt
        guard let delivery = try await begin(delivery, now: now) else { return }
        if delivery.channel == .facebook {
            try await sendFacebook(delivery, announcement, settings.facebook, wasAmbiguous: wasAmbiguous, now: now)
        } else {
            try await sendWhatsApp(delivery, announcement, settings.whatsapp, wasAmbiguous: wasAmbiguous, now: now)
        }
    }

    func link(_ announcement: Announcement) -> String {
        config.publicURL(SiteURL.publicAnnouncement(announcement.id!).path)
    }

    // MARK: Facebook

    private func sendFacebook(_ delivery: Delivery, _ announcement: Announcement, _ fb: ChannelSettings.Facebook, wasAmbiguous: Date?, now: Date) async throws {
        let graph = GraphClient(client: client, baseURL: fb.graphBaseURL, version: fb.graphVersion, token: fb.accessToken, timeout: timeout)
        let url = link(announcement)
        if wasAmbiguous != nil || delivery.attempts > 0 {
            // An earlier attempt may have posted: look before posting again. A look that fails
            // is no answer; posting anyway could post twice, so the delivery waits instead.
            switch await findPost(linking: url, since: (wasAmbiguous ?? delivery.lastAttemptAt ?? delivery.createdAt), graph: graph, pageID: fb.pageID) {
            case .ok(let postID?):
                return try await succeed(delivery, externalID: postID, answer: "ditemukan di halaman", now: now)
            case .ok(nil):
                break
            case .refused(let failure, let hint):
                return try await failed(delivery, failure, hint: hint, keeping: wasAmbiguous, now: now)
            case .unreachable(let text, _):
                return try await failed(delivery, .network(text), hint: nil, keeping: wasAmbiguous, now: now)
            }
        }
        let message = "\(announcement.title)\n\n\(announcement.body)\n\n\(url)"
        switch await graph.postForm("\(fb.pageID)/feed", [("message", message), ("link", url)]) {
        case .ok(let data):
            let id = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String
            try await succeed(delivery, externalID: id ?? "", answer: "", now: now)
        case .refused(let failure, _) where failure.kind == .duplicate:
            // 506: the post is on the Page already. Done, but keep its ID: look it up; if the Page
            // cannot be read now, the next attempt looks again before anything is posted.
            switch await findPost(linking: url, since: wasAmbiguous ?? delivery.createdAt, graph: graph, pageID: fb.pageID) {
            case .ok(let postID):
                try await succeed(delivery, externalID: postID ?? "", answer: "duplikat: sudah ada di halaman", now: now)
            case .refused(let lookFailure, let hint):
                try await failed(delivery, lookFailure, hint: hint, keeping: delivery.ambiguousAt, now: now)
            case .unreachable(let text, _):
                try await failed(delivery, .network(text), hint: nil, keeping: delivery.ambiguousAt, now: now)
            }
        case .refused(let failure, let hint):
            try await failed(delivery, failure, hint: hint, keeping: wasAmbiguous, now: now)
        case .unreachable(let text, let ambiguous):
            try await failed(delivery, .network(text), hint: nil, keeping: ambiguous ? delivery.ambiguousAt : wasAmbiguous, now: now)
        }
    }

    enum Lookup { case ok(String?), refused(GraphFailure, hint: TimeInterval?), unreachable(String, ambiguous: Bool) }

    /// Looks through the Page's posts since shortly before the first attempt that may have
    /// arrived, page by page (`paging.next`), for one carrying `url`. Not only the latest 50:
    /// an office publishing many announcements pushes an earlier post down the feed.
    func findPost(linking url: String, since: Date, graph: GraphClient, pageID: String) async -> Lookup {
        let from = Int(since.timeIntervalSince1970) - 300
        var query: [(String, String)] = [("fields", "id,link,message"), ("limit", "100"), ("since", String(from))]
        var pages = 0
        while pages < 20 {
            pages += 1
            switch await graph.get("\(pageID)/feed", query: query) {
            case .ok(let data):
                if let postID = Self.postLinking(url, in: data) { return .ok(postID) }
                guard let after = Self.nextCursor(in: data) else { return .ok(nil) }
                query = [("fields", "id,link,message"), ("limit", "100"), ("since", String(from)), ("after", after)]
            case .refused(let failure, let hint):
                return .refused(failure, hint: hint)
            case .unreachable(let text, let ambiguous):
                return .unreachable(text, ambiguous: ambiguous)
            }
        }
        return .ok(nil)
    }

    /// The `after` cursor of a Graph list answer that has a next page.
    static func nextCursor(in data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let paging = object["paging"] as? [String: Any], paging["next"] != nil,
              let cursors = paging["cursors"] as? [String: Any], let after = cursors["after"] as? String, !after.isEmpty else { return nil }
        return after
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

    private func sendWhatsApp(_ delivery: Delivery, _ announcement: Announcement, _ wa: ChannelSettings.WhatsApp, wasAmbiguous: Date?, now: Date) async throws {
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
            try await failed(delivery, failure, hint: hint, keeping: wasAmbiguous, now: now)
        case .unreachable(let text, let ambiguous):
            try await failed(delivery, .network(text), hint: nil, keeping: ambiguous ? delivery.ambiguousAt : wasAmbiguous, now: now)
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

    /// `keeping`: the ambiguity that stays on the row: the mark `begin` set when this attempt
    /// may have arrived, else the one from before it (a definite refusal says nothing about an
    /// earlier attempt that may have got through).
    private func failed(_ delivery: Delivery, _ failure: GraphFailure, hint: TimeInterval?, keeping ambiguous: Date?, now: Date) async throws {
        delivery.attempts += 1
        delivery.lastAttemptAt = now
        delivery.errorCode = failure.code
        delivery.fbtraceID = failure.fbtraceID
        delivery.ambiguousAt = ambiguous
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
        let token = delivery.claimedBy
        delivery.nextAttemptAt = next
        delivery.claimedBy = nil
        delivery.claimedAt = nil
        delivery.updatedAt = now
        try await store(delivery, claimedAs: token)
    }

    private func finish(_ delivery: Delivery, state: Delivery.State, answer: String, now: Date) async throws {
        let token = delivery.claimedBy
        delivery.stateRaw = state.rawValue
        delivery.answer = answer
        delivery.nextAttemptAt = nil
        delivery.claimedBy = nil
        delivery.claimedAt = nil
        delivery.updatedAt = now
        guard try await store(delivery, claimedAs: token) else { return }
        // Who must act is told (the kabid, or the admin for a token); the delivery is recorded
        // either way, so a notice that cannot be written only costs the notice.
        if state == .failed || state == .needsLogin {
            do { try await DeliveryNotices.raise(for: delivery, at: now, on: db) } catch {
                logger.error("Delivery notice for \(delivery.id?.uuidString ?? "") not written: \(String(describing: error))")
            }
        }
    }

    /// Saves the outcome only while this worker still holds the claim: an answer that came after
    /// the lease ran out belongs to the worker that took the row over (which looks on the Page
    /// itself), and must not overwrite what that one recorded.
    /// False when the row was taken over and nothing was written.
    @discardableResult
    private func store(_ delivery: Delivery, claimedAs token: String?) async throws -> Bool {
        if let token, try await Delivery.query(on: db).filter(\.$id == delivery.requireID()).filter(\.$claimedBy == token).count() == 0 {
            logger.notice("Delivery \(delivery.id?.uuidString ?? "") was taken over by another worker; its late answer is not recorded here")
            return false
        }
        try await delivery.save(on: db)
        return true
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
