import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore
import ZIPFoundation

/// The Word and PDF downloads of a case's official documents, from a case walked through the
/// nine steps: what they say, who may fetch them, and that an issued report stays as issued.
@Suite("Official documents as Word and PDF")
struct OfficialDocumentDownloadTests {
    /// A case run to the end with the fixture's defaults; answers its id and letter number.
    static func closedCase(_ f: CaseFixture) async throws -> (UUID, String) {
        let id = try await f.submit("Data gizi balita 2026").id
        for step in 1...9 {
            let done = try await f.complete(id, step: step, as: CaseFixture.executor[step]!, step == 7 ? ["decision": "ya"] : [:])
            #expect(done.status == .created, "step \(step): \(done.body.string)")
        }
        let letter = try #require(try await LetterStore.letter(of: id, on: f.app.db))
        return (id, try #require(letter.number))
    }

    static func parts(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    @Test(arguments: TestDatabase.all)
    func theLetterReportsAndFinalReportDownloadAsWordAndPDF(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let (id, number) = try await Self.closedCase(f)
            let letter = try #require(try await LetterStore.letter(of: id, on: app.db))

            // The model of the issued letter, from its own row.
            let record = try #require(try await Case.find(id, on: app.db))
            _ = record
            let model = OfficialDocuments.letter(letter.fields, number: letter.number, calendar: .standard(),
                                                 kop: .init(government: "G", office: "O", lines: [], arms: nil))
            #expect(model.texts.contains("Nomor : \(number)"))
            #expect(model.texts.contains("Hal : \(letter.subject)"))
            #expect(model.texts.contains(letter.signerName))

            for (path, name) in [("letter/document", "Surat"), ("reports/1/document", "Laporan"), ("reports/final/document", "Konsep"),
                                 ("final-report/document", "Laporan-Akhir")] {
                let pdf = try await f.send(.GET, "/api/v1/cases/\(id)/\(path)?format=pdf", as: "produsen")
                #expect(pdf.status == .ok, "\(path): \(pdf.body.string.prefix(200))")
                #expect(pdf.headers.contentType == HTTPMediaType(type: "application", subType: "pdf"))
                let disposition = pdf.headers.first(name: .contentDisposition) ?? ""
                #expect(disposition.hasPrefix("attachment; filename=\"\(name)") && disposition.hasSuffix(".pdf\""), "\(disposition)")
                let bytes = Array(pdf.body.readableBytesView)
                #expect(Array(bytes.prefix(8)) == Array("%PDF-1.4".utf8))
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(text.contains("(DINAS KOMUNIKASI DAN INFORMATIKA)"))
                #expect(path == "letter/document" ? !text.contains("(Halaman 1 dari") : text.contains("(Halaman 1 dari"))

                let word = try await f.send(.GET, "/api/v1/cases/\(id)/\(path)?format=docx", as: "kasi")
                #expect(word.status == .ok)
                let parts = try Self.parts(Array(word.body.readableBytesView))
                for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"] {
                    #expect(parts[part] != nil, "\(path) lacks \(part)")
                }
                #expect(parts["word/document.xml"]?.contains("DINAS KOMUNIKASI DAN INFORMATIKA") == true)
            }
            let pdf = try await f.send(.GET, "/api/v1/cases/\(id)/letter/document?format=pdf", as: "kasi")
            #expect(String(decoding: pdf.body.readableBytesView, as: UTF8.self).contains("(\(number))"))

            // The web twin on the print view's own address, for a signed-in browser.
            let browser = TestBrowser(app)
            try await browser.login("kasi")
            let web = try await browser.get("/cases/\(id)/letter/print?format=docx")
            #expect(web.status == .ok && web.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(try await browser.get("/cases/\(id)/letter/print").body.string.contains("<!doctype html>"))
            let page = try await browser.get("/cases/\(id)")
            #expect(page.body.string.contains("/cases/\(id)/letter/print?format=pdf"))
            #expect(page.body.string.contains("/cases/\(id)/final-report?format=docx"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anUnknownFormatIsRefusedInWordsAfterTheReaderIsChecked(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            _ = try await f.complete(id, step: 1, as: "administrasi")
            let odt = try await f.send(.GET, "/api/v1/cases/\(id)/letter/document?format=odt", as: "kasi")
            #expect(odt.status == .badRequest && odt.body.string.contains("format=docx"))
            #expect(try await f.send(.GET, "/api/v1/cases/\(id)/letter/document", as: "kasi").status == .badRequest)
            // Another agency's produsen learns nothing, whatever the format says.
            let other = try await app.makeOrganization("DISDIK", name: "Dinas Pendidikan")
            let stranger = try await app.makeUser("oranglain", role: .produsen, organization: other)
            let token = try await AccountController.issueToken(for: stranger, name: "t", on: app.db).1
            let hidden = try await app.testing().sendRequest(.GET, "/api/v1/cases/\(id)/letter/document?format=odt", headers: ["Authorization": "Bearer \(token)"])
            #expect(hidden.status == .notFound)
        }
    }

    /// The laporan akhir names the datasets as they stood when it was issued.
    @Test(arguments: TestDatabase.all)
    func theFinalReportIsPrintedFromItsIssuedSnapshot(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let (id, _) = try await Self.closedCase(f)
            let link = try #require(try await CaseDataset.query(on: app.db).filter(\.$caseRecord.$id == id).first())
            let dataset = try #require(try await Dataset.find(link.$dataset.id, on: app.db))
            let issuedTitle = dataset.title
            dataset.title = "Judul yang diganti sesudah terbit"
            try await dataset.save(on: app.db)
            let word = try await f.send(.GET, "/api/v1/cases/\(id)/final-report/document?format=docx", as: "kabid")
            let document = try #require(try Self.parts(Array(word.body.readableBytesView))["word/document.xml"])
            #expect(document.contains(XMLText.escape(issuedTitle)))
            #expect(!document.contains("Judul yang diganti sesudah terbit"))
        }
    }
}
