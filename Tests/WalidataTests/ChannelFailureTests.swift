import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// Issue 10: every way a Graph call can go wrong, over real HTTP against the fake server, and the
/// exactly-once rules that hold through them (bench/outbox measures the same at scale).
@Suite("Facebook and WhatsApp deliveries when things go wrong")
struct ChannelFailureTests {
    let base = ChannelDeliveryTests()

    func recipient(_ app: Application, _ name: String, _ phone: String) async throws {
        try await WhatsAppRecipient(name: name, phone: try PhoneNumber(phone), organizationID: nil, optInAt: Date(), optInMethod: "formulir", at: Date()).create(on: app.db)
    }

    @Test("every Graph error class: transient codes wait as Retry-After says, 190 needs a new login, permission/parameter/policy codes fail for good with code, message and fbtrace_id, 506 counts as posted",
          arguments: TestDatabase.all)
    func everyErrorClass(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await base.configure(app, fake)
            try await recipient(app, "Ani", "0812-1111-2222")
            var sender = DeliverySender(app: app)
            sender.random = { 0 }
            let now = Date()
            // WhatsApp's own codes go to a WhatsApp recipient, the rest to the Page.
            func attempt(_ code: Int, retryAfter: String? = nil) async throws -> Delivery {
                let channel: Delivery.Channel = code >= 130000 ? .whatsapp : .facebook
                fake.script(.error(status: code == 2 ? 500 : 400, code: code, retryAfter: retryAfter))
                let announcement = try await base.publish(app, fixture, channels: [channel])
                #expect(try await sender.runOnce(now: now) == 1)
                return try #require(try await base.deliveries(app, announcement, channel).first)
            }
            for code in [1, 2, 4, 17, 32, 341, 613, 80001, 130429, 131056, 131000, 131016] {
                let row = try await attempt(code, retryAfter: "120")
                #expect(row.state == .pending && row.attempts == 1 && row.errorCode == code, "code \(code) is retried")
                #expect(abs((row.nextAttemptAt ?? now).timeIntervalSince(now) - 120) < 1, "code \(code): not before Retry-After")
            }
            for code in [10, 100, 200, 250, 299, 368, 131026, 131047, 132000, 132015] {
                let row = try await attempt(code)
                #expect(row.state == .failed && row.attempts == 1 && row.errorCode == code && row.fbtraceID == "FAKE\(code)", "code \(code) fails for good")
                #expect(row.answer.contains("kode \(code)") && row.answer.contains("Fake error \(code)") && row.answer.contains("FAKE\(code)"))
                #expect(row.nextAttemptAt == nil)
            }
            #expect(try await attempt(190).state == .needsLogin)
            let duplicate = try await attempt(506)
            #expect(duplicate.state == .published && duplicate.answer.contains("duplikat"))
            #expect(try await sender.runOnce(now: now.addingTimeInterval(60)) == 0, "nothing is retried before its time")
        }
    }

    @Test("after a timeout, a look at the Page that fails is no answer: nothing is posted until the Page can be read; the post is found past 150 later ones",
          arguments: TestDatabase.all)
    func lookupFailsNoPost(_ db: TestDatabase) async throws {
        try await withTestApp(db, baseURL: "https://data.mentawaikab.go.id") { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await base.configure(app, fake)
            fake.script(.slow(seconds: 2))
            let announcement = try await base.publish(app, fixture, channels: [.facebook])
            var sender = DeliverySender(app: app)
            sender.timeout = .milliseconds(400)
            sender.random = { 0 }
            let now = Date()
            try await sender.runOnce(now: now)
            try await Task.sleep(for: .seconds(2))
            #expect(fake.posts.count == 1, "the slow request did post")
            // Other announcements push it down the feed: past the first page the sender reads.
            for i in 0..<150 { fake.addPost(link: "https://data.mentawaikab.go.id/publik/pengumuman/lain-\(i)") }

            fake.scriptReads(.error(status: 500, code: 2), .cut(afterWork: false))
            try await sender.runOnce(now: now.addingTimeInterval(3600))
            try await sender.runOnce(now: now.addingTimeInterval(7200))
            var row = try #require(try await base.deliveries(app, announcement, .facebook).first)
            #expect(row.state == .pending && row.attempts == 3 && row.ambiguousAt != nil, "still waiting, still marked ambiguous")
            #expect(fake.requests.filter { $0.method == "POST" }.count == 1, "no second post while the Page could not be read")

            try await sender.runOnce(now: now.addingTimeInterval(10800))
            row = try #require(try await base.deliveries(app, announcement, .facebook).first)
            #expect(row.state == .published && row.externalID == "1122334455_1" && row.answer == "ditemukan di halaman")
            #expect(fake.posts.count == 151 && fake.requests.filter { $0.method == "POST" }.count == 1)
            #expect(fake.requests.contains { $0.method == "GET" && $0.query.contains("after=") }, "read past the first page")
        }
    }

    @Test("a worker that stops answering mid-batch is taken over: the row it was sending is found on the Page, the rest sent once, and it sends nothing it no longer holds",
          arguments: TestDatabase.all)
    func takeoverMidBatch(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await base.configure(app, fake)
            let first = try await base.publish(app, fixture, channels: [.facebook])
            let second = try await base.publish(app, fixture, channels: [.facebook])
            fake.script(.slow(seconds: 3))
            var stuck = DeliverySender(app: app)
            stuck.timeout = .seconds(10)
            let now = Date()
            async let stuckRun = stuck.runOnce(now: now)
            // The first post arrived; its worker waits for an answer past its lease.
            for _ in 0..<100 where fake.posts.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            #expect(fake.posts.count == 1)
            #expect(try await DeliverySender(app: app).runOnce(now: now.addingTimeInterval(200)) == 2, "both claims had expired")
            _ = try await stuckRun
            #expect(fake.posts.count == 2 && Set(fake.posts.map(\.link)).count == 2, "one post per announcement")
            #expect(fake.requests.filter { $0.method == "POST" }.count == 2)
            let rows = try await base.deliveries(app, first, .facebook) + base.deliveries(app, second, .facebook)
            #expect(rows.allSatisfy { $0.state == .published && ($0.externalID ?? "").hasPrefix("1122334455_") })
            #expect(rows.first?.answer == "ditemukan di halaman")
        }
    }

    @Test("a connection cut before or after the post: the retry looks first, posts only what is missing", arguments: TestDatabase.all)
    func cutConnection(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await base.configure(app, fake)
            fake.script(.cut(afterWork: true), .cut(afterWork: false))
            let posted = try await base.publish(app, fixture, channels: [.facebook])
            let notPosted = try await base.publish(app, fixture, channels: [.facebook])
            var sender = DeliverySender(app: app)
            sender.random = { 0 }
            let now = Date()
            #expect(try await sender.runOnce(now: now) == 2)
            for announcement in [posted, notPosted] {
                let row = try #require(try await base.deliveries(app, announcement, .facebook).first)
                #expect(row.state == .pending && row.ambiguousAt != nil && row.errorCode == nil && row.answer != "")
            }
            #expect(fake.posts.count == 1)
            try await sender.runOnce(now: now.addingTimeInterval(3600))
            #expect(fake.posts.count == 2 && Set(fake.posts.map(\.link)).count == 2, "the missing one posted, the other not again")
            #expect(try await base.deliveries(app, posted, .facebook).first?.answer == "ditemukan di halaman")
            #expect(try await base.deliveries(app, notPosted, .facebook).first?.state == .published)
        }
    }

    @Test("WhatsApp statuses sent back by the fake over HTTP: unsigned refused and nothing recorded; out of order and twice, only forward; a timed-out send settled by its webhook is not sent again",
          arguments: TestDatabase.all)
    func statusWebhooks(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await base.configure(app, fake)
            try await recipient(app, "Ani", "0812-1111-2222")
            try await recipient(app, "Budi", "0813-3333-4444")
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let hook = "http://127.0.0.1:\(app.http.server.shared.localAddress?.port ?? 0)/webhooks/whatsapp"
            fake.script(.slow(seconds: 1.5))
            let announcement = try await base.publish(app, fixture, channels: [.whatsapp])
            var sender = DeliverySender(app: app)
            sender.timeout = .milliseconds(400)
            let now = Date()
            #expect(try await sender.runOnce(now: now) == 2)
            try await Task.sleep(for: .seconds(1.5))
            let messages = fake.messages
            #expect(messages.count == 2)
            var rows = try await base.deliveries(app, announcement, .whatsapp)
            let timedOut = try #require(rows.first { $0.state == .pending })
            #expect(timedOut.ambiguousAt != nil && timedOut.externalID == nil)
            let lateOne = try #require(messages.first { $0.callback == timedOut.id?.uuidString })
            let other = try #require(messages.first { $0.callback != timedOut.id?.uuidString })

            #expect(try await fake.sendStatuses([(lateOne, "read")], to: hook, secret: "rahasia-aplikasi", signed: false) == [403])
            #expect(try await Delivery.find(timedOut.id, on: app.db)?.externalID == nil, "a refused webhook recorded nothing")

            let order = ["delivered", "sent", "delivered", "read", "sent"]
            #expect(try await fake.sendStatuses(order.map { (lateOne, $0) }, to: hook, secret: "rahasia-aplikasi") == Array(repeating: 200, count: 5))
            let settled = try #require(try await Delivery.find(timedOut.id, on: app.db))
            #expect(settled.state == .published && settled.externalID == lateOne.wamid && settled.messageStatus == .read && settled.ambiguousAt == nil)

            #expect(try await fake.sendStatuses([(other, "sent"), (other, "failed")], to: hook, secret: "rahasia-aplikasi", error: (131026, "Message undeliverable")) == [200, 200])
            rows = try await base.deliveries(app, announcement, .whatsapp)
            let failed = try #require(rows.first { $0.externalID == other.wamid })
            #expect(failed.messageStatus == .failed && failed.errorCode == 131026 && failed.answer.contains("131026"))

            #expect(try await sender.runOnce(now: now.addingTimeInterval(3600)) == 0, "nothing left to send")
            #expect(fake.messages.count == 2, "no second message to anyone")
            await app.server.shutdown()
        }
    }

    @Test("no token nor app secret in any log line (errors, timeouts, cut connections, the connection test) or any page", arguments: TestDatabase.all)
    func secretsStayOut(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let lines = NIOLockedValueBox<[String]>([])
            app.logger = Logger(label: "walidata.test") { _ in CapturingLog(lines: lines) }
            app.logger.logLevel = .trace
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let fixture = try await CaseFixture(app)
            try await base.configure(app, fake)
            try await recipient(app, "Ani", "0812-1111-2222")
            fake.script(.error(status: 400, code: 190), .error(status: 400, code: 100), .slow(seconds: 1), .cut(afterWork: false))
            var sender = DeliverySender(app: app)
            sender.timeout = .milliseconds(300)
            var announcements: [Announcement] = []
            for _ in 0..<2 { announcements.append(try await base.publish(app, fixture, channels: [.facebook, .whatsapp])) }
            try await sender.runOnce()
            // An address where nothing listens: a network error with the URL in its text.
            try await ChannelSettings.save([.facebookBaseURL: "http://127.0.0.1:1"], on: app.db, box: app.secretBox)
            _ = try await base.publish(app, fixture, channels: [.facebook])
            try await sender.runOnce(now: Date().addingTimeInterval(7200))

            let admin = TestBrowser(app)
            try await admin.login("admin")
            let pages = [try await admin.get("/admin/channels").body.string, try await admin.post("/admin/channels/facebook/test", []).body.string]
            let kabid = TestBrowser(app)
            try await kabid.login("kabid")
            var shown = pages
            for announcement in announcements {
                shown.append(try await kabid.get("/cases/\(announcement.$caseRecord.id)").body.string)
                shown.append(try await fixture.send(.GET, "/api/v1/cases/\(announcement.$caseRecord.id)/announcement", as: "kabid").body.string)
            }
            let logged = lines.withLockedValue { $0 }
            #expect(logged.count >= 4, "the failures were logged: \(logged.count) lines")
            for secret in [ChannelDeliveryTests.pageToken, ChannelDeliveryTests.waToken, "rahasia-aplikasi", "token-verifikasi"] {
                #expect(!logged.contains { $0.contains(secret) }, "a log line holds a secret")
                #expect(!shown.contains { $0.contains(secret) }, "a page holds a secret")
            }
        }
    }
}

