extension Strings {
    /// The harvesting documents (DCAT, feeds) and the portal's links to them.
    static let harvest: [(String, String, String)] = [
        ("harvest.publisher", "Dinas Komunikasi dan Informatika Kabupaten Kepulauan Mentawai", "Communications and Informatics Office, Mentawai Islands Regency"),
        ("harvest.feed.announcements", "Pengumuman Portal Data Terbuka", "Open Data Portal announcements"),
        ("harvest.feed.datasets", "Data terbuka yang diperbarui", "Updated open data"),
        ("harvest.distribution.excel", "CSV untuk Excel", "CSV for Excel"),
        ("harvest.feed.version", "versi {0}, {1} baris", "version {0}, {1} rows"),
        ("harvest.link.announcements_rss", "Pengumuman (RSS)", "Announcements (RSS)"),
        ("harvest.link.announcements_atom", "Pengumuman (Atom)", "Announcements (Atom)"),
        ("harvest.link.datasets_rss", "Data yang diperbarui (RSS)", "Updated data (RSS)"),
        ("harvest.link.datasets_atom", "Data yang diperbarui (Atom)", "Updated data (Atom)"),
    ]
}
