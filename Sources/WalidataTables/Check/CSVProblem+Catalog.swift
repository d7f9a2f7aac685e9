/// The messages, written for a data officer at an agency: what is wrong, where, and what to
/// do in the spreadsheet to fix it. Bahasa Indonesia is the primary text.
extension CSVProblem {
    static func emptyFile() -> CSVProblem {
        CSVProblem(.emptyFile,
                   id: "Berkas kosong: tidak ada judul kolom maupun data. Unggah berkas CSV yang berisi baris judul kolom dan baris data.",
                   en: "The file is empty: it has no header and no data. Upload a CSV file with a header row and data rows.")
    }

    /// `kind` names the format recognised from the first bytes (for example "Excel (XLSX)"), if any.
    static func binaryFile(kind: String?, byteOffset: Int) -> CSVProblem {
        var parameters = ["byteOffset": String(byteOffset)]
        if let kind {
            parameters["kind"] = kind
            return CSVProblem(.binaryFile, parameters: parameters,
                              id: "Berkas ini bukan teks CSV, melainkan berkas \(kind). Buka berkas itu di Excel atau LibreOffice, lalu simpan sebagai \"CSV UTF-8 (Comma delimited)\" dan unggah hasilnya.",
                              en: "This file is not CSV text but a \(kind) file. Open it in Excel or LibreOffice, save it as \"CSV UTF-8 (Comma delimited)\" and upload the result.")
        }
        return CSVProblem(.binaryFile, parameters: parameters,
                          id: "Berkas ini bukan teks CSV: isinya data biner (mis. byte nol pada posisi \(Count.id(byteOffset))). Pastikan yang diunggah adalah berkas CSV hasil \"Simpan sebagai CSV\", bukan berkas lain yang namanya diakhiri .csv.",
                          en: "This file is not CSV text: it contains binary data (e.g. a zero byte at offset \(Count.en(byteOffset))). Make sure you upload a file saved with \"Save as CSV\", not another file renamed to .csv.")
    }

    static func unsupportedEncoding(_ name: String) -> CSVProblem {
        CSVProblem(.unsupportedEncoding, parameters: ["encoding": name],
                   id: "Berkas disimpan dengan pengodean \(name), yang tidak dapat dibaca. Simpan ulang dari Excel sebagai \"CSV UTF-8 (Comma delimited)\".",
                   en: "The file is saved in the \(name) encoding, which cannot be read. Save it again from Excel as \"CSV UTF-8 (Comma delimited)\".")
    }

    static func unterminatedQuote(line: Int) -> CSVProblem {
        CSVProblem(.unterminatedQuote, lines: [line], parameters: ["line": String(line)],
                   id: "Tanda kutip (\") yang dibuka pada baris \(Count.id(line)) tidak pernah ditutup, sehingga sisa berkas terbaca sebagai satu sel. Periksa tanda kutip pada baris itu.",
                   en: "The quote (\") opened on line \(Count.en(line)) is never closed, so the rest of the file reads as one cell. Check the quotes on that line.")
    }

    static func fieldTooLong(line: Int, limitBytes: Int) -> CSVProblem {
        let mib = max(1, limitBytes / (1 << 20))
        return CSVProblem(.fieldTooLong, lines: [line], parameters: ["line": String(line), "limitBytes": String(limitBytes)],
                          id: "Baris yang dimulai pada baris \(Count.id(line)) lebih panjang dari \(mib) MB. Biasanya ini karena tanda kutip (\") yang tidak ditutup; periksa tanda kutip pada baris itu.",
                          en: "The record starting on line \(Count.en(line)) is longer than \(mib) MB. This is usually a quote (\") that is never closed; check the quotes on that line.")
    }

    /// `positions` are 1-based column numbers, as a spreadsheet user counts them.
    static func emptyHeaderName(positions: [Int], line: Int) -> CSVProblem {
        CSVProblem(.emptyHeaderName, lines: [line], parameters: ["columns": positions.map(String.init).joined(separator: ",")],
                   id: "Judul kolom ke-\(Count.idList(positions)) kosong. Beri setiap kolom sebuah judul, atau hapus kolom kosong di ujung tabel.",
                   en: "Column \(Count.enList(positions)) has no header name. Give every column a name, or delete the empty columns at the edge of the table.")
    }

