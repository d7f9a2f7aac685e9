import Crypto
import Vapor
import WalidataCore

/// The addresses harvesters and feed readers use: DCAT-AP 3 (JSON-LD, Turtle) of the catalogue
/// and of each public dataset, RSS and Atom feeds, `sitemap.xml` and `robots.txt`. No sign-in;
/// only what the portal shows.
enum HarvestController {
    static func catalog(_ req: Request, _ format: HarvestFormat) async throws -> Response {
        let (datasets, tables) = try await HarvestStore.catalog(on: req.db)
        let graph = DCATDocument.catalog(datasets, tables: tables, publicURL: publicURL(req))
        return respond(req, format == .ttl ? TurtleWriter.write(graph) : JSONLDWriter.write(graph), type: format.contentType)
    }

    static func dataset(_ req: Request, _ format: HarvestFormat) async throws -> Response {
        let (dataset, table) = try await HarvestStore.dataset(slug: req.parameters.get("slug") ?? "", on: req.db)
        let graph = DCATDocument.dataset(dataset, table: table, publicURL: publicURL(req))
        return respond(req, format == .ttl ? TurtleWriter.write(graph) : JSONLDWriter.write(graph), type: format.contentType)
    }

    static func announcementFeed(_ req: Request, _ format: HarvestFormat) async throws -> Response {
        let url = publicURL(req)
        let t = Translator(lang: .id)
        let entries = try await HarvestStore.announcements(on: req.db).map { a in
            let published = a.publishedAt ?? a.updatedAt
            return Feed.Entry(id: "urn:uuid:\(a.id!.uuidString.lowercased())", title: a.title, link: url(SiteURL.publicAnnouncement(a.id!).path),
                              summary: excerpt(a.body), published: published, updated: published)
        }
        let feed = Feed(title: t("harvest.feed.announcements"), description: t("portal.intro"), link: url(SiteURL.publicHome.path),
                        selfLink: url(SiteURL.publicFeed(.announcements, format).path), language: "id", updated: emptyFeedDate, entries: entries)
        return respond(req, format == .rss ? feed.rss() : feed.atom(), type: format.contentType)
    }

    /// Each change of a public dataset (its metadata or a new current table) is a new entry, so a
    /// feed reader shows the update rather than silently replacing an old item.
    static func datasetFeed(_ req: Request, _ format: HarvestFormat) async throws -> Response {
        let url = publicURL(req)
        let t = Translator(lang: .id)
        let entries = try await HarvestStore.recentlyUpdated(on: req.db).prefix(HarvestStore.feedLimit).map { dataset, table, modified in
            let page = url(SiteURL.publicDataset(dataset.slug).path)
            let what = table.map { t("harvest.feed.version", String($0.number), NumberText.format($0.rowCount, lang: .id)) } ?? ""
            let summary = [dataset.organization.name, what, excerpt(dataset.description)].filter { !$0.isEmpty }.joined(separator: " · ")
            return Feed.Entry(id: page + "#pembaruan-" + String(Int(modified.timeIntervalSince1970)), title: dataset.title, link: page,
                              summary: summary, published: dataset.publishedAt ?? modified, updated: modified)
        }
        let feed = Feed(title: t("harvest.feed.datasets"), description: t("portal.data_intro"), link: url(SiteURL.publicDatasets.path),
                        selfLink: url(SiteURL.publicFeed(.datasets, format).path), language: "id", updated: emptyFeedDate, entries: Array(entries))
        return respond(req, format == .rss ? feed.rss() : feed.atom(), type: format.contentType)
    }

    @Sendable static func sitemap(_ req: Request) async throws -> Response {
        let url = publicURL(req)
        let datasets = try await HarvestStore.recentlyUpdated(on: req.db)
        let announcements = try await HarvestStore.announcements(limit: nil, on: req.db)
        var urls: [(loc: String, lastmod: Date?)] = [
            (url(SiteURL.publicHome.path), announcements.first?.publishedAt),
            (url(SiteURL.publicDatasets.path), datasets.first?.2),
        ]
        urls += announcements.map { (url(SiteURL.publicAnnouncement($0.id!).path), $0.publishedAt) }
        urls += datasets.map { (url(SiteURL.publicDataset($0.0.slug).path), $0.2) }
        return respond(req, Sitemap.write(urls), type: "application/xml; charset=utf-8")
    }

    /// Search engines may read the portal and the public APIs; the office's pages and the rest
    /// of the API are not for them. Allow lines come first for robots that take the first match.
    @Sendable static func robots(_ req: Request) async throws -> Response {
        let allowed = [SiteURL.publicHome.path, "/api/v1/public/", "/api/3/action/", "/api/action/",
                       SiteURL.stylesheet.path, SiteURL.favicon.path, SiteURL.sitemap.path]
        let text = "User-agent: *\n" + allowed.map { "Allow: \($0)\n" }.joined() + "Disallow: /\n\nSitemap: \(publicURL(req)(SiteURL.sitemap.path))\n"
        return respond(req, text, type: "text/plain; charset=utf-8")
    }

    // MARK: Helpers

    /// Before anything is published a feed still needs a date; a fixed one keeps its ETag stable.
    static let emptyFeedDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

    static func publicURL(_ req: Request) -> @Sendable (String) -> String {
        let config = req.application.walidata
        return { config.publicURL($0) }
    }

    static func excerpt(_ text: String, limit: Int = 500) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    /// The document with an ETag of its bytes and a short public cache time; a client that
    /// already holds it (`If-None-Match`) gets 304 and no body, which is what a harvester polling
    /// every few minutes over a slow link needs. Compressed (gzip or deflate) when the client
    /// asks: Vapor's compressor, switched on for these responses only. The ETag is weak because
    /// the same document travels in more than one encoding.
    static func respond(_ req: Request, _ text: String, type: String) -> Response {
        let digest = SHA256.hash(data: Data(text.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
        let etag = "W/\"\(digest)\""
        var headers = HTTPHeaders()
        headers.responseCompression = .enable
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=\(cacheSeconds)")
        headers.replaceOrAdd(name: .eTag, value: etag)
        headers.replaceOrAdd(name: .vary, value: "Accept-Encoding")
        if DownloadCaching.isHeld(etag, by: req) { return Response(status: .notModified, headers: headers) }
        headers.replaceOrAdd(name: .contentType, value: type)
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    static let cacheSeconds = 300
}
