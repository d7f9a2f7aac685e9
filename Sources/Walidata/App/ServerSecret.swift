import Crypto
import Foundation
import Vapor
import WalidataCore

/// The server's one secret, kept outside the database so that someone who can read or rewrite
/// the database (or a backup of it) cannot forge what it protects. Each use derives its own
/// key from it (`key(for:)`), so a key leaked from one use says nothing about another.
///
/// Where it comes from: `WALIDATA_SECRET` (at least 32 characters; for several servers that
/// share one PostgreSQL), else the file `walidata.key` in the data directory, made at first
/// start from 32 random bytes with mode 0600.
struct ServerSecret: Sendable {
    static let fileName = "walidata.key"
    static let environmentVariable = "WALIDATA_SECRET"

    private let material: SymmetricKey

    init(material: SymmetricKey) { self.material = material }

    enum Problem: Error, CustomStringConvertible {
        case tooShort
        case unreadable(String)
        case badFile(String)

        var description: String {
            switch self {
            case .tooShort:
                "\(ServerSecret.environmentVariable) must be at least 32 characters (for example the output of `openssl rand -hex 32`)."
            case .unreadable(let path):
                "The server key \(path) cannot be read or written; check the data directory's permissions."
            case .badFile(let path):
                "The server key \(path) is not 32 bytes; restore it from a backup of the data directory (do not delete it: what it signed could then no longer be checked)."
            }
        }
    }

    /// The secret from the environment, else the data directory's key file (made if absent).
    static func load(dataDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerSecret {
        if let raw = environment[environmentVariable], !raw.isEmpty {
            guard raw.count >= 32 else { throw Problem.tooShort }
            return ServerSecret(material: SymmetricKey(data: SHA256.hash(data: Data(raw.utf8))))
        }
        let path = (dataDirectory as NSString).appendingPathComponent(fileName)
        if let data = FileManager.default.contents(atPath: path) {
            guard data.count == 32 else { throw Problem.badFile(path) }
            return ServerSecret(material: SymmetricKey(data: data))
        }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        // Created with 0600 in one step, so the key is never readable by others, not even briefly.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            // Another process made it first: use theirs.
            if errno == EEXIST, let data = FileManager.default.contents(atPath: path), data.count == 32 {
                return ServerSecret(material: SymmetricKey(data: data))
            }
            throw Problem.unreadable(path)
        }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else { throw Problem.unreadable(path) }
        return ServerSecret(material: SymmetricKey(data: bytes))
    }

    /// A key for one purpose (`"csrf"`, `"event-log"`, `"settings"` …), derived with HKDF.
    func key(for purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: material, salt: Data("walidata".utf8), info: Data(purpose.utf8), outputByteCount: 32
        )
    }

    /// HMAC-SHA256 of `message` under the key for `purpose`, as lowercase hex.
    func sign(_ message: String, for purpose: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key(for: purpose))
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` is `sign(message, for: purpose)`, compared in constant time.
    func verify(_ signature: String, of message: String, for purpose: String) -> Bool {
        ConstantTime.equals(sign(message, for: purpose), signature)
    }
}

extension Application {
    private struct ServerSecretKey: StorageKey { typealias Value = ServerSecret }

    /// Set by `configure` before anything that signs; see `ServerSecret`.
    var serverSecret: ServerSecret {
        get {
            guard let secret = storage[ServerSecretKey.self] else { fatalError("configure(_:config:) has not run") }
            return secret
        }
        set { storage[ServerSecretKey.self] = newValue }
    }
}
