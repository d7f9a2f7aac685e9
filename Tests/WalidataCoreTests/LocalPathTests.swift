import Testing
import WalidataCore

@Suite("Redirect targets taken from a request")
struct LocalPathTests {
    /// Known open-redirect bypasses (OWASP, PortSwigger and bug-bounty lists): each would send a
    /// browser to another host, directly or after one more percent-decoding.
    static let bypasses: [String] = [
        "//evil.example", "///evil.example", "////evil.example/", "/\\evil.example", "\\/evil.example", "\\\\evil.example",
        "/\t/evil.example", "/\r\n/evil.example", "/%09/evil.example/", "/%0d%0a/evil.example", "/%0a/evil.example",
        "/%2F%2Fevil.example", "%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example", "/%5C%5Cevil.example",
        "/%252F%252Fevil.example", "/%25252F/evil.example", "/%5c/evil.example",
        "https://evil.example", "https:evil.example", "http:/evil.example", "javascript:alert(1)", "data:text/html,x",
        "evil.example", "", " /datasets", "/\u{FF0F}evil.example", "/%EF%BC%8Fevil.example", "/%E2%88%95evil.example",
        "/\u{2215}evil.example", "/%E2%80%8B/evil.example", "/%00/evil.example", "/%7F/evil.example", "/datasets\u{0}",
        "/data%", "/%zz", "/" + String(repeating: "a", count: LocalPath.maximumLength),
    ]

    @Test("every known bypass is refused", arguments: bypasses)
    func refusesBypass(_ raw: String) {
        #expect(LocalPath.safe(raw) == nil)
    }

    @Test("local paths, with queries and encoded text, pass unchanged", arguments: [
        "/", "/datasets", "/datasets/jumlah-nakes-2025/versions/2?c1=nama&v1=Sipora%20Utara",
        "/publik/data/penduduk?q=caf%C3%A9", "/cases/3f1c?tab=lampiran#riwayat", "/a/b//c", "/.well-known/x",
    ])
    func acceptsLocal(_ raw: String) {
        #expect(LocalPath.safe(raw) == raw)
    }

    @Test func nilIsRefused() {
        #expect(LocalPath.safe(nil) == nil)
    }
}
