import Foundation

/// Checks, profiles and loads one sheet of an `.xlsx` with the same machinery as a CSV
/// (`IngestPass`: cell classification, column profiles, problems, the version's table), so a
/// workbook's types, profile, preview and problems read exactly like a CSV's. The sheet is
/// streamed: memory stays within the CSV intake's bound whatever the number of rows.
///
/// `.xls`, password-protected workbooks, `.ods`, damaged zips and zip bombs are reports that
/// reject the file with a message saying how to save it as `.xlsx`; only failing to read or
/// write on the server's own disk throws.
public enum WorkbookIngest {
    public static func ingest(workbook: URL, tableFile: URL?, options: IngestOptions = .init(),
                              reading: WorkbookOptions = .init()) throws -> CSVCheck {
        let byteCount = (try? FileManager.default.attributesOfItem(atPath: workbook.path)[.size] as? Int) ?? 0
        guard FileManager.default.isReadableFile(atPath: workbook.path) else {
            throw TablesError.fileNotReadable(workbook.path, errno: ENOENT)
        }
        func rejected(_ problem: CSVProblem) -> CSVCheck { .rejected(problem, byteCount: byteCount) }
        switch LegacyOfficeFile.identify(workbook) {
        case .xls: return rejected(.legacyExcel())
        case .encryptedWorkbook: return rejected(.encryptedWorkbook())
        case .otherOLE2: return rejected(.notAWorkbook())
        case nil: break
        }
        guard let archive = WorkbookArchive(url: workbook) else { return rejected(.notAWorkbook()) }
        if let mime = archive.small("mimetype"), String(decoding: mime, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument") {
            return rejected(.openDocument())
        }
        do {
            guard let parts = try WorkbookParts.read(archive) else { return rejected(.notAWorkbook()) }
            let names = parts.sheets.map(\.name)
            guard !parts.sheets.isEmpty else { return rejected(.noTableFound(sheet: "")) }
            let styles = try CellStyles.read(archive, path: parts.styles)
            let strings = try SharedStrings.read(archive, path: parts.sharedStrings)
            let sheetIndex: Int
            if let chosen = reading.sheet {
                guard parts.sheets.indices.contains(chosen - 1) else { return rejected(.sheetNotFound(chosen, count: parts.sheets.count)) }
                sheetIndex = chosen - 1
            } else {
                sheetIndex = try firstSheetWithTable(archive, parts, strings, styles) ?? 0
            }
            return try read(sheet: sheetIndex, names: names, archive, parts, strings, styles,
                            tableFile: tableFile, options: options, reading: reading, byteCount: byteCount)
        } catch WorkbookArchive.Stop.bomb(let entry) {
            return rejected(.workbookTooLarge(part: entry))
        } catch SheetReader.Stop.columnBeyondLimit(let address) {
            return rejected(.columnBeyondLimit(address: address))
        } catch let error as TablesError {
            throw error
        } catch {
            // Inflate and CRC errors, XML that does not parse: a damaged or truncated file.
            return rejected(.notAWorkbook())
        }
    }

    /// The first visible sheet whose first rows hold a header of two columns or more with data
    /// under it (a sheet of instructions is one column of sentences).
    private static func firstSheetWithTable(_ archive: WorkbookArchive, _ parts: WorkbookParts,
                                            _ strings: SharedStrings, _ styles: CellStyles) throws -> Int? {
        for (index, sheet) in parts.sheets.enumerated() where !sheet.hidden {
            var sample: [SheetRow] = []
            var reader = SheetReader(strings: strings, styles: styles, date1904: parts.date1904) { row in
                guard row.width > 0, !row.filled(in: 0...(row.width - 1)).isEmpty else { return }
                sample.append(row.copy())
                if sample.count >= TableLayout.sampleRows { throw WorkbookArchive.Stop.enough }
            }
            try archive.read(sheet.path, into: &reader)
            if let layout = TableLayout.detect(sample), layout.columns.count >= 2, sample.contains(where: { row in
                row.number > (layout.headerRows.last ?? 0) && !row.filled(in: layout.columns).isEmpty
            }) {
                return index
            }
        }
        return nil
    }

    private static func read(sheet index: Int, names: [String], _ archive: WorkbookArchive, _ parts: WorkbookParts,
                             _ strings: SharedStrings, _ styles: CellStyles, tableFile: URL?, options: IngestOptions,
                             reading: WorkbookOptions, byteCount: Int) throws -> CSVCheck {
        let sheet = parts.sheets[index]
        let table = SheetTable(pass: IngestPass(options: options, tableFile: tableFile), headerRow: reading.headerRow)
        var reader = SheetReader(strings: strings, styles: styles, date1904: parts.date1904) { row in try table.row(row) }
        do {
            try archive.read(sheet.path, into: &reader)
            try table.finish()
        } catch {
            table.pass.discardWriter()
            throw error
        }
        var report = WorkbookReading(
            format: "xlsx", sheets: names, sheetNumber: index + 1, headerRows: table.layout?.headerRows ?? [],
            firstColumn: table.layout.map { CellAddress.column($0.columns.lowerBound) } ?? "",
            lastColumn: table.layout.map { CellAddress.column($0.columns.upperBound) } ?? "",
            firstDataRow: table.firstDataRow, lastDataRow: table.lastDataRow, titles: table.layout?.titles ?? [],
            totalRow: table.totalRow, noteRows: table.noteRows, noteCount: table.noteCount, notes: table.notes,
            chosen: !reading.isDefault)
        guard let header = table.pass.header else {
            table.pass.discardWriter()
            var check = CSVCheck.rejected(reading.headerRow.map { .headerRowNotFound($0, sheet: sheet.name) } ?? .noTableFound(sheet: sheet.name),
                                          byteCount: byteCount)
            report.headerRows = []
            check.workbook = report
            return check
        }
        if table.pass.rowCount == 0, !table.pass.problems.hasErrors {
            table.pass.problems.add(.noDataRows(line: report.headerRows.last ?? 1))
        }
        if reader.errorCellCount > 0 {
            table.pass.problems.add(.formulaErrors(reader.errorCells.map { ($0.address, $0.value) }, total: reader.errorCellCount))
        }
        let columns = table.pass.finishColumns()
        let problems = table.pass.problems.report()
        let accepted = !problems.contains { $0.severity == .error }
        let check = CSVCheck(
            accepted: accepted, encoding: .utf8, delimiter: .comma, header: header, rowCount: table.pass.rowCount,
            lineCount: max(reader.lastRow, table.lastRow), byteCount: byteCount, blankLineCount: table.blankRowsInside,
            raggedRowCount: 0, columns: columns.map(\.0), preview: table.pass.preview, problems: problems, workbook: report)
        if let writer = try table.pass.takeWriter() {
            if accepted {
                try writer.finish(resolutions: columns.map(\.1), check: check)
            } else {
                writer.discard()
            }
        }
        return check
    }
}
