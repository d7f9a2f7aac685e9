extension TimeStandard {
    /// The one spelling the API takes (`2 hari`, `30 menit`, `1 jam`), as a JSON Schema pattern:
    /// the document and the server agree exactly, so a script learns the form from the document.
    public static let apiPattern = "^[1-9][0-9]{0,3} (menit|jam|hari)$"

    /// `apiPattern` read strictly: 1–9999, one space, an Indonesian unit in lower case.
    public init?(apiText text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, let digits = parts.first, (1...4).contains(digits.count), digits.first != "0",
              digits.allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int(digits),
              let unit = Unit(rawValue: String(parts[1])) else { return nil }
        self.init(amount: amount, unit: unit)
    }
}
