extension Strings {
    /// Dates, times and numbers typed into forms; the few words the English interface still lacked.
    static let locale: [(String, String, String)] = [
        ("input.date_placeholder", "TTTT-BB-HH", "YYYY-MM-DD"),
        ("input.date_hint", "Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-11-30.", "Write the date as YYYY-MM-DD, e.g. 2026-11-30."),
        ("input.time_placeholder", "JJ:MM", "HH:MM"),
        ("input.time_hint", "Tulis jam sebagai JJ:MM (24 jam), misalnya 07:30 atau 16:00.", "Write the time as HH:MM (24-hour clock), e.g. 07:30 or 16:00."),
        ("input.error.date", "Tanggal \"{0}\" tidak terbaca atau tidak ada di kalender. Tulis sebagai TTTT-BB-HH, misalnya 2026-11-30.",
         "The date \"{0}\" cannot be read or does not exist. Write it as YYYY-MM-DD, e.g. 2026-11-30."),
        ("input.error.time", "Jam \"{0}\" tidak terbaca. Tulis sebagai JJ:MM (24 jam), misalnya 07:30 atau 16:00.",
         "The time \"{0}\" cannot be read. Write it as HH:MM (24-hour clock), e.g. 07:30 or 16:00."),
        ("calendar.start_date", "Tanggal mulai", "Start date"),
        ("calendar.start_time", "Jam mulai (WIB)", "Start time (WIB)"),
        ("calendar.error.standard",
         "Mutu baku \"{0}\" tidak terbaca. Tulis angka lalu satuan menit, jam atau hari (hari kerja), misalnya 30 menit, 2 jam, 15 hari. Minggu dan bulan tidak dipakai: tulis 3 minggu sebagai 15 hari.",
         "The time standard \"{0}\" cannot be read. Write a number and then minutes, hours or days (working days), e.g. 30 minutes, 2 hours, 15 days. Weeks and months are not used: write 3 weeks as 15 days."),
        ("calendar.error.start_missing", "Isi tanggal dan jam mulai.", "Fill in the start date and time."),
        ("compare.error.key", "Kolom kunci \"{0}\" tidak ada di kedua versi. Pilih kolom dari daftar, atau bandingkan per baris tanpa kunci.",
         "The key column \"{0}\" is not in both versions. Choose a column from the list, or compare row by row without a key."),
        ("compare.no_key", "Tanpa kunci (bandingkan baris utuh)", "No key (compare whole rows)"),
        ("report.not_a_table", "Berkas ini bukan tabel", "This file is not a table"),
        ("report.not_a_table_hint",
         "Walidata hanya bisa memeriksa dan menampilkan tabel CSV atau TSV (teks dengan kolom dipisah koma, titik koma atau tab). Simpan tabel dari Excel sebagai CSV lalu unggah lagi.",
         "Walidata can only check and show CSV or TSV tables (text with columns separated by commas, semicolons or tabs). Save the table from Excel as CSV and upload it again."),
    ]
}
