import Vapor

/// The two interface languages. Bahasa Indonesia is the default.
public enum Lang: String, Codable, CaseIterable, Sendable {
    case id
    case en
}

/// Looks up a user-visible string in `Strings.table`. `{0}`, `{1}` … are replaced by arguments.
public struct Translator: Sendable {
    public let lang: Lang

    public init(lang: Lang) { self.lang = lang }

    public func callAsFunction(_ key: String, _ arguments: String...) -> String {
        self(key, arguments)
    }

    public func callAsFunction(_ key: String, _ arguments: [String]) -> String {
        // A missing key shows as itself so a page still renders; a test keeps this from shipping.
        var text = Strings.table[key]?[lang] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }
}

extension Request {
    static let languageCookie = "walidata_lang"

    /// The signed-in user's choice, else the language cookie, else Indonesian.
    var preferredLanguage: Lang {
        if let user = currentUser, let lang = Lang(rawValue: user.language) { return lang }
        if let raw = cookies[Self.languageCookie]?.string, let lang = Lang(rawValue: raw) { return lang }
        return .id
    }

    var t: Translator { Translator(lang: preferredLanguage) }
}
