import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// Issue 11: the harvesting addresses (DCAT, feeds, sitemap, robots) show only what the portal
/// shows: a published open dataset and a published announcement, never an unpublished, terbatas
/// or dikecualikan dataset or a draft announcement. rdflib and feedparser check the formats in
/// `tests/api/test_dcat.py`; here the rule on both databases.
@Suite("Harvesting: DCAT, feeds, sitemap and robots carry only what is public")
struct HarvestTests {
    static let base = "https://data.mentawaikab.go.id"
    static let hostile = "Data \"kutip\" <b> & 'apos' > Ñias 🌴 back\\slash"

    struct World {
        var open: Dataset
        var hidden: [Dataset]
        var announcement: Announcement
        var draft: Announcement
    }

    static func world(_ app: Application) async throws -> World {
        let f = try await CaseFixture(app)
        let officer = f.users["pengelola_ti"]!
        let open = try await app.makeDataset(hostile, organization: f.organization, by: officer)
        let upload = try await f.send(.POST, "/api/v1/datasets/\(open.slug)/versions?filename=data.csv", as: "pengelola_ti", body: "kode,jumlah\n01,5\n")
        #expect(upload.status == .created)
        try await DatasetStore.publish(try await DatasetStore.find(slug: open.slug, on: app.db), reason: "uji panen", by: f.users["kabid"]!, on: app.db)
        let unpublished = try await app.makeDataset("Belum ditayangkan", organization: f.organization, by: officer)
        var hidden = [unpublished]
        for (title, access) in [("Rahasia terbatas", Dataset.Access.terbatas), ("Tertutup dikecualikan", .dikecualikan)] {
            let d = try await app.makeDataset(title, organization: f.organization, by: officer)
            d.access = access.rawValue
            try await d.save(on: app.db)
            hidden.append(d)
        }
        // Reclassified behind the store's back, its publication left set: the public reads still
        // leave it out, as they check the access class too.
        let reclassified = try await app.makeDataset("Dulu terbuka", organization: f.organization, by: officer)
        try await DatasetStore.publish(reclassified, reason: "uji", by: f.users["kabid"]!, on: app.db)
        reclassified.access = Dataset.Access.terbatas.rawValue
        try await reclassified.save(on: app.db)
        hidden.append(reclassified)

        let record = try await f.submit()
        let announcement = Announcement(caseID: record.id, title: hostile, body: "Baris satu.\nBaris <dua>.", channels: [.website], by: nil, at: Date())
        announcement.publishedAt = Date(timeIntervalSince1970: 1_795_000_000)
        try await announcement.save(on: app.db)
        let second = try await f.submit("Permohonan kedua")
        let draft = Announcement(caseID: second.id, title: "Draf rahasia", body: "Belum terbit", channels: [.website], by: nil, at: Date())
        try await draft.save(on: app.db)
        return World(open: try await DatasetStore.find(slug: open.slug, on: app.db), hidden: hidden, announcement: announcement, draft: draft)
    }

    static let documents = [
        "/publik/catalog.jsonld", "/publik/catalog.ttl", "/publik/data.rss", "/publik/data.atom",
        "/publik/pengumuman.rss", "/publik/pengumuman.atom", "/sitemap.xml",
    ]

    @Test("every harvesting document names the published open dataset and announcement and nothing unpublished, terbatas, dikecualikan or drafted",
          arguments: TestDatabase.all)
    func onlyPublic(_ db: TestDatabase) async throws {
        try await withTestApp(db, baseURL: Self.base) { app in
            let w = try await Self.world(app)
            let visitor = TestBrowser(app)
            for path in Self.documents {
                let response = try await visitor.get(path)
                #expect(response.status == .ok, "\(path)")
                let body = response.body.string
                for d in w.hidden {
                    #expect(!body.contains(d.slug) && !body.contains(d.title), "\(d.title) leaked into \(path)")
                }
                #expect(!body.contains(w.draft.id!.uuidString.lowercased()) && !body.contains(w.draft.title), "the draft leaked into \(path)")
            }
            for path in ["/publik/catalog.ttl", "/publik/data.atom", "/sitemap.xml"] {
                #expect(try await visitor.get(path).body.string.contains("\(Self.base)/publik/data/\(w.open.slug)"), "\(path)")
            }
            for path in ["/publik/pengumuman.rss", "/sitemap.xml"] {
                #expect(try await visitor.get(path).body.string.contains("\(Self.base)/publik/pengumuman/\(w.announcement.id!)"), "\(path)")
            }
            for d in w.hidden {
                for ext in ["jsonld", "ttl"] {
                    #expect(try await visitor.get("/publik/data/\(d.slug)/dcat.\(ext)").status == .notFound, "\(d.title)")
                }
            }
            let own = try await visitor.get("/publik/data/\(w.open.slug)/dcat.ttl")
            #expect(own.status == .ok && own.headers.contentType?.description.hasPrefix("text/turtle") == true)
        }
    }

