/// The API's paging and contract messages, and the pages' pager.
extension Strings {
    static let api: [(String, String, String)] = [
        ("paging.error.limit", "Parameter limit harus bilangan bulat 1 sampai {0}.", "The limit parameter must be a whole number from 1 to {0}."),
        ("paging.error.offset", "Parameter offset harus bilangan bulat 0 sampai 1000000000.", "The offset parameter must be a whole number from 0 to 1000000000."),
        ("paging.showing", "Menampilkan {0}–{1} dari {2}", "Showing {0}–{1} of {2}"),
        ("paging.previous", "‹ Sebelumnya", "‹ Previous"),
        ("paging.next", "Berikutnya ›", "Next ›"),
        ("paging.label", "Halaman", "Pages"),
        ("cases.error.state_filter", "Parameter state harus open atau closed.", "The state parameter must be open or closed."),
    ]
}
