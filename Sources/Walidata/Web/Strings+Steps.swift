extension Strings {
    /// The rules of the SOP steps' outputs: a step whose output is a document is not completed
    /// while the document is empty, and what step 9 may announce.
    static let steps: [(String, String, String)] = [
        ("steps.error.letter_not_saved",
         "Langkah 2 belum dapat diselesaikan: surat pendaftaran belum disimpan. Klik \"Ubah teks surat\", periksa isinya, klik \"Simpan surat\", lalu selesaikan langkah 2.",
         "Step 2 cannot be completed yet: the registration letter has not been saved. Click \"Edit the letter\", check it, click \"Save the letter\", then complete step 2."),
        ("steps.error.report_empty",
         "Langkah 5 belum dapat diselesaikan: uraian laporan masih kosong, sehingga Kasi akan menerima laporan tanpa isi. Tulis uraian pada kotak \"Uraian\", klik \"Simpan uraian\", lalu selesaikan langkah 5.",
         "Step 5 cannot be completed yet: the report narrative is empty, so the Kasi would receive a report with nothing in it. Write the narrative in the \"Narrative\" box, click \"Save the narrative\", then complete step 5."),
        ("steps.error.report_empty_submit",
         "Laporan tidak dapat disampaikan kepada Kasi karena uraiannya kosong. Uraian ditulis selama langkah 5 terbuka (kotak \"Uraian\"); hubungi admin untuk memeriksa SOP yang dipakai permohonan ini.",
         "The report cannot be handed to the Kasi because its narrative is empty. The narrative is written while step 5 is open (the \"Narrative\" box); ask the admin to check the SOP this request follows."),
        ("steps.error.metadata_incomplete",
         "Langkah 9 belum dapat diselesaikan: metadata Satu Data dataset berikut belum lengkap: {0}. Lengkapi lewat \"Ubah metadata\" pada halaman dataset, atau hapus centang dataset itu dari pengumuman. Tidak ada yang ditayangkan.",
         "Step 9 cannot be completed yet: the Satu Data metadata of these datasets is incomplete: {0}. Fill it in with \"Edit metadata\" on the dataset's page, or untick the dataset in the announcement. Nothing was published."),
        ("steps.metadata_title", "Metadata Satu Data dataset baru", "Satu Data metadata of the new dataset"),
        ("steps.metadata_hint",
         "Topik, sumber, satuan dan tahun wajib lengkap sebelum pengumuman (langkah 9) dapat menyebut dataset ini. Klasifikasi akses \"Terbatas\" sampai ada keputusan untuk membukanya.",
         "Topic, source, unit and year must be filled in before the announcement (step 9) may name this dataset. Access stays \"Restricted\" until it is decided to open it."),
        ("steps.metadata_missing", "Metadata belum lengkap: {0}", "Metadata incomplete: {0}"),
    ]
}
