import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("The working calendar in the database")
struct CalendarTests {
    @Test("first start loads the default hours and the 2026 list", arguments: TestDatabase.all)
    func seeded(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let calendar = try await CalendarStore.load(on: app.db)
            #expect(calendar.hours[1] == WorkingHours(start: 450, end: 960))
            #expect(calendar.hours[5] == WorkingHours(start: 450, end: 990))
            #expect(calendar.hours[6] == nil)
            #expect(calendar.nonWorkingDays.count == 25)
            #expect(calendar.timeZone.identifier == "Asia/Jakarta")
        }
    }

    @Test("the embedded 2026 list is the shared one")
    func embeddedListMatchesShared() throws {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/libur-2026.csv")
        guard let text = try? String(contentsOf: shared, encoding: .utf8) else { return }
        #expect(try HolidayCSV.parse(text) == HolidayCSV.parse(HolidaySeed.csv2026))
    }

    @Test("an admin adds an office closure and open deadlines move", arguments: TestDatabase.all)
    func addClosure(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let browser = TestBrowser(app)
            try await browser.login("admin1")
            let start = ISO8601DateFormatter().date(from: "2026-11-24T10:00:00+07:00")!
            let before = try await CalendarStore.load(on: app.db).due(from: start, adding: TimeStandard(amount: 2, unit: .days))
            #expect(before == ISO8601DateFormatter().date(from: "2026-11-26T10:00:00+07:00"))
            try await browser.get("/calendar")
            let added = try await browser.post("/calendar/days", [("date", "2026-11-25"), ("kind", "penutupan_kantor"), ("description", "Rapat kerja seluruh pegawai")])
            #expect(added.status == .seeOther)
            let after = try await CalendarStore.load(on: app.db).due(from: start, adding: TimeStandard(amount: 2, unit: .days))
            #expect(after == ISO8601DateFormatter().date(from: "2026-11-27T10:00:00+07:00"))
            let page = try await browser.get("/calendar?year=2026").body.string
            #expect(page.contains("Rapat kerja seluruh pegawai"))
        }
    }

    @Test("bad dates and kinds are refused in words", arguments: TestDatabase.all)
    func badDay(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let browser = TestBrowser(app)
            try await browser.login("admin1")
            try await browser.get("/calendar")
            let response = try await browser.post("/calendar/days", [("date", "2026-02-30"), ("kind", "libur_daerah"), ("description", "")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Tanggal &quot;2026-02-30&quot; tidak terbaca") && response.body.string.contains("TTTT-BB-HH"))
            #expect(response.body.string.contains("Pilih jenis hari libur"))
            #expect(try await NonWorkingDayRow.query(on: app.db).count() == 25)
        }
    }

    @Test("office hours can be changed; a day with no hours is closed", arguments: TestDatabase.all)
    func changeHours(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let browser = TestBrowser(app)
            try await browser.login("admin1")
            try await browser.get("/calendar")
            var form: [(String, String)] = []
            for day in 1...5 { form += [("start\(day)", "08:00"), ("end\(day)", "15:00")] }
            form += [("start6", "08:00"), ("end6", "12:00"), ("start7", ""), ("end7", "")]
            #expect(try await browser.post("/calendar/hours", form).status == .seeOther)
            let calendar = try await CalendarStore.load(on: app.db)
            #expect(calendar.hours[6] == WorkingHours(start: 480, end: 720))
            #expect(calendar.hours[1] == WorkingHours(start: 480, end: 900))
            try await browser.get("/calendar")
            let bad = try await browser.post("/calendar/hours", [("start1", "16:00"), ("end1", "08:00")])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await CalendarStore.load(on: app.db).hours[1] == WorkingHours(start: 480, end: 900))
        }
    }

    @Test("a CSV import with a bad line changes nothing and names the line", arguments: TestDatabase.all)
    func importCSV(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let browser = TestBrowser(app)
            try await browser.login("admin1")
            try await browser.get("/calendar")
            let token = try #require(browser.csrf)
            func upload(_ csv: String) async throws -> TestingHTTPResponse {
                let boundary = "----walidata"
                var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n"
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"libur.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                return try await browser.send(.POST, "/calendar/import", headers: headers, body: ByteBuffer(string: body))
            }
            let bad = try await upload("tanggal,jenis,keterangan\n2027-01-01,libur_nasional,Tahun Baru\n2027-13-01,libur_nasional,Salah\n")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Baris 3"))
            #expect(try await NonWorkingDayRow.query(on: app.db).count() == 25)
            let good = try await upload("tanggal,jenis,keterangan\n2027-01-01,libur_nasional,Tahun Baru 2027 Masehi\n")
            #expect(good.status == .seeOther)
            #expect(try await NonWorkingDayRow.query(on: app.db).filter(\.$date == "2027-01-01").count() == 1)
        }
    }
}
