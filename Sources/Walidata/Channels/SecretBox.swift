import Crypto
import Foundation

/// Channel secrets (access tokens, the app secret, the webhook verify token) at rest: sealed
/// with AES-GCM under a key derived from the server secret (`walidata.key` or
/// `WALIDATA_SECRET`, never in the database), so a copy of the database alone reveals none of
/// them. The setting's name is bound in as associated data: a sealed value moved to another
/// setting does not open. Backups carry `walidata.key`, so a restore opens them again.
struct SecretBox: Sendable {
    static let purpose = "channel-secrets"
    private static let prefix = "v1:"
    private let key: SymmetricKey

    init(key: SymmetricKey) { self.key = key }
    init(_ secret: ServerSecret) { self.init(key: secret.key(for: Self.purpose)) }

    func seal(_ plaintext: String, name: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key, authenticating: Data(name.utf8))
        guard let combined = box.combined else { throw Problem.unreadable }
        return Self.prefix + combined.base64EncodedString()
    }

    func open(_ sealed: String, name: String) throws -> String {
        guard sealed.hasPrefix(Self.prefix), let data = Data(base64Encoded: String(sealed.dropFirst(Self.prefix.count))) else {
            throw Problem.unreadable
        }
        do {
            let plain = try AES.GCM.open(try AES.GCM.SealedBox(combined: data), using: key, authenticating: Data(name.utf8))
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw Problem.wrongKey
        }
    }

    enum Problem: Error, Equatable {
        /// Not a sealed value at all.
        case unreadable
        /// Sealed under another server key (a database restored without its `walidata.key`), or altered.
        case wrongKey
    }
}
