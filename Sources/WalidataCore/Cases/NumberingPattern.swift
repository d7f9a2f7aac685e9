import Foundation

/// How registration numbers and letter numbers are written, as a setting, because every
/// regency's tata naskah dinas differs: `PD/{year}/{seq:4}` gives `PD/2026/0001`,
/// `{class}/{seq:4}/{unit}/{year}` gives `000.5.2/0017/Diskominfo/2026`.
///
/// The pattern only turns a counter value into text. Drawing the counter value is the app's:
/// it increments the row named by `sequenceKey(year:)` atomically in the database, so a number
/// is never issued twice even when two officers register at the same moment.
///
/// A pattern is accepted only if the numbers it makes cannot repeat: it has exactly one
/// `{seq}`; if the counter restarts every year it shows `{year}`; and `{seq}` is separated
/// from free-text placeholders (`{unit}`, `{class}`, `{org}`) by some literal text.
public struct NumberingPattern: Sendable, Equatable, Hashable {
    /// When the counter starts again from 1.
    public enum Reset: String, Codable, Sendable, CaseIterable {
        /// Every 1 January (office time), the custom for Indonesian letter and agenda numbers.
        case yearly
        /// Never: one running number for the life of the system.
        case never
    }

    public let pattern: String
    public let reset: Reset
    public let parts: [NumberingPart]

    public init(_ pattern: String, reset: Reset = .yearly) throws(NumberingError) {
        let parts = try Self.parse(pattern)
        try Self.check(parts, reset: reset)
        self.pattern = pattern
        self.reset = reset
        self.parts = parts
    }

    /// Which counter the next number is drawn from: `"2026"` for a yearly reset, `"all"` when
    /// the counter never resets. The app keys its counter rows by (series, this key).
    public func sequenceKey(year: Int) -> String {
        switch reset {
        case .yearly: String(year)
        case .never: "all"
        }
    }

    /// The number for `values`. Fails when the pattern uses a value that is missing or blank,
    /// or when a value is out of range, rather than printing a malformed number on a letter.
    public func render(_ values: NumberingValues) throws(NumberingError) -> String {
        guard values.sequence >= 1 else { throw .invalidSequence(values.sequence) }
        guard (1...9999).contains(values.year) else { throw .invalidYear(values.year) }
        guard (1...12).contains(values.month) else { throw .invalidMonth(values.month) }
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .sequence(let width): text += Self.padded(values.sequence, width: width)
            case .year: text += Self.padded(values.year, width: 4)
            case .month: text += Self.padded(values.month, width: 2)
            case .romanMonth: text += Self.romanMonths[values.month - 1]
            case .unit: text += try Self.required(values.unit, for: part)
            case .classification: text += try Self.required(values.classification, for: part)
            case .organization: text += try Self.required(values.organization, for: part)
            }
        }
        return text
    }

    /// Whether the pattern needs the requesting agency's code, so a form can ask for it.
    public var usesOrganization: Bool { parts.contains(.organization) }

    static let romanMonths = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func required(_ value: String?, for part: NumberingPart) throws(NumberingError) -> String {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty else { throw .missingValue(token: part.token ?? "") }
        return trimmed
    }

    // MARK: Parsing

    /// Splits the pattern into literal text and placeholders, reporting the first brace or
    /// placeholder that is wrong. There is no escape for a literal brace: official numbers
    /// never contain one, and an escape would only be another thing to get wrong.
    static func parse(_ pattern: String) throws(NumberingError) -> [NumberingPart] {
        guard !pattern.isEmpty else { throw .empty }
        var parts: [NumberingPart] = []
        var literal = ""
        var placeholder: (name: String, position: Int)?
        for (offset, character) in pattern.enumerated() {
            let position = offset + 1
            switch (character, placeholder) {
            case ("{", nil):
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                placeholder = ("", position)
            case ("{", let open?):
                throw .unclosedBrace(position: open.position)
            case ("}", nil):
                throw .unexpectedClosingBrace(position: position)
            case ("}", let open?):
                parts.append(try part(named: open.name))
                placeholder = nil
            case (_, let open?):
                placeholder = (open.name + String(character), open.position)
            case (_, nil):
                literal.append(character)
            }
        }
        if let open = placeholder { throw .unclosedBrace(position: open.position) }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    private static func part(named name: String) throws(NumberingError) -> NumberingPart {
        if name == "seq" { return .sequence(width: 1) }
        if name.hasPrefix("seq:") {
            let width = name.dropFirst(4)
            guard width.count == 1, let digit = Int(width), (1...9).contains(digit) else {
                throw .invalidSequenceWidth(name)
            }
            return .sequence(width: digit)
        }
        guard let part = NumberingPart(placeholder: name) else { throw .unknownToken(name) }
        return part
    }

    private static func check(_ parts: [NumberingPart], reset: Reset) throws(NumberingError) {
        let sequenceIndices = parts.indices.filter {
            if case .sequence = parts[$0] { true } else { false }
        }
        guard let index = sequenceIndices.first else { throw .missingSequence }
        guard sequenceIndices.count == 1 else { throw .duplicateSequence }
        if reset == .yearly, !parts.contains(.year) { throw .yearlyResetWithoutYear }
        for neighbour in [index - 1, index + 1] where parts.indices.contains(neighbour) {
            if parts[neighbour].isVariableText { throw .sequenceTouchesText(token: parts[neighbour].token ?? "") }
        }
    }
}

/// Stored as `{"pattern": "PD/{year}/{seq:4}", "reset": "yearly"}`; decoding checks the pattern
/// again, so a setting edited by hand into something invalid is refused at load, not at issue time.
extension NumberingPattern: Codable {
    private enum CodingKeys: String, CodingKey { case pattern, reset }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let pattern = try container.decode(String.self, forKey: .pattern)
        let reset = try container.decodeIfPresent(Reset.self, forKey: .reset) ?? .yearly
        do {
            try self.init(pattern, reset: reset)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .pattern, in: container, debugDescription: error.englishDescription)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pattern, forKey: .pattern)
        try container.encode(reset, forKey: .reset)
    }
}
