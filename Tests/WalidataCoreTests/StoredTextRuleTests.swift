import Testing
import WalidataCore

@Suite("What text may be stored")
struct StoredTextRuleTests {
    @Test("NUL, other C0 controls, DEL, C1 controls and U+2028/2029 are refused, with their position")
    func controlsRefused() {
        for value: UInt32 in [0x00, 0x01, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0x2028, 0x2029] {
            let scalar = Unicode.Scalar(value)!
            let text = "ab" + String(Character(scalar)) + "c"
            #expect(StoredTextRule.problem(in: text, kind: .long) == .forbidden(scalar, position: 3), "U+\(value) accepted")
        }
    }

    @Test("tab is allowed everywhere; line breaks only in fields with lines")
    func tabAndLines() {
        #expect(StoredTextRule.problem(in: "a\tb", kind: .line) == nil)
        #expect(StoredTextRule.problem(in: "baris 1\r\nbaris 2\n", kind: .note) == nil)
        #expect(StoredTextRule.problem(in: "judul\nkedua", kind: .line) == .lineBreak(position: 6))
        #expect(StoredTextRule.problem(in: "judul\rkedua", kind: .line) == .lineBreak(position: 6))
    }

    @Test("ordinary text, accents, emoji and non-Latin scripts pass")
    func ordinaryText() {
        #expect(StoredTextRule.problem(in: "Data Penduduk Kecamatan Siberut Selatan — 2026 (é, ü, 日本, 👩🏽‍💻)", kind: .line) == nil)
    }

    @Test("length is counted in Unicode scalars: one letter with 150,000 combining marks is 150,001 long")
    func lengthInScalars() {
        let zalgo = "a" + String(repeating: "\u{0301}", count: 150_000)
        #expect(zalgo.count == 1)
        #expect(StoredTextRule.problem(in: zalgo, kind: .long) == .tooLong(count: 150_001, limit: 50_000))
        #expect(StoredTextRule.problem(in: String(repeating: "x", count: 200), kind: .line) == nil)
        #expect(StoredTextRule.problem(in: String(repeating: "x", count: 201), kind: .line) == .tooLong(count: 201, limit: 200))
        #expect(StoredTextRule.problem(in: String(repeating: "x", count: 2_001), kind: .note) == .tooLong(count: 2_001, limit: 2_000))
    }

    @Test("a refused character is named by its code point")
    func codePoint() {
        #expect(StoredTextRule.codePoint("\u{0}") == "U+0000")
        #expect(StoredTextRule.codePoint("\u{2028}") == "U+2028")
    }
}