    static func duplicateHeaderName(_ name: String, positions: [Int], line: Int) -> CSVProblem {
        CSVProblem(.duplicateHeaderName, lines: [line],
                   parameters: ["name": name, "columns": positions.map(String.init).joined(separator: ",")],
                   id: "Judul kolom \"\(name)\" dipakai lebih dari sekali (kolom ke-\(Count.idList(positions))). Setiap judul kolom harus berbeda; huruf besar/kecil tidak membedakan.",
                   en: "The header name \"\(name)\" is used more than once (columns \(Count.enList(positions))). Every header name must be different; upper and lower case count as the same.")
    }

    static func tooManyColumns(_ count: Int, limit: Int, line: Int) -> CSVProblem {
        CSVProblem(.tooManyColumns, lines: [line], parameters: ["found": String(count), "limit": String(limit)],
                   id: "Berkas memiliki \(Count.id(count)) kolom; paling banyak \(Count.id(limit)) kolom dapat dimuat. Pecah tabel menjadi beberapa berkas.",
                   en: "The file has \(Count.en(count)) columns; at most \(Count.en(limit)) can be loaded. Split the table into several files.")
    }

    static func raggedRow(line: Int, found: Int, expected: Int) -> CSVProblem {
        CSVProblem(.raggedRow, lines: [line], parameters: ["line": String(line), "found": String(found), "expected": String(expected)],
                   id: "Baris \(Count.id(line)) berisi \(Count.id(found)) kolom, padahal judul kolom ada \(Count.id(expected)). Periksa tanda pemisah atau tanda kutip pada baris itu.",
                   en: "Line \(Count.en(line)) has \(Count.en(found)) fields, but the header has \(Count.en(expected)). Check the separators and quotes on that line.")
    }

    static func moreRaggedRows(total: Int, shown: Int) -> CSVProblem {
        CSVProblem(.moreRaggedRows, parameters: ["total": String(total), "shown": String(shown)],
                   id: "Seluruhnya ada \(Count.id(total)) baris dengan jumlah kolom yang tidak sesuai judul; hanya \(Count.id(shown)) baris pertama yang disebutkan di atas.",
                   en: "In total \(Count.en(total)) lines have a different number of fields than the header; only the first \(Count.en(shown)) are listed above.")
    }

    static func textAfterClosingQuote(lines: [Int], total: Int) -> CSVProblem {
        CSVProblem(.textAfterClosingQuote, lines: lines, parameters: ["total": String(total)],
                   id: "Ada teks sesudah tanda kutip penutup pada baris \(Count.idList(lines))\(total > lines.count ? " (seluruhnya \(Count.id(total)) sel)" : ""); teks itu digabungkan ke sel yang sama. Periksa tanda kutip pada baris itu.",
                   en: "There is text after a closing quote on line \(Count.enList(lines))\(total > lines.count ? " (\(Count.en(total)) cells in total)" : ""); it was joined to the same cell. Check the quotes on those lines.")
    }

    static func headerLooksLikeData(line: Int, sample: [String]) -> CSVProblem {
        let shown = sample.prefix(4).map { "\"\($0)\"" }.joined(separator: ", ")
        return CSVProblem(.headerLooksLikeData, lines: [line], parameters: ["sample": sample.prefix(4).joined(separator: ",")],
                          id: "Baris judul kolom (baris \(Count.id(line))) hanya berisi angka atau tanggal: \(shown). Mungkin baris judul belum ada; baris pertama harus berisi nama kolom.",
                          en: "The header row (line \(Count.en(line))) holds only numbers or dates: \(shown). The header may be missing; the first row must hold the column names.")
    }

    static func noDataRows(line: Int) -> CSVProblem {
        CSVProblem(.noDataRows, lines: [line],
                   id: "Berkas hanya berisi judul kolom, tanpa baris data. Tabel dibuat dengan 0 baris.",
                   en: "The file holds only the header row, no data rows. The table is created with 0 rows.")
    }
}
