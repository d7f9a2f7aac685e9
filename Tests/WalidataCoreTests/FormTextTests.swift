import Foundation
import Testing
import WalidataCore

/// Issue 11: the portal's links and query reading, byte by byte, must write and read exactly
/// what Foundation's percent-encoding did.
@Suite("Form text")
struct FormTextTests {
    static let samples = ["", "Jumlah penduduk perkotaan", "é/ü&=+ 𝔸 #?%", "a+b c", "100%", "\"; DROP TABLE data; --", "~-._", "\u{0}\n\t",
                          "Siberut 🌊", String(repeating: "Ä", count: 50)]

    @Test("encoding writes the bytes addingPercentEncoding wrote (alphanumerics and -._~ allowed)")
    func encode() {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        var generator = SystemRandomNumberGenerator()
        var texts = Self.samples
        for _ in 0..<200 {
            texts.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Character(Unicode.Scalar([0x20, 0x7E, 0xFF, 0x3000, 0x1F600].randomElement(using: &generator).map { UInt32.random(in: 0x20...$0, using: &generator) }!)
                          ?? "x")
            }))
        }
        for text in texts {
            #expect(FormText.encode(text) == text.addingPercentEncoding(withAllowedCharacters: allowed), "\(text.debugDescription)")
        }
    }

    @Test("decoding reads + as a space and escapes as UTF-8; a malformed escape or bytes that are not UTF-8 are nil")
    func decode() {
        for text in Self.samples {
            #expect(FormText.decode(Substring(FormText.encode(text))) == text)
        }
        #expect(FormText.decode("a+b%20c") == "a b c")
        #expect(FormText.decode("plain") == "plain")
        for bad in ["%", "%4", "%zz", "abc%e", "%C3", "%FF%FE"] {
            #expect(FormText.decode(Substring(bad)) == nil, "\(bad)")
            #expect(Substring(bad).removingPercentEncoding == nil, "Foundation agrees on \(bad)")
        }
    }
}
