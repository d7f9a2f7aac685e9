import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Late steps: notifications")
struct NotificationTests {
    /// Monday 2 June 2025, 09:00 WIB: a working day with no holiday, in the past, so a step
    /// opened then is late now too (the page measures lateness against the real clock).
    static let monday = CaseFixture.wib(2025, 6, 2, 9, 0)
    /// Step 1 (30 menit) opened at 09:00 is due at 09:30.
    static let afterDue = CaseFixture.wib(2025, 6, 2, 9, 31)

    static func count(_ app: Application, _ user: User) async throws -> Int {
        try await UserNotification.query(on: app.db).filter(\.$user.$id == user.requireID()).count()
    }

    @Test("a step past due notifies each active kasi and kabid once, however often the scan runs; no produsen, no inactive account", arguments: TestDatabase.all)
    func lateStepNotifiesSupervisorsOnce(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let retired = try await app.makeUser("kasilama", role: .kasi, active: false)
            let record = try await CaseStore.create(f.newCase(), by: f.users["administrasi"]!, at: Self.monday, on: app.db)

            #expect(try await LateSteps.notify(at: CaseFixture.wib(2025, 6, 2, 9, 30), on: app.db) == 0, "due at 09:30 is not late at 09:30")
            #expect(try await LateSteps.notify(at: Self.afterDue, on: app.db) == 2)
            #expect(try await LateSteps.notify(at: Self.afterDue.addingTimeInterval(60), on: app.db) == 0)
            #expect(try await LateSteps.notify(at: CaseFixture.wib(2025, 6, 3, 9, 0), on: app.db) == 0)

            for name in ["kasi", "kabid"] { #expect(try await Self.count(app, f.users[name]!) == 1, "\(name)") }
            for name in ["produsen", "administrasi", "pengelola_ti", "kepala_dinas", "admin"] { #expect(try await Self.count(app, f.users[name]!) == 0, "\(name)") }
            #expect(try await Self.count(app, retired) == 0)

            let notice = try #require(try await UserNotification.query(on: app.db).filter(\.$user.$id == f.users["kasi"]!.requireID()).first())
            #expect(notice.kind == .stepLate)
            #expect(notice.caseNumber == record.number)
            #expect(notice.step == 1 && notice.round == 1)
            #expect(notice.dueAt == CaseFixture.wib(2025, 6, 2, 9, 30))
            #expect(notice.createdAt == Self.afterDue)
            #expect(notice.readAt == nil)
        }
    }

    @Test("scans running at the same moment create one notification per person and step between them", arguments: TestDatabase.all)
    func concurrentScansNotifyOnce(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            for i in 0..<3 {
                _ = try await CaseStore.create(f.newCase("Data \(i)"), by: f.users["administrasi"]!, at: Self.monday, on: app.db)
            }
            let loops = Array(app.eventLoopGroup.makeIterator())
            let logger = app.logger
            let databases = (0..<4).map { app.databases.database(logger: logger, on: loops[$0 % loops.count])! }
            let created = try await withThrowingTaskGroup(of: Int.self) { group in
                for database in databases {
                    group.addTask { try await LateSteps.notify(at: Self.afterDue, on: database) }
                }
                return try await group.reduce(0, +)
            }
            #expect(created == 6, "3 late steps × (kasi, kabid), each created by exactly one scan")
            #expect(try await UserNotification.query(on: app.db).count() == 6)
            #expect(try await Self.count(app, f.users["kasi"]!) == 3)
            #expect(try await Self.count(app, f.users["kabid"]!) == 3)
        }
    }

