import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Monitoring dashboard")
struct DashboardTests {
    static func at(_ day: Int, _ hour: Int, _ minute: Int, month: Int = 3) -> Date { CaseFixture.wib(2030, month, day, hour, minute) }

    /// Five cases with known instants, Monday 4 March 2030 a holiday (Nyepi):
    ///
    /// | case | step 1 (30 menit) | working time | | step 2 (1 jam) | working time |
    /// |---|---|---|---|---|---|
    /// | A | Fri 1 Mar 16:15 → Tue 5 Mar 07:45 (due 07:45) | 30 min, on time (3 days 15 h on the wall) | | Tue 07:45 → Wed 6 Mar 07:45 | 8 h 30 = 1 hari, late |
    /// | B | Tue 5 Mar 09:00 → 09:10 | 10 min, on time | | 09:10 → 10:10 | 60 min, on time |
    /// | C | Tue 5 Mar 10:00 → 11:30 | 90 min, late | | open, due Tue 12:30 | |
    /// | D | Wed 6 Mar 08:00 → 08:20 | 20 min, on time | | open, due Wed 09:20 | |
    /// | E | Mon 1 Apr 08:00 → 08:05 | 5 min, in April | | open | |
    ///
    /// March, step 1: 10, 20, 30, 90 min → median 25 min, 90th percentile (rank ⌈3.6⌉ = 4) 90 min,
    /// on time 3 of 4. Step 2: 60 and 510 min → median 285 min = 4 jam 45 menit, p90 1 hari, 50%.
    struct Built {
        var numbers: [String: String] = [:]
    }

    static func build(_ app: Application, _ f: CaseFixture) async throws -> Built {
        try await CalendarStore.upsert(NonWorkingDay(date: LocalDate(year: 2030, month: 3, day: 4)!, kind: .liburNasional, description: "Hari Suci Nyepi"), on: app.db)
        let officer = f.users["administrasi"]!
        var built = Built()
        func run(_ name: String, opened: Date, steps: [Date]) async throws {
            let record = try await CaseStore.create(f.newCase("Kasus \(name)"), by: officer, at: opened, on: app.db)
            built.numbers[name] = record.number
            for (index, done) in steps.enumerated() {
                if index == 1 { try await f.saveLetter(record.requireID(), at: done) }
                try await CaseStore.complete(
                    caseID: record.requireID(), step: index + 1, by: officer,
                    output: index == 0 ? .init(checklist: Checklist.standard.required) : .init(), at: done, on: app.db)
            }
        }
        try await run("A", opened: at(1, 16, 15), steps: [at(5, 7, 45), at(6, 7, 45)])
        try await run("B", opened: at(5, 9, 0), steps: [at(5, 9, 10), at(5, 10, 10)])
        try await run("C", opened: at(5, 10, 0), steps: [at(5, 11, 30)])
        try await run("D", opened: at(6, 8, 0), steps: [at(6, 8, 20)])
        try await run("E", opened: at(1, 8, 0, month: 4), steps: [at(1, 8, 5, month: 4)])
        return built
    }

    /// The texts of the cells of one row of the step table.
    static func cells(_ body: String, row: Int) -> [String] {
        guard let start = body.range(of: "<tr id=\"step-row-\(row)\">") else { return [] }
        let rest = body[start.upperBound...]
        let line = rest[..<(rest.range(of: "</tr>")?.lowerBound ?? rest.endIndex)]
        let cell = try! NSRegularExpression(pattern: "<td[^>]*>(.*?)</td>")
        let text = String(line)
        return cell.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
    }

    static let march = DashboardPeriod(from: LocalDate(year: 2030, month: 3, day: 1)!, to: LocalDate(year: 2030, month: 3, day: 31)!)

    @Test("per step over a period: completions, median and 90th-percentile working time, share on time; weekends and holidays do not count", arguments: TestDatabase.all)
    func stepNumbers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            _ = try await Self.build(app, f)
            let d = try await Dashboard.load(period: Self.march, now: Self.at(6, 12, 0), on: app.db)
            #expect(d.steps.map(\.step.number) == Array(1...9))
            let one = d.steps[0].statistics
            #expect(one.count == 4)
            #expect(one.median == TimeInterval(25 * 60))
            #expect(one.percentile90 == TimeInterval(90 * 60))
            #expect(one.onTimeShare == 0.75)
            let two = d.steps[1].statistics
            #expect(two.count == 2)
            #expect(two.median == TimeInterval(285 * 60))
            #expect(two.percentile90 == TimeInterval(510 * 60), "Tuesday 07:45 to Wednesday 07:45 is 8 h 30 of working time, not 24 hours")
            #expect(two.onTimeShare == 0.5)
            #expect(d.steps[2].statistics.count == 0 && d.steps[2].statistics.median == nil)
            #expect(d.dayLength == 8.5 * 3600)

