import Fluent
import Foundation
import Vapor
import WalidataCore

/// `/webhooks/whatsapp`: Meta's subscription check (GET) and the message status callbacks
/// (POST). Outside the web session and CSRF (Meta is no browser); a POST counts only with a
/// valid `X-Hub-Signature-256`, anything else is 403 and nothing is recorded.
enum WhatsAppWebhook {
    static func register(_ app: Application) throws {
        if let interval = try DeliveryScheduler.interval(), app.environment != .testing, BackupScheduler.isServeCommand(app.environment.arguments) {
            _ = try DeliveryScheduler.tuning()  // a bad value stops the server at start, not later
            app.lifecycle.use(DeliveryScheduler(interval: interval))
        }
        app.get("webhooks", "whatsapp", access: .anyone, use: verify)
        app.route(.POST, ["webhooks", "whatsapp"], access: .anyone, body: .collect(maxSize: "1mb"), use: receive)
    }

    /// Answers `hub.challenge` when `hub.mode` is `subscribe` and `hub.verify_token` is the saved one.
    @Sendable static func verify(_ req: Request) async throws -> Response {
        let settings = try await ChannelSettings.load(on: req.db, box: req.application.secretBox)
        let token = req.query[String.self, at: "hub.verify_token"] ?? ""
        guard req.query[String.self, at: "hub.mode"] == "subscribe", !settings.whatsapp.verifyToken.isEmpty,
              ConstantTime.equals(token, settings.whatsapp.verifyToken),
              let challenge = req.query[String.self, at: "hub.challenge"] else {
            return Response(status: .forbidden, body: .init(string: "forbidden"))
        }
        return Response(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .init(string: challenge))
    }

    @Sendable static func receive(_ req: Request) async throws -> Response {
        let settings = try await ChannelSettings.load(on: req.db, box: req.application.secretBox)
        let body = req.body.data.map { Array($0.readableBytesView) } ?? []
        guard WebhookSignature.isValid(req.headers.first(name: "X-Hub-Signature-256"), body: body, secret: settings.whatsapp.appSecret) else {
            req.logger.warning("WhatsApp webhook refused: bad or missing signature")
            return Response(status: .forbidden, body: .init(string: "forbidden"))
        }
        let statuses = StatusUpdate.parse(Data(body))
        for update in statuses { try await apply(update, on: req.db) }
        return Response(status: .ok, body: .init(string: "ok"))
    }

    /// One entry of `entry[].changes[].value.statuses[]`.
    struct StatusUpdate: Sendable, Equatable {
        var wamid: String
        var status: MessageStatus
        var callbackData: String?
        var errorCode: Int?
        var errorText: String?

        static func parse(_ data: Data) -> [StatusUpdate] {
            guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let entries = root["entry"] as? [[String: Any]] else { return [] }
            var updates: [StatusUpdate] = []
            for entry in entries {
                for change in entry["changes"] as? [[String: Any]] ?? [] {
                    let value = change["value"] as? [String: Any] ?? [:]
                    for status in value["statuses"] as? [[String: Any]] ?? [] {
                        guard let id = status["id"] as? String, let raw = status["status"] as? String,
                              let parsed = MessageStatus(rawValue: raw), parsed != .accepted else { continue }
                        let error = (status["errors"] as? [[String: Any]])?.first
                        updates.append(StatusUpdate(
                            wamid: id, status: parsed, callbackData: status["biz_opaque_callback_data"] as? String,
                            errorCode: error?["code"] as? Int, errorText: (error?["title"] as? String) ?? (error?["message"] as? String)))
                    }
                }
            }
            return updates
        }
    }

    /// Moves the delivery's status forward (never back, whatever order webhooks come in). A
    /// status naming a delivery whose send timed out (by the ID sent as callback data) records
    /// its `wamid` and settles it as sent, so it is not sent again.
    static func apply(_ update: StatusUpdate, at instant: Date = Date(), on db: any Database) async throws {
        var delivery = try await Delivery.query(on: db).filter(\.$channelRaw == Delivery.Channel.whatsapp.rawValue)
            .filter(\.$externalID == update.wamid).first()
        if delivery == nil, let callback = update.callbackData, let id = UUID(uuidString: callback),
           let byID = try await Delivery.find(id, on: db), byID.channel == .whatsapp, (byID.externalID ?? "").isEmpty {
            byID.externalID = update.wamid
            byID.stateRaw = Delivery.State.published.rawValue
            byID.deliveredAt = byID.deliveredAt ?? instant
            byID.ambiguousAt = nil
            byID.nextAttemptAt = nil
            byID.answer = ""
            delivery = byID
        }
        guard let delivery else { return }
        let current = delivery.messageStatus ?? .accepted
        let next = current.applying(update.status)
        delivery.messageStatusRaw = next.rawValue
        if next == .failed, current != .failed {
            delivery.errorCode = update.errorCode
            delivery.answer = [update.errorCode.map { "kode \($0)" }, update.errorText].compactMap { $0 }.joined(separator: ": ")
        }
        delivery.updatedAt = instant
        try await delivery.save(on: db)
    }
}
