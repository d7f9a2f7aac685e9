import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Cases: step 9, the announcement published on the portal, its deliveries and the final report")
struct PublicationTests {
    struct Walked {
        var id: UUID
        var open: Dataset
        var restricted: Dataset
    }

    /// A case with two datasets, one terbuka and one terbatas, each with a CSV stored for it,
    /// walked through steps 1–8 (`through` lets a test stop earlier).
    static func walk(_ f: CaseFixture, through last: Int = 8) async throws -> Walked {
        let id = try await CaseDataTests.caseAtStep3(f, kind: "simpan_baru", title: "Data kependudukan 2026")
        let officer = f.users["pengelola_ti"]!
        let open = try await f.app.makeDataset("Jumlah penduduk per kecamatan", organization: f.organization, by: officer)
        let restricted = try await f.app.makeDataset("Data gizi buruk per desa", organization: f.organization, by: officer)
        restricted.access = Dataset.Access.terbatas.rawValue
        for dataset in [open, restricted] {
            // Step 9 names only datasets whose Satu Data metadata is complete.
            (dataset.topic, dataset.source, dataset.unit, dataset.period) = ("Kependudukan", "Dinas Dukcapil", "jiwa", "2026")
            try await dataset.save(on: f.app.db)
        }
        for dataset in [open, restricted] {
            try await CaseDataset(caseID: id, datasetID: dataset.requireID()).create(on: f.app.db)
        }
        let browser = TestBrowser(f.app)
        try await browser.login("pengelolati")
        for dataset in [open, restricted] {
            _ = try await browser.get("/cases/\(id)")
            #expect(try await CaseDataTests.upload(browser, caseID: id, slug: dataset.slug, filename: "data.csv", bytes: CaseDataTests.good).status == .seeOther)
        }
        for step in 3...last {
            let payload: [String: Any] = step == 3 ? ["ownData": true] : step == 7 ? ["decision": "ya"] : [:]
            #expect(try await f.complete(id, step: step, as: CaseFixture.executor[step]!, payload).status == .created, "step \(step)")
        }
        let reloaded = try #require(try await Dataset.find(open.id, on: f.app.db))
        let reloadedRestricted = try #require(try await Dataset.find(restricted.id, on: f.app.db))
        return Walked(id: id, open: reloaded, restricted: reloadedRestricted)
    }

