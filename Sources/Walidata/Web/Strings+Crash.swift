extension Strings {
    /// Crashes, orphans and the event log's checkpoints.
    static let crash: [(String, String, String)] = [
        ("log.action.storage.sweep", "Menghapus berkas sisa gangguan yang tidak dirujuk data mana pun",
         "Removed files left by a crash that no record refers to"),
        ("log.checkpoint",
         "Titik periksa log saat dicetak: entri no. {0}, sidik {1}, tanda tangan server {2}. Simpan cetakan ini; kelak `walidata verify --checkpoint \"{0} {1}\"` memastikan log tidak dipotong atau ditulis ulang sejak itu.",
         "Log checkpoint when printed: entry {0}, hash {1}, server signature {2}. Keep this print; later, `walidata verify --checkpoint \"{0} {1}\"` confirms the log was not cut short or rewritten since."),
    ]
}
