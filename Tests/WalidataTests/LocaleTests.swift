import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// Numbers, dates and language in the interface: one notation per language on every page,
/// date and time fields that read exactly the format they show, an English interface with no
/// Indonesian left over, and the small things (icon, not-a-table report, comparison key).
@Suite("Numbers, dates and language")
struct LocaleTests {
    static let csv = "kode,desa,tahun,penduduk,anggaran\nA1,Tuapeijat,2024,12500,\"1.125,46\"\nA2,Sido Makmur,2025,875,\"901,08\"\nA3,Sikakap,2025,3980,\"13,10\"\n"

    struct Fixture {
        var app: Application
        var browser: TestBrowser
        var dataset: Dataset
    }

    func fixture(_ app: Application, bytes: [UInt8] = Array(Self.csv.utf8), filename: String = "anggaran.csv") async throws -> Fixture {
        let org = try await app.makeOrganization("DINKES")
        let user = try await app.makeUser("pengelola", role: .pengelolaTI)
        let dataset = try await app.makeDataset("Anggaran Desa", organization: org, by: user)
        let browser = TestBrowser(app)
        try await browser.login("pengelola")
        try await browser.get(SiteURL.dataset(dataset.slug).path)
        let upload = try await browser.uploadRaw(dataset.slug, filename: filename, bytes: bytes)
        #expect(upload.status.code < 400, "\(upload.body.string.prefix(300))")
        return Fixture(app: app, browser: browser, dataset: dataset)
    }

    /// Switches a signed-in user's interface to English, as the account page does.
    func english(_ browser: TestBrowser) async throws {
        try await browser.get("/account")
        let switched = try await browser.post("/account/language", [("language", "en")])
        #expect(switched.status == .seeOther)
    }

    /// The text of the `<table id=…>` in `page`.
    func table(_ id: String, in page: String) -> String {
        guard let start = page.range(of: "id=\"\(id)\"") else { return "" }
        let rest = page[start.upperBound...]
        return String(rest[..<(rest.range(of: "</table>")?.lowerBound ?? rest.endIndex)])
    }