extension ChannelFailureTests {
    @Test("the outbox's timings: the defaults, short values for a trial, and a bad value refused with the variable's name")
    func timings() throws {
        let defaults = try DeliveryScheduler.tuning([:])
        #expect(defaults.timeout == 20 && defaults.backoff == 30)
        let trial = try DeliveryScheduler.tuning(["WALIDATA_DELIVERY_TIMEOUT_SECONDS": "2", "WALIDATA_DELIVERY_BACKOFF_SECONDS": " 1 "])
        #expect(trial.timeout == 2 && trial.backoff == 1)
        for (name, value) in [("WALIDATA_DELIVERY_TIMEOUT_SECONDS", "0"), ("WALIDATA_DELIVERY_TIMEOUT_SECONDS", "61"), ("WALIDATA_DELIVERY_BACKOFF_SECONDS", "setengah")] {
            #expect { try DeliveryScheduler.tuning([name: value]) } throws: { String(describing: $0).contains(name) && String(describing: $0).contains(value) }
        }
    }
}

/// Keeps every line the app logs, rendered with its metadata, for the secret check.
struct CapturingLog: LogHandler {
    let lines: NIOLockedValueBox<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        let all = self.metadata.merging(metadata ?? [:]) { $1 }
        lines.withLockedValue { $0.append("\(level) \(message) \(all)") }
    }
}
