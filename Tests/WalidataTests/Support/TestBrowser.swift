import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting
@testable import Walidata

/// A minimal browser for in-process tests: keeps cookies, reads the CSRF token from the last
/// page, sends forms as a browser would.
final class TestBrowser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var lastBody = ""

    init(_ app: Application) { self.app = app }

    var csrf: String? {
        guard let range = lastBody.range(of: #"name="_csrf" value="([0-9a-f]+)""#, options: .regularExpression) else { return nil }
        let match = String(lastBody[range])
        return match.components(separatedBy: "value=\"").last?.replacingOccurrences(of: "\"", with: "")
    }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a URL-encoded form; the CSRF token of the last page is added unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ form: [(String, String)], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf, let token = self.csrf { fields.append(("_csrf", token)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        var headers = headers
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), value = String(pair[1])
            // Only the attributes say "expired": a random value (a CSRF token) may contain "1970" by chance.
            let attributes = header.split(separator: ";").dropFirst().joined(separator: ";")
            if attributes.contains("Max-Age=0") || attributes.contains("1970") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        lastBody = response.body.string
        return response
    }

    /// Signs in through the login form, as a person would.
    @discardableResult
    func login(_ username: String, _ password: String = "rahasia-123") async throws -> TestingHTTPResponse {
        try await get("/login")
        return try await post("/login", [("username", username), ("password", password)])
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestBrowser {
    /// Uploads `bytes` as the request body, as the page's upload script does.
    @discardableResult
    func uploadRaw(_ slug: String, filename: String, bytes: [UInt8], note: String = "", json: Bool = false) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .binary
        if let token = csrfFromSession { headers.replaceOrAdd(name: "X-CSRF-Token", value: token) }
        if json { headers.replaceOrAdd(name: .accept, value: "application/json") }
        let path = "/datasets/\(slug)/upload?filename=\(Self.encode(filename))&note=\(Self.encode(note))"
        return try await send(.POST, path, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    /// Uploads through the plain multipart form, as a browser without script does.
    @discardableResult
    func uploadForm(_ slug: String, filename: String, bytes: [UInt8], note: String = "") async throws -> TestingHTTPResponse {
        let boundary = "----walidata-test-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n\(note)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let token = csrfFromSession ?? ""
        return try await send(.POST, "/datasets/\(slug)/upload?_csrf=\(token)", headers: headers, body: body)
    }

    /// The CSRF token as the last page rendered it (in a hidden field or `data-csrf`).
    var csrfFromSession: String? {
        if let token = csrf { return token }
        guard let range = lastBody.range(of: #"data-csrf="([0-9a-f]+)""#, options: .regularExpression) else { return nil }
        return String(lastBody[range]).components(separatedBy: "\"")[1]
    }
}