    @Test("the column profile and the table write a number the same way, in each language", arguments: TestDatabase.all)
    func profileAndTableAgree(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let path = SiteURL.version(f.dataset.slug, 1).path
            let id = try await f.browser.get(path).body.string
            let profile = table("profile-table", in: id), data = table("data-table", in: id), preview = table("preview-table", in: id)
            // The largest amount, 1125.46 as the profile stores it, and the table's cell.
            #expect(profile.contains("<td>1.125,46</td>") && profile.contains("<td class=\"num\">2</td>"), "\(profile)")
            #expect(data.contains("<td class=\"num\">1.125,46</td>") && data.contains("<td class=\"num\">901,08</td>"), "\(data)")
            #expect(preview.contains("<td class=\"num\">1.125,46</td>"), "\(preview)")
            #expect(!id.contains("1125.46") && !id.contains("1125,46"))
            // Whole numbers grouped, the digits as uploaded kept (13,10), years never grouped, codes untouched.
            #expect(data.contains("<td class=\"num\">12.500</td>") && data.contains("<td class=\"num\">13,10</td>"), "\(data)")
            #expect(data.contains("<td class=\"num\">2024</td>") && !id.contains("2.024"), "\(data)")
            #expect(data.contains("<td>A1</td>") && data.contains("<th class=\"num\">penduduk</th>"))

            try await english(f.browser)
            let en = try await f.browser.get(path).body.string
            #expect(table("profile-table", in: en).contains("<td>1,125.46</td>"))
            #expect(table("data-table", in: en).contains("<td class=\"num\">1,125.46</td>") && en.contains("<td class=\"num\">901.08</td>"))
            #expect(table("data-table", in: en).contains("<td class=\"num\">12,500</td>") && en.contains("<td class=\"num\">2024</td>"))
        }
    }

    @Test("the plain CSV and the Excel CSV download under different names", arguments: TestDatabase.all)
    func downloadNames(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let plain = try await f.browser.get(SiteURL.versionData(f.dataset.slug, 1, "csv").path)
            let excel = try await f.browser.get(SiteURL.versionDataFile(f.dataset.slug, 1, "data-excel.csv").path)
            let plainName = plain.headers.first(name: .contentDisposition) ?? ""
            let excelName = excel.headers.first(name: .contentDisposition) ?? ""
            #expect(plainName.contains("filename=\"\(f.dataset.slug)-v1.csv\""), "\(plainName)")
            #expect(excelName.contains("filename=\"\(f.dataset.slug)-v1-excel.csv\""), "\(excelName)")
        }
    }

    @Test("date and time fields are plain text fields showing the format they accept")
    func fieldsShowTheirFormat() {
        let t = Translator(lang: .id)
        let date = FormField.date("from", label: "Dari", value: "2026-11-30", t: t).raw
        #expect(date.contains("type=\"text\"") && date.contains("placeholder=\"TTTT-BB-HH\"") && date.contains("pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\""))
        #expect(date.contains(t("input.date_hint")))
        let time = FormField.time("at", label: "Jam", t: Translator(lang: .en)).raw
        #expect(time.contains("type=\"text\"") && time.contains("placeholder=\"HH:MM\"") && time.contains("24-hour"))
        #expect(DateTimeInput.date(" 2026-11-30 ") == LocalDate(year: 2026, month: 11, day: 30))
        for bad in ["30/11/2026", "2026-11-31", "2026-1-5", "11/30/2026", ""] { #expect(DateTimeInput.date(bad) == nil, "\(bad)") }
        #expect(DateTimeInput.minute("07:30") == 450 && DateTimeInput.minute("24:00", allowMidnightEnd: true) == 1440)
        for bad in ["7:30", "07.30", "04:00 PM", "24:00", "12:60", "0730"] { #expect(DateTimeInput.minute(bad) == nil, "\(bad)") }
    }

    @Test("no page offers a browser date or time picker", arguments: TestDatabase.all)
    func noBrowserPickers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let browser = TestBrowser(app)
            try await browser.login("admin1")
            for path in ["/calendar", "/storage-log", "/admin/audit", "/dashboard"] {
                let page = try await browser.get(path).body.string
                #expect(!page.contains("type=\"date\"") && !page.contains("type=\"time\"") && !page.contains("datetime-local"), "\(path)")
            }
            let calendar = try await browser.get("/calendar").body.string
            #expect(calendar.contains("name=\"start1\" value=\"07:30\"") && calendar.contains("placeholder=\"JJ:MM\""), "\(calendar.prefix(0))")
        }
    }

    @Test("office hours in another format are refused by name and nothing is saved", arguments: TestDatabase.all)
    func hoursFormat(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let browser = TestBrowser(app)
            try await browser.login("admin1")
            try await browser.get("/calendar")
            let before = try await CalendarStore.hoursRows(on: app.db).map { "\($0.weekday) \($0.startMinute ?? -1) \($0.endMinute ?? -1)" }
            var form: [(String, String)] = []
            for day in 1...5 { form += [("start\(day)", "08:00"), ("end\(day)", "16:00")] }
            form += [("start1", "4:00 PM"), ("start6", ""), ("end6", ""), ("start7", ""), ("end7", "")]
            form.removeAll { $0 == ("start1", "08:00") }
            let refused = try await browser.post("/calendar/hours", form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Jam &quot;4:00 PM&quot; tidak terbaca. Tulis sebagai JJ:MM (24 jam)"), "\(refused.body.string.prefix(0))")
            #expect(refused.body.string.contains("value=\"4:00 PM\""), "the form keeps what was typed")
            let after = try await CalendarStore.hoursRows(on: app.db).map { "\($0.weekday) \($0.startMinute ?? -1) \($0.endMinute ?? -1)" }
            #expect(after == before)
        }
    }

    @Test("the deadline calculator answers, or says which formats it reads", arguments: TestDatabase.all)
    func calculator(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("kasi1", role: .kasi)
            let browser = TestBrowser(app)
            try await browser.login("kasi1")
            let good = try await browser.get("/calendar?start=2026-11-30&time=08:00&standard=2%20jam").body.string
            #expect(good.contains("id=\"due-result\"") && good.contains("30 November 2026, 10.00 WIB"), "\(good.prefix(0))")
            let weeks = try await browser.get("/calendar?start=2026-11-30&time=08:00&standard=3%20minggu").body.string
            #expect(!weeks.contains("id=\"due-result\""))
            #expect(weeks.contains("Mutu baku &quot;3 minggu&quot; tidak terbaca") && weeks.contains("15 hari"))
            let picker = try await browser.get("/calendar?start=11/30/2026&time=04:00%20PM&standard=1%20hari").body.string
            #expect(picker.contains("Tanggal &quot;11/30/2026&quot; tidak terbaca") && picker.contains("Jam &quot;04:00 PM&quot; tidak terbaca"))
            try await english(browser)
            let english = try await browser.get("/calendar?start=2026-11-30&time=08:00&standard=3%20weeks").body.string
            #expect(english.contains("The time standard &quot;3 weeks&quot; cannot be read") && english.contains("15 days"))
            let plain = try await browser.get("/calendar").body.string
            #expect(!plain.contains("cannot be read"), "an empty calculator is not an error")
        }
    }

    @Test("a storage-log period that cannot be read is named with the format", arguments: TestDatabase.all)
    func logPeriod(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await app.makeUser("admin1", role: .admin)
            let browser = TestBrowser(app)
            try await browser.login("admin1")
            let bad = try await browser.get("/storage-log?from=30-11-2026&to=2026-11-30")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Tanggal &quot;30-11-2026&quot; tidak terbaca") && bad.body.string.contains("TTTT-BB-HH"))
            #expect(try await browser.get("/storage-log?from=2026-11-01&to=2026-11-30").status == .ok)
        }
    }

    @Test("the comparison key is chosen from the columns; a key not in both versions brings the form back", arguments: TestDatabase.all)
    func compareKey(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await fixture(app)
            let v2 = Self.csv.replacingOccurrences(of: "12500", with: "12600")
            try await f.browser.get(SiteURL.dataset(f.dataset.slug).path)
            let second = try await f.browser.uploadRaw(f.dataset.slug, filename: "anggaran.csv", bytes: Array(v2.utf8))
            #expect(second.status.code < 400, "\(second.body.string.prefix(400))")
            let page = try await f.browser.get(SiteURL.dataset(f.dataset.slug).path).body.string
            #expect(page.contains("<select id=\"key\" name=\"key\">") && page.contains("<option value=\"desa\">desa</option>"))
            #expect(!page.contains("<input type=\"text\" id=\"key\""))
            let base = SiteURL.datasetCompare(f.dataset.slug).path
            let typo = try await f.browser.get(base + "?from=1&to=2&key=kdoe")
            #expect(typo.status == .unprocessableEntity)
            #expect(typo.body.string.contains("Kolom kunci &quot;kdoe&quot; tidak ada di kedua versi") && typo.body.string.contains("id=\"compare-form\""))
            let good = try await f.browser.get(base + "?from=1&to=2&key=kode")
            #expect(good.status == .ok && good.body.string.contains("id=\"compare-result\""))
        }
    }

    @Test("the tab icon is served from the server itself and named on every page", arguments: TestDatabase.all)
    func favicon(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let icon = try await app.testing().sendRequest(.GET, "/favicon.ico")
            #expect(icon.status == .ok)
            #expect(icon.headers.contentType?.description.contains("image/") == true)
            #expect(Array(icon.body.readableBytesView.prefix(4)) == [0, 0, 1, 0], "an ICO file")
            #expect(icon.headers.first(name: .setCookie) == nil, "no session for the icon")
            let login = try await app.testing().sendRequest(.GET, "/login").body.string
            #expect(login.contains("<link rel=\"icon\" href=\"/favicon.ico\""))
        }
    }

    @Test("a picture uploaded as a CSV is reported as not a table, without table checks", arguments: TestDatabase.all)
    func notATable(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52] + Array(repeating: 0, count: 64)
            let f = try await fixture(app, bytes: png, filename: "foto.csv")
            let page = try await f.browser.get(SiteURL.version(f.dataset.slug, 1).path).body.string
            #expect(page.contains("id=\"not-a-table\"") && page.contains("Berkas ini bukan tabel"))
            #expect(!page.contains("Pengodean") && !page.contains("baris berkas") && !page.contains("id=\"profile-table\""))
        }
    }

    /// Indonesian words that must not appear in the English interface outside user data.
    static let indonesianWords = [
        "jam", "hari", "menit", "Langkah", "langkah", "Belum", "belum", "Tidak", "tidak", "Simpan", "Unduh", "Tanggal",
        "Kembali", "baris", "Selesai", "Terlambat", "Tepat waktu", "Mendekati batas", "Keluar", "Beranda", "Pengaturan",
        "Berkas", "Kolom", "Tugas", "Permohonan", "Kirim", "Cari", "dan", "untuk", "dengan", "yang", "atau",
    ]

    /// The visible words of a page without its user data: tags, and the values the test made.
    func visibleText(_ html: String, without userData: [String]) -> String {
        // What a textarea holds is a document being written (the step-2 letter in its card):
        // official documents are Indonesian whatever the reader's language.
        var text = html.replacingOccurrences(of: "<textarea[^>]*>[\\s\\S]*?</textarea>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        for value in userData { text = text.replacingOccurrences(of: value, with: " ") }
        return text
    }

    func leftovers(_ text: String) -> [String] {
        Self.indonesianWords.filter { word in
            text.range(of: "(^|[^\\p{L}])" + NSRegularExpression.escapedPattern(for: word) + "($|[^\\p{L}])", options: .regularExpression) != nil
        }
    }

    @Test("in English mode the main pages hold no Indonesian outside user data", arguments: TestDatabase.all)
    func englishSweep(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let record = try await f.submit("Data stunting 2026")
            #expect(try await f.complete(record.id, step: 1, as: "administrasi").status.code < 300)
            let dataset = try await app.makeDataset("Village budget", organization: f.organization, by: f.users["pengelola_ti"]!)
            let upload = try await app.testing().sendRequest(.POST, "/api/v1/datasets/\(dataset.slug)/versions?filename=budget.csv",
                headers: ["Authorization": "Bearer \(f.tokens["pengelola_ti"]!)"], body: ByteBuffer(string: "code,village,year,amount\nA1,Tuapeijat,2024,\"1.125,46\"\n"))
            #expect(upload.status == .created)
            let revision = try await SOPStore.inForce(on: app.db)
            let steps = try revision.definition().steps
            // The SOP's own texts (outputs, requirements) are the approved document's words.
            let userData = ["Data stunting 2026", "Pembaruan data triwulan III", "Dinas Kesehatan", "DINKES", "Data permohonan", "Nama ",
                            "Village budget", "Tuapeijat", "budget.csv"]
                + steps.flatMap { [$0.output, $0.requirement, $0.note] }.filter { !$0.isEmpty }
                // Holidays keep their official names, as the government's decree lists them.
                + (try await NonWorkingDayRow.query(on: app.db).all()).map(\.description)
            var found: [String: [String]] = [:]
            for (who, username) in [("admin", "admin"), ("administrasi", "administrasi"), ("pengelola_ti", "pengelolati"), ("kasi", "kasi"), ("kabid", "kabid"), ("produsen", "produsen")] {
                _ = who
                let browser = TestBrowser(app)
                try await browser.login(username)
                try await english(browser)
                for path in ["/", "/cases", "/cases/\(record.id)", "/datasets", "/calendar", "/tasks", "/notifications", "/account", "/dashboard", "/storage-log",
                             "/datasets/\(dataset.slug)", "/datasets/\(dataset.slug)/versions/1"] {
                    let response = try await browser.get(path)
                    guard response.status == .ok else { continue }
                    let words = leftovers(visibleText(response.body.string, without: userData))
                    if !words.isEmpty { found["\(username) \(path)"] = words }
                }
            }
            #expect(found.isEmpty, "\(found.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n"))")
        }
    }
}
