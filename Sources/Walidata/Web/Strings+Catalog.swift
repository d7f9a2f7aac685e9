extension Strings {
    /// Issue 11: column descriptions (the form under the column profile, its errors, the log).
    static let catalog: [(String, String, String)] = [
        ("catalog.columns.title", "Keterangan kolom", "Column descriptions"),
        ("catalog.columns.hint", "Tulis arti tiap kolom: apa yang dihitung, satuannya, sumbernya (paling banyak {0} huruf). Keterangan tetap berlaku untuk versi berikutnya selama nama kolomnya sama, dan ikut dicari di katalog.",
         "Say what each column means: what it counts, its unit, its source (at most {0} characters). A description stays for later versions while the column keeps its name, and the catalogue search finds it."),
        ("catalog.columns.save", "Simpan keterangan kolom", "Save column descriptions"),
        ("catalog.columns.saved", "Keterangan kolom disimpan ({0} kolom berubah).", "Column descriptions saved ({0} columns changed)."),
        ("catalog.columns.unchanged", "Tidak ada keterangan kolom yang berubah.", "No column description changed."),
        ("catalog.columns.unknown", "Tabel versi terkini tidak punya kolom \"{0}\". Periksa nama kolomnya; tidak ada yang disimpan.",
         "The current version's table has no column \"{0}\". Check the column's name; nothing was saved."),
        ("catalog.columns.too_long", "Keterangan kolom \"{0}\" terlalu panjang: paling banyak {1} huruf, yang dikirim {2}. Persingkat lalu simpan lagi; tidak ada yang disimpan.",
         "The description of column \"{0}\" is too long: at most {1} characters, {2} were sent. Shorten it and save again; nothing was saved."),
        ("catalog.columns.mismatch", "Formulir keterangan kolom tidak lengkap. Muat ulang halaman lalu coba lagi.",
         "The column description form is incomplete. Reload the page and try again."),
        ("field.column_description", "Keterangan kolom", "Column description"),
        ("log.action.dataset.columns", "Mengubah keterangan kolom", "Changed the column descriptions"),
    ]
}
