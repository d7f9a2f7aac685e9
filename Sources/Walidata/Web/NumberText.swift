import Foundation

/// Whole numbers with thousands separators as each language writes them: 1.234.567 / 1,234,567.
enum NumberText {
    static func format(_ value: Int64, lang: Lang) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, ch) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(lang == .id ? "." : ",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }
}
