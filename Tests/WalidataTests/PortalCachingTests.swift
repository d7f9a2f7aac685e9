import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata

/// Issue 11, "on slow island links too": the portal's pages travel compressed and are
/// revalidated with 304 instead of sent again; nothing cached outlives a withdrawal, and a
/// signed-in user's page is never public.
@Suite("Portal caching and compression")
struct PortalCachingTests {
    func fixture(_ app: Application) async throws -> (TestBrowser, Dataset, User) {
        try await app.publishedDataset()
    }

    func ifNoneMatch(_ etag: String, gzip: Bool = false) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .ifNoneMatch, value: etag)
        if gzip { headers.replaceOrAdd(name: .acceptEncoding, value: "gzip, deflate") }
        return headers
    }

    @Test("the dataset page has a strong ETag and a short public cache time, answers 304, and a withdrawal wins over the cache",
          arguments: TestDatabase.all)
    func datasetPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (officer, dataset, kabid) = try await fixture(app)
            let visitor = TestBrowser(app)
            let path = "/publik/data/\(dataset.slug)"
            let first = try await visitor.get(path)
            #expect(first.status == .ok)
            #expect(first.headers.first(name: .cacheControl) == "public, max-age=300")
            let etag = try #require(first.headers.first(name: .eTag))
            #expect(etag.hasPrefix("\"") && !etag.hasSuffix("-gz\""))
            #expect(first.headers.responseCompression == .enable)

            let again = try await visitor.get(path, headers: ifNoneMatch(etag))
            #expect(again.status == .notModified && again.body.readableBytes == 0)
            #expect(again.headers.first(name: .eTag) == etag)
            // The compressed representation has its own strong tag; either one revalidates.
            let zipped = try await visitor.get(path, headers: ifNoneMatch("\"other\"", gzip: true))
            #expect(zipped.status == .ok)
            let zippedTag = try #require(zipped.headers.first(name: .eTag))
            #expect(zippedTag == String(etag.dropLast()) + "-gz\"")
            #expect(zipped.headers[.vary].joined(separator: ",").contains("Accept-Encoding"))
            #expect(try await visitor.get(path, headers: ifNoneMatch(zippedTag, gzip: true)).status == .notModified)
            #expect(try await visitor.get(path, headers: ifNoneMatch("W/\(etag)")).status == .notModified)

            // Another language is another page.
            let english = TestBrowser(app)
            english.cookies[Request.languageCookie] = "en"
            #expect(try await english.get(path, headers: ifNoneMatch(etag)).status == .ok)

            // A new version changes the page: the old tag no longer matches.
            #expect(try await officer.upload(dataset.slug, disposition: #"filename="v2.csv""#, bytes: Array("desa,jumlah\nA,5\n".utf8)).status == .seeOther)
            let newer = try await visitor.get(path, headers: ifNoneMatch(etag))
            #expect(newer.status == .ok)
            let newerTag = try #require(newer.headers.first(name: .eTag))
            #expect(newerTag != etag)

            // Withdrawn: the very next request is "not found", even with a tag that matched.
            try await DatasetStore.withdraw(try await DatasetStore.find(slug: dataset.slug, on: app.db), reason: "uji", by: kabid, on: app.db)
            #expect(try await visitor.get(path, headers: ifNoneMatch(newerTag)).status == .notFound)
            #expect(try await visitor.get(path + "/data.csv").status == .notFound)
        }
    }

    @Test("a signed-in user's portal page is neither public-cacheable nor compressed; the office stays private",
          arguments: TestDatabase.all)
    func signedIn(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (officer, dataset, _) = try await fixture(app)
            let page = try await officer.get("/publik/data/\(dataset.slug)", headers: ifNoneMatch("\"x\"", gzip: true))
            #expect(page.status == .ok)
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            #expect(page.headers.first(name: .eTag) == nil)
            #expect(page.headers.responseCompression == .disable)
            let office = try await officer.get("/datasets/\(dataset.slug)/versions/1/data.csv")
            #expect(office.headers.first(name: .cacheControl) == "private, no-store")
            #expect(office.headers.responseCompression == .disable)
            // Anonymous downloads and the CKAN API are compressed when asked.
            let visitor = TestBrowser(app)
            let csv = try await visitor.get("/publik/data/\(dataset.slug)/data.csv", headers: ifNoneMatch("\"x\"", gzip: true))
            #expect(csv.headers.responseCompression == .enable)
            #expect(csv.headers.first(name: .eTag)?.hasSuffix("-gz\"") == true)
            let ckan = try await visitor.get("/api/3/action/package_show?id=\(dataset.slug)")
            #expect(ckan.headers.responseCompression == .enable)
        }
    }
}
