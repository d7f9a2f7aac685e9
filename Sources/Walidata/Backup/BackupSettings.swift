import Vapor
import WalidataCore

/// When the server makes its daily backup and how many it keeps, from the environment:
/// `WALIDATA_BACKUP_HOUR` (0–23 in WIB, default 2; `off` disables it),
/// `WALIDATA_BACKUP_KEEP_DAILY` (default 7) and `WALIDATA_BACKUP_KEEP_WEEKLY` (default 4).
/// Read once at start, so a mistyped value stops the server with a message instead of silently
/// leaving the office without backups.
struct BackupSettings: Sendable, Equatable {
    /// Hour of the day in WIB, or nil when the daily backup is off.
    var hour: Int? = 2
    var retention = BackupRetention()

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> BackupSettings {
        var settings = BackupSettings()
        if let raw = env["WALIDATA_BACKUP_HOUR"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            if ["off", "no", "false"].contains(raw.lowercased()) {
                settings.hour = nil
            } else if let hour = Int(raw), (0...23).contains(hour) {
                settings.hour = hour
            } else {
                throw Invalid(description: "WALIDATA_BACKUP_HOUR must be an hour from 0 to 23 (WIB), or off to disable the daily backup (got \(raw)).")
            }
        }
        for (name, keyPath) in [("WALIDATA_BACKUP_KEEP_DAILY", \BackupRetention.daily), ("WALIDATA_BACKUP_KEEP_WEEKLY", \BackupRetention.weekly)] {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { continue }
            guard let value = Int(raw), value >= 0, value <= 1000 else {
                throw Invalid(description: "\(name) must be a whole number of backups to keep, e.g. 7 (got \(raw)).")
            }
            settings.retention[keyPath: keyPath] = value
        }
        if settings.retention.daily + settings.retention.weekly == 0 {
            throw Invalid(description: "WALIDATA_BACKUP_KEEP_DAILY and WALIDATA_BACKUP_KEEP_WEEKLY cannot both be 0: every backup would be deleted as soon as it was made.")
        }
        return settings
    }
}

extension Application {
    private struct BackupSettingsKey: StorageKey { typealias Value = BackupSettings }

    var backupSettings: BackupSettings {
        get { storage[BackupSettingsKey.self] ?? BackupSettings() }
        set { storage[BackupSettingsKey.self] = newValue }
    }
}
