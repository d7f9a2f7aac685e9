import Vapor

/// Which responses travel compressed (gzip or deflate, when the client's `Accept-Encoding`
/// asks; Vapor's compressor does the work, switched on per response by this middleware).
///
/// Only responses that can hold no secret: the request carried no session cookie and no
/// `Authorization`, and the response sets no cookie. Compressing a page that holds a secret
/// (a CSRF token, a session) next to text an attacker can put in the URL would let the sizes
/// leak it (BREACH); the public portal, its JSON, the CKAN API, feeds and the stylesheet are
/// all anonymous, and they are what travels over slow island links.
///
/// A compressed response's strong ETag gets the suffix `-gz` (see `DownloadCaching`).
struct CompressionPolicy: AsyncMiddleware {
    static let sessionCookie = "walidata_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let anonymous = request.cookies[Self.sessionCookie] == nil && request.headers[.authorization].isEmpty
            && response.headers[.setCookie].isEmpty
        guard anonymous, Self.isCompressible(response) || response.status == .notModified else {
            response.headers.responseCompression = .disable
            return response
        }
        response.headers.responseCompression = .enable
        guard Self.acceptsCompression(request) else { return response }
        if let etag = response.headers.first(name: .eTag), etag.hasPrefix("\""), !etag.hasSuffix(DownloadCaching.compressedSuffix + "\"") {
            response.headers.replaceOrAdd(name: .eTag, value: String(etag.dropLast()) + DownloadCaching.compressedSuffix + "\"")
        }
        if !response.headers[.vary].contains(where: { $0.localizedCaseInsensitiveContains("accept-encoding") }) {
            response.headers.add(name: .vary, value: "Accept-Encoding")
        }
        return response
    }

    /// gzip or deflate with a q-value above zero: what NIO's compressor can send.
    static func acceptsCompression(_ request: Request) -> Bool {
        request.headers[.acceptEncoding].flatMap { $0.split(separator: ",") }.contains { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "deflate" || coding == "*" else { return false }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0
        }
    }

    static func isCompressible(_ response: Response) -> Bool {
        guard let type = response.headers.contentType else { return false }
        return HTTPMediaTypeSet.compressible.contains(type)
    }
}