    @Test("a hostile title is escaped for Turtle, JSON and XML; dates are RFC 822 in RSS and RFC 3339 in Atom", arguments: TestDatabase.all)
    func escaping(_ db: TestDatabase) async throws {
        try await withTestApp(db, baseURL: Self.base) { app in
            let w = try await Self.world(app)
            let visitor = TestBrowser(app)
            let turtle = try await visitor.get("/publik/data/\(w.open.slug)/dcat.ttl").body.string
            #expect(turtle.contains(#"dct:title "Data \"kutip\" <b> & 'apos' > Ñias 🌴 back\\slash"@id"#), "\(turtle)")
            let jsonld = try await visitor.get("/publik/data/\(w.open.slug)/dcat.jsonld").body
            let parsed = try JSONSerialization.jsonObject(with: Data(buffer: jsonld)) as? [String: Any]
            let nodes = parsed?["@graph"] as? [[String: Any]] ?? []
            let titles = nodes.compactMap { ($0["dct:title"] as? [[String: Any]])?.first?["@value"] as? String }
            #expect(titles.contains(Self.hostile))
            let rss = try await visitor.get("/publik/pengumuman.rss").body.string
            #expect(rss.contains("<title>Data &quot;kutip&quot; &lt;b&gt; &amp; &apos;apos&apos; &gt; Ñias 🌴 back\\slash</title>"))
            #expect(rss.contains("<description>Baris satu.\nBaris &lt;dua&gt;.</description>"))
            #expect(rss.contains("<pubDate>\(FeedDate.rfc822(w.announcement.publishedAt!))</pubDate>"))
            #expect(FeedDate.rfc822(w.announcement.publishedAt!) == "Wed, 18 Nov 2026 11:06:40 GMT")
            let atom = try await visitor.get("/publik/pengumuman.atom").body.string
            #expect(atom.contains("<published>2026-11-18T11:06:40Z</published>"))
        }
    }

    @Test("robots.txt lets crawlers read the portal and its sitemap, not the office; documents answer 304 to their ETag", arguments: TestDatabase.all)
    func robotsAndCaching(_ db: TestDatabase) async throws {
        try await withTestApp(db, baseURL: Self.base) { app in
            _ = try await Self.world(app)
            let visitor = TestBrowser(app)
            let robots = try await visitor.get("/robots.txt").body.string
            #expect(robots.contains("Allow: /publik\n") && robots.contains("Disallow: /\n") && robots.contains("Sitemap: \(Self.base)/sitemap.xml"))
            #expect(robots.range(of: "Allow: /publik")!.lowerBound < robots.range(of: "Disallow: /")!.lowerBound, "first-match robots must see Allow first")
            let first = try await visitor.get("/publik/catalog.jsonld")
            let etag = try #require(first.headers.first(name: .eTag))
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .ifNoneMatch, value: etag)
            let again = try await visitor.get("/publik/catalog.jsonld", headers: headers)
            #expect(again.status == .notModified && again.body.readableBytes == 0)
            let home = try await visitor.get("/publik").body.string
            #expect(home.contains(#"<link rel="alternate" type="application/rss+xml" title="Pengumuman (RSS)" href="\#(Self.base)/publik/pengumuman.rss">"#))
        }
    }
}
