/// The field separator of a CSV file, detected from its first 64 KiB.
public enum CSVDelimiter: String, Codable, Sendable, CaseIterable {
    case comma = ","
    /// What Excel writes when the Windows list separator is `;`, as on Indonesian systems.
    case semicolon = ";"
    case tab = "\t"
    case pipe = "|"

    var byte: UInt8 { rawValue.utf8.first! }

    /// A name a person can read in a report (a tab is invisible).
    public var name: String {
        switch self {
        case .comma: "comma"
        case .semicolon: "semicolon"
        case .tab: "tab"
        case .pipe: "pipe"
        }
    }
}
