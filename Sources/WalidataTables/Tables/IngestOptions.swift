/// Limits of a CSV check; the defaults suit the regency's files and the 2-core server.
public struct IngestOptions: Sendable, Equatable {
    /// Data rows kept as text for the preview.
    public var previewRows = 20
    /// Ragged rows listed one by one; the rest are counted.
    public var listedProblemLines = 20
    /// Distinct values counted exactly per column. Lowered automatically for very wide files
    /// so that all columns together stay within a few megabytes.
    public var distinctCap = 10_000
    /// A record longer than this stops the check; it is almost always an unclosed quote.
    public var maximumRecordBytes = 16 << 20
    /// Bytes read from the file at a time.
    public var chunkSize = 1 << 20

    public init() {}

    func distinctCap(columns: Int) -> Int {
        min(distinctCap, max(100, 250_000 / max(1, columns)))
    }
}
