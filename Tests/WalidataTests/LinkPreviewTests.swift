import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// Issue 10: a link to a public announcement shows a card on Facebook and WhatsApp.
@Suite("Link previews: Open Graph on public announcements")
struct LinkPreviewTests {
    @Test("the announcement page carries og: tags with absolute addresses from the public URL, and the share image is a 1200×630 PNG", arguments: TestDatabase.all)
    func openGraph(_ db: TestDatabase) async throws {
        try await withTestApp(db, baseURL: "https://data.mentawaikab.go.id") { app in
            let fixture = try await CaseFixture(app)
            let record = try await fixture.submit()
            let announcement = Announcement(caseID: record.id, title: "Data \"stunting\" <2026> tersedia", body: "Baris satu.\nBaris dua.", channels: [.website], by: nil, at: Date())
            announcement.publishedAt = Date(timeIntervalSince1970: 1_795_000_000)
            try await announcement.save(on: app.db)
            let page = try await TestBrowser(app).get("/publik/pengumuman/\(announcement.id!)")
            #expect(page.status == .ok)
            let html = page.body.string
            func meta(_ property: String) -> String? {
                guard let range = html.range(of: #"<meta property="\#(property)" content="([^"]*)">"#, options: .regularExpression) else { return nil }
                return String(html[range]).components(separatedBy: "content=\"")[1].dropLast(2).description
            }
            #expect(meta("og:url") == "https://data.mentawaikab.go.id/publik/pengumuman/\(announcement.id!)")
            #expect(meta("og:image") == "https://data.mentawaikab.go.id/publik/share.png")
            #expect(meta("og:locale") == "id_ID" && meta("og:type") == "article")
            #expect(meta("og:title") == "Data &quot;stunting&quot; &lt;2026&gt; tersedia", "escaped, not raw")
            #expect(meta("og:description") == "Baris satu. Baris dua.")
            #expect(meta("article:published_time")?.hasPrefix("2026-11-18T") == true, "\(meta("article:published_time") ?? "")")

            let image = try await TestBrowser(app).get("/publik/share.png")
            #expect(image.status == .ok && image.headers.contentType == .png)
            let bytes = Array(image.body.readableBytesView)
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            let size = ImageHeader(bytes)
            #expect(size?.width == 1200 && size?.height == 630, "\(String(describing: size))")
        }
    }
}
