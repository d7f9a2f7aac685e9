import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// Issue 10: the outbox worker against a fake Graph server over real HTTP on 127.0.0.1.
@Suite("Facebook and WhatsApp deliveries")
struct ChannelDeliveryTests {
    static let pageToken = "EAAG-rahasia-halaman-1234567890"
    static let waToken = "EAAG-rahasia-whatsapp-0987654321"

    /// A case with an announcement published now, its outbox written as step 9 writes it.
    func publish(_ app: Application, _ fixture: CaseFixture, channels: [Delivery.Channel]) async throws -> Announcement {
        let record = try await fixture.submit("Data curah hujan \(UUID().uuidString.prefix(4))")
        let announcement = Announcement(caseID: record.id, title: "Data curah hujan 2026 tersedia", body: "Silakan unduh di portal.", channels: channels, by: nil, at: Date())
        announcement.publishedAt = Date()
        try await announcement.save(on: app.db)
        try await DeliveryOutbox.write(announcementID: announcement.requireID(), channels: channels, at: Date(), on: app.db)
        return announcement
    }

    func configure(_ app: Application, _ fake: FakeGraphServer) async throws {
        try await ChannelSettings.save([
            .facebookPageID: "1122334455", .facebookToken: Self.pageToken, .facebookBaseURL: fake.baseURL,
            .whatsappPhoneNumberID: "5566778899", .whatsappToken: Self.waToken, .whatsappTemplate: "pengumuman_data",
            .whatsappAppSecret: "rahasia-aplikasi", .whatsappVerifyToken: "token-verifikasi", .whatsappBaseURL: fake.baseURL,
        ], on: app.db, box: app.secretBox)
    }

    func deliveries(_ app: Application, _ announcement: Announcement, _ channel: Delivery.Channel) async throws -> [Delivery] {
        try await Delivery.query(on: app.db).filter(\.$announcement.$id == announcement.requireID()).filter(\.$channelRaw == channel.rawValue).all()
    }

