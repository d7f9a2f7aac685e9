import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Finding data: the catalogue search, its facets and the CKAN API, on both databases")
struct CatalogSearchTests {
    struct Catalogue {
        var f: CaseFixture
        var slugs: [String: String] = [:]
    }

    /// Public: paud (title "Pendidikan…"), aps (pendidikan in topic, tags, description, column
    /// names), faskes (a word "pendidik" once in the description), penduduk, kafe (a diacritic).
    /// Not public: rahasia (terbatas), draf (terbuka, never published). Two agencies.
    static func catalogue(_ app: Application) async throws -> Catalogue {
        let f = try await CaseFixture(app)
        let disdik = try await app.makeOrganization("DISDIK", name: "Dinas Pendidikan")
        let officer = f.users["pengelola_ti"]!, kabid = f.users["kabid"]!
        var c = Catalogue(f: f)
        let rows: [(String, String, Organization, String, String, String, String, String?, Bool)] = [
            ("paud", "Pendidikan Anak Usia Dini", disdik, "Jumlah lembaga PAUD.", "paud", "Pendidikan", "2024", nil, true),
            ("aps", "Angka Partisipasi Sekolah", disdik, "Data pendidikan dasar menurut kecamatan.", "pendidikan, sekolah", "Pendidikan", "2020-2022",
             "kecamatan,jumlah_murid\nSiberut,120\nSikakap,80\nSipora,95\n", true),
            ("faskes", "Fasilitas Kesehatan", f.organization, "Puskesmas dan posyandu, dengan tenaga pendidik kesehatan.", "kesehatan", "Kesehatan", "2024", nil, true),
            ("penduduk", "Jumlah Penduduk per Kecamatan", f.organization, "Hasil registrasi kependudukan.", "kependudukan", "Kependudukan", "2023", nil, true),
            ("kafe", "Ekonomi Kreatif", f.organization, "Kafé dan kuliner lokal.", "ekonomi", "Ekonomi", "2024", nil, true),
            ("rahasia", "Data Pendidikan Khusus", disdik, "Tertutup.", "pendidikan", "Pendidikan", "2024", nil, false),
            ("draf", "Pendidikan Nonformal", disdik, "Belum terbit.", "pendidikan", "Pendidikan", "2024", nil, false),
        ]
        for (key, title, org, description, tags, topic, period, csv, publish) in rows {
            let dataset = try await app.makeDataset(title, organization: org, by: officer)
            var form = DatasetForm(dataset)
            (form.description, form.tags, form.topic, form.period, form.frequency) = (description, tags, topic, period, "tahunan")
            form.access = key == "rahasia" ? Dataset.Access.terbatas.rawValue : Dataset.Access.terbuka.rawValue
            try await DatasetStore.update(dataset, with: form, by: f.users["admin"]!, on: app.db)
            if let csv {
                let response = try await f.send(.POST, "/api/v1/datasets/\(dataset.slug)/versions?filename=data.csv", as: "pengelola_ti", body: csv)
                #expect(response.status == .created, "\(response.body.string)")
            }
            if publish { try await DatasetStore.publish(dataset, reason: "uji cari", by: kabid, on: app.db) }
            c.slugs[key] = dataset.slug
        }
        return c
    }

    static func found(_ app: Application, _ text: String, _ audience: CatalogSearch.Audience = .publicOnly,
                      sort: CatalogSearch.Sort = .relevance) async throws -> [String] {
        try await CatalogSearch.search(.init(text: text, sort: sort), for: audience, on: app.db).hits.map(\.dataset.slug)
    }

