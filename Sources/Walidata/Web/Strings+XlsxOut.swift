extension Strings {
    /// The `.xlsx` downloads: links, sheet names and the column headers that differ from the page's.
    static let xlsxOut: [(String, String, String)] = [
        ("xlsxout.download", "Unduh Excel (.xlsx)", "Download Excel (.xlsx)"),
        ("xlsxout.table_link", "Excel (.xlsx)", "Excel (.xlsx)"),
        ("xlsxout.sheet.steps", "Waktu per langkah", "Time per step"),
        ("xlsxout.sheet.late", "Terlambat sekarang", "Late now"),
        ("xlsxout.sheet.open", "Sedang diproses", "In progress"),
        ("xlsxout.sheet.log", "Log penyimpanan", "Storage log"),
        ("xlsxout.col.median_hours", "Median (jam:menit kerja)", "Median (working hours:minutes)"),
        ("xlsxout.col.p90_hours", "Persentil ke-90 (jam:menit kerja)", "90th percentile (working hours:minutes)"),
        ("xlsxout.col.late_hours", "Terlambat (jam:menit kerja)", "Late by (working hours:minutes)"),
        ("xlsxout.col.title", "Judul", "Title"),
        ("xlsxout.col.round", "Putaran", "Round"),
        ("xlsxout.col.opened", "Dibuka", "Opened"),
        ("xlsxout.col.role", "Peran", "Role"),
        ("xlsxout.col.size_bytes", "Ukuran (bita)", "Size (bytes)"),
    ]
}