    @Test("not configured: the rows say so and nothing is sent; secrets are sealed in the database", arguments: TestDatabase.all)
    func notConfigured(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fixture = try await CaseFixture(app)
            let announcement = try await publish(app, fixture, channels: [.website, .facebook, .whatsapp])
            #expect(try await deliveries(app, announcement, .facebook).map(\.state) == [.notConfigured])
            #expect(try await deliveries(app, announcement, .whatsapp).map(\.state) == [.notConfigured])
            #expect(try await DeliverySender(app: app).runOnce() == 0)

            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            try await configure(app, fake)
            let stored = try await Setting.query(on: app.db).all().map(\.value).joined(separator: "\n")
            #expect(!stored.contains(Self.pageToken) && !stored.contains(Self.waToken) && !stored.contains("rahasia-aplikasi"))
            let loaded = try await ChannelSettings.load(on: app.db, box: app.secretBox)
            #expect(loaded.facebook.accessToken == Self.pageToken && loaded.whatsapp.appSecret == "rahasia-aplikasi")
            // Another server key opens nothing: the channel reads as not configured.
            let other = SecretBox(key: .init(size: .bits256))
            #expect(try await ChannelSettings.load(on: app.db, box: other).facebook.isConfigured == false)
            // Saving an empty secret keeps the stored one.
            try await ChannelSettings.save([.facebookToken: "", .facebookPageID: "1122334455"], on: app.db, box: app.secretBox)
            #expect(try await ChannelSettings.load(on: app.db, box: app.secretBox).facebook.accessToken == Self.pageToken)
        }
    }

    @Test("Facebook: one post with the message and the public link; the token only in the Authorization header", arguments: TestDatabase.all)
    func facebookPosts(_ db: TestDatabase) async throws {
        try await withTestApp(db, baseURL: "https://data.mentawaikab.go.id") { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await configure(app, fake)
            let announcement = try await publish(app, fixture, channels: [.website, .facebook])
            #expect(try await deliveries(app, announcement, .facebook).map(\.state) == [.pending])
            #expect(try await DeliverySender(app: app).runOnce() == 1)
            let row = try #require(try await deliveries(app, announcement, .facebook).first)
            #expect(row.state == .published && row.externalID == "1122334455_1" && row.attempts == 1 && row.claimedBy == nil)
            let link = "https://data.mentawaikab.go.id/publik/pengumuman/\(announcement.id!)"
            #expect(fake.posts.count == 1 && fake.posts[0].link == link && fake.posts[0].message.contains("Data curah hujan 2026 tersedia"))
            let post = try #require(fake.requests.first { $0.method == "POST" })
            #expect(post.path == "/v25.0/1122334455/feed" && post.authorization == "Bearer \(Self.pageToken)" && !post.body.contains(Self.pageToken))
            #expect(try await DeliverySender(app: app).runOnce() == 0, "nothing left to send")
        }
    }

    @Test("errors by Graph code: a rate limit waits as long as the usage header says, 190 needs a new login, 100 fails for good with its trace", arguments: TestDatabase.all)
    func errorClasses(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await configure(app, fake)
            let usage = #"{"1122334455":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":15}]}"#
            fake.script(.error(status: 400, code: 32, usage: usage))
            let limited = try await publish(app, fixture, channels: [.facebook])
            let now = Date()
            var sender = DeliverySender(app: app)
            sender.random = { 0 }
            #expect(try await sender.runOnce(now: now) == 1)
            var row = try #require(try await deliveries(app, limited, .facebook).first)
            #expect(row.state == .pending && row.attempts == 1 && row.errorCode == 32 && row.fbtraceID == "FAKE32")
            #expect(abs((row.nextAttemptAt ?? now).timeIntervalSince(now) - 900) < 1, "15 minutes, from the header")
            #expect(try await sender.runOnce(now: now.addingTimeInterval(60)) == 0, "not due yet")
            #expect(try await sender.runOnce(now: now.addingTimeInterval(901)) == 1)
            row = try #require(try await deliveries(app, limited, .facebook).first)
            #expect(row.state == .published && row.attempts == 2 && fake.posts.count == 1, "looked in the feed first, found nothing, posted once")

            fake.script(.error(status: 400, code: 190, subcode: 463))
            let expired = try await publish(app, fixture, channels: [.facebook])
            try await sender.runOnce(now: now)
            #expect(try await deliveries(app, expired, .facebook).first?.state == .needsLogin)

            fake.script(.error(status: 400, code: 100))
            let refused = try await publish(app, fixture, channels: [.facebook])
            try await sender.runOnce(now: now)
            let failed = try #require(try await deliveries(app, refused, .facebook).first)
            #expect(failed.state == .failed && failed.errorCode == 100 && failed.answer.contains("kode 100") && failed.answer.contains("FAKE100"))

            // A transient error repeated until the last attempt: the delivery needs attention.
            sender.policy = RetryPolicy(base: 1, cap: 1, maxAttempts: 2)
            fake.script(.error(status: 500, code: 2), .error(status: 500, code: 2))
            let flaky = try await publish(app, fixture, channels: [.facebook])
            try await sender.runOnce(now: now)
            try await sender.runOnce(now: now.addingTimeInterval(5))
            let gaveUp = try #require(try await deliveries(app, flaky, .facebook).first)
            #expect(gaveUp.state == .failed && gaveUp.attempts == 2)
        }
    }

    @Test("a timeout after Facebook received the post: the retry finds the post on the page and does not post again", arguments: TestDatabase.all)
    func ambiguousTimeout(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await configure(app, fake)
            fake.script(.slow(seconds: 3))
            let announcement = try await publish(app, fixture, channels: [.facebook])
            var sender = DeliverySender(app: app)
            sender.timeout = .milliseconds(500)
            sender.random = { 0 }
            let now = Date()
            try await sender.runOnce(now: now)
            var row = try #require(try await deliveries(app, announcement, .facebook).first)
            #expect(row.state == .pending && row.ambiguousAt != nil)
            try await Task.sleep(for: .seconds(3))
            #expect(fake.posts.count == 1, "the slow request did post")
            try await sender.runOnce(now: now.addingTimeInterval(3600))
            row = try #require(try await deliveries(app, announcement, .facebook).first)
            #expect(row.state == .published && row.externalID == fake.posts[0].id && row.answer == "ditemukan di halaman")
            #expect(fake.posts.count == 1, "no second post")
        }
    }

    @Test("two workers at once: each delivery is claimed and sent by one of them", arguments: TestDatabase.all)
    func leaseOneSender(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await configure(app, fake)
            for _ in 0..<6 { _ = try await publish(app, fixture, channels: [.facebook]) }
            async let a = DeliverySender(app: app).runOnce()
            async let b = DeliverySender(app: app).runOnce()
            let handled = try await a + b
            #expect(handled == 6)
            #expect(fake.posts.count == 6 && Set(fake.posts.map(\.link)).count == 6)
            // An expired claim (a worker that died mid-send) is taken over.
            let stuck = try await publish(app, fixture, channels: [.facebook])
            let row = try #require(try await deliveries(app, stuck, .facebook).first)
            row.claimedBy = "worker-mati:1"
            row.claimedAt = Date().addingTimeInterval(-30)
            try await row.save(on: app.db)
            #expect(try await DeliverySender(app: app).runOnce() == 0, "the lease still holds")
            #expect(try await DeliverySender(app: app).runOnce(now: Date().addingTimeInterval(200)) == 1)
            #expect(fake.posts.count == 7)
        }
    }

    @Test("WhatsApp: one template message per opted-in recipient; statuses by signed webhook only, forward only", arguments: TestDatabase.all)
    func whatsapp(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await configure(app, fake)
            let now = Date()
            for (name, phone, optIn, optOut) in [("Ani", "0812-1111-2222", true, false), ("Budi", "+62 813 3333 4444", true, false),
                                                 ("Citra", "0815 5555 6666", false, false), ("Dedi", "0816 7777 8888", true, true)] {
                let r = WhatsAppRecipient(name: name, phone: try PhoneNumber(phone), organizationID: nil, optInAt: optIn ? now : nil, optInMethod: "formulir", at: now)
                if optOut { r.optedOutAt = now }
                try await r.create(on: app.db)
            }
            let announcement = try await publish(app, fixture, channels: [.whatsapp])
            let rows = try await deliveries(app, announcement, .whatsapp)
            #expect(Set(rows.map(\.recipient)) == ["+6281211112222", "+6281333334444"], "only the opted-in who did not opt out")
            #expect(try await DeliverySender(app: app).runOnce() == 2)
            let sent = try await fake.requests.filter { $0.method == "POST" }
            #expect(sent.count == 2 && sent.allSatisfy { $0.path == "/v25.0/5566778899/messages" && $0.authorization == "Bearer \(Self.waToken)" })
            let body = try #require(try JSONSerialization.jsonObject(with: Data(sent[0].body.utf8)) as? [String: Any])
            #expect(body["type"] as? String == "template" && (body["template"] as? [String: Any])?["name"] as? String == "pengumuman_data")
            let after = try await deliveries(app, announcement, .whatsapp)
            #expect(after.allSatisfy { $0.state == .published && ($0.externalID ?? "").hasPrefix("wamid.") && $0.messageStatus == .accepted })

            // Verification handshake.
            let ok = try await app.testing().sendRequest(.GET, "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=token-verifikasi&hub.challenge=12345")
            #expect(ok.status == .ok && ok.body.string == "12345")
            let wrong = try await app.testing().sendRequest(.GET, "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=salah&hub.challenge=12345")
            #expect(wrong.status == .forbidden)

            func webhook(_ wamid: String, _ status: String, signed: Bool = true) async throws -> TestingHTTPResponse {
                let payload = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","statuses":[{"id":"\#(wamid)","status":"\#(status)","timestamp":"1790000000","recipient_id":"6281211112222"}]}}]}]}"#
                var headers: HTTPHeaders = ["Content-Type": "application/json"]
                headers.add(name: "X-Hub-Signature-256", value: signed ? WebhookSignature.sign(Array(payload.utf8), secret: "rahasia-aplikasi") : "sha256=" + String(repeating: "0", count: 64))
                return try await app.testing().sendRequest(.POST, "/webhooks/whatsapp", headers: headers, body: ByteBuffer(string: payload))
            }
            let wamid = try #require(after.first { $0.recipient == "+6281211112222" }?.externalID)
            #expect(try await webhook(wamid, "read", signed: false).status == .forbidden)
            #expect(try await Delivery.query(on: app.db).filter(\.$externalID == wamid).first()?.messageStatus == .accepted, "an unsigned webhook changed nothing")
            for status in ["read", "delivered", "sent", "read"] { #expect(try await webhook(wamid, status).status == .ok) }
            #expect(try await Delivery.query(on: app.db).filter(\.$externalID == wamid).first()?.messageStatus == .read)
        }
    }
}
