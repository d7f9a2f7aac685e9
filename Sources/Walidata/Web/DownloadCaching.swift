import Crypto
import Vapor
import WalidataTables

/// What caches may keep of a download.
///
/// - `privateDownload`: anything behind a sign-in (office downloads of versions and tables,
///   attachments, backups, the dashboard CSV). `private, no-store`: no shared proxy on the
///   office's link and no browser disk keeps a copy after the user signs out.
/// - `publicVersion`: the portal's downloads of an accepted version's table, which never
///   changes. `public` for a short time (the portal URL names the dataset, and its current
///   version can change), with a strong ETag of the table's content hash, format, query and
///   the exporter's revision; a client revalidating with `If-None-Match` gets 304 and no body.
enum DownloadCaching {
    case privateDownload
    case publicVersion(blobHash: String, format: ExportFormat, query: String)

    static let privateValue = "private, no-store"
    static let publicMaxAge = 300
    static var publicValue: String { "public, max-age=\(publicMaxAge)" }

    /// The strong entity tag of a public download, quoted as HTTP wants it.
    var etag: String? {
        guard case .publicVersion(let hash, let format, let query) = self else { return nil }
        let queryDigest = SHA256.hash(data: Data(query.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return "\"\(hash)-\(format.rawValue)-r\(ExportFormat.revision)-\(queryDigest)\""
    }

    /// A 304 when the request already holds this download (`If-None-Match`), else nil.
    func notModified(_ req: Request) -> Response? {
        guard let etag else { return nil }
        let held = req.headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard held.contains(etag) || held.contains("*") else { return nil }
        let response = Response(status: .notModified)
        apply(to: response)
        return response
    }

    func apply(to response: Response) {
        switch self {
        case .privateDownload:
            response.headers.replaceOrAdd(name: .cacheControl, value: Self.privateValue)
        case .publicVersion:
            response.headers.replaceOrAdd(name: .cacheControl, value: Self.publicValue)
            if let etag { response.headers.replaceOrAdd(name: .eTag, value: etag) }
        }
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
