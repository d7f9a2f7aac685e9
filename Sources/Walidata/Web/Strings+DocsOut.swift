/// The Word and PDF downloads of the official documents.
extension Strings {
    static let docsOut: [(String, String, String)] = [
        ("docsOut.download.docx", "Unduh Word (.docx)", "Download Word (.docx)"),
        ("docsOut.download.pdf", "Unduh PDF", "Download PDF"),
        ("docsOut.error.format", "Format tidak dikenal. Pilih format=docx (Word) atau format=pdf.", "Unknown format. Choose format=docx (Word) or format=pdf."),
    ]
}
