import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Long lists on pages come a window at a time")
struct PagedPagesTests {
    @Test("the dataset catalogue and the user list show 50 rows and a pager that keeps the filter; a bad limit is 400", arguments: TestDatabase.all)
    func cataloguePages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let agency = try await app.makeOrganization("DINKES", name: "Dinas Kesehatan")
            let admin = try await app.makeUser("admin", role: .admin)
            for n in 1...60 {
                _ = try await app.makeDataset(String(format: "Data Puskesmas %02d", n), organization: agency, by: admin)
                try await app.makeUser(String(format: "pegawai%02d", n), role: .kasi)
            }
            let browser = TestBrowser(app)
            try await browser.login("admin")
            func rows(_ html: String, _ table: String) -> Int {
                guard let start = html.range(of: "id=\"\(table)\"") else { return -1 }
                return html[start.upperBound...].components(separatedBy: "<tr").count - 2
            }
            let first = try await browser.get("/datasets?q=puskesmas").body.string
            #expect(rows(first, "datasets-table") == 50)
            #expect(first.contains("id=\"datasets-pager\"") && first.contains("href=\"/datasets?q=puskesmas&amp;offset=50\""))
            let second = try await browser.get("/datasets?q=puskesmas&offset=50").body.string
            #expect(rows(second, "datasets-table") == 10)
            #expect(second.contains("Data Puskesmas 60") && !second.contains("Data Puskesmas 01"))
            #expect(try await browser.get("/datasets?limit=abc").status == .badRequest)

            let users = try await browser.get("/admin/users").body.string
            #expect(rows(users, "users-table") == 50 && users.contains("id=\"users-pager\""))
            let rest = try await browser.get("/admin/users?offset=50").body.string
            #expect(rows(rest, "users-table") == 11, "60 staff and the admin")

            // The storage log: a window on screen, the whole range on paper.
            let log = try await browser.get("/storage-log").body.string
            #expect(rows(log, "storage-log") == 50 && log.contains("id=\"log-pager\""))
            let printed = try await browser.get("/storage-log/print").body.string
            #expect(rows(printed, "storage-log") >= 60)
        }
    }

    @Test("the task list and the notifications come 50 at a time with a pager; the oldest notifications are reachable through it", arguments: TestDatabase.all)
    func tasksAndNotificationsPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let fixture = try await CaseFixture(app)
            for n in 1...55 { _ = try await fixture.submit(String(format: "Permohonan %02d", n)) }
            let browser = TestBrowser(app)
            try await browser.login("administrasi")
            func rows(_ html: String, _ table: String) -> Int {
                guard let start = html.range(of: "id=\"\(table)\"") else { return -1 }
                return html[start.upperBound...].components(separatedBy: "<tr").count - 2
            }
            let tasks = try await browser.get("/tasks").body.string
            #expect(rows(tasks, "tasks-table") == 50 && tasks.contains("id=\"tasks-pager\"") && tasks.contains("href=\"/tasks?offset=50\""))
            let rest = try await browser.get("/tasks?offset=50").body.string
            #expect(rows(rest, "tasks-table") == 5)
            #expect(try await browser.get("/tasks?offset=-1").status == .badRequest)
            // The home page shows the ten soonest due and links to the rest.
            let home = try await browser.get("/").body.string
            #expect(rows(home, "my-tasks") == HomeView.taskLimit)
            #expect(home.contains("id=\"all-tasks\"") && home.contains("Lihat semua 55 tugas"))
            // The pengelola executes none of these (step 1 is the administrasi's): an empty page, total 0.
            let pengelola = TestBrowser(app)
            try await pengelola.login("pengelolati")
            let none = try await pengelola.get("/tasks").body.string
            #expect(none.contains("id=\"no-tasks\"") && !none.contains("id=\"tasks-pager\""))
            // Steps stored before M018 had no lane: the migration's backfill gives it from the revision.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE case_steps SET lane = NULL").run()
            #expect(try await browser.get("/tasks").body.string.contains("id=\"no-tasks\""))
            try await M018AddStepLane.backfill(on: sql)
            #expect(rows(try await browser.get("/tasks?offset=50").body.string, "tasks-table") == 5)

            let kasi = try #require(fixture.users["kasi"])
            let steps = try await CaseStep.query(on: app.db).all()
            #expect(steps.count == 55)
            for (n, step) in steps.enumerated() {
                let note = UserNotification()
                note.$user.id = kasi.id!
                note.kindRaw = UserNotification.Kind.stepLate.rawValue
                note.$caseRecord.id = step.$caseRecord.id
                note.$caseStep.id = step.id!
                note.caseNumber = String(format: "PD/2026/%04d", n + 1)
                note.step = step.step
                note.round = 1
                note.dueAt = Date()
                note.createdAt = Date(timeIntervalSince1970: 1_790_000_000 + Double(n) * 60)
                try await note.create(on: app.db)
            }
            let reader = TestBrowser(app)
            try await reader.login("kasi")
            let first = try await reader.get("/notifications").body.string
            #expect(first.components(separatedBy: "<li class=\"notice").count - 1 == 50)
            #expect(first.contains("id=\"notifications-pager\"") && first.contains("PD/2026/0055") && !first.contains("PD/2026/0005"))
            let last = try await reader.get("/notifications?offset=50").body.string
            #expect(last.components(separatedBy: "<li class=\"notice").count - 1 == 5)
            #expect(last.contains("PD/2026/0001") && !last.contains("PD/2026/0006"))
        }
    }
}
