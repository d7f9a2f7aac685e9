import Foundation
import WalidataCore

/// The folder backups are written to (`<data>/backups` unless told otherwise) and the names in
/// it: `walidata-YYYYMMDD-HHMMSS.zip`, the time in WIB. The date comes from the name, not the
/// file's modification time, which a copy to a USB disk and back would change.
struct BackupFolder: Sendable {
    let root: String

    init(dataDirectory: String) {
        root = (dataDirectory as NSString).appendingPathComponent("backups")
    }

    init(path: String) {
        root = path
    }

    struct Archive: Sendable, Equatable {
        var name: String
        var path: String
        var date: Date
        var size: Int64
    }

    static let zone = TimeZone(identifier: "Asia/Jakarta")!
    private static let pattern = #"^walidata-(\d{8}-\d{6})(-\d+)?\.zip$"#

    static func isArchiveName(_ name: String) -> Bool {
        name.range(of: pattern, options: .regularExpression) != nil
    }

    static func date(ofName name: String) -> Date? {
        guard isArchiveName(name) else { return nil }
        let stamp = name.dropFirst("walidata-".count).prefix(15)
        return stampFormatter.date(from: String(stamp))
    }

    private static var stampFormatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter
    }

    /// A name for an archive made at `date` that no file in the folder has yet.
    func newName(at date: Date) -> String {
        let base = "walidata-" + Self.stampFormatter.string(from: date)
        var name = base + ".zip"
        var n = 2
        while FileManager.default.fileExists(atPath: path(of: name)) || FileManager.default.fileExists(atPath: partialPath(of: name)) {
            name = "\(base)-\(n).zip"
            n += 1
        }
        return name
    }

    func path(of name: String) -> String { (root as NSString).appendingPathComponent(name) }

    /// Where an archive is written until it is complete; the dot keeps it out of listings.
    func partialPath(of name: String) -> String { (root as NSString).appendingPathComponent(".\(name).partial") }

    /// The archives in the folder, newest first.
    func archives() -> [Archive] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.compactMap { name -> Archive? in
            guard let date = Self.date(ofName: name),
                  let attributes = try? FileManager.default.attributesOfItem(atPath: path(of: name)),
                  (attributes[.type] as? FileAttributeType) == .typeRegular
            else { return nil }
            return Archive(name: name, path: path(of: name), date: date, size: (attributes[.size] as? NSNumber)?.int64Value ?? 0)
        }.sorted { $0.date != $1.date ? $0.date > $1.date : $0.name > $1.name }
    }

    /// Deletes the archives the retention policy does not keep, and partial archives left by a
    /// crash more than a day ago. Returns the names deleted.
    @discardableResult
    func prune(_ policy: BackupRetention, now: Date = Date()) -> [String] {
        let all = archives()
        let keep = policy.keep(all.map { (name: $0.name, date: $0.date) }, zone: Self.zone)
        var deleted: [String] = []
        for archive in all where !keep.contains(archive.name) {
            if (try? FileManager.default.removeItem(atPath: archive.path)) != nil { deleted.append(archive.name) }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names where name.hasPrefix(".walidata-") && name.hasSuffix(".partial") {
            let path = path(of: name)
            if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
               now.timeIntervalSince(modified) > 86400 {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        return deleted
    }
}
