import Foundation
import Vapor

/// How often the server looks for late steps, from `WALIDATA_LATE_SCAN_SECONDS`: seconds
/// between scans (default 60, from 5 to 86400), or `off` to stop notifying. Read once at start,
/// so a mistyped value stops the server with a message.
struct LateStepSettings: Sendable, Equatable {
    /// Nil when the scan is off.
    var interval: Int? = 60

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> LateStepSettings {
        var settings = LateStepSettings()
        guard let raw = env["WALIDATA_LATE_SCAN_SECONDS"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return settings }
        if ["off", "no", "false"].contains(raw.lowercased()) {
            settings.interval = nil
        } else if let seconds = Int(raw), (5...86_400).contains(seconds) {
            settings.interval = seconds
        } else {
            throw Invalid(description: "WALIDATA_LATE_SCAN_SECONDS must be the seconds between late-step scans, from 5 to 86400 (e.g. 60), or off to stop late-step notifications (got \(raw)).")
        }
        return settings
    }
}

/// The late-step scan inside the server: a task started when `walidata serve` has booted and
/// cancelled at shutdown, running `LateSteps.notify` every interval. Several processes may all
/// run it; the unique index keeps one notification per person and step (see `LateSteps`).
final class LateStepScheduler: LifecycleHandler, Sendable {
    private let background = BackgroundTask()
    let interval: Int

    init(interval: Int) { self.interval = interval }

    func didBootAsync(_ app: Application) async throws {
        app.logger.info("Late-step scan every \(interval) s")
        let seconds = interval
        background.start { [app] in
            while !Task.isCancelled {
                do {
                    let created = try await LateSteps.notify(at: Date(), on: app.db)
                    if created > 0 { app.logger.info("Late steps: \(created) notification(s) created") }
                } catch {
                    app.logger.error("Late-step scan failed: \(String(describing: error))")
                }
                do {
                    try await Task.sleep(for: .seconds(seconds))
                } catch {
                    return
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        await background.stop()
    }
}
