import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// Issue 11: the public table explorer on `/publik/data/{slug}`, its chart, its JSON twins, and
/// the earlier accepted versions with what changed, on both databases; only what is public.
@Suite("Public table explorer: filter, chart, JSON twins, earlier versions")
struct ExplorerTests {
    static let v1 = """
        kecamatan,tahun,jumlah,luas,keterangan
        Siberut Utara,2022,10,"1,5",satu
        Siberut Utara,2023,20,"2,5",dua
        Siberut Selatan,2022,5,"1,0",tiga
        Siberut Selatan,2023,7,,empat
        Sipora,2023,3,"0,5","<script>alert('x')</script>"

        """
    /// Siberut Utara 2023 changed (20 → 25), Sipora 2024 added.
    static let v2 = """
        kecamatan,tahun,jumlah,luas,keterangan
        Siberut Utara,2022,10,"1,5",satu
        Siberut Utara,2023,25,"2,5",dua
        Siberut Selatan,2022,5,"1,0",tiga
        Siberut Selatan,2023,7,,empat
        Sipora,2023,3,"0,5","<script>alert('x')</script>"
        Sipora,2024,1234,"0,5",baru

        """

    struct World {
        var slug: String
        var hidden: String
        var wide: String
        /// 40 columns: fewer rows a page.
        var widest: String
    }

    static func world(_ app: Application) async throws -> World {
        let f = try await CaseFixture(app)
        let officer = f.users["pengelola_ti"]!
        func upload(_ slug: String, _ body: String) async throws {
            let r = try await f.send(.POST, "/api/v1/datasets/\(slug)/versions?filename=data.csv", as: "pengelola_ti", body: body)
            #expect(r.status == .created, "\(r.body.string)")
        }
        let open = try await app.makeDataset("Penduduk per kecamatan", organization: f.organization, by: officer)
        try await upload(open.slug, v1)
        try await upload(open.slug, v2)
        // Version 3 is rejected (ragged rows): never on the portal, and version 2 stays current.
        try await upload(open.slug, "a,b,c\n1,2,3\n4,5\n")
        try await DatasetStore.publish(try await DatasetStore.find(slug: open.slug, on: app.db), reason: "uji", by: f.users["kabid"]!, on: app.db)
        let hidden = try await app.makeDataset("Belum ditayangkan", organization: f.organization, by: officer)
        try await upload(hidden.slug, v1)
        try await upload(hidden.slug, v2)
        let wide = try await app.makeDataset("Statistik desa lengkap", organization: f.organization, by: officer)
        try await upload(wide.slug, wideCSV)
        try await DatasetStore.publish(try await DatasetStore.find(slug: wide.slug, on: app.db), reason: "uji", by: f.users["kabid"]!, on: app.db)
        let widest = try await app.makeDataset("Statistik desa sangat lebar", organization: f.organization, by: officer)
        try await upload(widest.slug, widestCSV)
        try await DatasetStore.publish(try await DatasetStore.find(slug: widest.slug, on: app.db), reason: "uji", by: f.users["kabid"]!, on: app.db)
        return World(slug: open.slug, hidden: hidden.slug, wide: wide.slug, widest: widest.slug)
    }

