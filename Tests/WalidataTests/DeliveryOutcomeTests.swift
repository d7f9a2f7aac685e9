import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// Issue 10, what people see: each channel's outcome in words, Kirim ulang sekarang and who may
/// press it, the notices, the final report's outcomes and the admin's share image.
@Suite("Step 9 deliveries as people see them")
struct DeliveryOutcomeTests {
    static let t = Translator(lang: .id)

    static func row(_ channel: Delivery.Channel, _ state: Delivery.State, recipient: String = "", attempts: Int = 0, next: Date? = nil,
                    code: Int? = nil, trace: String? = nil, external: String? = nil, status: MessageStatus? = nil, answer: String = "") -> Delivery {
        let d = Delivery(announcementID: UUID(), channel: channel, recipient: recipient, state: state, answer: answer, at: Date())
        d.id = UUID()
        d.attempts = attempts
        d.nextAttemptAt = next
        d.errorCode = code
        d.fbtraceID = trace
        d.externalID = external
        d.messageStatusRaw = status?.rawValue
        if state == .published { d.deliveredAt = Date() }
        return d
    }

    @Test("each outcome in words: the post link, the recipients' counts, the next try in WIB, the code with its meaning and trace, a new login")
    func outcomesInWords() throws {
        let post = ChannelOutcome(channel: .facebook, rows: [Self.row(.facebook, .published, attempts: 1, external: "1122334455_77")])
        #expect(post.status == .sent)
        let sent = DeliveryViews.details(Self.t, post).description
        #expect(sent.contains("ID kiriman Facebook: 1122334455_77") && sent.contains("href=\"https://www.facebook.com/1122334455_77\""))

        let next = CaseFixture.wib(2026, 11, 30, 14, 5)
        let later = ChannelOutcome(channel: .facebook, rows: [Self.row(.facebook, .pending, attempts: 3, next: next, code: 32, trace: "AbC32", answer: "kode 32: limit")])
        #expect(later.status == .rescheduled)
        let rescheduled = DeliveryViews.details(Self.t, later).description
        #expect(rescheduled.contains("Percobaan ke-3 belum berhasil; dicoba lagi 30 November 2026, 14.05 WIB."))
        #expect(rescheduled.contains("Terlalu banyak kiriman") && rescheduled.contains("fbtrace_id AbC32"))

        let refused = ChannelOutcome(channel: .facebook, rows: [Self.row(.facebook, .failed, attempts: 1, code: 368, trace: "Tr368", answer: "kode 368: blocked")])
        let failed = DeliveryViews.details(Self.t, refused).description
        #expect(refused.status == .failed && failed.contains("Kode 368: Meta menolak kiriman ini karena kebijakannya") && failed.contains("<small class=\"muted fbtrace\">fbtrace_id Tr368</small>"))

        let login = ChannelOutcome(channel: .facebook, rows: [Self.row(.facebook, .needsLogin, attempts: 1, code: 190)])
        #expect(login.status == .needsLogin && DeliveryViews.details(Self.t, login).description.contains("Admin perlu menyimpan token baru"))

        // WhatsApp: counts over the recipients; the channel is as far as its least advanced row.
        let wa = ChannelOutcome(channel: .whatsapp, rows: [
            Self.row(.whatsapp, .published, recipient: "+6281200000001", attempts: 1, external: "wamid.1", status: .read),
            Self.row(.whatsapp, .published, recipient: "+6281200000002", attempts: 1, external: "wamid.2", status: .delivered),
            Self.row(.whatsapp, .published, recipient: "+6281200000003", attempts: 1, external: "wamid.3", status: .sent),
            Self.row(.whatsapp, .failed, recipient: "+6281200000004", attempts: 1, code: 131026),
        ])
        #expect(wa.counts == .init(recipients: 4, sent: 3, delivered: 2, read: 1, failed: 1) && wa.status == .failed)
        let counts = DeliveryViews.details(Self.t, wa).description
        #expect(counts.contains("4 penerima: 3 terkirim · 2 sampai · 1 dibaca · 1 gagal") && counts.contains("Kode 131026: Nomor ini tidak dapat menerima pesan WhatsApp"))
        let allRead = ChannelOutcome(channel: .whatsapp, rows: [Self.row(.whatsapp, .published, recipient: "+6281200000001", attempts: 1, status: .read)])
        #expect(allRead.status == .sent)
        // A post ID that is not digits makes no link (nothing but facebook.com addresses are built).
        #expect(ChannelOutcome.postURL("1_2\"><script>") == nil && ChannelOutcome.postURL("") == nil)
    }