    static func deliveries(_ app: Application) async throws -> [String: String] {
        Dictionary(try await Delivery.query(on: app.db).all().map { ($0.channelRaw, $0.stateRaw) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("kabid saves a draft on the case page (not public), publishes it by completing step 9; portal shows it escaped with only terbuka data; frozen afterwards; final report prints", arguments: TestDatabase.all)
    func publishThroughThePage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let kabidUser = f.users["kabid"]!
            kabidUser.nip = "197801012005011003"
            try await kabidUser.save(on: app.db)
            let w = try await Self.walk(f)
            let kabid = TestBrowser(app)
            try await kabid.login("kabid")
            let page = try await kabid.get("/cases/\(w.id)").body.string
            #expect(page.contains("id=\"announcement-fields\""))
            #expect(page.contains("id=\"channel-website\" checked"))
            #expect(!page.contains("id=\"channel-whatsapp\" checked"))
            #expect(page.contains("value=\"\(w.open.id!.uuidString)\" checked") && page.contains("value=\"\(w.restricted.id!.uuidString)\" checked"))

            let title = "Data penduduk <script>alert('x')</script> terbit"
            let body = "Data penduduk 2026 sudah tersedia.\n\n<img src=x onerror=alert(1)> & unduh di portal."
            let form: [(String, String)] = [
                ("title", title), ("body", body), ("datasetIDs[]", ""), ("datasetIDs[]", w.open.id!.uuidString), ("datasetIDs[]", w.restricted.id!.uuidString),
                ("channels[]", ""), ("channels[]", "website"), ("channels[]", "whatsapp"), ("channels[]", "facebook"),
            ]
            #expect(try await kabid.post("/cases/\(w.id)/announcement", form).status == .seeOther)
            let draftPage = try await kabid.get("/cases/\(w.id)").body.string
            #expect(draftPage.contains("id=\"channel-whatsapp\" checked"))
            #expect(draftPage.contains("id=\"announcement-saved\""))
            let draft = try #require(try await PublicationStore.announcement(of: w.id, on: app.db))
            #expect(draft.title == title && !draft.published)

            // A draft is not public.
            let visitor = TestBrowser(app)
            #expect(!(try await visitor.get("/publik").body.string.contains("Data penduduk &lt;script")))
            #expect(try await visitor.get("/publik/pengumuman/\(draft.id!)").status == .notFound)
            let none = try await app.testing().sendRequest(.GET, "/api/v1/public/announcements")
            #expect(try none.content.decode(PublicationAPI.PublicList.self).count == 0)

            // Publishing from the page with no channel ticked is refused; the typed text is kept as the draft.
            _ = try await kabid.get("/cases/\(w.id)")
            let noChannel = form.filter { $0.0 != "channels[]" } + [("channels[]", ""), ("note", "")]
            let refused = try await kabid.post("/cases/\(w.id)/steps/9/complete", noChannel.map { $0.0 == "body" ? ($0.0, "Teks baru yang panjang.") : $0 })
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("media penayangan"))
            let kept = try #require(try await PublicationStore.announcement(of: w.id, on: app.db))
            #expect(kept.body == "Teks baru yang panjang." && kept.channels.isEmpty && !kept.published)
            #expect(try await Delivery.query(on: app.db).count() == 0)
            #expect(try await f.read(w.id).currentStep?.step == 9)

            _ = try await kabid.get("/cases/\(w.id)")
            #expect(try await kabid.post("/cases/\(w.id)/steps/9/complete", form + [("note", "")]).status == .seeOther)
            let record = try #require(try await Case.find(w.id, on: app.db))
            #expect(record.state == .closed)
            let published = try #require(try await PublicationStore.announcement(of: w.id, on: app.db))
            #expect(published.published && published.publishedBy == kabidUser.id)
            #expect(try await Self.deliveries(app) == ["website": "published", "whatsapp": "not_configured", "facebook": "not_configured"])
            let events = try await EventRecord.query(on: app.db).filter(\.$action == "announcement.publish").all()
            #expect(events.count == 1 && events.first?.detail("case") == w.id.uuidString)
            #expect(events.first?.detail("channels") == "website,whatsapp,facebook")
            #expect(try await EventLog.verify(on: app.db).breaks.isEmpty)

            // The case page: the announcement card with each channel's state, the final report link.
            let closed = try await kabid.get("/cases/\(w.id)").body.string
            #expect(closed.contains("id=\"final-report-link\""))
            #expect(closed.contains("id=\"delivery-whatsapp\"") && closed.contains("Belum dikonfigurasi"))
            #expect(!closed.contains("<script>alert('x')"))

            // Public pages: escaped, only the terbuka dataset.
            let home = try await visitor.get("/publik")
            #expect(home.status == .ok)
            let homeText = home.body.string
            #expect(homeText.contains("Data penduduk &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; terbit") || homeText.contains("Data penduduk &lt;script&gt;alert("))
            #expect(!homeText.contains("<script>") && !homeText.contains("<img src=x"))
            #expect(homeText.contains(w.open.title) && !homeText.contains(w.restricted.title))
            #expect(homeText.contains("id=\"nav-login\""))
            let item = try await visitor.get("/publik/pengumuman/\(published.id!)")
            #expect(item.status == .ok)
            let itemText = item.body.string
            #expect(itemText.contains("&lt;img src=x onerror=alert(1)&gt; &amp; unduh"))
            #expect(!itemText.contains("<img src=x") && !itemText.contains("<script>alert"))
            #expect(itemText.contains("/publik/data/\(w.open.slug)") && !itemText.contains(w.restricted.slug) && !itemText.contains(w.restricted.title))
            let list = try await visitor.get("/publik/data").body.string
            #expect(list.contains(w.open.title) && !list.contains(w.restricted.title))
            let openPage = try await visitor.get("/publik/data/\(w.open.slug)")
            #expect(openPage.status == .ok && openPage.body.string.contains("data-excel.csv"))
            let csv = try await visitor.get("/publik/data/\(w.open.slug)/data.csv")
            #expect(csv.status == .ok && csv.body.string.contains("Siberut Utara"))
            let excel = try await visitor.get("/publik/data/\(w.open.slug)/data-excel.csv")
            #expect(excel.status == .ok && excel.body.readableBytesView.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(try await visitor.get("/publik/data/\(w.restricted.slug)").status == .notFound)
            #expect(try await visitor.get("/publik/data/\(w.restricted.slug)/data.csv").status == .notFound)
            #expect(try await visitor.get("/publik/data/\(w.open.slug)/rahasia.txt").status == .notFound)
            let api = try await app.testing().sendRequest(.GET, "/api/v1/public/announcements")
            let items = try api.content.decode(PublicationAPI.PublicList.self).items
            #expect(items.count == 1 && items[0].title == title && items[0].datasets.map(\.slug) == [w.open.slug])

            // Frozen once published.
            _ = try await kabid.get("/cases/\(w.id)")
            #expect(try await kabid.post("/cases/\(w.id)/announcement", [("title", "diubah")]).status == .conflict)
            let put = try await f.send(.PUT, "/api/v1/cases/\(w.id)/announcement", as: "kabid", json: ["title": "diubah"])
            #expect(put.status == .conflict)
            #expect(try await PublicationStore.announcement(of: w.id, on: app.db)?.title == title)

            // The output of step 9.
            let print = try await kabid.get("/cases/\(w.id)/final-report")
            #expect(print.status == .ok)
            let text = print.body.string
            #expect(text.contains("Laporan Akhir Penyelesaian Pekerjaan") && text.contains(record.number))
            #expect(text.contains("Kabid Komunikasi") && text.contains(kabidUser.fullName) && text.contains("NIP. 197801012005011003"))
            #expect(text.contains("id=\"print-delivery-website\"") && text.contains("id=\"print-delivery-facebook\"") && text.contains("Belum dikonfigurasi"))
            #expect(text.contains("tidak ditayangkan (akses tidak terbuka)"))
            #expect(!text.contains("<script>alert('x')") && text.contains("&lt;script&gt;"))

            // A terbuka dataset moved to the trash leaves the portal.
            let trashed = try #require(try await Dataset.find(w.open.id, on: app.db))
            trashed.deletedAt = Date()
            try await trashed.save(on: app.db)
            #expect(try await visitor.get("/publik/data/\(w.open.slug)").status == .notFound)
            #expect(try await visitor.get("/publik/data/\(w.open.slug)/data.csv").status == .notFound)
            #expect(!(try await visitor.get("/publik/pengumuman/\(published.id!)").body.string.contains(w.open.slug)))
        }
    }

