import Fluent
import Foundation
import Vapor
import WalidataCore

/// `event-log.checkpoints` in the data directory: after every commit that appends to the event
/// log, one line with the log's head (sequence, hash, time) signed with the server key
/// (purpose `"event-log"`). It lives outside the database on purpose: whoever deletes the newest
/// entries or recomputes the whole chain in the database cannot make the file agree.
///
/// Several servers sharing one PostgreSQL and one data directory append to the same file: each
/// line is one `write` on a descriptor opened with `O_APPEND`, so lines never interleave, and
/// their order does not matter (`walidata verify` checks each one on its own).
struct CheckpointFile: Sendable {
    static let fileName = "event-log.checkpoints"
    static let purpose = "event-log"

    let path: String
    let secret: ServerSecret

    init(dataDirectory: String, secret: ServerSecret) {
        path = (dataDirectory as NSString).appendingPathComponent(Self.fileName)
        self.secret = secret
    }

    func signed(sequence: Int, hash: String, at date: Date = Date()) -> EventCheckpoint {
        var checkpoint = EventCheckpoint(sequence: sequence, hash: hash, atMillis: Int64((date.timeIntervalSince1970 * 1000).rounded()))
        checkpoint.signature = secret.sign(checkpoint.message, for: Self.purpose)
        return checkpoint
    }

    func isSigned(_ checkpoint: EventCheckpoint) -> Bool {
        secret.verify(checkpoint.signature, of: checkpoint.message, for: Self.purpose)
    }

    /// Appends one line and syncs it to disk before returning.
    func append(_ checkpoint: EventCheckpoint) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let bytes = Array((checkpoint.line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    /// The file's lines; none when it does not exist yet.
    func lines() -> [Substring] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The file as a backup taken at entry `sequence` must hold it: only the checkpoints that
    /// snapshot already contains (later ones would make the restored log look cut short).
    func contents(upTo sequence: Int) -> String {
        lines().compactMap { EventCheckpoint(line: $0) }.filter { $0.sequence <= sequence }.map { $0.line + "\n" }.joined()
    }

    /// Writes the current head; called after every commit by `EventLog.transaction`. A failure is
    /// logged, not thrown: the change it follows is committed already, and the next commit
    /// writes a newer head anyway.
    func recordHead(of db: any Database) async {
        do {
            guard let head = try await EventRecord.query(on: db).sort(\.$sequence, .descending).first() else { return }
            try append(signed(sequence: head.sequence, hash: head.hash))
        } catch {
            db.logger.error("Event log checkpoint could not be written to \(path): \(String(describing: error))")
        }
    }
}

/// Carries the checkpoint file inside the database configuration, so that `EventLog` (which
/// only ever gets an `any Database`) finds the file of the app that database belongs to. It
/// changes nothing about how models are saved.
struct CheckpointCarrier: AnyModelMiddleware {
    let file: CheckpointFile

    func handle(_ event: ModelEvent, _ model: any AnyModel, on db: any Database, chainingTo next: any AnyModelResponder) -> EventLoopFuture<Void> {
        next.handle(event, model, on: db)
    }
}

extension CheckpointFile {
    /// The checkpoint file of the app `db` belongs to; nil for a database set up without one.
    static func attached(to db: any Database) -> CheckpointFile? {
        db.context.configuration.middleware.lazy.compactMap { ($0 as? CheckpointCarrier)?.file }.first
    }

    /// At start-up: a data directory whose log has entries but no checkpoint yet (made before
    /// checkpoints existed) gets one for the current head, said in the application log.
    static func start(_ app: Application) async throws {
        let file = CheckpointFile(dataDirectory: app.walidata.dataDirectory, secret: app.serverSecret)
        app.databases.middleware.use(CheckpointCarrier(file: file))
        guard file.lines().allSatisfy(\.isEmpty),
              let head = try await EventRecord.query(on: app.db).sort(\.$sequence, .descending).first() else { return }
        try file.append(file.signed(sequence: head.sequence, hash: head.hash))
        app.logger.warning("Event log: no checkpoint file yet; started \(file.path) at entry \(head.sequence).")
    }
}

extension Application {
    var checkpoints: CheckpointFile { CheckpointFile(dataDirectory: walidata.dataDirectory, secret: serverSecret) }
}
