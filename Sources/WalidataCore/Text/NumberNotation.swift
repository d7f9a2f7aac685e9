import Foundation

/// How a language writes numbers on screen: Indonesian `1.125,46`, English `1,125.46`.
///
/// Every page formats numbers through this one type, so a column profile and the table beside
/// it never disagree. Numbers arrive in a *canonical* form: an optional `-`, digits, and `.`
/// before the decimal part (`-1125.46`), as profiles store them.
public struct NumberNotation: Sendable, Equatable {
    public let decimalMark: Character
    public let groupMark: Character

    public static let indonesian = NumberNotation(decimalMark: ",", groupMark: ".")
    public static let english = NumberNotation(decimalMark: ".", groupMark: ",")

    /// `1234567` → `1.234.567` / `1,234,567`. `grouped: false` writes the digits alone, as a
    /// year is written (`2024`, never `2.024`).
    public func integer(_ value: Int64, grouped: Bool = true) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + (grouped ? group(digits) : digits)
    }

    /// A canonical number in this notation, or nil when `canonical` is not one (a date, a word).
    public func canonical(_ canonical: String, grouped: Bool = true) -> String? {
        var text = Substring(canonical)
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || !parts[1].isEmpty
        else { return nil }
        var out = grouped ? group(String(parts[0])) : String(parts[0])
        if parts.count == 2 { out += String(decimalMark) + parts[1] }
        return (negative ? "-" : "") + out
    }

    /// A stored decimal value, written with the digits the file had when `uploaded` is its
    /// original text (`13,10` keeps its zero), otherwise with the fewest digits that read back
    /// as `value`.
    public func decimal(_ value: Double, uploaded: String? = nil, grouped: Bool = true) -> String {
        let digits = uploaded.flatMap { NumberNotation.canonical(uploaded: $0, value: value) } ?? NumberNotation.canonical(value)
        return canonical(digits, grouped: grouped) ?? digits
    }

    private func group(_ digits: String) -> String {
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, ch) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(groupMark) }
            out.append(ch)
        }
        return out
    }
}

extension NumberNotation {
    /// The canonical text of `uploaded` (`1.234,50`, ` 12.5 `, `+3`) read in whichever style
    /// gives back `value`; nil when neither does, so a cell is never shown as a different number.
    public static func canonical(uploaded: String, value: Double) -> String? {
        // Plain digits, the common cell, read the same in both styles: no need to try them.
        if !uploaded.utf8.isEmpty, uploaded.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return Double(uploaded) == value ? uploaded : nil
        }
        for decimalMark in [Character(","), Character(".")] {
            guard let candidate = canonical(uploaded: uploaded, decimalMark: decimalMark),
                  let read = Double(candidate), read == value else { continue }
            return candidate
        }
        return nil
    }

    /// The canonical text of `uploaded` read with `decimalMark` before the decimal part and the
    /// other mark between thousands; nil when it is not a number written that way.
    public static func canonical(uploaded: String, decimalMark: Character) -> String? {
        let group: Character = decimalMark == "," ? "." : ","
        var text = Substring(uploaded.trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
        var sign = ""
        if text.hasPrefix("-") { sign = "-"; text = text.dropFirst() } else if text.hasPrefix("+") { text = text.dropFirst() }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let parts = text.split(separator: decimalMark, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        var candidate = parts[0].filter { $0 != group }
        if parts.count == 2 {
            guard !parts[1].contains(group), !parts[1].isEmpty else { return nil }
            candidate += "." + parts[1]
        }
        guard !candidate.isEmpty, !candidate.hasPrefix(".") else { return nil }
        return sign + candidate
    }

    /// The shortest digits that read back as `value`, never with an exponent (`1e-7` → `0.0000001`).
    public static func canonical(_ value: Double) -> String {
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
}
