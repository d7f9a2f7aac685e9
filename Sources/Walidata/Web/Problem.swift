/// One thing wrong with a form, as a translation key and its arguments. A string literal is a
/// problem without arguments, so `errors.append("users.error.nip")` reads naturally.
struct Problem: Equatable, Sendable, ExpressibleByStringLiteral {
    var key: String
    var arguments: [String]

    init(_ key: String, _ arguments: String...) {
        self.key = key
        self.arguments = arguments
    }

    init(stringLiteral value: String) {
        self.init(value)
    }

    func text(_ t: Translator) -> String { t(key, arguments) }
}
