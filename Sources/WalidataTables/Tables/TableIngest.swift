import Foundation

/// Checks, profiles and loads a CSV file in one streaming pass (two when the file turns out to
/// be Windows-1252: the first pass stops at the first byte that is not UTF-8 and the file is
/// read again with conversion).
public enum TableIngest {
    /// Checks and profiles `csvFile` and, when it is accepted, writes its table to `tableFile`
    /// (atomically: the file appears complete or not at all, read-only). When the check
    /// rejects the file, no table file is created and the report says why.
    ///
    /// Throws `TablesError` only when a file cannot be read or written; a bad CSV is a report.
    public static func ingest(csvFile: URL, tableFile: URL, options: IngestOptions = .init()) throws -> CSVCheck {
        try run(csvFile: csvFile, tableFile: tableFile, options: options)
    }

    /// The same check and profile, without writing a table.
    public static func check(csvFile: URL, options: IngestOptions = .init()) throws -> CSVCheck {
        try run(csvFile: csvFile, tableFile: nil, options: options)
    }

    private static func run(csvFile: URL, tableFile: URL?, options: IngestOptions) throws -> CSVCheck {
        do {
            return try pass(csvFile, tableFile, options, mode: .utf8)
        } catch CSVInput.Stop.notUTF8 {
            return try pass(csvFile, tableFile, options, mode: .windows1252)
        }
    }

    private static func pass(_ csvFile: URL, _ tableFile: URL?, _ options: IngestOptions, mode: CSVInput.Mode) throws -> CSVCheck {
        let input = try CSVInput(path: csvFile.path, mode: mode, chunkSize: options.chunkSize)
        var sink = IngestPass(options: options, tableFile: tableFile)
        do {
            return try read(input, &sink, options, mode: mode)
        } catch let stop as CSVInput.Stop {
            sink.discardWriter()
            switch stop {
            case .notUTF8:
                throw stop
            case .notText(.unsupportedEncoding(let name)):
                return .rejected(.unsupportedEncoding(name), byteCount: input.bytesRead)
            case .notText(.binary(let kind, let offset)):
                return .rejected(.binaryFile(kind: kind, byteOffset: offset), byteCount: input.bytesRead)
            case .notText(.text):
                return .rejected(.binaryFile(kind: nil, byteOffset: 0), byteCount: input.bytesRead)
            case .zeroByte(let offset):
                return .rejected(.binaryFile(kind: nil, byteOffset: offset), byteCount: input.bytesRead)
            }
        } catch {
            sink.discardWriter()
            throw error
        }
    }

    private static func read(_ input: CSVInput, _ sink: inout IngestPass, _ options: IngestOptions, mode: CSVInput.Mode) throws -> CSVCheck {
        try input.fill()
        let sampleEnd = min(input.end, input.start + ContentSniffer.sampleSize)
        let delimiter = DelimiterDetector.detect(input.buffer, from: input.start, to: sampleEnd,
                                                 isWholeFile: input.eof && sampleEnd == input.end)
        var tokenizer = CSVTokenizer(delimiter: delimiter.byte)
        scanning: while true {
            switch tokenizer.scan(input.buffer, from: input.start, to: input.end, eof: input.eof) {
            case .record(let next):
                try sink.consume(input.buffer, &tokenizer)
                input.start = next
            case .needMore:
                if input.pendingBytes > options.maximumRecordBytes {
                    sink.problems.add(.fieldTooLong(line: tokenizer.recordLine, limitBytes: options.maximumRecordBytes))
                    break scanning
                }
                try input.fill()
            case .finished:
                break scanning
            case .unterminatedQuote(let line):
                sink.problems.add(.unterminatedQuote(line: line))
                break scanning
            }
        }
        let encoding: CSVEncoding = mode == .windows1252 ? .windows1252 : (input.sawByteOrderMark ? .utf8WithBOM : .utf8)
        return try finish(&sink, input: input, tokenizer: tokenizer, delimiter: delimiter, encoding: encoding)
    }

    private static func finish(_ sink: inout IngestPass, input: CSVInput, tokenizer: borrowing CSVTokenizer,
                               delimiter: CSVDelimiter, encoding: CSVEncoding) throws -> CSVCheck {
        guard let header = sink.header else {
            sink.discardWriter()
            return .rejected(.emptyFile(), encoding: encoding, byteCount: input.bytesRead)
        }
        if sink.rowCount == 0, !sink.problems.hasErrors { sink.problems.add(.noDataRows(line: sink.headerLine)) }
        let columns = sink.finishColumns()
        let problems = sink.problems.report()
        let accepted = !problems.contains { $0.severity == .error }
        // After a final line end the counter already points at a line that does not exist.
        let lastLine = tokenizer.line - (input.lastByte == 0x0A || input.lastByte == 0x0D ? 1 : 0)
        let check = CSVCheck(
            accepted: accepted, encoding: encoding, delimiter: delimiter, header: header,
            rowCount: sink.rowCount, lineCount: max(lastLine, sink.headerLine), byteCount: input.bytesRead,
            blankLineCount: sink.blankLines, raggedRowCount: sink.problems.raggedRows,
            columns: columns.map(\.0), preview: sink.preview, problems: problems)
        if let writer = try sink.takeWriter() {
            if accepted {
                try writer.finish(resolutions: columns.map(\.1), check: check)
            } else {
                writer.discard()
            }
        }
        return check
    }
}
