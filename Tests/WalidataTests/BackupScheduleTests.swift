import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Backups: retention, schedule, admin page")
struct BackupScheduleTests {
    static let zone = TimeZone(identifier: "Asia/Jakarta")!

    /// A moment in WIB.
    static func wib(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 2, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    func names(_ kept: Set<String>) -> [String] { kept.sorted() }

    @Test("daily backups for 30 days: the last 7 days and the newest of the last 4 ISO weeks are kept")
    func dailyAndWeekly() {
        // 1–30 January 2026; the 30th is a Friday. Weeks (Monday first): 5–11, 12–18, 19–25, 26–1 Feb.
        let archives = (1...30).map { (name: String(format: "01-%02d", $0), date: Self.wib(2026, 1, $0)) }
        let kept = BackupRetention().keep(archives, zone: Self.zone)
        #expect(names(kept) == ["01-11", "01-18", "01-24", "01-25", "01-26", "01-27", "01-28", "01-29", "01-30"])
        let more = BackupRetention(daily: 7, weekly: 6).keep(archives, zone: Self.zone)
        #expect(names(more) == ["01-04", "01-11", "01-18", "01-24", "01-25", "01-26", "01-27", "01-28", "01-29", "01-30"])
    }

    @Test("several backups a day: only the newest of each day counts")
    func severalPerDay() {
        var archives: [(name: String, date: Date)] = []
        for day in 1...9 {
            for hour in [2, 11, 23] { archives.append((name: String(format: "%02d-%02d", day, hour), date: Self.wib(2026, 3, day, hour))) }
        }
        let kept = BackupRetention(daily: 7, weekly: 0).keep(archives.shuffled(), zone: Self.zone)
        #expect(names(kept) == ["03-23", "04-23", "05-23", "06-23", "07-23", "08-23", "09-23"])
    }

    @Test("gaps: days and weeks are counted among those that have a backup, so a long outage deletes nothing new")
    func gaps() {
        // Seven backups in January, then the server was off until April.
        var archives = (10...16).map { (name: "jan-\($0)", date: Self.wib(2026, 1, $0)) }
        archives.append((name: "apr-20", date: Self.wib(2026, 4, 20)))
        let kept = BackupRetention().keep(archives, zone: Self.zone)
        #expect(names(kept) == ["apr-20", "jan-11", "jan-12", "jan-13", "jan-14", "jan-15", "jan-16"])
        #expect(BackupRetention().keep([(name: "only", date: Self.wib(2020, 1, 1))], zone: Self.zone) == ["only"])
        #expect(BackupRetention().keep([(name: String, date: Date)](), zone: Self.zone).isEmpty)
    }

    @Test("day and week boundaries are those of WIB, not UTC")
    func wibBoundaries() {
        // Sunday 8 March 2026 23:30 WIB and Monday 9 March 00:30 WIB are both Sunday in UTC.
        let sunday = (name: "sun-2330", date: Self.wib(2026, 3, 8, 23, 30))
        let monday = (name: "mon-0030", date: Self.wib(2026, 3, 9, 0, 30))
        let earlierSunday = (name: "sun-2200", date: Self.wib(2026, 3, 8, 22, 0))
        let weekly = BackupRetention(daily: 0, weekly: 2).keep([sunday, monday, earlierSunday], zone: Self.zone)
        #expect(names(weekly) == ["mon-0030", "sun-2330"])
        let daily = BackupRetention(daily: 2, weekly: 0).keep([sunday, monday, earlierSunday], zone: Self.zone)
        #expect(names(daily) == ["mon-0030", "sun-2330"])
        let oneWeek = BackupRetention(daily: 0, weekly: 1).keep([sunday, earlierSunday], zone: Self.zone)
        #expect(names(oneWeek) == ["sun-2330"])
    }

    @Test("pruning the folder deletes what retention drops, old partial archives, and nothing else")
    func pruneFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("walidata-prune-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let folder = BackupFolder(path: dir)
        for day in 1...12 {
            let name = folder.newName(at: Self.wib(2026, 2, day))
            try Data("zip".utf8).write(to: URL(fileURLWithPath: folder.path(of: name)))
        }
        #expect(folder.newName(at: Self.wib(2026, 2, 12)) == "walidata-20260212-020000-2.zip")
        try Data().write(to: URL(fileURLWithPath: "\(dir)/catatan.txt"))
        let stale = "\(dir)/.walidata-20260101-020000.zip.partial"
        let fresh = "\(dir)/.walidata-20260213-020000.zip.partial"
        try Data().write(to: URL(fileURLWithPath: stale))
        try Data().write(to: URL(fileURLWithPath: fresh))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3 * 86400)], ofItemAtPath: stale)

        let deleted = folder.prune(BackupRetention(daily: 3, weekly: 2))
        // 1 Feb 2026 is a Sunday: weeks 2–8 and 9–15 Feb; days kept: 10, 11, 12; week 2–8 → the 8th.
        #expect(deleted.count == 8)
        #expect(folder.archives().map(\.name) == ["walidata-20260212-020000.zip", "walidata-20260211-020000.zip", "walidata-20260210-020000.zip", "walidata-20260208-020000.zip"])
        #expect(FileManager.default.fileExists(atPath: "\(dir)/catatan.txt"))
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh))
        #expect(BackupFolder.date(ofName: "walidata-20260212-020000.zip") == Self.wib(2026, 2, 12))
        #expect(BackupFolder.date(ofName: "../walidata-20260212-020000.zip") == nil)
    }

    @Test("the daily run is due at the configured hour in WIB; only the server starts it")
    func schedule() throws {
        #expect(BackupScheduler.nextRun(after: Self.wib(2026, 5, 4, 1, 59), hour: 2) == Self.wib(2026, 5, 4, 2))
        #expect(BackupScheduler.nextRun(after: Self.wib(2026, 5, 4, 2, 0), hour: 2) == Self.wib(2026, 5, 5, 2))
        #expect(BackupScheduler.nextRun(after: Self.wib(2026, 12, 31, 23), hour: 2) == Self.wib(2027, 1, 1, 2))
        #expect(BackupScheduler.isServeCommand(["walidata"]))
        #expect(BackupScheduler.isServeCommand(["walidata", "serve", "--port", "8081"]))
        #expect(BackupScheduler.isServeCommand(["walidata", "--hostname", "0.0.0.0"]))
        #expect(!BackupScheduler.isServeCommand(["walidata", "backup", "create"]))
        #expect(!BackupScheduler.isServeCommand(["walidata", "migrate"]))

        #expect(try BackupSettings.fromEnvironment([:]) == BackupSettings())
        #expect(try BackupSettings.fromEnvironment(["WALIDATA_BACKUP_HOUR": "off"]).hour == nil)
        #expect(try BackupSettings.fromEnvironment(["WALIDATA_BACKUP_HOUR": "23", "WALIDATA_BACKUP_KEEP_DAILY": "14"]) == BackupSettings(hour: 23, retention: .init(daily: 14, weekly: 4)))
        #expect(throws: BackupSettings.Invalid.self) { try BackupSettings.fromEnvironment(["WALIDATA_BACKUP_HOUR": "24"]) }
        #expect(throws: BackupSettings.Invalid.self) { try BackupSettings.fromEnvironment(["WALIDATA_BACKUP_HOUR": "jam dua"]) }
        #expect(throws: BackupSettings.Invalid.self) { try BackupSettings.fromEnvironment(["WALIDATA_BACKUP_KEEP_DAILY": "0", "WALIDATA_BACKUP_KEEP_WEEKLY": "0"]) }
    }

    @Test("tests never start the scheduler", arguments: [TestDatabase.sqlite])
    func noSchedulerInTests(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.asyncBoot()
            #expect(app.backupSettings.hour == 2)
            let folder = BackupFolder(dataDirectory: app.walidata.dataDirectory)
            #expect(folder.archives().isEmpty)
        }
    }

    @Test("the daily backup is claimed once per day, however many processes try", arguments: TestDatabase.all)
    func claimOncePerDay(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let now = Self.wib(2026, 6, 1, 2)
            let outcomes = await withTaskGroup(of: BackupScheduler.Outcome.self) { group in
                for _ in 0..<3 { group.addTask { await BackupScheduler.runDaily(app, now: now) } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .alreadyClaimed }.count == 2)
            #expect(outcomes.contains(.made("walidata-20260601-020000.zip")))
            let run = try #require(try await BackupRun.query(on: app.db).first())
            #expect(run.day == "2026-06-01")
            #expect(run.archive == "walidata-20260601-020000.zip")
            #expect(run.finishedAt != nil)
            #expect(await BackupScheduler.runDaily(app, now: Self.wib(2026, 6, 1, 23)) == .alreadyClaimed)
            #expect(await BackupScheduler.runDaily(app, now: Self.wib(2026, 6, 2, 2)) == .made("walidata-20260602-020000.zip"))
            let creators = try await EventRecord.query(on: app.db).filter(\.$action == "backup.create").all().map(\.actorID)
            #expect(creators == ["system", "system"])
        }
    }

    @Test("the admin page: an admin sees and uses it, a kasi gets 403", arguments: TestDatabase.all)
    func adminPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            try await app.makeUser("kasi1", role: .kasi)
            let kasi = TestBrowser(app)
            try await kasi.login("kasi1")
            #expect(try await kasi.get("/admin/backups").status == .forbidden)
            try await kasi.get("/")
            #expect(try await kasi.post("/admin/backups/create", []).status == .forbidden)
            #expect(!kasi.lastBody.contains("nav-backups"))
            let folder = BackupFolder(dataDirectory: app.walidata.dataDirectory)
            #expect(folder.archives().isEmpty)

            let admin = TestBrowser(app)
            try await admin.login("admin1")
            let page = try await admin.get("/admin/backups")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("id=\"nav-backups\""))
            #expect(page.body.string.contains("id=\"no-backups\""))
            #expect(page.body.string.contains("Cara memulihkan"))
            #expect(page.body.string.contains("02.00 WIB"))

            let made = try await admin.post("/admin/backups/create", [])
            #expect(made.status == .seeOther)
            let archive = try #require(folder.archives().first)
            let event = try #require(try await EventRecord.query(on: app.db).filter(\.$action == "backup.create").first())
            #expect(event.note == archive.name)
            #expect(event.actorName == "Nama admin1")
            let listed = try await admin.get("/admin/backups").body.string
            #expect(listed.contains(archive.name))
            #expect(listed.contains("telah dibuat"))
            #expect(listed.contains("belum pernah diperiksa"))

            let verified = try await admin.post("/admin/backups/verify", [("name", archive.name)])
            #expect(verified.status == .ok)
            #expect(verified.body.string.contains("id=\"verify-result\""))
            #expect(verified.body.string.contains("flash-ok"))
            #expect(verified.body.string.contains("badge ok"))
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "backup.verify").filter(\.$note == archive.name).count() == 1)
            #expect(try await admin.post("/admin/backups/verify", [("name", "../walidata.sqlite")]).status == .notFound)

            let download = try await admin.get("/admin/backups/download/\(archive.name)")
            #expect(download.status == .ok)
            #expect(Int64(download.body.readableBytes) == archive.size)
            #expect(download.headers.first(name: .cacheControl) == "private, no-store")
            #expect(try await kasi.get("/admin/backups/download/\(archive.name)").status == .forbidden)
            #expect(try await admin.get("/storage-log").body.string.contains("Membuat cadangan"))
        }
    }
}