    @Test("word forms meet (mendidik finds pendidikan, pendidik), a title match ranks first, closed and unpublished never appear publicly", arguments: TestDatabase.all)
    func wordFormsAndRanking(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let c = try await Self.catalogue(app)
            let s = c.slugs
            let hits = try await Self.found(app, "mendidik")
            #expect(Set(hits) == [s["paud"]!, s["aps"]!, s["faskes"]!])
            #expect(hits.first == s["paud"], "title match first: \(hits)")
            #expect(hits.last == s["faskes"], "one word in the description last: \(hits)")
            // The office sees what its policy allows: the closed and the unpublished too.
            let office = try await Self.found(app, "pendidikan", .user(c.f.users["pengelola_ti"]!))
            #expect(Set(office).isSuperset(of: [s["rahasia"]!, s["draf"]!]))
            #expect(try await Self.found(app, "pendidikan").allSatisfy { $0 != s["rahasia"] && $0 != s["draf"] })
            #expect(try await Self.found(app, "kependudukan") == [s["penduduk"]!])
            #expect(try await Self.found(app, "penduduk kecamatan") == [s["penduduk"]!])
        }
    }

    @Test("typing without diacritics, column names and the agency's name are searched", arguments: TestDatabase.all)
    func diacriticsColumnsAgency(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.catalogue(app).slugs
            #expect(try await Self.found(app, "kafe") == [s["kafe"]!])
            #expect(try await Self.found(app, "KAFÉ") == [s["kafe"]!])
            #expect(try await Self.found(app, "murid") == [s["aps"]!])
            #expect(try await Self.found(app, "dinas kesehatan").contains(s["penduduk"]!))
        }
    }

    @Test("facets count the datasets found; a facet filter narrows; paging windows the result; sort by title", arguments: TestDatabase.all)
    func facetsAndPaging(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.catalogue(app).slugs
            let all = try await CatalogSearch.search(.init(), for: .publicOnly, on: app.db)
            #expect(all.total == 5)
            let orgs = Dictionary(uniqueKeysWithValues: all.facets[.organization]!.map { ($0.value, $0.count) })
            #expect(orgs == ["DISDIK": 2, "DINKES": 3])
            #expect(all.facets[.year]!.first { $0.value == "2024" }?.count == 3)
            #expect(all.facets[.year]!.first { $0.value == "2021" }?.count == 1)
            #expect(all.facets[.format]!.map(\.value) == ["CSV"])
            #expect(all.facets[.tag]!.first { $0.value == "pendidikan" }?.count == 1)
            let narrowed = try await CatalogSearch.search(.init(filters: [.organization: ["DISDIK"]]), for: .publicOnly, on: app.db)
            #expect(Set(narrowed.hits.map(\.dataset.slug)) == [s["paud"]!, s["aps"]!])
            let titles = try await Self.found(app, "", sort: .title)
            #expect(titles == [s["aps"]!, s["kafe"]!, s["faskes"]!, s["penduduk"]!, s["paud"]!])
            let page2 = try await CatalogSearch.search(.init(sort: .title, window: PageWindow(limit: 2, offset: 2)), for: .publicOnly, on: app.db)
            #expect(page2.total == 5)
            #expect(page2.hits.map(\.dataset.slug) == [s["faskes"]!, s["penduduk"]!])
        }
    }

    @Test("the index follows a change of metadata in the same transaction, and the migration fills it for rows that exist", arguments: TestDatabase.all)
    func indexKeptCurrent(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let c = try await Self.catalogue(app)
            let dataset = try await DatasetStore.find(slug: c.slugs["kafe"]!, on: app.db)
            var form = DatasetForm(dataset)
            form.title = "Pariwisata Bahari"
            try await DatasetStore.update(dataset, with: form, by: c.f.users["admin"]!, on: app.db)
            #expect(try await Self.found(app, "bahari") == [dataset.slug])
            #expect(try await Self.found(app, "kreatif").isEmpty)
            // Rebuilt from the rows (what M021 does on upgrade): the same answers.
            try await CatalogIndex.refresh(on: app.db)
            #expect(try await Self.found(app, "bahari") == [dataset.slug])
            #expect(try await Self.found(app, "mendidik").count == 3)
        }
    }

    static let hostile = [
        "\"", "\"pendidikan", "pendidikan*", "NEAR(pendidikan sekolah)", "-pendidikan", "title:pendidikan", "a OR b AND NOT c",
        "'; DROP TABLE datasets; --", "(((", "^", "%", "pendidikan & | ! <->", String(repeating: "x", count: 200), "   ",
    ]

    @Test("hostile query strings give results or an empty list, never an error, on the portal and the CKAN API", arguments: TestDatabase.all)
    func hostileQueries(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Self.catalogue(app)
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            for q in Self.hostile {
                let e = q.addingPercentEncoding(withAllowedCharacters: allowed)!
                let page = try await app.testing().sendRequest(.GET, "/publik/data?q=\(e)")
                #expect(page.status == .ok, "\(q)")
                let api = try await app.testing().sendRequest(.GET, "/api/3/action/package_search?q=\(e)&fq=\(e)")
                #expect(api.status == .ok, "\(q): \(api.body.string.prefix(300))")
            }
            #expect(try await Self.found(app, "\"pendidikan*").count == 3)
            // Past the length every query field has, the answer says so in words (422), as elsewhere.
            let long = try await app.testing().sendRequest(.GET, "/publik/data?q=" + String(repeating: "x", count: 3000))
            #expect(long.status == .unprocessableEntity && long.body.string.contains("200"))
        }
    }

    @Test("the portal page has the search box, facets with counts and only public datasets", arguments: TestDatabase.all)
    func portalPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.catalogue(app).slugs
            let page = try await app.testing().sendRequest(.GET, "/publik/data?q=pendidikan&organization=DISDIK")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("id=\"catalog-search\"") && html.contains("name=\"q\" value=\"pendidikan\""))
            #expect(html.contains(s["aps"]!) && html.contains(s["paud"]!))
            #expect(!html.contains(s["rahasia"]!) && !html.contains(s["draf"]!))
            #expect(html.contains("id=\"facet-tag\"") && html.contains("id=\"catalog-filters\""))
            #expect(!html.contains("<script"))
        }
    }

    @Test("the office's /datasets list finds word forms too, within what the user may see", arguments: TestDatabase.all)
    func officeList(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.catalogue(app).slugs
            let officer = TestBrowser(app)
            _ = try await officer.login("pengelolati")
            let page = try await officer.get("/datasets?q=mendidik").body.string
            for key in ["paud", "aps", "faskes", "rahasia", "draf"] { #expect(page.contains(s[key]!), "\(key)") }
            #expect(!page.contains(s["penduduk"]!))
            // The produsen of Dinas Kesehatan sees its own agency's datasets only.
            let produsen = TestBrowser(app)
            _ = try await produsen.login("produsen")
            let own = try await produsen.get("/datasets?q=mendidik").body.string
            #expect(own.contains(s["faskes"]!) && !own.contains(s["aps"]!) && !own.contains(s["rahasia"]!))
        }
    }

    // MARK: CKAN

    static func ckan(_ app: Application, _ path: String) async throws -> (HTTPStatus, [String: JSONValue]) {
        let response = try await app.testing().sendRequest(.GET, path)
        return (response.status, try JSONDecoder().decode([String: JSONValue].self, from: Data(response.body.readableBytesView)))
    }

    @Test("CKAN: envelope, package_search with fq and facets, package_show, 404 for a closed dataset, 409 for a bad parameter, 400 for an unknown action", arguments: TestDatabase.all)
    func ckanEnvelope(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.catalogue(app).slugs
            let (status, search) = try await Self.ckan(app, "/api/3/action/package_search?q=pendidikan&fq=organization:disdik&facet.field=%5B%22tags%22%5D&rows=1")
            #expect(status == .ok && search["success"] == true)
            guard case .object(let result)? = search["result"] else { Issue.record("no result"); return }
            #expect(result["count"] == 2)
            guard case .array(let results)? = result["results"] else { Issue.record("no results"); return }
            #expect(results.count == 1)
            guard case .object(let facets)? = result["facets"], case .object(let tags)? = facets["tags"] else { Issue.record("no facets"); return }
            #expect(tags["pendidikan"] == 1)
            for base in ["/api/3/action", "/api/action"] {
                let (ok, show) = try await Self.ckan(app, "\(base)/package_show?id=\(s["aps"]!)")
                #expect(ok == .ok)
                guard case .object(let pkg)? = show["result"], case .array(let extras)? = pkg["extras"] else { Issue.record("no package"); return }
                #expect(extras.contains(["key": "tahun", "value": "2020-2022"]))
                #expect(extras.contains(["key": "produsen", "value": "Dinas Pendidikan"]))
            }
            for hidden in [s["rahasia"]!, s["draf"]!, "tidak-ada"] {
                let (code, body) = try await Self.ckan(app, "/api/3/action/package_show?id=\(hidden)")
                #expect(code == .notFound && body["success"] == false)
                guard case .object(let error)? = body["error"] else { Issue.record("no error"); return }
                #expect(error["__type"] == "Not Found Error")
            }
            let (bad, badBody) = try await Self.ckan(app, "/api/3/action/package_search?rows=banyak")
            #expect(bad == .conflict)
            guard case .object(let error)? = badBody["error"] else { Issue.record("no error"); return }
            #expect(error["__type"] == "Validation Error")
            let unknown = try await app.testing().sendRequest(.GET, "/api/3/action/package_create")
            #expect(unknown.status == .badRequest)
            let (_, list) = try await Self.ckan(app, "/api/3/action/package_list")
            guard case .array(let names)? = list["result"] else { Issue.record("no list"); return }
            #expect(names.count == 5 && !names.contains(.string(s["rahasia"]!)))
        }
    }

    @Test("CKAN datastore_search reads the public table with filters, sort, fields and paging; a closed resource is not found", arguments: TestDatabase.all)
    func ckanDatastore(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let s = try await Self.catalogue(app).slugs
            let (_, show) = try await Self.ckan(app, "/api/3/action/package_show?id=\(s["aps"]!)")
            guard case .object(let pkg)? = show["result"], case .array(let resources)? = pkg["resources"],
                  case .object(let resource)? = resources.first, case .string(let id)? = resource["id"] else { Issue.record("no resource"); return }
            let (ok, body) = try await Self.ckan(app, "/api/3/action/datastore_search?resource_id=\(id)&sort=jumlah_murid%20desc&limit=2&fields=kecamatan")
            #expect(ok == .ok)
            guard case .object(let result)? = body["result"], case .array(let records)? = result["records"] else { Issue.record("no records"); return }
            #expect(result["total"] == 3)
            #expect(records == [["kecamatan": "Siberut"], ["kecamatan": "Sipora"]])
            let filtered = try await Self.ckan(app, "/api/3/action/datastore_search?resource_id=\(id)&filters=%7B%22kecamatan%22%3A%22Sikakap%22%7D")
            guard case .object(let r2)? = filtered.1["result"], case .array(let rec2)? = r2["records"] else { Issue.record("no records"); return }
            #expect(rec2 == [["_id": 2, "kecamatan": "Sikakap", "jumlah_murid": 80]])
            let unknownColumn = try await Self.ckan(app, "/api/3/action/datastore_search?resource_id=\(id)&filters=%7B%22nope%22%3A%221%22%7D")
            #expect(unknownColumn.0 == .conflict)
            #expect(try await Self.ckan(app, "/api/3/action/datastore_search?resource_id=\(UUID())").0 == .notFound)
            #expect(try await Self.ckan(app, "/api/3/action/datastore_search").0 == .conflict)
        }
    }
}
