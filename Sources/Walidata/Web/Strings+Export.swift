extension Strings {
    static let export: [(String, String, String)] = [
        ("cell.cut", "… (dipotong dari {0} karakter; nilai lengkap ada di berkas unduhan)", "… (cut from {0} characters; the full value is in the downloads)"),
    ]
}
