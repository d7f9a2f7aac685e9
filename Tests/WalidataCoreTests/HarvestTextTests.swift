import Foundation
import Testing
@testable import WalidataCore

@Suite("Harvest text: Turtle, JSON, XML and IRI escaping; DCAT vocabularies")
struct HarvestTextTests {
    @Test("Turtle and JSON strings escape quotes, backslashes and control characters and keep Unicode")
    func stringEscapes() {
        #expect(TurtleWriter.escape("a\"b\\c\nd\re\tf\u{1}g Ñ 🌴") == #"a\"b\\c\nd\re\tf\u0001g Ñ 🌴"#)
        #expect(JSONLDWriter.string("a\"b\\c\n\u{1}>") == #""a\"b\\c\n\u0001>""#)
    }

    @Test("an IRI cannot be ended early by a typed value")
    func iris() {
        #expect(IRIText.safe("http://x/a b>c\"d{e}") == "http://x/a%20b%3Ec%22d%7Be%7D")
        #expect(IRIText.segment("DIN KES/#") == "DIN%20KES%2F%23")
    }

    @Test("XML text escapes markup and drops the control characters XML 1.0 cannot carry")
    func xml() {
        #expect(XMLText.escape("<a href=\"x\">&'\u{0}\u{1B}\n") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\n")
    }

    @Test("Satu Data values map to DCAT-AP vocabularies; unknown ones to nothing")
    func vocabularies() {
        #expect(DCATVocabulary.frequency("triwulanan")?.hasSuffix("/QUARTERLY") == true)
        #expect(DCATVocabulary.frequency("kadang") == nil)
        #expect(DCATVocabulary.licence("CC-BY-4.0")?.hasSuffix("/CC_BY_4_0") == true)
        #expect(DCATVocabulary.licence("lainnya") == nil)
        #expect(DCATVocabulary.theme("Kesehatan Masyarakat")?.hasSuffix("/HEAL") == true)
        #expect(DCATVocabulary.theme("Lain-lain") == nil)
        #expect(DCATVocabulary.years(in: "2019–2023")! == ("2019-01-01", "2023-12-31"))
        #expect(DCATVocabulary.years(in: "Triwulan III") == nil)
    }

    @Test("Turtle groups a subject's triples and writes rdf:type as a")
    func turtleShape() {
        var g = RDFGraph(prefixes: [("dcat", "http://www.w3.org/ns/dcat#"), ("dct", "http://purl.org/dc/terms/")])
        let s = RDFGraph.Term.iri("http://x/d")
        g.type(s, "dcat:Dataset")
        g.add(s, "dct:title", .text("T", "id"))
        g.add(s, "dct:title", .text("T", "id"))
        #expect(TurtleWriter.write(g).hasSuffix("<http://x/d>\n    a dcat:Dataset ;\n    dct:title \"T\"@id .\n"))
    }
}
