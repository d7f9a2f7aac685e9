import Foundation
import Vapor

/// The outbox worker inside `walidata serve`: every few seconds it sends what is due
/// (`DeliverySender`). `WALIDATA_DELIVERY_SECONDS` sets the pause (default 5, 1–3600, or
/// `off` for a server that should not send, e.g. a second one reading the same database).
final class DeliveryScheduler: LifecycleHandler, Sendable {
    private let background = BackgroundTask()
    let interval: Int

    init(interval: Int) { self.interval = interval }

    static func interval(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Int? {
        guard let raw = env["WALIDATA_DELIVERY_SECONDS"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return 5 }
        if ["off", "no", "false"].contains(raw.lowercased()) { return nil }
        guard let seconds = Int(raw), (1...3600).contains(seconds) else {
            throw LateStepSettings.Invalid(description: "WALIDATA_DELIVERY_SECONDS must be the seconds between outbox runs, from 1 to 3600 (e.g. 5), or off (got \(raw)).")
        }
        return seconds
    }

    func didBootAsync(_ app: Application) async throws {
        let sender = DeliverySender(app: app)
        app.logger.info("Outbox worker \(sender.worker): every \(interval) s")
        let seconds = interval
        background.start {
            while !Task.isCancelled {
                do {
                    // Drain what is due, a batch at a time, then rest.
                    while try await sender.runOnce() > 0, !Task.isCancelled {}
                } catch {
                    app.logger.error("Outbox run failed: \(String(describing: error))")
                }
                do { try await Task.sleep(for: .seconds(seconds)) } catch { return }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        await background.stop()
    }
}