    @Test("Kirim ulang sekarang: only failed, needs-login and rescheduled rows; never one already sent or never tried")
    func resendableStates() {
        #expect(DeliveryPolicy.isResendable(Self.row(.facebook, .failed, attempts: 8)))
        #expect(DeliveryPolicy.isResendable(Self.row(.facebook, .needsLogin, attempts: 1)))
        #expect(DeliveryPolicy.isResendable(Self.row(.facebook, .pending, attempts: 2, next: Date())))
        #expect(!DeliveryPolicy.isResendable(Self.row(.facebook, .pending)))
        #expect(!DeliveryPolicy.isResendable(Self.row(.facebook, .published, attempts: 1, external: "1_2")))
        #expect(!DeliveryPolicy.isResendable(Self.row(.whatsapp, .notConfigured)))
        #expect(!DeliveryPolicy.isResendable(Self.row(.website, .published)))
    }

    /// A case run through all nine steps, published to `channels`.
    static func closedCase(_ f: CaseFixture, channels: [String] = ["website"]) async throws -> UUID {
        let caseID = try await f.submit("Data curah hujan \(UUID().uuidString.prefix(4))").id
        for step in 1...9 {
            var payload: [String: Any] = step == 7 ? ["decision": "ya"] : [:]
            if step == 9 { payload["channels"] = channels }
            let done = try await f.complete(caseID, step: step, as: CaseFixture.executor[step]!, payload)
            #expect(done.status == .created, "step \(step): \(done.body.string)")
        }
        return caseID
    }

    static func announcementID(_ app: Application, _ caseID: UUID) async throws -> UUID {
        try #require(try await Announcement.query(on: app.db).filter(\.$caseRecord.$id == caseID).first()).requireID()
    }

    /// A row as the case's announcement holds it, written straight to the database.
    static func add(_ app: Application, _ caseID: UUID, _ row: Delivery) async throws -> Delivery {
        row.id = nil
        row.$announcement.id = try await announcementID(app, caseID)
        try await row.create(on: app.db)
        return row
    }

