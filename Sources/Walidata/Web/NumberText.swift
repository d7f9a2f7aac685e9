import Foundation
import WalidataCore

/// Numbers as each language writes them, through the one `NumberNotation` every page uses:
/// 1.234.567 and 1.125,46 in Indonesian, 1,234,567 and 1,125.46 in English.
enum NumberText {
    static func notation(_ lang: Lang) -> NumberNotation { lang == .id ? .indonesian : .english }

    static func format(_ value: Int64, lang: Lang) -> String {
        notation(lang).integer(value)
    }

    static func format(_ value: Int, lang: Lang) -> String {
        notation(lang).integer(Int64(value))
    }

    /// A canonical number (`1125.46`, as profiles store them) in the reader's notation; any
    /// other text (a date, a word) is returned as it is.
    static func canonical(_ text: String, lang: Lang, grouped: Bool = true) -> String {
        notation(lang).canonical(text, grouped: grouped) ?? text
    }
}
