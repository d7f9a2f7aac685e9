/// One thing a data officer has to know about a CSV file, with the physical line numbers
/// (1-based, as a text editor counts them) where it occurs, the values the messages were made
/// from, and the messages themselves in Bahasa Indonesia and English.
public struct CSVProblem: Codable, Sendable, Equatable {
    public enum Severity: String, Codable, Sendable {
        case error
        case warning
    }

    public var code: CSVProblemCode
    public var severity: Severity
    /// Physical lines concerned, first one first; empty when the problem is about the whole file.
    public var lines: [Int]
    /// The values the messages were built from (for example `found`, `expected`, `name`), so the
    /// server can phrase them differently without parsing the messages.
    public var parameters: [String: String]
    public var indonesianMessage: String
    public var englishMessage: String

    public var line: Int? { lines.first }

    init(_ code: CSVProblemCode, lines: [Int] = [], parameters: [String: String] = [:], id: String, en: String) {
        self.code = code
        self.severity = code.severity
        self.lines = lines
        self.parameters = parameters
        self.indonesianMessage = id
        self.englishMessage = en
    }
}