    /// 16 columns and 120 rows: village names, a year, eleven counts of several digits, a note.
    static let wideColumns = ["kode_desa", "nama_desa", "kecamatan", "tahun", "penduduk_laki_laki", "penduduk_perempuan", "jumlah_keluarga",
                              "anak_sekolah_dasar", "anak_sekolah_menengah", "tenaga_kesehatan", "luas_sawah_hektare", "produksi_padi_ton",
                              "panjang_jalan_meter", "jumlah_posyandu", "anggaran_desa_rupiah", "keterangan"]
    static var wideCSV: String {
        var lines = [wideColumns.joined(separator: ",")]
        let kecamatan = ["Siberut Utara", "Siberut Barat Daya", "Sipora Selatan", "Pagai Selatan", "Sikakap"]
        for i in 1...120 {
            let numbers = (0..<11).map { String(1000 + (i * 7919 + $0 * 104_729) % 900_000) }
            lines.append((["\(1_000 + i)", "Desa Muara Sikabaluan \(i)", kecamatan[i % 5], String(2020 + i % 5)] + numbers + ["catatan pendataan lapangan \(i)"])
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 40 columns and 60 rows: a name, then 38 measures of six or seven digits, then a long note.
    static var widestCSV: String {
        var lines = [(["nama_desa"] + (1...38).map { "indikator_pembangunan_desa_\($0)" } + ["keterangan"]).joined(separator: ",")]
        for i in 1...60 {
            let numbers = (1...38).map { String(100_000 + (i * 7919 + $0 * 104_729) % 8_900_000) }
            lines.append((["Desa Muara Sikabaluan \(i)"] + numbers + [String(repeating: "catatan panjang ", count: 20)]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows in the page's data table.
    static func dataRows(_ page: String) -> Int {
        guard let start = page.range(of: "id=\"data-table\""), let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex) else { return -1 }
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").count - 2
    }

    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    @Test("the explorer filters, sorts and pages the current version and says how many rows match", arguments: TestDatabase.all)
    func filterSortPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let visitor = TestBrowser(app)
            let whole = try await visitor.get("/publik/data/\(w.slug)")
            #expect(whole.status == .ok)
            let page = whole.body.string
            #expect(page.contains("6 baris dari 6") && page.contains("id=\"filter-form\"") && page.contains("id=\"profile-table\""))
            #expect(page.contains("<link rel=\"alternate\" type=\"application/json\" href=\"/publik/data/\(w.slug).json"))
            #expect(page.contains("1.234"), "numbers in the reader's notation")

            let sipora = try await visitor.get("/publik/data/\(w.slug)?c1=kecamatan&o1=equals&v1=Sipora").body.string
            #expect(sipora.contains("2 baris dari 6 cocok dengan saringan"))
            #expect(sipora.contains("/publik/data/\(w.slug)/data.csv?c1=kecamatan&amp;o1=equals&amp;v1=Sipora"))
            let csv = try await visitor.get("/publik/data/\(w.slug)/data.csv?c1=kecamatan&o1=equals&v1=Sipora").body.string
            #expect(csv.split(whereSeparator: \.isNewline).count == 3 && csv.contains("Sipora,2024,1234"))

            // Sorted by jumlah, largest first, two rows a page: 1234 and 25, then 10 and 7.
            let first = try await visitor.get("/publik/data/\(w.slug)?sort=jumlah&desc=1&limit=2").body.string
            #expect(first.contains("ditampilkan baris 1–2") && first.contains("id=\"next-page\"") && !first.contains("id=\"prev-page\""))
            let rows = try Self.json(try await visitor.get("/publik/data/\(w.slug).json?sort=jumlah&desc=1&limit=2"))
            #expect((rows["rows"] as? [[Any]])?.map { $0[2] as? Int } == [1234, 25])
            let next = try #require((rows["links"] as? [String: String])?["next"])
            let second = try Self.json(try await visitor.get(next))
            #expect((second["rows"] as? [[Any]])?.map { $0[2] as? Int } == [10, 7] && second["offset"] as? Int == 2)
            #expect((second["links"] as? [String: String])?["prev"] != nil)

            // A page is 50 rows unless asked; the HTML page never more than 50.
            let wide = try Self.json(try await visitor.get("/publik/data/\(w.wide).json"))
            #expect(wide["limit"] as? Int == 50 && (wide["rows"] as? [Any])?.count == 50 && wide["total"] as? Int == 120)
            let big = try await visitor.get("/publik/data/\(w.wide)?limit=500").body.string
            #expect(big.contains("ditampilkan baris 1–50") && Self.dataRows(big) == 50)
            let all = try Self.json(try await visitor.get("/publik/data/\(w.wide).json?limit=500"))
            #expect((all["rows"] as? [Any])?.count == 120)
        }
    }

    @Test("each explorer page's JSON twin carries the same rows, count and columns as the page", arguments: TestDatabase.all)
    func jsonTwins(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let visitor = TestBrowser(app)
            let query = "c1=kecamatan&o1=contains&v1=siberut&c2=tahun&o2=equals&v2=2023&limit=50"
            let html = try await visitor.get("/publik/data/\(w.slug)?\(query)").body.string
            let twin = try await visitor.get("/publik/data/\(w.slug).json?\(query)")
            #expect(twin.status == .ok && twin.headers.contentType == .json)
            let data = try Self.json(twin)
            #expect(data["total"] as? Int == 2 && data["table_rows"] as? Int == 6 && data["limit"] as? Int == 50)
            #expect(html.contains("2 baris dari 6"))
            let rows = try #require(data["rows"] as? [[Any]])
            #expect(rows.map { $0[0] as? String } == ["Siberut Utara", "Siberut Selatan"] && rows.map { $0[2] as? Int } == [25, 7])
            for row in rows { #expect(html.contains("<td>\(row[0] as! String)<")) }
            #expect(data["row_numbers"] as? [Int] == [2, 4])
            let columns = try #require(data["columns"] as? [[String: Any]])
            #expect(columns.map { $0["name"] as? String } == ["kecamatan", "tahun", "jumlah", "luas", "keterangan"])
            #expect(columns[2]["type"] as? String == "integer" && columns[2]["max"] as? String == "1234" && columns[3]["empty"] as? Int == 1)
            let dataset = try #require(data["dataset"] as? [String: Any])
            #expect(dataset["slug"] as? String == w.slug && (data["version"] as? [String: Any])?["number"] as? Int == 2)
            let links = try #require(data["links"] as? [String: String])
            #expect(links["csv"] == "/publik/data/\(w.slug)/data.csv?c1=kecamatan&o1=contains&v1=siberut&c2=tahun&o2=equals&v2=2023")

            // Earlier version twin, versions list twin.
            let old = try Self.json(try await visitor.get("/publik/data/\(w.slug)/versi/1.json?c1=kecamatan&o1=equals&v1=Siberut%20Utara"))
            #expect(old["total"] as? Int == 2 && (old["rows"] as? [[Any]])?.map { $0[2] as? Int } == [10, 20])
            #expect((old["version"] as? [String: Any])?["current"] as? Bool == false)
            let list = try Self.json(try await visitor.get("/publik/data/\(w.slug)/versi.json"))
            #expect((list["versions"] as? [[String: Any]])?.map { $0["number"] as? Int } == [2, 1])
        }
    }

    @Test("the chart sums or averages a number column by category (top N and lainnya) or by year, as SVG and JSON", arguments: TestDatabase.all)
    func chart(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let visitor = TestBrowser(app)
            func series(_ path: String) async throws -> [(String, Double)] {
                let r = try await visitor.get(path)
                #expect(r.status == .ok, "\(path): \(r.body.string)")
                return try (Self.json(r)["series"] as? [[String: Any]] ?? []).map { ($0["label"] as! String, ($0["value"] as! NSNumber).doubleValue) }
            }
            let sums = try await series("/publik/data/\(w.slug)/versi/1/grafik.json?x=kecamatan&y=jumlah&agg=sum&kind=bar")
            #expect(sums.map(\.0) == ["Siberut Utara", "Siberut Selatan", "Sipora"] && sums.map(\.1) == [30, 12, 3])
            let averages = try await series("/publik/data/\(w.slug)/versi/1/grafik.json?x=kecamatan&y=jumlah&agg=avg")
            #expect(averages.map(\.1) == [15, 6, 3])
            let years = try await series("/publik/data/\(w.slug)/grafik.json?x=tahun&y=jumlah&agg=sum&kind=line")
            #expect(years.map(\.0) == ["2022", "2023", "2024"] && years.map(\.1) == [15, 35, 1234])
            let filtered = try await series("/publik/data/\(w.slug)/grafik.json?x=tahun&y=jumlah&kind=line&c1=kecamatan&o1=equals&v1=Siberut%20Utara")
            #expect(filtered.map(\.1) == [10, 25])

            // More than ten villages: the ten largest, then the rest as one bar.
            let villages = try await series("/publik/data/\(w.wide)/grafik.json?x=nama_desa&y=penduduk_laki_laki")
            #expect(villages.count == 11 && villages.last?.0 == "Lainnya (110 kategori)")
            let expected = (1...120).map { Double(1000 + ($0 * 7919) % 900_000) }
            #expect(villages.prefix(10).map(\.1) == Array(expected.sorted(by: >).prefix(10)))
            #expect(villages.map(\.1).reduce(0, +) == expected.reduce(0, +))

            let svg = try await visitor.get("/publik/data/\(w.slug)/grafik.svg?x=tahun&y=jumlah&kind=line")
            #expect(svg.status == .ok && svg.headers.contentType?.subType == "svg+xml")
            let drawing = svg.body.string
            #expect(drawing.contains("<title id=\"chart-title\">Jumlah jumlah menurut tahun</title>") && drawing.contains("<polyline"))
            #expect(drawing.contains("2024: 1.234"), "values in Indonesian notation")
            let english = TestBrowser(app)
            english.cookies[Request.languageCookie] = "en"
            let bars = try await english.get("/publik/data/\(w.slug)/grafik.svg?x=kecamatan&y=jumlah").body.string
            #expect(bars.contains("Sum of jumlah by kecamatan") && bars.contains("Sipora: 1,237") && bars.contains("<rect"))

            // On the page: the picture, the form, the numbers as a table.
            let page = try await visitor.get("/publik/data/\(w.slug)?x=kecamatan&y=jumlah&agg=sum&kind=bar").body.string
            #expect(page.contains("id=\"chart-image\"") && page.contains("src=\"/publik/data/\(w.slug)/grafik.svg?x=kecamatan&amp;y=jumlah&amp;agg=sum&amp;kind=bar\""))
            #expect(page.contains("<tr><td>Sipora</td><td class=\"num\">1.237</td><td class=\"num\">2</td></tr>"))
        }
    }

    @Test("earlier accepted versions stay readable with what changed; a rejected version is not there", arguments: TestDatabase.all)
    func versions(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let visitor = TestBrowser(app)
            let list = try await visitor.get("/publik/data/\(w.slug)/versi").body.string
            #expect(list.contains("id=\"version-2\"") && list.contains("id=\"version-1\"") && !list.contains("id=\"version-3\""))
            #expect(list.contains("/publik/data/\(w.slug)/versi/2/perubahan"))
            let one = try await visitor.get("/publik/data/\(w.slug)/versi/1")
            #expect(one.status == .ok && one.body.string.contains("id=\"older-version\"") && one.body.string.contains("5 baris dari 5"))
            #expect(one.body.string.contains("/publik/data/\(w.slug)/versi/1/data.csv"))
            let oldCSV = try await visitor.get("/publik/data/\(w.slug)/versi/1/data.csv?c1=tahun&o1=equals&v1=2023")
            #expect(oldCSV.status == .ok && oldCSV.body.string.split(whereSeparator: \.isNewline).count == 4 && !oldCSV.body.string.contains("1234"))

            let changes = try await visitor.get("/publik/data/\(w.slug)/versi/2/perubahan")
            #expect(changes.status == .ok)
            let text = changes.body.string
            #expect(text.contains("Perbandingan versi 1 dan versi 2") && text.contains("id=\"added-rows\"") && text.contains("id=\"removed-rows\""))
            let data = try Self.json(try await visitor.get("/publik/data/\(w.slug)/versi/2/perubahan.json"))
            let c = try #require(data["comparison"] as? [String: Any])
            #expect(c["rows_added"] as? Int == 2 && c["rows_removed"] as? Int == 1 && c["rows_unchanged"] as? Int == 4)
            #expect((data["from"] as? [String: Any])?["number"] as? Int == 1)
            let first = try await visitor.get("/publik/data/\(w.slug)/versi/1/perubahan")
            #expect(first.status == .ok && first.body.string.contains("id=\"first-version\""))
            #expect(try await visitor.get("/publik/data/\(w.slug)/versi/2/perubahan?key=nope").status == .badRequest)

            for path in ["/versi/3", "/versi/3.json", "/versi/3/perubahan", "/versi/3/perubahan.json", "/versi/3/data.csv", "/versi/3/grafik.svg?x=a&y=b",
                         "/versi/9", "/versi/x", "/versi/2/rahasia.txt"] {
                #expect(try await visitor.get("/publik/data/\(w.slug)\(path)").status == .notFound, "\(path)")
            }
        }
    }

    @Test("a dataset that is not public is 404 on every explorer address, as JSON on the twins", arguments: TestDatabase.all)
    func notPublic(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let visitor = TestBrowser(app)
            let paths = ["", ".json", "?c1=kecamatan&o1=equals&v1=Sipora", "/grafik.svg?x=kecamatan&y=jumlah", "/grafik.json?x=kecamatan&y=jumlah",
                         "/versi", "/versi.json", "/versi/1", "/versi/1.json", "/versi/2/perubahan", "/versi/2/perubahan.json", "/versi/1/data.csv",
                         "/versi/1/data.json", "/versi/1/grafik.svg?x=kecamatan&y=jumlah", "/data.csv"]
            for path in paths {
                let r = try await visitor.get("/publik/data/\(w.hidden)\(path)")
                #expect(r.status == .notFound, "\(path)")
                #expect(!r.body.string.contains("Siberut"), "\(path)")
                if path.hasSuffix(".json") { #expect(r.headers.contentType == .json, "\(path)") }
            }
            // Withdrawn from the portal: the same addresses of a once-public dataset close too.
            let dataset = try await DatasetStore.find(slug: w.slug, on: app.db)
            dataset.access = Dataset.Access.terbatas.rawValue
            try await dataset.save(on: app.db)
            for path in paths { #expect(try await visitor.get("/publik/data/\(w.slug)\(path)").status == .notFound, "\(path)") }
        }
    }

    @Test("bad input is a 400 in plain words (Indonesian, or English when chosen), never a 500; hostile values are escaped", arguments: TestDatabase.all)
    func badInput(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let visitor = TestBrowser(app)
            let base = "/publik/data/\(w.slug)"
            let cases: [(String, String)] = [
                ("?c1=nope&o1=equals&v1=1", "tidak ada dalam tabel ini"),
                ("?c1=jumlah&o1=bigger&v1=1", "bigger&quot; tidak dikenal"),
                ("?c1=jumlah&o1=greaterThan&v1=banyak", "banyak"),
                ("?offset=-5", "tidak negatif"),
                ("?limit=abc", "tidak dapat dibaca"),
                ("?x=kecamatan&y=keterangan", "tidak berisi angka"),
                ("?x=luas&y=jumlah", "angka pecahan"),
                ("?x=kecamatan&y=jumlah&kind=line", "butuh kolom tahun atau tanggal"),
                ("?x=kecamatan&y=jumlah&agg=median", "median"),
                ("?x=kecamatan", "pilih kolom nilai"),
                ("/grafik.svg?x=tahun", "pilih kolom nilai"),
                ("/grafik.svg?x=tahun&y=nope", "nope&quot; tidak ada"),
                ("/versi/1?sort=nope", "nope&quot; tidak ada"),
            ]
            for (path, words) in cases {
                let page = try await visitor.get(base + path)
                #expect(page.status == .badRequest, "\(path): \(page.status)")
                #expect(page.body.string.contains(words), "\(path): \(page.body.string.prefix(300))")
                let jsonPath = path.hasPrefix("?") ? base + ".json" + path
                    : base + path.replacingOccurrences(of: "grafik.svg", with: "grafik.json").replacingOccurrences(of: "/versi/1?", with: "/versi/1.json?")
                let twin = try await visitor.get(jsonPath)
                #expect(twin.status == .badRequest && twin.headers.contentType == .json, "\(jsonPath)")
                #expect((try? Self.json(twin)["error"] as? [String: Any])?["message"] as? String != nil, "\(jsonPath)")
            }
            let english = TestBrowser(app)
            english.cookies[Request.languageCookie] = "en"
            #expect(try await english.get(base + "?c1=nope").body.string.contains("nope&quot; does not exist in this table"))
            #expect(try await english.get(base + "?x=kecamatan&y=jumlah&kind=line").body.string.contains("A line chart needs a year or date column"))

            let hostile = "\"><script>alert(1)</script>"
            let encoded = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let page = try await visitor.get("\(base)?c1=keterangan&o1=contains&v1=\(encoded)&x=kecamatan&y=jumlah")
            #expect(page.status == .ok)
            let text = page.body.string
            #expect(!text.contains("<script>alert") && text.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(try await visitor.get(base).body.string.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            let svg = try await visitor.get("\(base)/grafik.svg?x=keterangan&y=jumlah").body.string
            #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;"))
        }
    }

    @Test("every explorer page stays under 30 KB before compression (16 columns and 50 rows; 40 columns and 20 rows)", arguments: TestDatabase.all)
    func pageBudget(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let visitor = TestBrowser(app)
            let english = TestBrowser(app)
            english.cookies[Request.languageCookie] = "en"
            let paths = ["/publik/data/\(w.wide)", "/publik/data/\(w.wide)?c1=kecamatan&o1=contains&v1=Si&sort=tahun&desc=1&offset=50",
                         "/publik/data/\(w.wide)?x=nama_desa&y=penduduk_laki_laki&agg=sum&kind=bar",
                         "/publik/data/\(w.wide)/versi/1?x=tahun&y=jumlah_keluarga&kind=line", "/publik/data/\(w.wide)/versi",
                         "/publik/data/\(w.slug)/versi/2/perubahan", "/publik/data/\(w.wide)/grafik.svg?x=nama_desa&y=penduduk_laki_laki",
                         "/publik/data/\(w.widest)", "/publik/data/\(w.widest)?limit=50&offset=20&sort=keterangan",
                         "/publik/data/\(w.widest)?x=nama_desa&y=indikator_pembangunan_desa_1&agg=sum&kind=bar"]
            for path in paths {
                for browser in [visitor, english] {
                    let r = try await browser.get(path)
                    #expect(r.status == .ok, "\(path)")
                    print("explorer page size: \(r.body.readableBytes) bytes  \(path)")
                    if let dump = ProcessInfo.processInfo.environment["WALIDATA_EXPLORER_DUMP"],
                       path == paths[Int(ProcessInfo.processInfo.environment["WALIDATA_EXPLORER_DUMP_INDEX"] ?? "") ?? 0] {
                        try? r.body.string.write(toFile: dump, atomically: true, encoding: .utf8)
                    }
                    #expect(r.body.readableBytes < 30_000, "\(path) is \(r.body.readableBytes) bytes")
                }
            }
            #expect(Self.dataRows(try await visitor.get(paths[0]).body.string) == 50)
            // At most 800 cells a page (20 rows of 40 columns), fewer when the bytes need it, never
            // fewer than 5; the range and the next page follow what is shown. The column fields
            // suggest from one list. The JSON twin gives what is asked.
            let widest = try await visitor.get("/publik/data/\(w.widest)?limit=50").body.string
            let shown = Self.dataRows(widest)
            #expect((5...20).contains(shown) && widest.contains("1–\(shown)"), "\(shown) rows")
            #expect(widest.contains("offset=\(shown)") && widest.contains("<datalist id=\"explorer-columns\">"))
            #expect(widest.contains("list=\"explorer-columns\"") && !widest.contains("<select id=\"c1\""))
            let twin = try Self.json(try await visitor.get("/publik/data/\(w.widest).json?limit=50"))
            #expect((twin["rows"] as? [Any])?.count == 50)
        }
    }
}
