/// Picks the field separator from the start of the file: the candidate that splits the lines
/// (quotes respected) into the same number of fields as the first line, with more than one
/// field. Ties go to the earlier candidate in `, ; tab |`, the order of how common they are.
enum DelimiterDetector {
    static let sampleRecords = 200

    /// `isWholeFile` tells whether the sample ends where the file ends; otherwise its last,
    /// possibly cut-off record is not counted.
    static func detect(_ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int, isWholeFile: Bool) -> CSVDelimiter {
        var best = CSVDelimiter.comma
        var bestScore = (consistency: -1.0, columns: 0)
        for candidate in CSVDelimiter.allCases {
            let (headerFields, matching, total) = fieldCounts(base, start, end, isWholeFile, candidate.byte)
            guard headerFields > 1, total > 0 else { continue }
            let consistency = Double(matching) / Double(total)
            if consistency > bestScore.consistency
                || (consistency == bestScore.consistency && headerFields > bestScore.columns) {
                best = candidate
                bestScore = (consistency, headerFields)
            }
        }
        return best
    }

    /// Field count of the first non-blank record, and how many of the records counted
    /// (the first one included) have that count.
    private static func fieldCounts(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int, _ isWholeFile: Bool,
                                    _ delimiter: UInt8) -> (header: Int, matching: Int, total: Int) {
        var tokenizer = CSVTokenizer(delimiter: delimiter)
        var p = start
        var header = 0, matching = 0, total = 0
        while total < sampleRecords {
            guard case .record(let next) = tokenizer.scan(base, from: p, to: end, eof: isWholeFile) else { break }
            p = next
            if tokenizer.recordIsBlank(base) { continue }
            let count = tokenizer.fields.count
            if header == 0 { header = count }
            if count == header { matching += 1 }
            total += 1
        }
        return (header, matching, total)
    }
}
