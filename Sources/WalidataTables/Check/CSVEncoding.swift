/// The character encoding a CSV file was found to use. Everything is converted to UTF-8
/// before it is parsed, so this is reported for the data officer's information only.
public enum CSVEncoding: String, Codable, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    /// UTF-8 starting with the byte order mark Excel writes for "CSV UTF-8"; the mark is dropped.
    case utf8WithBOM = "UTF-8 (BOM)"
    /// Any file that is not valid UTF-8 is read as Windows-1252, the code page older Excel
    /// versions on Indonesian Windows save "CSV (Comma delimited)" in.
    case windows1252 = "Windows-1252"
}
