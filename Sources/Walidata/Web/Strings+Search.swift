extension Strings {
    /// Finding data: the portal's search box and facets.
    static let search: [(String, String, String)] = [
        ("catalog.search_label", "Cari data", "Search the data"),
        ("catalog.search_hint", "Ketik kata apa saja, misalnya: pendidikan, penduduk 2024, puskesmas. Huruf besar-kecil dan tanda baca tidak berpengaruh.",
         "Type any words, for example: education, population 2024, clinic. Capitals and accents do not matter."),
        ("catalog.search_button", "Cari", "Search"),
        ("catalog.sort", "Urutkan", "Sort by"),
        ("catalog.sort.relevance", "Paling cocok", "Best match"),
        ("catalog.sort.newest", "Terbaru", "Newest"),
        ("catalog.sort.title", "Judul (A–Z)", "Title (A–Z)"),
        ("catalog.found", "{0} dataset ditemukan", "{0} datasets found"),
        ("catalog.found_for", "{0} dataset ditemukan untuk \"{1}\"", "{0} datasets found for \"{1}\""),
        ("catalog.none", "Tidak ada dataset yang cocok. Coba kata lain atau hapus saringan.", "No dataset matches. Try other words or remove a filter."),
        ("catalog.filters", "Saring", "Filter"),
        ("catalog.remove_filter", "hapus saringan {0}", "remove filter {0}"),
        ("catalog.clear", "Hapus semua saringan", "Clear all filters"),
        ("catalog.facet.organization", "Instansi", "Agency"),
        ("catalog.facet.topic", "Topik", "Topic"),
        ("catalog.facet.tag", "Tag", "Tag"),
        ("catalog.facet.format", "Format", "Format"),
        ("catalog.facet.frequency", "Frekuensi", "Frequency"),
        ("catalog.facet.year", "Tahun", "Year"),
        ("catalog.api_hint", "Untuk aplikasi dan portal data lain: API yang cocok dengan CKAN di {0}", "For applications and other data portals: a CKAN-compatible API at {0}"),
    ]
}
