extension Strings {
    /// Crashes, orphans and the event log's checkpoints.
    static let crash: [(String, String, String)] = [
        ("log.action.storage.sweep", "Menghapus berkas sisa gangguan yang tidak dirujuk data mana pun",
         "Removed files left by a crash that no record refers to"),
        ("log.checkpoint", "Titik periksa log saat dicetak: entri no. {0}, sidik", "Log checkpoint when printed: entry {0}, hash"),
        ("log.checkpoint_signature", "tanda tangan server", "server signature"),
        ("log.checkpoint_hint",
         "Simpan cetakan ini; kelak perintah walidata verify --checkpoint \"NOMOR SIDIK\" memastikan log tidak dipotong atau ditulis ulang sejak itu.",
         "Keep this print; later, walidata verify --checkpoint \"NUMBER HASH\" confirms the log was not cut short or rewritten since."),
    ]
}