    @Test("API: draft saved and read; kasi and pengelola_ti may not publish; empty title, empty text or no channel is 422 and nothing is published; kabid publishes", arguments: TestDatabase.all)
    func publishThroughTheAPI(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let w = try await Self.walk(f)
            let proposed = try await f.send(.GET, "/api/v1/cases/\(w.id)/announcement", as: "kabid")
            #expect(proposed.status == .ok)
            let proposal = try proposed.content.decode(PublicationAPI.AnnouncementOut.self)
            #expect(!proposal.saved && proposal.channels == ["website"] && Set(proposal.datasetIDs) == Set([w.open.id!, w.restricted.id!]))
            #expect(try await f.send(.PUT, "/api/v1/cases/\(w.id)/announcement", as: "kasi", json: ["title": "x"]).status == .forbidden)
            #expect(try await f.send(.PUT, "/api/v1/cases/\(w.id)/announcement", as: "kabid", json: ["channels": ["telegram"]]).status == .unprocessableEntity)
            #expect(try await f.send(.PUT, "/api/v1/cases/\(w.id)/announcement", as: "kabid", json: ["datasetIDs": [UUID().uuidString]]).status == .unprocessableEntity)

            let saved = try await f.send(.PUT, "/api/v1/cases/\(w.id)/announcement", as: "kabid", json: ["title": "", "body": "Data sudah terbit.", "channels": ["website", "whatsapp"], "datasetIDs": [w.open.id!.uuidString]])
            #expect(saved.status == .ok)
            let draft = try saved.content.decode(PublicationAPI.AnnouncementOut.self)
            #expect(draft.saved && draft.state == "draft" && draft.channels == ["website", "whatsapp"] && draft.datasetIDs == [w.open.id!])

            #expect(try await f.complete(w.id, step: 9, as: "kasi").status == .forbidden)
            #expect(try await f.complete(w.id, step: 9, as: "pengelola_ti").status == .forbidden)
            #expect(try await f.complete(w.id, step: 9, as: "admin", ["ownAnnouncement": true]).status == .unprocessableEntity)
            let noTitle = try await f.complete(w.id, step: 9, as: "kabid", ["ownAnnouncement": true])
            #expect(noTitle.status == .unprocessableEntity)
            #expect(try noTitle.content.decode(APIErrorBody.self).error.message.contains("judul"))
            #expect(try await f.send(.PUT, "/api/v1/cases/\(w.id)/announcement", as: "kabid", json: ["title": "Data penduduk terbit", "channels": []]).status == .ok)
            let noChannel = try await f.complete(w.id, step: 9, as: "kabid", ["ownAnnouncement": true])
            #expect(noChannel.status == .unprocessableEntity)
            #expect(try noChannel.content.decode(APIErrorBody.self).error.message.contains("media"))
            #expect(try await f.complete(w.id, step: 9, as: "kabid", ["ownAnnouncement": true, "body": "  "]).status == .unprocessableEntity)
            // Nothing was published by the refusals, and step 9 is still open.
            #expect(try await Delivery.query(on: app.db).count() == 0)
            #expect(try await PublicationStore.announcement(of: w.id, on: app.db)?.published == false)
            #expect(try await PublicationStore.announcement(of: w.id, on: app.db)?.body == "Data sudah terbit.")
            #expect(try await f.read(w.id).currentStep?.step == 9)
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "announcement.publish").count() == 0)

            let done = try await f.complete(w.id, step: 9, as: "kabid", ["ownAnnouncement": true, "channels": ["website", "facebook"]])
            #expect(done.status == .created)
            #expect(try done.content.decode(CaseAPI.CaseOut.self).state == "closed")
            #expect(try await Self.deliveries(app) == ["website": "published", "facebook": "not_configured"])
            let read = try await f.send(.GET, "/api/v1/cases/\(w.id)/announcement", as: "kasi").content.decode(PublicationAPI.AnnouncementOut.self)
            #expect(read.state == "published" && read.deliveries.map(\.state) == ["published", "not_configured"])
            #expect(read.deliveries.first?.answer == "/publik/pengumuman/\(read.id!)")
            #expect(try await f.complete(w.id, step: 9, as: "kabid").status == .conflict)
            let list = try await app.testing().sendRequest(.GET, "/api/v1/public/announcements").content.decode(PublicationAPI.PublicList.self)
            #expect(list.items.map(\.title) == ["Data penduduk terbit"])
        }
    }

    @Test("before step 9: no announcement to read, saving it is 409 and publishing is 409, nothing is written; no final report", arguments: TestDatabase.all)
    func outOfOrder(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let w = try await Self.walk(f, through: 7)
            #expect(try await f.send(.GET, "/api/v1/cases/\(w.id)/announcement", as: "kabid").status == .conflict, "before step 9: 409, the case exists")
            let put = try await f.send(.PUT, "/api/v1/cases/\(w.id)/announcement", as: "kabid", json: ["title": "Terlalu cepat", "body": "x"])
            #expect(put.status == .conflict)
            #expect(try put.content.decode(APIErrorBody.self).error.message.contains("langkah 9"))
            let kabid = TestBrowser(app)
            try await kabid.login("kabid")
            let page = try await kabid.get("/cases/\(w.id)").body.string
            #expect(!page.contains("announcement-fields"))
            #expect(try await kabid.post("/cases/\(w.id)/announcement", [("title", "Terlalu cepat")]).status == .conflict)
            #expect(try await f.complete(w.id, step: 9, as: "kabid", ["title": "Terlalu cepat", "body": "x", "channels": ["website"]]).status == .conflict)
            #expect(try await Announcement.query(on: app.db).count() == 0)
            #expect(try await Delivery.query(on: app.db).count() == 0)
            #expect(try await kabid.get("/cases/\(w.id)/final-report").status == .notFound)
            #expect(try await f.read(w.id).currentStep?.step == 8)
        }
    }
}