            let april = try await Dashboard.load(period: DashboardPeriod(from: LocalDate(year: 2030, month: 4, day: 1)!, to: LocalDate(year: 2030, month: 4, day: 30)!), now: Self.at(6, 12, 0), on: app.db)
            #expect(april.steps[0].statistics.count == 1)
            #expect(april.steps[0].statistics.median == TimeInterval(5 * 60))
            #expect(april.steps[1].statistics.count == 0)
            // A one-day period: only Tuesday 5 March's completions (B and C of step 1; A's step 1 at 07:45).
            let tuesday = try await Dashboard.load(period: DashboardPeriod(from: LocalDate(year: 2030, month: 3, day: 5)!, to: LocalDate(year: 2030, month: 3, day: 5)!), now: Self.at(6, 12, 0), on: app.db)
            #expect(tuesday.steps[0].statistics.count == 3)
            #expect(tuesday.steps[1].statistics.count == 1)
        }
    }

    @Test("open cases by the step they are at, and the steps late now with how late in working time", arguments: TestDatabase.all)
    func openAndLate(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let built = try await Self.build(app, f)
            let d = try await Dashboard.load(period: Self.march, now: Self.at(6, 12, 0), on: app.db)
            #expect(d.openByStep.map(\.step) == [2, 3])
            #expect(d.openByStep[0].cases.map(\.number) == ["C", "D", "E"].map { built.numbers[$0]! })
            #expect(d.openByStep[1].cases.map(\.number) == ["A", "B"].map { built.numbers[$0]! })
            #expect(d.openCaseCount == 5)
            // C's step 2 was due Tuesday 12:30 (3 h 30 that day + 4 h 30 on Wednesday), D's Wednesday
            // 09:20, B's step 3 Wednesday 10:10; A's step 3 is due Thursday, E's in April.
            #expect(d.late.map(\.number) == ["C", "D", "B"].map { built.numbers[$0]! })
            let expectedLate: [TimeInterval] = [8 * 3600, 160 * 60, 110 * 60]
            #expect(d.late.map(\.late) == expectedLate)
            #expect(d.late[0].step == 2 && d.late[0].lane == "administrasi")
            #expect(d.late[2].step == 3 && d.late[2].lane == "pengelola_ti")
        }
    }

    @Test("the page shows the numbers for the chosen period, and the CSV for Excel carries the same table", arguments: TestDatabase.all)
    func pageAndCSV(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            _ = try await Self.build(app, f)
            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            let home = try await kasi.get("/").body.string
            #expect(home.contains("id=\"nav-dashboard\""))

            let page = try await kasi.get("/dashboard?from=2030-03-01&to=2030-03-31")
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(Self.cells(body, row: 1).dropFirst(2) == ["30 menit", "4", "25 menit", "1 jam 30 menit", "75%"])
            #expect(Self.cells(body, row: 2).dropFirst(2) == ["1 jam", "2", "4 jam 45 menit", "1 hari", "50%"])
            #expect(Self.cells(body, row: 3).dropFirst(2) == ["1 hari", "0", "–", "–", "–"])
            #expect(body.contains("value=\"2030-03-01\""))
            #expect(body.contains("1 Maret 2030"))
            #expect(body.contains("href=\"/dashboard/steps.csv?from=2030-03-01&amp;to=2030-03-31\"") || body.contains("href=\"/dashboard/steps.csv?from=2030-03-01&to=2030-03-31\""))
            #expect(body.contains("id=\"open-by-step\""))

            let april = try await kasi.get("/dashboard?from=2030-04-01&to=2030-04-30").body.string
            #expect(Self.cells(april, row: 1).dropFirst(2) == ["30 menit", "1", "5 menit", "5 menit", "100%"])

            let csv = try await kasi.get("/dashboard/steps.csv?from=2030-03-01&to=2030-03-31")
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.headers.first(name: .cacheControl) == "private, no-store")
            #expect(csv.headers.first(name: .contentDisposition)?.contains("waktu-langkah-2030-03-01_2030-03-31.csv") == true)
            let bytes = Array(csv.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "the byte order mark Excel needs for accents")
            let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines[0] == "Langkah,Kegiatan,Mutu baku,Selesai,Median (menit kerja),Median,Persentil ke-90 (menit kerja),Persentil ke-90,Tepat waktu (%)")
            #expect(lines[1].hasPrefix("1,Menyampaikan informasi"))
            #expect(lines[1].hasSuffix(",30 menit,4,25,25 menit,90,1 jam 30 menit,75"))
            #expect(lines[2].hasSuffix(",1 jam,2,285,4 jam 45 menit,510,1 hari,50"))
            #expect(lines[3].hasSuffix(",1 hari,0,,,,,"))
            #expect(lines.count == 11, "header, nine steps, and the empty string after the last line end")
        }
    }

    @Test("without dates the period is the current month in WIB", arguments: [TestDatabase.sqlite])
    func defaultPeriodIsThisMonth(_ db: TestDatabase) async throws {
        let calendar = WorkingCalendar.standard()
        // 31 January 2030, 20:00 UTC is already 1 February in WIB.
        let now = ISO8601DateFormatter().date(from: "2030-01-31T20:00:00Z")!
        let period = try DashboardPeriod.parse(from: nil, to: "", now: now, calendar: calendar)
        #expect(period.from.iso == "2030-02-01" && period.to.iso == "2030-02-28")
        let interval = period.interval(calendar: calendar)
        #expect(interval.start == CaseFixture.wib(2030, 2, 1, 0, 0))
        #expect(interval.end == CaseFixture.wib(2030, 3, 1, 0, 0))
        try await withTestApp(db) { app in
            _ = try await CaseFixture(app)
            let kadis = TestBrowser(app)
            try await kadis.login("kepaladinas")
            let body = try await kadis.get("/dashboard").body.string
            let today = LocalDate(Date(), in: WorkingCalendar.jakarta)
            #expect(body.contains("value=\"\(LocalDate(year: today.year, month: today.month, day: 1)!.iso)\""))
        }
    }

    @Test("only kasi, kabid, kepala dinas and admin may open the dashboard, its CSV and its API; others get 403", arguments: TestDatabase.all)
    func wrongRoleIsForbidden(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            for name in ["produsen", "administrasi", "pengelola_ti"] {
                let browser = TestBrowser(app)
                try await browser.login(name.replacingOccurrences(of: "_", with: ""))
                #expect(!(try await browser.get("/").body.string.contains("id=\"nav-dashboard\"")), "\(name)")
                let page = try await browser.get("/dashboard")
                #expect(page.status == .forbidden, "\(name)")
                #expect(page.body.string.contains("tidak berwenang"))
                #expect(try await browser.get("/dashboard/steps.csv").status == .forbidden, "\(name)")
                #expect(try await f.send(.GET, "/api/v1/dashboard", as: name).status == .forbidden, "\(name)")
            }
            for name in ["kasi", "kabid", "kepala_dinas", "admin"] {
                let browser = TestBrowser(app)
                try await browser.login(name.replacingOccurrences(of: "_", with: ""))
                #expect(try await browser.get("/dashboard").status == .ok, "\(name)")
                #expect(try await f.send(.GET, "/api/v1/dashboard", as: name).status == .ok, "\(name)")
            }
            #expect(try await TestBrowser(app).get("/dashboard").status == .seeOther, "anonymous is sent to the login page")
        }
    }

    @Test("a date that cannot be read is a 400 that says how to write it, an end before the start a 422; nothing crashes", arguments: TestDatabase.all)
    func badDates(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let kabid = TestBrowser(app)
            try await kabid.login("kabid")
            let unreadable = try await kabid.get("/dashboard?from=2030-13-01&to=2030-03-31")
            #expect(unreadable.status == .badRequest)
            #expect(unreadable.body.string.contains("Tanggal &quot;2030-13-01&quot; tidak terbaca. Tulis tanggal sebagai TTTT-BB-HH"))
            #expect(unreadable.body.string.contains("value=\"2030-13-01\""), "the form keeps what was typed")
            #expect(unreadable.body.string.contains("id=\"open-by-step\"") || unreadable.body.string.contains("id=\"open-empty\""), "the rest of the dashboard still shows")
            #expect(try await kabid.get("/dashboard?from=31/03/2030").status == .badRequest)
            let reversed = try await kabid.get("/dashboard?from=2030-03-31&to=2030-03-01")
            #expect(reversed.status == .unprocessableEntity)
            #expect(reversed.body.string.contains("lebih awal dari tanggal mulai"))
            #expect(try await kabid.get("/dashboard/steps.csv?from=kemarin").status == .badRequest)

            let api = try await f.send(.GET, "/api/v1/dashboard?from=2030-02-30", as: "kabid")
            #expect(api.status == .badRequest)
            #expect(api.body.string.contains("\"code\":\"dashboard.error.date\""))
            let ok = try await f.send(.GET, "/api/v1/dashboard?from=2030-03-01&to=2030-03-31", as: "kabid")
            let out = try ok.content.decode(MonitoringAPI.DashboardOut.self)
            #expect(out.from == "2030-03-01" && out.to == "2030-03-31")
            #expect(out.steps.count == 9)
        }
    }

    @Test("the API gives the period's step table in working seconds", arguments: TestDatabase.all)
    func apiNumbers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            _ = try await Self.build(app, f)
            let out = try await f.send(.GET, "/api/v1/dashboard?from=2030-03-01&to=2030-03-31", as: "kepala_dinas").content.decode(MonitoringAPI.DashboardOut.self)
            #expect(out.steps[0].completed == 4)
            #expect(out.steps[0].medianSeconds == 1500)
            #expect(out.steps[0].percentile90Seconds == 5400)
            #expect(out.steps[0].onTimeShare == 0.75)
            #expect(out.steps[0].standard == "30 menit")
            #expect(out.openByStep.map(\.count) == [3, 2])
        }
    }
}
