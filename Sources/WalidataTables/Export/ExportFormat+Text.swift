extension ExportFormat {
    /// A small table built in memory (a summary, not a stored version) written with the same
    /// rules as the table downloads: RFC 4180 quoting, CRLF line ends, and for `csvExcel` the
    /// byte order mark that makes Excel read accents right and formula cells neutralised (`FormulaGuard`). `json` and `xlsx`
    /// are not CSVs and give nothing (a workbook is made by `XlsxWriter.workbook`).
    public func csvBytes(header: [String], rows: [[String]]) -> [UInt8] {
        guard self == .csv || self == .csvExcel else { return [] }
        var bytes: [UInt8] = []
        var out = ChunkedOutput { bytes.append(contentsOf: $0) }
        if self == .csvExcel { out.append("\u{FEFF}") }
        for line in [header] + rows {
            for (i, field) in line.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                var text = field
                text.withUTF8 { TableExporter.appendCSVField($0, to: &out, guardFormulas: self == .csvExcel) }
            }
            out.append("\r\n")
        }
        try? out.flush()
        return bytes
    }
}
