/// Something that makes a keyed comparison incomplete, told to the user beside the result.
public struct ComparisonProblem: Codable, Sendable, Equatable {
    public enum Code: String, Codable, Sendable {
        /// Several rows of one version share a key value; those rows are not compared.
        case duplicateKeys
        /// Rows without a key value; they are not compared.
        case emptyKeys
    }

    public enum Version: String, Codable, Sendable {
        case old
        case new
    }

    public var code: Code
    public var version: Version
    /// Rows concerned.
    public var rowCount: Int
    /// Up to ten of the duplicated key values, as uploaded.
    public var examples: [String]
    public var indonesianMessage: String
    public var englishMessage: String

    static func duplicateKeys(_ key: String, version: Version, rows: Int, values: Int, examples: [String]) -> ComparisonProblem {
        let (idVersion, enVersion) = version == .old ? ("versi lama", "the old version") : ("versi baru", "the new version")
        let shown = examples.map { "\"\($0)\"" }.joined(separator: ", ")
        return ComparisonProblem(
            code: .duplicateKeys, version: version, rowCount: rows, examples: examples,
            indonesianMessage: "Kolom kunci \"\(key)\" di \(idVersion) berisi \(Count.id(values)) nilai yang dipakai lebih dari satu baris (\(Count.id(rows)) baris, mis. \(shown)). Baris-baris itu tidak dibandingkan; pilih kolom kunci yang nilainya unik.",
            englishMessage: "The key column \"\(key)\" in \(enVersion) has \(Count.en(values)) values used on more than one row (\(Count.en(rows)) rows, e.g. \(shown)). Those rows are not compared; choose a key column whose values are unique.")
    }

    static func emptyKeys(_ key: String, version: Version, rows: Int) -> ComparisonProblem {
        let (idVersion, enVersion) = version == .old ? ("versi lama", "the old version") : ("versi baru", "the new version")
        return ComparisonProblem(
            code: .emptyKeys, version: version, rowCount: rows, examples: [],
            indonesianMessage: "\(Count.id(rows)) baris di \(idVersion) tidak berisi nilai pada kolom kunci \"\(key)\" dan tidak dibandingkan.",
            englishMessage: "\(Count.en(rows)) rows in \(enVersion) have no value in the key column \"\(key)\" and are not compared.")
    }
}
