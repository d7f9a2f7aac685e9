import Vapor

/// A one-time message shown on the next page ("Pengguna disimpan.").
struct Flash: Sendable {
    enum Kind: String, Sendable { case ok, error }
    var kind: Kind
    var message: String

    private static let key = "flash"

    static func set(_ kind: Kind, _ message: String, on request: Request) {
        request.session.data[key] = kind.rawValue + "|" + message
    }

    /// Reads and clears the message.
    static func take(from request: Request) -> Flash? {
        guard request.hasWebSession, request.hasSession, let raw = request.session.data[key] else { return nil }
        request.session.data[key] = nil
        let parts = raw.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Kind(rawValue: parts[0]) else { return nil }
        return Flash(kind: kind, message: parts[1])
    }
}

extension Request {
    func flash(_ kind: Flash.Kind, _ key: String, _ arguments: String...) {
        Flash.set(kind, t(key, arguments), on: self)
    }
}
