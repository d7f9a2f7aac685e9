import Crypto
import Fluent
import Foundation
import Vapor

/// A file in the data directory named by a setting that holds its SHA-256 (the kop surat's arms,
/// the share image): stored and removed the same way, with a `settings.change` event.
enum SettingFile {
    /// Written beside its final name first, so a failure leaves the old file as it was; the
    /// setting and the event are written in one transaction, and the file takes its name only
    /// inside it.
    static func store(_ bytes: [UInt8], at final: String, settingKey: String, by user: User, on db: any Database) async throws {
        let hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let partial = final + ".partial-" + UUID().uuidString
        try Data(bytes).write(to: URL(fileURLWithPath: partial), options: .atomic)
        do {
            try await EventLog.transaction(on: db) { tx in
                try await Setting.set(settingKey, hash, on: tx)
                try await EventLog.append(.init(action: "settings.change", note: hash, details: ["keys": settingKey]), by: .init(user), on: tx)
                guard rename(partial, final) == 0 else { throw Abort(.internalServerError, reason: "Cannot rename \(partial): \(String(cString: strerror(errno)))") }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Back to the default: the setting goes (logged), then the file.
    static func remove(at final: String, settingKey: String, by user: User, on db: any Database) async throws {
        guard try await Setting.get(settingKey, on: db) != nil else { return }
        try await EventLog.transaction(on: db) { tx in
            try await Setting.query(on: tx).filter(\.$key == settingKey).delete()
            try await EventLog.append(.init(action: "settings.change", details: ["keys": settingKey]), by: .init(user), on: tx)
        }
        try? FileManager.default.removeItem(atPath: final)
    }
}
