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

    /// `WALIDATA_DELIVERY_TIMEOUT_SECONDS` (default 20, 1–60): how long one Graph call may take
    /// before it counts as unanswered. `WALIDATA_DELIVERY_BACKOFF_SECONDS` (default 30, 1–3600):
    /// the first retry's ceiling, doubled each time; a WhatsApp send that timed out waits 20 times
    /// that for its status webhook before it is sent again. Short values are for trials against
    /// a fake Graph server (bench/outbox); an office keeps the defaults.
    static func tuning(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> (timeout: Int, backoff: Int) {
        func read(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return fallback }
            guard let value = Int(raw), range.contains(value) else {
                throw LateStepSettings.Invalid(description: "\(name) must be whole seconds from \(range.lowerBound) to \(range.upperBound) (got \(raw)).")
            }
            return value
        }
        return (try read("WALIDATA_DELIVERY_TIMEOUT_SECONDS", 20, 1...60), try read("WALIDATA_DELIVERY_BACKOFF_SECONDS", 30, 1...3600))
    }

    func didBootAsync(_ app: Application) async throws {
        var sender = DeliverySender(app: app)
        let tuning = try Self.tuning()
        sender.timeout = .seconds(Int64(tuning.timeout))
        sender.policy.base = TimeInterval(tuning.backoff)
        sender.whatsappGrace = TimeInterval(20 * tuning.backoff)
        let worker = sender
        app.logger.info("Outbox worker \(worker.worker): every \(interval) s")
        let seconds = interval
        background.start {
            while !Task.isCancelled {
                do {
                    // Drain what is due, a batch at a time, then rest.
                    while try await worker.runOnce() > 0, !Task.isCancelled {}
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
