import Crypto
import Vapor
import WalidataTables

/// What caches may keep of a response, and its entity tag: the one way Walidata answers
/// `If-None-Match` (downloads, portal pages, feeds and DCAT documents).
///
/// - `privateDownload`: anything behind a sign-in (office downloads of versions and tables,
///   attachments, backups, the dashboard CSV). `private, no-store`: no shared proxy on the
///   office's link and no browser disk keeps a copy after the user signs out.
/// - `publicVersion`: the portal's downloads of an accepted version's table, which never
///   changes. `public` for a short time (the portal URL names the dataset, and its current
///   version can change), with a strong ETag of the table's content hash, format, query and
///   the exporter's revision; a client revalidating with `If-None-Match` gets 304 and no body.
/// - `publicCurrent(parts)`: a public page or JSON of what is current (a dataset's current
///   version, a feed): short `max-age`, strong ETag of `parts` (the version's content hash, the
///   query, the language, whatever else the page shows) and of this server process's start,
///   so a new release never answers 304 for a page it renders differently.
/// - `publicImmutable(parts)`: a URL that names something that never changes (a numbered
///   version): `public, max-age=31536000, immutable`.
///
/// When the response travels compressed (`CompressionPolicy`), its strong tag gets the suffix
/// `-gz`: the compressed bytes are a different representation and need a different strong tag.
/// `If-None-Match` is compared weakly, as RFC 9110 asks, and with or without that suffix.
enum DownloadCaching {
    case privateDownload
    case publicVersion(blobHash: String, format: ExportFormat, query: String)
    case publicCurrent([String])
    case publicImmutable([String])

    static let privateValue = "private, no-store"
    static let publicMaxAge = 300
    static var publicValue: String { "public, max-age=\(publicMaxAge)" }
    static let immutableValue = "public, max-age=31536000, immutable"
    /// Changes at each start of the server: pages rendered by another build must not match.
    static let processTag = UUID().uuidString
    static let compressedSuffix = "-gz"

    /// The strong entity tag, quoted as HTTP wants it (before any compression suffix).
    var etag: String? {
        switch self {
        case .privateDownload:
            return nil
        case .publicVersion(let hash, let format, let query):
            return "\"\(hash)-\(format.rawValue)-r\(ExportFormat.revision)-\(Self.digest(query, bytes: 8))\""
        case .publicCurrent(let parts), .publicImmutable(let parts):
            return "\"\(Self.digest(([Self.processTag] + parts).joined(separator: "\u{0}"), bytes: 16))\""
        }
    }

    static func digest(_ text: String, bytes: Int) -> String {
        var text = text
        return text.withUTF8 { digest(UnsafeRawBufferPointer($0), bytes: bytes) }
    }

    /// The first `bytes` bytes of the SHA-256 of `data`, in lower-case hex. (Read for every
    /// public page: no copy of the page into a `String`, no `String(format:)` per byte.)
    static func digest(_ data: UnsafeRawBufferPointer, bytes: Int) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes * 2)
        for byte in SHA256.hash(data: data).prefix(bytes) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the request's `If-None-Match` holds this tag: weak comparison (`W/` ignored),
    /// with or without the compression suffix, or `*`.
    static func isHeld(_ etag: String, by req: Request) -> Bool {
        func opaque(_ tag: some StringProtocol) -> Substring {
            var tag = Substring(tag.trimmingCharacters(in: .whitespaces))
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            let suffix = compressedSuffix + "\""
            if tag.hasSuffix(suffix) { tag = tag.dropLast(suffix.count) + "\"" }
            return tag
        }
        let wanted = opaque(etag)
        return req.headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }.contains { $0.trimmingCharacters(in: .whitespaces) == "*" || opaque($0) == wanted }
    }

    /// A 304 when the request already holds this response (`If-None-Match`), else nil.
    func notModified(_ req: Request) -> Response? {
        guard let etag, Self.isHeld(etag, by: req) else { return nil }
        let response = Response(status: .notModified)
        apply(to: response)
        return response
    }

    func apply(to response: Response) {
        let cacheControl = switch self {
        case .privateDownload: Self.privateValue
        case .publicVersion, .publicCurrent: Self.publicValue
        case .publicImmutable: Self.immutableValue
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: cacheControl)
        if let etag { response.headers.replaceOrAdd(name: .eTag, value: etag) }
        if case .publicCurrent = self { response.headers.replaceOrAdd(name: .vary, value: "Accept-Encoding, Cookie") }
        if case .publicImmutable = self { response.headers.replaceOrAdd(name: .vary, value: "Accept-Encoding, Cookie") }
    }

    /// Public caching for a portal page, only for a visitor who is not signed in: a signed-in
    /// user's page shows their name and menu and must not be kept by a shared cache.
    static func publicPage(_ req: Request, _ parts: [String], immutable: Bool = false) -> DownloadCaching? {
        guard req.cookies[CompressionPolicy.sessionCookie] == nil else { return nil }
        let parts = parts + [req.url.query ?? "", req.preferredLanguage.rawValue]
        return immutable ? .publicImmutable(parts) : .publicCurrent(parts)
    }
}

extension Response {
    /// Marks a signed-in user's download as not to be kept by any cache.
    @discardableResult
    func privateDownload() -> Response {
        DownloadCaching.privateDownload.apply(to: self)
        return self
    }
}
