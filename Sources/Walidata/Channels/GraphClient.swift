import Foundation
import NIOCore
import Vapor
import WalidataCore

/// The calls Walidata makes to Meta's Graph API (Facebook Page posts) and the WhatsApp Cloud
/// API, which is the same Graph host and error format. The token goes in the Authorization
/// header, never in a URL (URLs end up in proxies' logs).
struct GraphClient: Sendable {
    let client: any Client
    let baseURL: String
    let version: String
    let token: String
    var timeout: TimeAmount = .seconds(20)

    /// What a call came to.
    enum Outcome: Sendable {
        case ok(Data)
        /// The channel answered with an error (or a status without one).
        case refused(GraphFailure, hint: TimeInterval?)
        /// No answer. `ambiguous` when the request may have reached the channel (a timeout or
        /// a cut connection after sending), false when it surely did not (connection refused).
        case unreachable(String, ambiguous: Bool)
    }

    func url(_ path: String, query: [(String, String)] = []) -> URI {
        var components = URLComponents(string: baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) ?? URLComponents()
        components.path += "/\(version)/\(path)"
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        return URI(string: components.string ?? "")
    }

    func get(_ path: String, query: [(String, String)] = []) async -> Outcome {
        await send(ClientRequest(method: .GET, url: url(path, query: query), headers: headers(), body: nil, timeout: timeout))
    }

    func postJSON(_ path: String, _ object: [String: Any]) async -> Outcome {
        var h = headers()
        h.contentType = .json
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return await send(ClientRequest(method: .POST, url: url(path), headers: h, body: ByteBuffer(data: body), timeout: timeout))
    }

    func postForm(_ path: String, _ fields: [(String, String)]) async -> Outcome {
        var h = headers()
        h.contentType = .urlEncodedForm
        var components = URLComponents()
        components.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
        // URLComponents leaves "+" alone, which a form decoder reads as a space.
        let body = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return await send(ClientRequest(method: .POST, url: url(path), headers: h, body: ByteBuffer(string: body), timeout: timeout))
    }

    private func headers() -> HTTPHeaders {
        ["Authorization": "Bearer \(token)", "Accept": "application/json"]
    }

    private func send(_ request: ClientRequest) async -> Outcome {
        do {
            let response = try await client.send(request)
            let data = response.body.map { Data(buffer: $0) } ?? Data()
            if (200..<300).contains(Int(response.status.code)) { return .ok(data) }
            let failure = GraphFailure.parse(status: Int(response.status.code), body: data)
                ?? GraphFailure(httpStatus: Int(response.status.code), code: nil, message: String(decoding: data.prefix(300), as: UTF8.self))
            let hint = RetryHint.from(retryAfter: response.headers.first(name: "Retry-After"),
                                      businessUseCaseUsage: response.headers.first(name: "X-Business-Use-Case-Usage"))
            return .refused(failure, hint: hint)
        } catch {
            return .unreachable(String(describing: error), ambiguous: Self.mayHaveArrived(error))
        }
    }

    /// Only a refused or unresolvable connection surely sent nothing; a timeout or a cut
    /// connection may have come after the channel received the request.
    static func mayHaveArrived(_ error: any Error) -> Bool {
        let text = String(describing: error).lowercased()
        let surelyNotSent = ["connectionrefused", "connection refused", "connecttimeout", "connect timeout", "econnrefused",
                             "unresolved", "name or service not known", "nodename nor servname"]
        return !surelyNotSent.contains { text.contains($0) }
    }
}
