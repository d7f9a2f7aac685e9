extension Strings {
    /// Excel intake: how a workbook was read, and the form that reads the same stored file again.
    static let excel: [(String, String, String)] = [
        ("excel.found", "Cara buku kerja dibaca", "How the workbook was read"),
        ("excel.reread.title", "Baca ulang dengan lembar atau baris judul lain", "Read again with another sheet or header row"),
        ("excel.reread.hint", "Bila tabel yang dibaca salah, pilih lembarnya dan tulis nomor baris judul kolom seperti terlihat di Excel (mis. 4). Berkas yang sama diperiksa lagi sebagai versi baru; versi ini tidak berubah.",
         "If the wrong table was read, choose its sheet and give the header row's number as Excel shows it (e.g. 4). The same stored file is checked again as a new version; this version stays as it is."),
        ("excel.reread.sheet", "Lembar", "Sheet"),
        ("excel.reread.header_row", "Baris judul kolom", "Header row"),
        ("excel.reread.header_auto", "kosongkan untuk dikenali otomatis", "leave empty to detect it"),
        ("excel.reread.submit", "Baca ulang", "Read again"),
        ("excel.reread.note", "Dibaca ulang dari versi {0}: lembar \"{1}\", baris judul {2}.", "Read again from version {0}: sheet \"{1}\", header row {2}."),
        ("excel.reread.auto", "otomatis", "detected"),
        ("excel.reread.done", "Berkas versi {0} dibaca ulang sebagai versi {1}.", "The file of version {0} was read again as version {1}."),
        ("excel.error.not_a_workbook", "Hanya berkas buku kerja Excel (.xlsx) yang dapat dibaca ulang dengan lembar atau baris judul lain.", "Only an Excel workbook (.xlsx) can be read again with another sheet or header row."),
        ("excel.error.bad_number", "Nomor lembar dan nomor baris judul harus bilangan bulat mulai 1.", "The sheet number and the header row number must be whole numbers from 1."),
    ]
}
