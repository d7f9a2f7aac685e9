extension SOPDefinition {
    /// "SOP Pengelolaan Data" of Dinas Komunikasi dan Informatika, Kabupaten Kepulauan
    /// Mentawai (January 2022), as the signed document words it. Only the text
    /// extraction's slips are mended (e.g. "melakukann", "Penanyangan", the scrambled
    /// numbering of the dasar hukum). The extraction lost which lane each step sits in;
    /// the lanes here are our reading of the flow and are meant to be edited as data.
    public static let mentawai2022 = SOPDefinition(
        identity: SOPIdentity(
            instansi: "Pemerintah Kabupaten Kepulauan Mentawai",
            dinas: "Dinas Komunikasi dan Informatika",
            unit: "Sub Umum dan Kepegawaian",
            nomor: "/SOP-DISKOMINFO/2022",
            tanggalPembuatan: "Januari 2022",
            tanggalRevisi: ["-", "-", "-"],
            tanggalEfektif: "",
            disahkanJabatan: "Kepala Dinas Kominfo",
            disahkanNama: "Heri Robertus, S.S.Kom., M.Kom",
            disahkanNIP: "197601132001121002",
            namaSOP: "Pengelolaan Data",
            dasarHukum: [
                "Undang-Undang Nomor 49 Tahun 1999 tentang Pembentukan Kabupaten Kepulauan Mentawai sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2000;",
                "Undang-Undang Nomor 43 Tahun 1999 tentang Perubahan atas Undang-Undang Nomor 8 Tahun 1974 tentang Pokok-Pokok Kepegawaian;",
                "Peraturan Daerah Kabupaten Kepulauan Mentawai Nomor 11 Tahun 2008 tentang Susunan Organisasi dan Tata Kerja Perangkat Daerah Kabupaten Kepulauan Mentawai.",
            ],
            kualifikasiPelaksana: [
                "Mampu mengoperasikan komputer minimal MS Office",
                "Memahami tentang manajemen kepegawaian",
            ],
            keterkaitan: [
                "SOP Penjatuhan Hukuman Disiplin",
                "SOP Izin Cuti",
            ],
            peralatan: [
                "Perangkat Komputer",
                "Printer",
                "ATK",
            ],
            peringatan: "Apabila pengumpulan data tidak terselesaikan dengan baik dan benar, maka kegiatan pelaporan akan terhambat.",
            pencatatan: "Disimpan sebagai data elektronik dan manual"
        ),
        lanes: [
            SOPLane(code: "administrasi", name: "Bagian Administrasi"),
            SOPLane(code: "pengelola_ti", name: "Bagian Pengelola Teknologi Informasi"),
            SOPLane(code: "kasi", name: "Kasi Pengelola Data"),
            SOPLane(code: "kabid", name: "Kabid Komunikasi"),
        ],
        steps: [
            SOPStep(
                number: 1,
                activity: "Menyampaikan informasi untuk melakukan pendaftaran yang berkaitan dengan pengelolaan data",
                activityEnglish: "Convey the information needed to register a data-management request",
                lane: "administrasi",
                requirement: "Komputer",
                time: TimeStandard(amount: 30, unit: .minutes),
                output: "Berkas",
                next: 2
            ),
            SOPStep(
                number: 2,
                activity: "Membuat surat untuk pendaftaran sebagai pengelolaan data",
                activityEnglish: "Write the registration letter",
                lane: "administrasi",
                requirement: "Komputer",
                time: TimeStandard(amount: 1, unit: .hours),
                output: "Surat Pendaftaran",
                next: 3
            ),
            SOPStep(
                number: 3,
                activity: "Menerima data untuk dikelola, disimpan atau di-update",
                activityEnglish: "Receive the data to be managed: stored new or updated",
                lane: "pengelola_ti",
                requirement: "Berkas",
                time: TimeStandard(amount: 1, unit: .days),
                output: "Data Informasi",
                next: 4
            ),
            SOPStep(
                number: 4,
                activity: "Menindaklanjuti pengelolaan data untuk dilakukan recovery data jika perlu atau untuk disimpan",
                activityEnglish: "Act on it: store it, or recover data where needed",
                lane: "pengelola_ti",
                requirement: "Hard copy",
                time: TimeStandard(amount: 1, unit: .days),
                output: "Catatan program penyimpanan data, recovery, update data",
                next: 5
            ),
            SOPStep(
                number: 5,
                activity: "Membuat laporan pengelolaan data",
                activityEnglish: "Write the data-management report",
                lane: "pengelola_ti",
                requirement: "Komputer",
                time: TimeStandard(amount: 1, unit: .days),
                output: "Laporan Pengelolaan Data",
                next: 6
            ),
            SOPStep(
                number: 6,
                activity: "Laporan penyelesaian pengelolaan data disampaikan kepada Kasi Pengelola Data",
                activityEnglish: "Hand the completion report to the Kasi",
                lane: "pengelola_ti",
                requirement: "Laporan Pengelolaan Data",
                time: TimeStandard(amount: 2, unit: .days),
                output: "Hasil kegiatan pengelolaan informasi",
                next: 7
            ),
            SOPStep(
                number: 7,
                activity: "Melakukan pengecekan pengelolaan data, jika telah selesai maka dilanjutkan ke proses berikut, jika belum maka laporan dikembalikan untuk diperbaiki",
                activityEnglish: "Check the work: if complete, go on; if not, return the report for correction",
                lane: "kasi",
                kind: .decision,
                requirement: "Laporan Penyelesaian Data",
                time: TimeStandard(amount: 1, unit: .hours),
                output: "Laporan Penyelesaian Data",
                yes: 8,
                no: 5
            ),
            SOPStep(
                number: 8,
                activity: "Menyesuaikan laporan pengelolaan data akhir",
                activityEnglish: "Finalise the data-management report",
                lane: "kasi",
                requirement: "Laporan Penyelesaian Data",
                time: TimeStandard(amount: 1, unit: .hours),
                output: "Konsep laporan akhir penyelesaian pekerjaan",
                next: 9
            ),
            SOPStep(
                number: 9,
                activity: "Penayangan informasi melalui media online (website, WhatsApp, Facebook)",
                activityEnglish: "Publish the information on online media: website, WhatsApp, Facebook",
                lane: "kabid",
                requirement: "Konsep laporan akhir penyelesaian pekerjaan",
                time: TimeStandard(amount: 1, unit: .hours),
                output: "Laporan akhir penyelesaian pekerjaan"
            ),
        ]
    )
}
