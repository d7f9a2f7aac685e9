/// One piece of a numbering pattern: fixed text, or a placeholder filled in when a number is issued.
public enum NumberingPart: Hashable, Sendable {
    case literal(String)
    /// `{seq}` or `{seq:N}`: the running number, zero-padded to at least `width` digits
    /// (a larger number keeps all its digits, so 10000 under `{seq:4}` is `10000`, never cut).
    case sequence(width: Int)
    /// `{year}`: four digits.
    case year
    /// `{month}`: `01`–`12`.
    case month
    /// `{roman_month}`: `I`–`XII`, as Indonesian official letters write the month.
    case romanMonth
    /// `{unit}`: the issuing unit's code, e.g. `Diskominfo`.
    case unit
    /// `{class}`: the archive classification code (kode klasifikasi arsip), e.g. `000.5.2`.
    case classification
    /// `{org}`: the requesting agency's short code.
    case organization

    /// Every placeholder an admin may write, in the order a help text lists them.
    public static let placeholders = ["{seq}", "{seq:N}", "{year}", "{month}", "{roman_month}", "{unit}", "{class}", "{org}"]

    /// The placeholder as written in a pattern, or nil for literal text.
    public var token: String? {
        switch self {
        case .literal: nil
        case .sequence(let width): width > 1 ? "{seq:\(width)}" : "{seq}"
        case .year: "{year}"
        case .month: "{month}"
        case .romanMonth: "{roman_month}"
        case .unit: "{unit}"
        case .classification: "{class}"
        case .organization: "{org}"
        }
    }

    /// Placeholders filled with free text whose length varies; next to the sequence they
    /// would let two different numbers read the same (`{org}{seq}`: `A1`+`23` and `A12`+`3`).
    var isVariableText: Bool {
        switch self {
        case .unit, .classification, .organization: true
        default: false
        }
    }

    /// The part for the text between braces, or nil when it names no placeholder.
    /// The sequence width is checked by the parser, which can report it precisely.
    init?(placeholder name: String) {
        switch name {
        case "year": self = .year
        case "month": self = .month
        case "roman_month": self = .romanMonth
        case "unit": self = .unit
        case "class": self = .classification
        case "org": self = .organization
        default: return nil
        }
    }
}
