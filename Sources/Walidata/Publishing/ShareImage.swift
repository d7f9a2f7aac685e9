import Foundation
import Vapor

/// The picture a Facebook post or a WhatsApp message shows beside a link to a public
/// announcement (Open Graph `og:image`, 1200×630 as Facebook recommends). The default is made by
/// `tools/make-share-image.sh` and carried in the binary, so no third-party host is involved.
enum ShareImage {
    static let width = 1200, height = 630
    static let bytes: Data = Data(base64Encoded: defaultBase64, options: .ignoreUnknownCharacters) ?? Data()

    /// The admin's picture when one is stored (`ShareImage+Upload`), else the default. An address
    /// with `?v=` names one picture and may be cached long; the bare one may change.
    @Sendable static func serve(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        let custom = try await custom(dataDirectory: req.application.walidata.dataDirectory, on: req.db)
        let data = custom.flatMap { _ in FileManager.default.contents(atPath: path(dataDirectory: req.application.walidata.dataDirectory)) }
        headers.replaceOrAdd(name: .contentType, value: custom?.header.kind.mediaType ?? "image/png")
        headers.replaceOrAdd(name: .cacheControl, value: req.query[String.self, at: "v"] == nil ? "public, max-age=3600" : "public, max-age=31536000, immutable")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data ?? bytes))
    }

    /// The `<meta property="og:…">` tags of a public announcement page: absolute addresses from
    /// the configured public URL, Indonesian locale, the publication time.
    static func openGraph(_ req: Request, announcement: Announcement, image: Custom? = nil) -> HTML {
        let config = req.application.walidata
        let text = announcement.body.replacingOccurrences(of: "\n", with: " ")
        let description = text.count > 200 ? String(text.prefix(199)) + "…" : text
        let published = announcement.publishedAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""
        return """
        <meta property="og:type" content="article">
        <meta property="og:site_name" content="Walidata">
        <meta property="og:locale" content="id_ID">
        <meta property="og:title" content="\(announcement.title)">
        <meta property="og:description" content="\(description)">
        <meta name="description" content="\(description)">
        <meta property="og:url" content="\(config.publicURL(SiteURL.publicAnnouncement(announcement.id!).path))">
        <meta property="og:image" content="\(address(config, custom: image))">
        <meta property="og:image:type" content="\(image?.header.kind.mediaType ?? "image/png")">
        <meta property="og:image:width" content="\(String(image?.header.width ?? width))">
        <meta property="og:image:height" content="\(String(image?.header.height ?? height))">
        <meta property="article:published_time" content="\(published)">
        """
    }
}
