/// The messages about workbooks, written like the CSV ones: what is wrong, where (a cell
/// address such as `C14`, as Excel shows it), and what to do in the spreadsheet program.
extension CSVProblem {
    /// The same steps for every format that cannot be read: save it again as `.xlsx`.
    static let saveAsXLSX = (
        id: "Buka berkas di Excel, pilih File → Simpan Sebagai (Save As) → jenis berkas \"Buku Kerja Excel (.xlsx)\", lalu unggah berkas .xlsx itu. Di LibreOffice: Berkas → Simpan Sebagai → \"Excel 2007-365 (.xlsx)\".",
        en: "Open the file in Excel, choose File → Save As → file type \"Excel Workbook (.xlsx)\", and upload that .xlsx file. In LibreOffice: File → Save As → \"Excel 2007-365 (.xlsx)\"."
    )

    static func legacyExcel() -> CSVProblem {
        CSVProblem(.legacyExcel,
                   id: "Berkas ini berformat Excel lama (.xls, Excel 97–2003), yang tidak dapat dibaca. \(saveAsXLSX.id)",
                   en: "This file is in the old Excel format (.xls, Excel 97–2003), which cannot be read. \(saveAsXLSX.en)")
    }

    static func encryptedWorkbook() -> CSVProblem {
        CSVProblem(.encryptedWorkbook,
                   id: "Buku kerja ini dilindungi kata sandi, sehingga isinya tidak dapat dibaca. Buka berkas di Excel dengan kata sandinya, hapus kata sandi (File → Info → Lindungi Buku Kerja → Enkripsi dengan Kata Sandi → kosongkan), simpan sebagai \"Buku Kerja Excel (.xlsx)\", lalu unggah lagi.",
                   en: "This workbook is protected with a password, so its content cannot be read. Open it in Excel with the password, remove the password (File → Info → Protect Workbook → Encrypt with Password → clear it), save it as \"Excel Workbook (.xlsx)\" and upload it again.")
    }

    static func openDocument() -> CSVProblem {
        CSVProblem(.openDocument,
                   id: "Berkas ini berformat OpenDocument (.ods), yang belum dapat dibaca. \(saveAsXLSX.id)",
                   en: "This file is an OpenDocument spreadsheet (.ods), which cannot be read yet. \(saveAsXLSX.en)")
    }

    static func notAWorkbook() -> CSVProblem {
        CSVProblem(.notAWorkbook,
                   id: "Berkas ini bukan buku kerja Excel yang utuh: berkasnya rusak, terpotong saat diunduh/diunggah, atau berkas lain yang namanya diakhiri .xlsx. Buka berkas aslinya di Excel; bila terbuka dengan baik, simpan lagi sebagai \"Buku Kerja Excel (.xlsx)\" dan unggah ulang.",
                   en: "This file is not a complete Excel workbook: it is damaged, was cut short while downloading/uploading, or is another file renamed to .xlsx. Open the original in Excel; if it opens properly, save it again as \"Excel Workbook (.xlsx)\" and upload it again.")
    }

    static func workbookTooLarge(part: String) -> CSVProblem {
        CSVProblem(.workbookTooLarge, parameters: ["part": part],
                   id: "Isi buku kerja (\(part)) membesar berlipat-lipat saat dibuka, melebihi batas yang aman; berkas ini tidak dibaca. Bila berkasnya sah, simpan tabelnya sebagai CSV UTF-8 dan unggah CSV itu.",
                   en: "The workbook's content (\(part)) expands far beyond a safe limit when opened; the file was not read. If the file is genuine, save the table as CSV UTF-8 and upload the CSV.")
    }

    static func columnBeyondLimit(address: String) -> CSVProblem {
        CSVProblem(.columnBeyondLimit, parameters: ["cell": address],
                   id: "Sel \(address) berada di luar kolom terakhir Excel (XFD); berkas ini tidak dibuat dengan benar. Buka dan simpan ulang di Excel sebagai \"Buku Kerja Excel (.xlsx)\".",
                   en: "Cell \(address) lies beyond Excel's last column (XFD); the file was not written correctly. Open it and save it again in Excel as \"Excel Workbook (.xlsx)\".")
    }

    static func noTableFound(sheet: String) -> CSVProblem {
        CSVProblem(.noTableFound, parameters: ["sheet": sheet],
                   id: "Lembar \"\(sheet)\" kosong: tidak ada judul kolom maupun data. Pilih lembar lain di halaman versi, atau unggah buku kerja yang lembar pertamanya berisi tabel.",
                   en: "Sheet \"\(sheet)\" is empty: no header and no data. Choose another sheet on the version page, or upload a workbook whose first sheet holds the table.")
    }

    static func sheetNotFound(_ number: Int, count: Int) -> CSVProblem {
        CSVProblem(.sheetNotFound, parameters: ["sheet": String(number), "sheets": String(count)],
                   id: "Buku kerja ini tidak memiliki lembar ke-\(number) (hanya \(count) lembar kerja).",
                   en: "This workbook has no sheet \(number) (only \(count) worksheets).")
    }

    static func headerRowNotFound(_ row: Int, sheet: String) -> CSVProblem {
        CSVProblem(.headerRowNotFound, lines: [row], parameters: ["row": String(row), "sheet": sheet],
                   id: "Baris \(row) pada lembar \"\(sheet)\" kosong atau berada di luar \(TableLayout.sampleRows) baris pertama yang terisi, sehingga tidak dapat menjadi baris judul kolom. Pilih baris yang berisi nama-nama kolom.",
                   en: "Row \(row) of sheet \"\(sheet)\" is empty or beyond the first \(TableLayout.sampleRows) filled rows, so it cannot be the header row. Choose the row that holds the column names.")
    }

    static func formulaErrors(_ cells: [(address: String, value: String)], total: Int) -> CSVProblem {
        let listed = cells.map { "\($0.address) (\($0.value))" }.joined(separator: ", ")
        let more = total > cells.count
        return CSVProblem(.formulaErrors, parameters: ["cells": cells.map(\.address).joined(separator: ","), "total": String(total)],
                          id: "Sel berisi galat rumus dibaca sebagai kosong: \(listed)\(more ? " (seluruhnya \(Count.id(total)) sel)" : ""). Perbaiki rumusnya di Excel bila sel itu seharusnya berisi nilai.",
                          en: "Cells holding formula errors were read as empty: \(listed)\(more ? " (\(Count.en(total)) cells in total)" : ""). Fix the formulas in Excel if those cells should hold values.")
    }
}
