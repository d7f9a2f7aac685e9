import CSQLite

/// The data engine: CSV checking and profiling, per-version tables, queries, downloads and
/// comparisons. Pure Swift over the system SQLite; no Vapor, no Fluent.
///
/// - `TableIngest.ingest(csvFile:tableFile:)` reads a CSV once (twice for Windows-1252),
///   checks it, profiles every column and loads it into a new table file, returning a
///   `CSVCheck`. Parsing and profiling run on the calling thread while a second thread feeds
///   SQLite; memory stays around 50 MB whatever the file size.
/// - `TableReader` opens a finished table read-only for filtered, sorted, paged queries and
///   streaming CSV/JSON downloads.
/// - `TableDiff.compare(old:new:key:)` compares two versions inside SQLite.
///
/// One SQLite file per dataset version, written once and never changed (mode 0444, opened with
/// `immutable=1`): readers need no locks, a backup copies files as they are, and a version's
/// table can be rebuilt from its CSV blob at any time.
///
/// Decisions a data officer will notice:
/// - Numbers: `1.234.567`/`1.234,56`/`12,5` (Indonesian) and `1,234,567`/`1,234.56`/`12.5`
///   (international) each read in the style they show; only `1.234` and `1,234` are ambiguous
///   and follow the majority of the column's unambiguous values, Indonesian on a tie.
///   Integers with a leading zero (`007`, `0812…`) are text, being codes.
/// - Booleans: `ya/tidak`, `true/false`, `y/n`, `yes/no`; `1/0` only beside such words.
/// - Empty: the empty value and `-`, `NA`, `N/A`, `#N/A`, `null` (any case).
/// - A header without data rows is accepted with a warning; an empty file is rejected.
/// - Stored values are typed (numbers sort as numbers, dates as ISO text); the original text of
///   any value that would not print back the same is kept beside it, so a CSV download gives
///   every cell exactly as uploaded, and the JSON download gives typed values.
public enum WalidataTables {
    /// The version of the system SQLite the tables are written with.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
