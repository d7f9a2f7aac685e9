import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor
@testable import Walidata
import WalidataCore

/// A stand-in for graph.facebook.com on 127.0.0.1, over real HTTP: it keeps the Page's posts,
/// the WhatsApp messages it accepted and every request it received, and answers as scripted: an
/// error by Graph code (with `Retry-After` and `X-Business-Use-Case-Usage` if asked), a delay
/// (longer than the sender's timeout: the request arrived, the answer never came), or a cut
/// connection (before or after doing the work). Unscripted calls succeed. It also plays Meta's
/// side of the status webhooks: signed (or not) POSTs to an app's `/webhooks/whatsapp`.
final class FakeGraphServer: @unchecked Sendable {
    enum Answer: Sendable {
        case ok
        case error(status: Int, code: Int, subcode: Int? = nil, usage: String? = nil, retryAfter: String? = nil)
        /// Does the work (records the post), then answers only after this many seconds.
        case slow(seconds: Double)
        /// Starts the answer and breaks the connection off before it ends, after doing the work
        /// (the post exists) or before (it does not): either way the caller gets no answer.
        case cut(afterWork: Bool)
    }

    struct Received: Sendable {
        var method: String
        var path: String
        var query: String
        var authorization: String
        var body: String
    }

    struct Message: Sendable {
        var wamid: String
        var to: String
        /// The sender's `biz_opaque_callback_data` (its delivery ID), echoed in status webhooks.
        var callback: String
    }

    private struct State {
        var script: [Answer] = []
        var reads: [Answer] = []
        var requests: [Received] = []
        var posts: [(id: String, link: String, message: String)] = []
        var messages: [Message] = []
    }

    private let app: Application
    private let state = NIOLockedValueBox(State())
    private(set) var port = 0

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requests: [Received] { state.withLockedValue { $0.requests } }
    var posts: [(id: String, link: String, message: String)] { state.withLockedValue { $0.posts } }
    var messages: [Message] { state.withLockedValue { $0.messages } }

    /// The next calls' answers, in order (feed posts and WhatsApp messages).
    func script(_ answers: Answer...) { state.withLockedValue { $0.script.append(contentsOf: answers) } }
    /// The next reads of the feed's answers, in order.
    func scriptReads(_ answers: Answer...) { state.withLockedValue { $0.reads.append(contentsOf: answers) } }

    /// Puts a post on the Page as someone else would (another announcement, a manual post).
    func addPost(link: String, message: String = "") {
        state.withLockedValue { $0.posts.append(("1122334455_\($0.posts.count + 1)", link, message)) }
    }

    init() async throws {
        app = try await Application.make(.testing)
        app.logger.logLevel = .critical
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        app.routes.defaultMaxBodySize = "1mb"
        app.get(":version", ":id", "feed") { [state] req async throws -> Response in
            Self.record(state, req)
            // Newest first, `limit` at a time from the `after` cursor, as Graph pages a feed.
            let limit = max(1, req.query[Int.self, at: "limit"] ?? 25)
            let start = Int(req.query[String.self, at: "after"] ?? "") ?? 0
            return try await Self.answer(state, req, reads: true) {
                let all = state.withLockedValue { $0.posts }.reversed().map { ["id": $0.id, "link": $0.link, "message": $0.message] }
                var page: [String: Any] = ["data": Array(all.dropFirst(start).prefix(limit))]
                if start + limit < all.count { page["paging"] = ["cursors": ["after": String(start + limit)], "next": "https://graph.invalid/next"] }
                return page
            }
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
                let object = (try? JSONSerialization.jsonObject(with: Data(buffer: req.body.data ?? ByteBuffer())) as? [String: Any]) ?? [:]
                let to = object["to"] as? String ?? ""
                let wamid = state.withLockedValue { s -> String in
                    let id = "wamid.\(s.messages.count + 1)"
                    s.messages.append(Message(wamid: id, to: to, callback: object["biz_opaque_callback_data"] as? String ?? ""))
                    return id
                }
                return ["messaging_product": "whatsapp", "contacts": [["input": to, "wa_id": to]], "messages": [["id": wamid]]]
            }
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        port = app.http.server.shared.localAddress?.port ?? 0
    }

    func shutdown() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }

    /// Meta's side: one webhook per status, in the order given (repeat one to send it twice),
    /// POSTed to `url` signed with `secret` (or with a wrong signature when `signed` is false).
    /// Returns the HTTP statuses the app answered.
    func sendStatuses(_ statuses: [(message: Message, status: String)], to url: String, secret: String, signed: Bool = true,
                      error: (code: Int, title: String)? = nil) async throws -> [UInt] {
        var answers: [UInt] = []
        for (message, status) in statuses {
            var entry: [String: Any] = ["id": message.wamid, "status": status, "timestamp": "1790000000", "recipient_id": message.to,
                                        "biz_opaque_callback_data": message.callback]
            if status == "failed", let error { entry["errors"] = [["code": error.code, "title": error.title]] }
            let payload: [String: Any] = ["object": "whatsapp_business_account", "entry": [["id": "1", "changes": [["field": "messages", "value": [
                "messaging_product": "whatsapp", "statuses": [entry]] as [String: Any]]]]]]
            let body = try JSONSerialization.data(withJSONObject: payload)
            let signature = signed ? WebhookSignature.sign(Array(body), secret: secret) : WebhookSignature.sign(Array(body), secret: secret + "-salah")
            let response = try await app.client.post(URI(string: url), headers: ["Content-Type": "application/json", "X-Hub-Signature-256": signature]) {
                $0.body = ByteBuffer(data: body)
            }
            answers.append(response.status.code)
        }
        return answers
    }

    private static func record(_ state: NIOLockedValueBox<State>, _ req: Request) {
        let body = req.body.data.map { String(buffer: $0) } ?? ""
        state.withLockedValue {
            $0.requests.append(Received(method: req.method.rawValue, path: req.url.path, query: req.url.query ?? "",
                                        authorization: req.headers.first(name: .authorization) ?? "", body: body))
        }
    }

    private struct Broken: Error {}

    private static func answer(_ state: NIOLockedValueBox<State>, _ req: Request, reads: Bool = false, work: () -> [String: Any]) async throws -> Response {
        let next = state.withLockedValue { s -> Answer in
            if reads { return s.reads.isEmpty ? .ok : s.reads.removeFirst() }
            return s.script.isEmpty ? .ok : s.script.removeFirst()
        }
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
        case .cut(let afterWork):
            if afterWork { _ = work() }
            // A body that fails half-way: the server drops the connection mid-answer.
            let response = Response(status: .ok, headers: ["Content-Type": "application/json", "Content-Length": "100"])
            response.body = .init(asyncStream: { writer in
                try await writer.write(.buffer(ByteBuffer(string: "{\"id\":")))
                try await writer.write(.error(Broken()))
            })
            return response
        }
    }

    private static func json(_ object: [String: Any], status: HTTPResponseStatus = .ok) throws -> Response {
        Response(status: status, headers: ["Content-Type": "application/json"], body: .init(data: try JSONSerialization.data(withJSONObject: object)))
    }
}
