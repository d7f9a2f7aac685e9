import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor
@testable import Walidata
import WalidataCore

/// A stand-in for graph.facebook.com on 127.0.0.1, over real HTTP: it keeps the Page's posts
/// and every request it received, and answers as scripted: an error by Graph code, a delay
/// (longer than the sender's timeout: the request arrived, the answer never came), a rate
/// limit with `X-Business-Use-Case-Usage`. Unscripted calls succeed.
final class FakeGraphServer: @unchecked Sendable {
    enum Answer: Sendable {
        case ok
        case error(status: Int, code: Int, subcode: Int? = nil, usage: String? = nil, retryAfter: String? = nil)
        /// Does the work (records the post), then answers only after this many seconds.
        case slow(seconds: Double)
    }

    struct Received: Sendable {
        var method: String
        var path: String
        var authorization: String
        var body: String
    }

    private let app: Application
    private let state = NIOLockedValueBox<(script: [Answer], requests: [Received], posts: [(id: String, link: String, message: String)], messages: Int)>(([], [], [], 0))
    private(set) var port = 0

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requests: [Received] { state.withLockedValue { $0.requests } }
    var posts: [(id: String, link: String, message: String)] { state.withLockedValue { $0.posts } }

    /// The next calls' answers, in order (feed posts and WhatsApp messages; reads of the feed
    /// are not scripted).
    func script(_ answers: Answer...) { state.withLockedValue { $0.script.append(contentsOf: answers) } }

    init() async throws {
        app = try await Application.make(.testing)
        app.logger.logLevel = .critical
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        app.routes.defaultMaxBodySize = "1mb"
        app.get(":version", ":id", "feed") { [state] req -> Response in
            Self.record(state, req)
            let data = state.withLockedValue { $0.posts }.reversed().map { ["id": $0.id, "link": $0.link, "message": $0.message] }
            return try Self.json(["data": data])
        }
        app.get(":version", ":id") { [state] req -> Response in
            Self.record(state, req)
            return try Self.json(["name": "Diskominfo Mentawai", "id": req.parameters.get("id") ?? ""])
        }
        app.post(":version", ":id", "feed") { [state] req async throws -> Response in
            Self.record(state, req)
            let form = try req.content.decode([String: String].self)
            return try await Self.answer(state, req) {
                let id = "\(req.parameters.get("id") ?? "")_\(state.withLockedValue { $0.posts.count } + 1)"
                state.withLockedValue { $0.posts.append((id, form["link"] ?? "", form["message"] ?? "")) }
                return ["id": id]
            }
        }
        app.post(":version", ":id", "messages") { [state] req async throws -> Response in
            Self.record(state, req)
            return try await Self.answer(state, req) {
                let n = state.withLockedValue { s -> Int in s.messages += 1; return s.messages }
                let to = (try? JSONSerialization.jsonObject(with: Data(buffer: req.body.data ?? ByteBuffer())) as? [String: Any])?["to"] as? String ?? ""
                return ["messaging_product": "whatsapp", "contacts": [["input": to, "wa_id": to]], "messages": [["id": "wamid.\(n)"]]]
            }
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        port = app.http.server.shared.localAddress?.port ?? 0
    }

    func shutdown() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }

    private static func record(_ state: NIOLockedValueBox<(script: [Answer], requests: [Received], posts: [(id: String, link: String, message: String)], messages: Int)>, _ req: Request) {
        let body = req.body.data.map { String(buffer: $0) } ?? ""
        state.withLockedValue { $0.requests.append(Received(method: req.method.rawValue, path: req.url.path, authorization: req.headers.first(name: .authorization) ?? "", body: body)) }
    }

    private static func answer(_ state: NIOLockedValueBox<(script: [Answer], requests: [Received], posts: [(id: String, link: String, message: String)], messages: Int)>,
                               _ req: Request, work: () -> [String: Any]) async throws -> Response {
        let next = state.withLockedValue { s -> Answer in s.script.isEmpty ? .ok : s.script.removeFirst() }
        switch next {
        case .ok:
            return try json(work())
        case .error(let status, let code, let subcode, let usage, let retryAfter):
            var error: [String: Any] = ["message": "Fake error \(code)", "type": "OAuthException", "code": code, "fbtrace_id": "FAKE\(code)"]
            if let subcode { error["error_subcode"] = subcode }
            let response = try json(["error": error], status: HTTPResponseStatus(statusCode: status))
            if let usage { response.headers.replaceOrAdd(name: "X-Business-Use-Case-Usage", value: usage) }
            if let retryAfter { response.headers.replaceOrAdd(name: "Retry-After", value: retryAfter) }
            return response
        case .slow(let seconds):
            let body = work()
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            return try json(body)
        }
    }

    private static func json(_ object: [String: Any], status: HTTPResponseStatus = .ok) throws -> Response {
        Response(status: status, headers: ["Content-Type": "application/json"], body: .init(data: try JSONSerialization.data(withJSONObject: object)))
    }
}
