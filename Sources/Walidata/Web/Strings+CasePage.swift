extension Strings {
    /// The case page that leads the officer: the open step's card and the folded history (issue 9).
    static let casePage: [(String, String, String)] = [
        ("casePage.waiting_for", "Menunggu {0} menyelesaikan langkah ini.", "Waiting for {0} to complete this step."),
        ("casePage.history", "Riwayat langkah", "Steps done"),
        ("casePage.history_empty", "Belum ada langkah yang selesai.", "No step has been completed yet."),
        ("casePage.history_full", "Tabel langkah dan riwayat lengkap", "Step table and full history"),
        ("casePage.history_reports", "Putaran laporan sebelumnya ({0})", "Earlier report rounds ({0})"),
        ("casePage.letter_full_editor", "Buka penyunting surat di halaman penuh", "Open the letter editor on its own page"),
        ("casePage.letter_saved", "Surat disimpan {0}. Periksa isinya di bawah ini sebelum menyelesaikan langkah.", "Letter saved {0}. Check it below before completing the step."),
        ("casePage.letter_unsaved", "Surat belum disimpan. Periksa isian di bawah, lalu tekan Simpan surat; sesudah itu langkah ini dapat diselesaikan.", "The letter has not been saved yet. Check the fields below and press Save letter; then this step can be completed."),
        ("casePage.letter_unsaved_other", "Surat belum disimpan oleh bagian administrasi.", "The administration section has not saved the letter yet."),
        ("casePage.facts", "Fakta yang disusun sistem", "Facts drafted by the system"),
        ("casePage.facts_hint", "Disusun dari catatan permohonan ini; disusun ulang saat laporan disimpan dan disampaikan. Tuliskan uraian di sampingnya.", "Drafted from this case's records; drafted again when the report is saved and handed in. Write the narrative beside them."),
        ("casePage.report_saved_at", "Tersimpan {0}", "Saved {0}"),
        ("casePage.final_title", "Konsep laporan akhir", "Final concept"),
        ("casePage.final_narrative", "Uraian konsep laporan akhir", "Narrative of the final concept"),
        ("casePage.final_hint", "Sesuaikan uraian putaran yang disetujui bila perlu, lalu simpan. Putaran yang disetujui tetap tersimpan apa adanya; perubahannya ditampilkan di samping.", "Adjust the approved round's narrative if needed, then save. The approved round is kept as it was; the changes are shown beside it."),
        ("casePage.final_save", "Simpan penyesuaian", "Save adjustments"),
        ("casePage.final_saved", "Penyesuaian konsep laporan akhir disimpan.", "The adjustments to the final concept were saved."),
        ("casePage.final_diff", "Penyesuaian dibanding putaran {0} yang disetujui", "Adjustments since the approved round {0}"),
        ("casePage.final_unchanged", "Belum ada penyesuaian: uraian sama dengan putaran {0} yang disetujui.", "No adjustments yet: the narrative is the approved round {0}'s."),
        ("casePage.print_approved", "Cetak putaran {0} yang disetujui", "Print the approved round {0}"),
        ("casePage.error.final_frozen", "Konsep laporan akhir hanya dapat disesuaikan selama langkah 8 terbuka.", "The final concept can only be adjusted while step 8 is open."),
        ("casePage.error.final_empty", "Uraian konsep laporan akhir tidak boleh kosong. Tuliskan uraiannya, atau salin kembali uraian putaran yang disetujui.", "The final concept's narrative cannot be empty. Write it, or copy back the approved round's narrative."),
        ("record.action.report.adjust", "Konsep laporan akhir disesuaikan", "Final concept adjusted"),
    ]
}