    @Test("resend: every role; the kabid and the admin see the button and may press it (logged), the others get 403 and nothing changes", arguments: TestDatabase.all)
    func resendByRole(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let caseID = try await Self.closedCase(f)
            let failed = try await Self.add(app, caseID, Self.row(.facebook, .failed, attempts: 8, code: 100, trace: "Tr100", answer: "kode 100: bad"))
            let id = try failed.requireID()
            for name in ["produsen", "administrasi", "pengelola_ti", "kasi", "kepala_dinas", "kabid", "admin"] {
                let browser = TestBrowser(app)
                try await browser.login(name.replacingOccurrences(of: "_", with: ""))
                let page = try await browser.get("/cases/\(caseID)").body.string
                let allowed = ["kabid", "admin"].contains(name)
                #expect(page.contains("id=\"resend-\(id.uuidString)\"") == allowed, "\(name): the button shows exactly when allowed")
                #expect(page.contains("Kode 100") && page.contains("fbtrace_id Tr100"), "\(name) reads why")
                // Put the row back as it was, so each role meets the same failed delivery.
                try await Delivery.query(on: app.db).filter(\.$id == id).set(\.$stateRaw, to: "failed").set(\.$nextAttemptAt, to: nil).update()
                let before = try #require(try await Delivery.find(id, on: app.db))
                let response = try await browser.post("/cases/\(caseID)/deliveries/\(id)/resend", [])
                let after = try #require(try await Delivery.find(id, on: app.db))
                if allowed {
                    #expect(response.status == .seeOther, "\(name)")
                    #expect(after.state == .pending && after.nextAttemptAt != nil && after.attempts == 8 && after.externalID == nil)
                } else {
                    #expect(response.status == .forbidden, "\(name)")
                    #expect(after.stateRaw == before.stateRaw && after.nextAttemptAt == before.nextAttemptAt && after.updatedAt == before.updatedAt)
                }
            }
            let logged = try await EventRecord.query(on: app.db).filter(\.$action == "delivery.resend").all()
            #expect(logged.count == 2)
            // The API: the same policy.
            try await Delivery.query(on: app.db).filter(\.$id == id).set(\.$stateRaw, to: "failed").update()
            #expect(try await f.send(.POST, "/api/v1/cases/\(caseID)/deliveries/\(id)/resend", as: "kasi").status == .forbidden)
            let api = try await f.send(.POST, "/api/v1/cases/\(caseID)/deliveries/\(id)/resend", as: "kabid")
            #expect(api.status == .ok, "\(api.body.string)")
            let out = try api.content.decode(PublicationAPI.AnnouncementOut.self)
            #expect(out.deliveries.first { $0.id == id }?.state == "pending")
            // Another case's path does not reach this delivery.
            let other = try await Self.closedCase(f)
            #expect(try await f.send(.POST, "/api/v1/cases/\(other)/deliveries/\(id)/resend", as: "admin").status == .notFound)
        }
    }

    @Test("resend refuses a delivery already sent and one never tried: 403, nothing changed, nothing logged", arguments: TestDatabase.all)
    func resendRefusesSent(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let caseID = try await Self.closedCase(f)
            let sent = try await Self.add(app, caseID, Self.row(.facebook, .published, attempts: 1, external: "1122334455_9"))
            let fresh = try await Self.add(app, caseID, Self.row(.whatsapp, .pending, recipient: "+6281200000001"))
            for row in [sent, fresh] {
                let id = try row.requireID()
                let response = try await f.send(.POST, "/api/v1/cases/\(caseID)/deliveries/\(id)/resend", as: "admin")
                #expect(response.status == .forbidden)
                let after = try #require(try await Delivery.find(id, on: app.db))
                #expect(after.stateRaw == row.stateRaw && after.nextAttemptAt == row.nextAttemptAt && after.externalID == row.externalID)
            }
            #expect(try await f.send(.POST, "/api/v1/cases/\(caseID)/deliveries/\(sent.id!)/resend", as: "admin").body.string.contains("sudah terkirim"))
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "delivery.resend").count() == 0)
            let page = TestBrowser(app)
            try await page.login("kabid")
            #expect(!(try await page.get("/cases/\(caseID)").body.string.contains("id=\"resend-")), "no button for a sent or fresh row")
        }
    }

    @Test("notices: the kabid once per failed channel, the admin once per token needing login, even after a resend fails again", arguments: TestDatabase.all)
    func noticesOnce(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fake = try await FakeGraphServer()
            defer { Task { await fake.shutdown() } }
            let f = try await CaseFixture(app)
            try await ChannelSettings.save([
                .facebookPageID: "1122334455", .facebookToken: "EAAG-token-halaman", .facebookBaseURL: fake.baseURL,
                .whatsappPhoneNumberID: "5566778899", .whatsappToken: "EAAG-token-wa", .whatsappTemplate: "pengumuman_data", .whatsappBaseURL: fake.baseURL,
            ], on: app.db, box: app.secretBox)
            try await WhatsAppRecipient(name: "Camat", phone: try PhoneNumber("081211112222"), organizationID: nil, optInAt: Date(), optInMethod: "formulir", at: Date()).create(on: app.db)
            var sender = DeliverySender(app: app)
            sender.random = { 0 }

            let fbCase = try await Self.closedCase(f, channels: ["website", "facebook"])
            fake.script(.error(status: 400, code: 100))
            #expect(try await sender.runOnce() == 1)
            let waCase = try await Self.closedCase(f, channels: ["whatsapp"])
            fake.script(.error(status: 401, code: 190))
            #expect(try await sender.runOnce() == 1)

            func notices(_ kind: UserNotification.Kind) async throws -> [UserNotification] {
                try await UserNotification.query(on: app.db).filter(\.$kindRaw == kind.rawValue).all()
            }
            let kabid = try f.users["kabid"]!.requireID(), admin = try f.users["admin"]!.requireID()
            #expect(try await notices(.facebookFailed).map(\.$user.id) == [kabid])
            #expect(try await notices(.facebookFailed).first?.$caseRecord.id == fbCase)
            #expect(try await notices(.whatsappLogin).map(\.$user.id) == [admin])
            #expect(try await notices(.whatsappLogin).first?.$caseRecord.id == waCase)

            // Resent, refused again: still one notice.
            let row = try #require(try await Delivery.query(on: app.db).filter(\.$channelRaw == "facebook").first())
            try await DeliveryResend.resend(row.requireID(), caseID: fbCase, by: f.users["kabid"]!, on: app.db)
            fake.script(.error(status: 400, code: 100))
            #expect(try await sender.runOnce() == 1)
            #expect(try await Delivery.find(row.id, on: app.db)?.state == .failed)
            #expect(try await notices(.facebookFailed).count == 1)
            #expect(try await DeliveryNotices.raise(for: try #require(try await Delivery.find(row.id, on: app.db)), on: app.db) == 0)

            // Shown on /notifications with the case's link; the home page lists the channels.
            let browser = TestBrowser(app)
            try await browser.login("kabid")
            let page = try await browser.get("/notifications").body.string
            #expect(page.contains("Pengumuman gagal dikirim ke Facebook") && page.contains("/cases/\(fbCase)#announcement"))
            let home = try await browser.get("/").body.string
            #expect(home.contains("id=\"delivery-attention\"") && home.contains("/cases/\(fbCase)#announcement") && home.contains("/cases/\(waCase)#announcement"))
            // …and so does the kabid's Tugas saya.
            let tasks = try await browser.get("/tasks").body.string
            #expect(tasks.contains("id=\"delivery-attention\"") && tasks.contains("/cases/\(fbCase)#announcement"))
            let officer = TestBrowser(app)
            try await officer.login("kasi")
            #expect(!(try await officer.get("/").body.string.contains("delivery-attention")))
            #expect(!(try await officer.get("/tasks").body.string.contains("delivery-attention")))
        }
    }

    @Test("the final report prints each channel's outcome in Indonesian, with complete addresses from a base URL ending in /", arguments: TestDatabase.all)
    func finalReportOutcomes(_ db: TestDatabase) async throws {
        try await withTestApp(db, baseURL: "https://data.mentawaikab.go.id/") { app in
            let f = try await CaseFixture(app)
            let caseID = try await Self.closedCase(f)
            _ = try await Self.add(app, caseID, Self.row(.facebook, .published, attempts: 1, external: "1122334455_42"))
            for (i, status) in [MessageStatus.read, .delivered, .sent].enumerated() {
                _ = try await Self.add(app, caseID, Self.row(.whatsapp, .published, recipient: "+62812000000\(i)", attempts: 1, status: status))
            }
            _ = try await Self.add(app, caseID, Self.row(.whatsapp, .failed, recipient: "+6281200000009", attempts: 1, code: 131026))
            let english = TestBrowser(app)
            try await english.login("kabid")
            _ = try await english.post("/account/language", [("language", "en")])
            let print = try await english.get("/cases/\(caseID)/final-report").body.string
            #expect(print.contains("ID kiriman Facebook: 1122334455_42"))
            #expect(print.contains("4 penerima: 3 terkirim · 2 sampai · 1 dibaca · 1 gagal"))
            #expect(print.contains("Kode 131026: Nomor ini tidak dapat menerima pesan WhatsApp"))
            #expect(print.contains("Keadaan pengiriman per"))
            let announcement = try await Self.announcementID(app, caseID)
            #expect(print.contains("https://data.mentawaikab.go.id/publik/pengumuman/\(announcement)") && !print.contains(".go.id//"))
            // The issued parts stay as issued: the signer kept at publication, whoever prints later.
            let issued = try #require(try await Announcement.find(announcement, on: app.db)?.finalReport)
            #expect(print.contains(issued.signer.name))
        }
    }

    /// A PNG's signature, header chunk and end chunk: what `ImageHeader` reads, of any size.
    static func png(width: Int, height: Int, padding: Int = 0) -> [UInt8] {
        func be(_ n: Int) -> [UInt8] { [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }
        let ihdr = be(13) + Array("IHDR".utf8) + be(width) + be(height) + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
        let pad = padding > 0 ? be(padding) + Array("tEXt".utf8) + [UInt8](repeating: 0x20, count: padding) + [0, 0, 0, 0] : []
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + ihdr + pad + be(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }

    @Test("share image: too small, not a picture, too big or empty are refused in words and change nothing; a good one is used with its hash; the default comes back", arguments: TestDatabase.all)
    func shareImageUpload(_ db: TestDatabase) async throws {
        try await withTestApp(db, baseURL: "https://data.mentawaikab.go.id") { app in
            let f = try await CaseFixture(app)
            let caseID = try await Self.closedCase(f)
            let announcement = try await Self.announcementID(app, caseID)
            let admin = TestBrowser(app)
            try await admin.login("admin")
            let file = ShareImage.path(dataDirectory: app.walidata.dataDirectory)

            func upload(_ bytes: [UInt8], type: String = "image/png") async throws -> TestingHTTPResponse {
                _ = try await admin.get("/admin/channels")
                let boundary = "----walidata-share"
                var body = ByteBuffer()
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(admin.csrf ?? "")\r\n")
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"image\"; filename=\"kartu.png\"\r\nContent-Type: \(type)\r\n\r\n")
                body.writeBytes(bytes)
                body.writeString("\r\n--\(boundary)--\r\n")
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                return try await admin.send(.POST, "/admin/channels/share-image", headers: headers, body: body)
            }

            let good = Self.png(width: 1200, height: 630)
            #expect(try await upload(good).status == .seeOther)
            let hash = try #require(try await Setting.get(ShareImage.settingKey, on: app.db))
            #expect(FileManager.default.contents(atPath: file) == Data(good))

            let small = try await upload(Self.png(width: 600, height: 315))
            #expect(small.status == .unprocessableEntity && small.body.string.contains("600 × 315 piksel terlalu kecil"))
            let text = try await upload(Array("bukan gambar".utf8))
            #expect(text.status == .unprocessableEntity && text.body.string.contains("bukan gambar PNG atau JPEG"))
            let huge = try await upload(Self.png(width: 1200, height: 630, padding: ShareImage.maxBytes))
            #expect(huge.status == .payloadTooLarge && huge.body.string.contains("terlalu besar"))
            let empty = try await upload([])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Pilih berkas gambar"))
            #expect(try await Setting.get(ShareImage.settingKey, on: app.db) == hash, "the picture in use stays")
            #expect(FileManager.default.contents(atPath: file) == Data(good))

            let page = try await TestBrowser(app).get("/publik/pengumuman/\(announcement)").body.string
            #expect(page.contains("<meta property=\"og:image\" content=\"https://data.mentawaikab.go.id/publik/share.png?v=\(hash.prefix(16))\">"))
            let served = try await TestBrowser(app).get("/publik/share.png?v=\(hash.prefix(16))")
            #expect(Array(served.body.readableBytesView) == good && served.headers.first(name: .cacheControl)?.contains("immutable") == true)

            _ = try await admin.get("/admin/channels")
            #expect(try await admin.post("/admin/channels/share-image/remove", []).status == .seeOther)
            #expect(try await Setting.get(ShareImage.settingKey, on: app.db) == nil && !FileManager.default.fileExists(atPath: file))
            let back = try await TestBrowser(app).get("/publik/pengumuman/\(announcement)").body.string
            #expect(back.contains("content=\"https://data.mentawaikab.go.id/publik/share.png\""))
            #expect(Array(try await TestBrowser(app).get("/publik/share.png").body.readableBytesView) == Array(ShareImage.bytes))
        }
    }
}
