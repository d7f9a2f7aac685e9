import Vapor

/// An error a user can cause, with a translation key for the message shown to them.
/// Thrown by handlers; rendered as an HTML page or a JSON body by `WalidataErrorMiddleware`.
struct UserError: AbortError {
    var status: HTTPResponseStatus
    var key: String
    var arguments: [String] = []

    init(_ status: HTTPResponseStatus, _ key: String, _ arguments: String...) {
        self.status = status
        self.key = key
        self.arguments = arguments
    }

    var reason: String { Translator(lang: .en)(key, arguments) }
}
