import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Issue 11: the search in SQL (paging, sort, facets), the office list's facets, column descriptions, on both databases")
struct CatalogFacetsTests {
    typealias Catalogue = CatalogSearchTests

    @Test("pages of a sort put together give the whole result once; the total and the facets do not depend on the page", arguments: TestDatabase.all)
    func pagingIsStable(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Catalogue.catalogue(app)
            for sort in CatalogSearch.Sort.allCases {
                for text in ["", "pendidikan", "kecamatan"] {
                    let whole = try await CatalogSearch.search(.init(text: text, sort: sort), for: .publicOnly, on: app.db)
                    var paged: [String] = []
                    for offset in stride(from: 0, to: whole.total + 2, by: 2) {
                        let page = try await CatalogSearch.search(.init(text: text, sort: sort, window: PageWindow(limit: 2, offset: offset)), for: .publicOnly, on: app.db)
                        #expect(page.total == whole.total)
                        #expect(page.facets == whole.facets, "facets of \(sort) \(text) at \(offset)")
                        paged += page.hits.map(\.dataset.slug)
                    }
                    #expect(paged == whole.hits.map(\.dataset.slug), "\(sort) \(text)")
                    #expect(whole.hits.allSatisfy { $0.dataset.organization.name.isEmpty == false })
                }
            }
        }
    }

    @Test("newest first follows the latest change; relevance ranks title over description; a facet filter with words narrows both", arguments: TestDatabase.all)
    func sortAndFilters(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let c = try await Catalogue.catalogue(app)
            let s = c.slugs
            // The last one changed comes first.
            let kafe = try await DatasetStore.find(slug: s["kafe"]!, on: app.db)
            var form = DatasetForm(kafe)
            form.description = "Kafe, kuliner dan kedai kopi lokal."
            try await DatasetStore.update(kafe, with: form, by: c.f.users["admin"]!, on: app.db)
            #expect(try await Catalogue.found(app, "", sort: .newest).first == s["kafe"])
            let ranked = try await Catalogue.found(app, "pendidikan")
            #expect(ranked.first == s["paud"] && ranked.count == 3)
            let narrowed = try await CatalogSearch.search(.init(text: "pendidikan", filters: [.year: ["2021"]]), for: .publicOnly, on: app.db)
            #expect(narrowed.hits.map(\.dataset.slug) == [s["aps"]!] && narrowed.total == 1)
            #expect(narrowed.facets[.organization]?.map(\.label) == ["Dinas Pendidikan"])
            let none = try await CatalogSearch.search(.init(text: "pendidikan", filters: [.tag: ["tidak-ada"]]), for: .publicOnly, on: app.db)
            #expect(none.total == 0 && none.hits.isEmpty)
        }
    }

    @Test("the office list has the portal's facets; a produsen's counts and links show its own agency's datasets only", arguments: TestDatabase.all)
    func officeFacetsWithinPolicy(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let c = try await Catalogue.catalogue(app)
            let produsen = c.f.users["produsen"]!
            let own = try await CatalogSearch.search(.init(), for: .user(produsen), on: app.db)
            #expect(own.facets[.organization]?.map(\.value) == ["DINKES"])
            let tags = Set(own.facets[.tag]?.map(\.value) ?? [])
            #expect(tags == ["kesehatan", "kependudukan", "ekonomi"], "\(tags)")
            #expect(own.total == 3)
            // Another agency's value asked for by hand finds nothing, not a count.
            let probe = try await CatalogSearch.search(.init(filters: [.organization: ["DISDIK"]]), for: .user(produsen), on: app.db)
            #expect(probe.total == 0 && probe.facets.values.allSatisfy(\.isEmpty))
            let browser = TestBrowser(app)
            _ = try await browser.login("produsen")
            let page = try await browser.get("/datasets?tag=pendidikan").body.string
            #expect(!page.contains(c.slugs["aps"]!) && !page.contains("Dinas Pendidikan"))
            let list = try await browser.get("/datasets").body.string
            #expect(list.contains("id=\"facet-tag\"") && list.contains("tag=kesehatan") && !list.contains("tag=pendidikan") && !list.contains("DISDIK"))
            // The office sees every agency, the closed and unpublished ones counted too.
            let officer = TestBrowser(app)
            _ = try await officer.login("pengelolati")
            let all = try await officer.get("/datasets?organization=DISDIK").body.string
            for key in ["paud", "aps", "rahasia", "draf"] { #expect(all.contains(c.slugs[key]!), "\(key)") }
            #expect(!all.contains(c.slugs["faskes"]!))
            #expect(all.contains("id=\"catalog-filters\"") && all.contains("id=\"facet-year\""))
            let office = try await CatalogSearch.search(.init(), for: .user(c.f.users["pengelola_ti"]!), on: app.db)
            #expect(office.facets[.organization]?.first { $0.value == "DISDIK" }?.count == 4)
        }
    }

    @Test("CKAN package_search: fq by agency, group and format, an unknown name matches nothing, rows=0 counts only, facets by CKAN names", arguments: TestDatabase.all)
    func ckanSearchInSQL(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Catalogue.catalogue(app)
            func result(_ query: String) async throws -> [String: JSONValue] {
                let (status, body) = try await Catalogue.ckan(app, "/api/3/action/package_search?" + query)
                #expect(status == .ok)
                guard case .object(let r)? = body["result"] else { Issue.record("no result"); return [:] }
                return r
            }
            #expect(try await result("fq=groups:pendidikan")["count"] == 2)
            #expect(try await result("fq=res_format:CSV")["count"] == 1)
            #expect(try await result("fq=organization:tidak-ada")["count"] == 0)
            #expect(try await result("fq=organization:dinkes%20tags:kesehatan")["count"] == 1)
            let counted = try await result("rows=0&facet.field=%5B%22organization%22%2C%22groups%22%2C%22year%22%5D")
            #expect(counted["count"] == 5)
            #expect(counted["results"] == .array([]))
            guard case .object(let facets)? = counted["facets"], case .object(let orgs)? = facets["organization"],
                  case .object(let groups)? = facets["groups"], case .object(let years)? = facets["year"] else { Issue.record("no facets"); return }
            #expect(orgs == ["disdik": 2, "dinkes": 3])
            #expect(groups["pendidikan"] == 2 && groups["kesehatan"] == 1)
            #expect(years["2024"] == 3)
            let sorted = try await result("sort=title%20asc&rows=2&start=1")
            guard case .array(let rows)? = sorted["results"], case .object(let first)? = rows.first else { Issue.record("no rows"); return }
            #expect(rows.count == 2 && first["title"] == "Ekonomi Kreatif")
        }
    }

    @Test("column descriptions: saved through the API and the form (CSRF), kept for a new version, searched, shown in CKAN; bad input refused, nothing saved", arguments: TestDatabase.all)
    func columnDescriptions(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let c = try await Catalogue.catalogue(app)
            let slug = c.slugs["aps"]!
            let put = try await c.f.send(.PUT, "/api/v1/datasets/\(slug)/columns", as: "pengelola_ti",
                                         json: ["columns": [["name": "jumlah_murid", "description": "Murid terdaftar <b>awal</b> tahun ajaran"]]])
            #expect(put.status == .ok, "\(put.body.string)")
            let shown = try put.content.decode(ColumnDescriptionController.ColumnsOut.self)
            #expect(shown.columns.map(\.name) == ["kecamatan", "jumlah_murid"])
            #expect(shown.columns.last?.description == "Murid terdaftar <b>awal</b> tahun ajaran")
            let dataset = try await DatasetStore.find(slug: slug, on: app.db)
            #expect(try await ColumnDescriptions.forDataset(dataset, on: app.db) == ["jumlah_murid": "Murid terdaftar <b>awal</b> tahun ajaran"])
            // Searched: a word only the description has.
            #expect(try await Catalogue.found(app, "terdaftar") == [slug])
            // Refused whole: an unknown column, a text too long; nothing changes.
            let unknown = try await c.f.send(.PUT, "/api/v1/datasets/\(slug)/columns", as: "pengelola_ti",
                                             json: ["columns": [["name": "kecamatan", "description": "Nama kecamatan"], ["name": "nope", "description": "x"]]])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("nope"))
            let long = try await c.f.send(.PUT, "/api/v1/datasets/\(slug)/columns", as: "pengelola_ti",
                                          json: ["columns": [["name": "kecamatan", "description": String(repeating: "a", count: 1001)]]])
            #expect(long.status == .unprocessableEntity && long.body.string.contains("1000"))
            #expect(try await ColumnDescriptions.forDataset(dataset, on: app.db).count == 1)
            // Who may not edit the metadata may not edit these: another agency's produsen does not see it.
            #expect(try await c.f.send(.PUT, "/api/v1/datasets/\(slug)/columns", as: "produsen", json: ["columns": []]).status == .notFound)
            #expect(try await c.f.send(.PUT, "/api/v1/datasets/\(slug)/columns", as: "kasi", json: ["columns": []]).status == .forbidden)
            // A new version with the same column keeps the description.
            let next = try await c.f.send(.POST, "/api/v1/datasets/\(slug)/versions?filename=data.csv", as: "pengelola_ti",
                                          body: "kecamatan,jumlah_murid,jumlah_guru\nSiberut,121,9\n")
            #expect(next.status == .created)
            let reloaded = try await DatasetStore.find(slug: slug, on: app.db)
            let after = try await ColumnDescriptionController.columns(of: reloaded, on: app.db)
            #expect(after.columns.map(\.name) == ["kecamatan", "jumlah_murid", "jumlah_guru"])
            #expect(after.columns[1].description.hasPrefix("Murid terdaftar"))
            // The form under the profile of the current version, escaped on output.
            let browser = TestBrowser(app)
            _ = try await browser.login("pengelolati")
            let page = try await browser.get("/datasets/\(slug)/versions/2").body.string
            #expect(page.contains("id=\"column-descriptions\"") && page.contains("&lt;b&gt;awal&lt;/b&gt;") && !page.contains("<b>awal</b>"))
            let saved = try await browser.post("/datasets/\(slug)/columns", [("column[]", "kecamatan"), ("description[]", "Nama kecamatan"),
                                                                            ("column[]", "jumlah_murid"), ("description[]", "")])
            #expect(saved.status == .seeOther || saved.status == .found, "\(saved.status)")
            #expect(try await ColumnDescriptions.forDataset(reloaded, on: app.db) == ["kecamatan": "Nama kecamatan"])
            let forged = TestBrowser(app)
            _ = try await forged.login("pengelolati")
            _ = try await forged.get("/datasets/\(slug)")
            let noToken = try await forged.post("/datasets/\(slug)/columns", [("column[]", "kecamatan"), ("description[]", "palsu")], csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(try await ColumnDescriptions.forDataset(reloaded, on: app.db) == ["kecamatan": "Nama kecamatan"])
            // A reader without the right gets no form.
            let kasi = TestBrowser(app)
            _ = try await kasi.login("kasi")
            #expect(!(try await kasi.get("/datasets/\(slug)/versions/2").body.string.contains("id=\"column-descriptions\"")))
            // The CKAN API: datastore_search fields' info.notes, resource_show's fields.
            let (_, show) = try await Catalogue.ckan(app, "/api/3/action/package_show?id=\(slug)")
            guard case .object(let pkg)? = show["result"], case .array(let resources)? = pkg["resources"],
                  case .object(let resource)? = resources.first, case .string(let id)? = resource["id"] else { Issue.record("no resource"); return }
            let (_, search) = try await Catalogue.ckan(app, "/api/3/action/datastore_search?resource_id=\(id)&limit=1")
            guard case .object(let result)? = search["result"], case .array(let fields)? = result["fields"] else { Issue.record("no fields"); return }
            #expect(fields.contains(["id": "kecamatan", "type": "text", "info": ["notes": "Nama kecamatan", "label": "kecamatan"]]))
            let (_, resourceShow) = try await Catalogue.ckan(app, "/api/3/action/resource_show?id=\(id)")
            guard case .object(let r)? = resourceShow["result"], case .array(let dictionary)? = r["fields"] else { Issue.record("no dictionary"); return }
            #expect(dictionary.first == ["id": "kecamatan", "info": ["notes": "Nama kecamatan", "label": "kecamatan"]])
        }
    }
}
