import Foundation

/// Canonical text of stored numbers: digits with `.` for the decimal part, never an exponent,
/// no trailing `.0`. It is what exports and profiles show for values typed without a
/// separator-free original to fall back on.
enum NumberText {
    static func decimal(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var digits = mantissa.replacingOccurrences(of: ".", with: "")
        var position = point + exponent
        if position <= 0 {
            digits = String(repeating: "0", count: 1 - position) + digits
            position = 1
        } else if position > digits.count {
            digits += String(repeating: "0", count: position - digits.count)
        }
        var result = String(digits.prefix(position))
        let fraction = digits.dropFirst(position).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
        if !fraction.isEmpty { result += "." + fraction }
        return (negative ? "-" : "") + result
    }

    static func date(_ yyyymmdd: Int64) -> String {
        let y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}
