import Fluent
import Foundation
import Vapor
import WalidataCore

/// The daily backup inside the server: a task started when the server has booted and cancelled
/// when it shuts down. At the configured hour (WIB) it claims the day in `backup_runs`, makes a
/// backup, and deletes the archives the retention policy no longer keeps. Only `walidata serve`
/// starts it, never a one-off command or a test.
final class BackupScheduler: LifecycleHandler, Sendable {
    private let background = BackgroundTask()

    /// Whether this process is the server: `walidata serve`, or `walidata` with only options,
    /// which Vapor runs as `serve`.
    static func isServeCommand(_ arguments: [String]) -> Bool {
        guard let first = arguments.dropFirst().first else { return true }
        return first == "serve" || (first.hasPrefix("-") && !["--help", "-h"].contains(first))
    }

    func didBootAsync(_ app: Application) async throws {
        guard let hour = app.backupSettings.hour else { return }
        app.logger.info("Daily backup at \(String(format: "%02d:00", hour)) WIB into \(BackupFolder(dataDirectory: app.walidata.dataDirectory).root)")
        background.start { [app] in
            while !Task.isCancelled {
                let next = Self.nextRun(after: Date(), hour: hour)
                // Short sleeps, so a clock that jumps (a laptop waking up) is noticed.
                while Date() < next {
                    do {
                        try await Task.sleep(for: .seconds(min(600, max(1, next.timeIntervalSinceNow))))
                    } catch {
                        return
                    }
                }
                _ = await Self.runDaily(app, now: Date())
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        await background.stop()
    }

    /// The next time the daily backup is due: today at `hour`:00 WIB if that is still ahead,
    /// else tomorrow.
    static func nextRun(after now: Date, hour: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = BackupFolder.zone
        let today = calendar.date(bySettingHour: hour, minute: 0, second: 0, of: now)!
        return today > now ? today : calendar.date(byAdding: .day, value: 1, to: today)!
    }

    enum Outcome: Sendable, Equatable {
        case made(String)
        /// Another process (or an earlier run today) has the day.
        case alreadyClaimed
        case failed(String)
    }

    /// Claims `now`'s day and, if this process won it, makes the backup and prunes old ones.
    /// A failed backup gives the claim back, so a restarted server may try again that day.
    static func runDaily(_ app: Application, now: Date) async -> Outcome {
        let day = dayStamp(now)
        let claim = BackupRun(day: day, claimedBy: "\(ProcessInfo.processInfo.hostName):\(getpid())", at: now)
        do {
            try await claim.create(on: app.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            app.logger.info("Daily backup for \(day): already made by another Walidata process.")
            return .alreadyClaimed
        } catch {
            app.logger.error("Daily backup for \(day) could not be claimed: \(String(describing: error))")
            return .failed(String(describing: error))
        }
        do {
            let created = try await BackupWriter(app: app).create(by: .system, now: now)
            claim.finishedAt = Date()
            claim.archive = created.name
            try await claim.save(on: app.db)
            let deleted = BackupFolder(dataDirectory: app.walidata.dataDirectory).prune(app.backupSettings.retention, now: now)
            app.logger.info("Daily backup \(created.name) made (\(created.files) files, \(created.size) bytes); removed by retention: \(deleted.isEmpty ? "none" : deleted.joined(separator: ", "))")
            return .made(created.name)
        } catch {
            app.logger.error("Daily backup for \(day) failed: \(String(describing: error))")
            try? await claim.delete(on: app.db)
            return .failed(String(describing: error))
        }
    }

    static func dayStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = BackupFolder.zone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
