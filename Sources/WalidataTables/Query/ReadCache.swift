import Foundation

/// A bounded cache shared by all readers, for what a table file determines once and for all:
/// a table file never changes after it is written (it is read-only, named by its content hash,
/// and opened `immutable`), so a result computed from it stays true as long as the same file
/// is there. Keys include the file's identity (device, inode, size, modification time), so a
/// file deleted and written again is a new key.
///
/// Two generations approximate least-recently-used at a fraction of the code: entries go into
/// the young map; when it is full it becomes the old one (the previous old one is dropped), and
/// a hit in the old map moves the entry back to the young one. At most `2 × capacity` entries.
final class ReadCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var young: [String: Value] = [:]
    private var old: [String: Value] = [:]

    init(capacity: Int) { self.capacity = capacity }

    func value(_ key: String) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        if let value = young[key] { return value }
        guard let value = old.removeValue(forKey: key) else { return nil }
        store(key, value)
        return value
    }

    func set(_ key: String, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        store(key, value)
    }

    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        young = [:]
        old = [:]
    }

    private func store(_ key: String, _ value: Value) {
        if young.count >= capacity {
            old = young
            young = [:]
        }
        young[key] = value
    }

    /// The identity of a file for cache keys, or nil when it cannot be read.
    static func identity(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(path)|\(info.st_dev)|\(info.st_ino)|\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