    @Test("a step completed before its due instant notifies nobody; the next step, left open past due, does", arguments: TestDatabase.all)
    func completedInTimeIsNotNotified(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let record = try await CaseStore.create(f.newCase(), by: f.users["administrasi"]!, at: Self.monday, on: app.db)
            try await CaseStore.complete(
                caseID: record.requireID(), step: 1, by: f.users["administrasi"]!, output: .init(checklist: Checklist.standard.required),
                at: CaseFixture.wib(2025, 6, 2, 9, 20), on: app.db)
            // Step 2 (1 jam) opened 09:20 is due 10:20.
            #expect(try await LateSteps.notify(at: CaseFixture.wib(2025, 6, 2, 10, 0), on: app.db) == 0)
            #expect(try await UserNotification.query(on: app.db).count() == 0)
            #expect(try await LateSteps.notify(at: CaseFixture.wib(2025, 6, 2, 10, 21), on: app.db) == 2)
            #expect(try await UserNotification.query(on: app.db).all().allSatisfy { $0.step == 2 })
        }
    }

    @Test("the header shows the unread count; marking one and then all read lowers it", arguments: TestDatabase.all)
    func unreadCountInHeader(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            for i in 0..<2 {
                _ = try await CaseStore.create(f.newCase("Data \(i)"), by: f.users["administrasi"]!, at: Self.monday, on: app.db)
            }
            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            let before = try await kasi.get("/").body.string
            #expect(before.contains("id=\"nav-notifications\""))
            #expect(!before.contains("id=\"unread-count\""), "nothing to count yet")

            try await LateSteps.notify(at: Self.afterDue, on: app.db)
            let home = try await kasi.get("/").body.string
            #expect(home.contains("id=\"unread-count\" title=\"2 belum dibaca\">2</span>"))

            let page = try await kasi.get("/notifications")
            #expect(page.status == .ok)
            let ids = try await UserNotification.query(on: app.db).filter(\.$user.$id == f.users["kasi"]!.requireID()).all().map { $0.id! }
            let marked = try await kasi.post("/notifications/\(ids[0])/read", [])
            #expect(marked.status == .seeOther)
            #expect(marked.headers.first(name: .location) == "/notifications")
            let after = try await kasi.get("/notifications").body.string
            #expect(after.contains("title=\"1 belum dibaca\">1</span>"))
            #expect(try await UserNotification.find(ids[0], on: app.db)?.readAt != nil)
            #expect(try await UserNotification.find(ids[1], on: app.db)?.readAt == nil)

            #expect(try await kasi.post("/notifications/read-all", []).status == .seeOther)
            let done = try await kasi.get("/notifications").body.string
            #expect(!done.contains("id=\"unread-count\""))
            #expect(done.contains("1 notifikasi ditandai sudah dibaca."))
            #expect(try await UserNotification.query(on: app.db).filter(\.$readAt == nil).count() == 2, "the kabid's two are still unread")
        }
    }

    @Test("the page lists the user's own notifications newest first, with the case link, the step and how late in working time", arguments: TestDatabase.all)
    func pageListsOwnNotifications(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let first = try await CaseStore.create(f.newCase("Data pertama"), by: f.users["administrasi"]!, at: Self.monday, on: app.db)
            try await LateSteps.notify(at: Self.afterDue, on: app.db)
            let second = try await CaseStore.create(f.newCase("Data kedua"), by: f.users["administrasi"]!, at: CaseFixture.wib(2025, 6, 3, 9, 0), on: app.db)
            try await CaseStore.complete(
                caseID: first.requireID(), step: 1, by: f.users["administrasi"]!, output: .init(checklist: Checklist.standard.required),
                at: CaseFixture.wib(2025, 6, 2, 10, 40), on: app.db)
            try await LateSteps.notify(at: CaseFixture.wib(2025, 6, 3, 9, 31), on: app.db)

            let kabid = TestBrowser(app)
            try await kabid.login("kabid")
            let body = try await kabid.get("/notifications").body.string
            let newer = try #require(body.range(of: second.number))
            let older = try #require(body.range(of: first.number))
            #expect(newer.lowerBound < older.lowerBound, "newest first")
            #expect(body.contains("href=\"/cases/\(try second.requireID())\""))
            #expect(body.contains("Langkah 1: Menyampaikan informasi"))
            // The first case's step 1 was done at 10:40, 70 working minutes after its 09:30 deadline.
            #expect(body.contains("terlambat 1 jam 10 menit waktu kerja"))
            #expect(body.contains("Belum diselesaikan: terlambat"))
            #expect(body.contains("Tandai sudah dibaca"))
            #expect(body.contains("Tandai semua sudah dibaca"))

            let produsen = TestBrowser(app)
            try await produsen.login("produsen")
            let empty = try await produsen.get("/notifications").body.string
            #expect(empty.contains("id=\"no-notifications\""))
            #expect(!empty.contains(first.number))
        }
    }

    @Test("another user's notification is not found, on the page and in the API, and stays unread", arguments: TestDatabase.all)
    func othersNotificationIsNotFound(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            _ = try await CaseStore.create(f.newCase(), by: f.users["administrasi"]!, at: Self.monday, on: app.db)
            try await LateSteps.notify(at: Self.afterDue, on: app.db)
            let kasiNotice = try #require(try await UserNotification.query(on: app.db).filter(\.$user.$id == f.users["kasi"]!.requireID()).first())
            let id = try kasiNotice.requireID()

            let kabid = TestBrowser(app)
            try await kabid.login("kabid")
            try await kabid.get("/notifications")
            #expect(try await kabid.post("/notifications/\(id)/read", []).status == .notFound)
            #expect(try await kabid.post("/notifications/not-an-id/read", []).status == .notFound)
            let api = try await f.send(.POST, "/api/v1/notifications/\(id)/read", as: "kabid")
            #expect(api.status == .notFound)
            #expect(api.body.string.contains("\"code\":\"error.404\""))
            #expect(try await UserNotification.find(id, on: app.db)?.readAt == nil)
            let list = try await f.send(.GET, "/api/v1/notifications", as: "kabid").content.decode(MonitoringAPI.NotificationList.self)
            #expect(!list.items.contains { $0.id == id })
        }
    }

    @Test("the API lists the user's notifications with the unread count and marks one read", arguments: TestDatabase.all)
    func apiListsAndMarksRead(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let record = try await CaseStore.create(f.newCase(), by: f.users["administrasi"]!, at: Self.monday, on: app.db)
            try await LateSteps.notify(at: Self.afterDue, on: app.db)

            let listed = try await f.send(.GET, "/api/v1/notifications", as: "kasi")
            #expect(listed.status == .ok)
            let list = try listed.content.decode(MonitoringAPI.NotificationList.self)
            #expect(list.count == 1 && list.unread == 1)
            let item = try #require(list.items.first)
            #expect(item.kind == "step_late")
            #expect(item.caseNumber == record.number)
            #expect(item.step == 1 && item.lane == "administrasi")
            #expect(item.late && item.lateSeconds > 0)

            let marked = try await f.send(.POST, "/api/v1/notifications/\(item.id)/read", as: "kasi")
            #expect(marked.status == .ok)
            #expect(try marked.content.decode(MonitoringAPI.NotificationOut.self).readAt != nil)
            #expect(try await f.send(.GET, "/api/v1/notifications", as: "kasi").content.decode(MonitoringAPI.NotificationList.self).unread == 0)
            let all = try await f.send(.POST, "/api/v1/notifications/read-all", as: "kabid")
            #expect(try all.content.decode(MonitoringAPI.ReadAllOut.self).marked == 1)
            #expect(try await f.send(.GET, "/api/v1/notifications", as: "produsen").content.decode(MonitoringAPI.NotificationList.self).count == 0)
        }
    }

    @Test("the scan interval is read from WALIDATA_LATE_SCAN_SECONDS: 60 by default, off disables it, nonsense stops the start")
    func scanSettings() throws {
        #expect(try LateStepSettings.fromEnvironment([:]).interval == 60)
        #expect(try LateStepSettings.fromEnvironment(["WALIDATA_LATE_SCAN_SECONDS": "300"]).interval == 300)
        #expect(try LateStepSettings.fromEnvironment(["WALIDATA_LATE_SCAN_SECONDS": "off"]).interval == nil)
        #expect(throws: LateStepSettings.Invalid.self) { try LateStepSettings.fromEnvironment(["WALIDATA_LATE_SCAN_SECONDS": "1"]) }
        #expect(throws: LateStepSettings.Invalid.self) { try LateStepSettings.fromEnvironment(["WALIDATA_LATE_SCAN_SECONDS": "tiap menit"]) }
    }
}
