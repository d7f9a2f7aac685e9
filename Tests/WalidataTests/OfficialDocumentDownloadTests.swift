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

    /// An arms PNG with transparency (the usual export) goes into the PDF flattened on white,
    /// and into Word as it was uploaded; without an upload both carry the generic shield.
    @Test(arguments: TestDatabase.all)
    func armsWithTransparencyAreFlattenedForThePDF(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            _ = try await f.complete(id, step: 1, as: "administrasi")
            let generic = try await f.send(.GET, "/api/v1/cases/\(id)/letter/document?format=pdf", as: "kasi")
            #expect(String(decoding: generic.body.readableBytesView, as: UTF8.self).contains("/Width 184 /Height 216 /ColorSpace /DeviceRGB"))
            let rgba = Array(Data(base64Encoded: """
                iVBORw0KGgoAAAANSUhEUgAAAFwAAABsCAYAAADnldX1AAAHG0lEQVR4nOyda4gVZRjH/2dtU9PyEppFSolJhWGSl6JF0FwtU7pqrmnRBSpDKArpQxc/SNSH
                SigokIKK1tC8Qpfd9RKaRbFBQXT5UtHFSlKLdtXV3TP93/POyqozZ953znPGs3ueHwxzdmbOWfa3z3nmmeedSw2UTKmBkikqPGPOgJIZTcBIFV5mdgKDO4EF
                AdCQA+pzUMT5AOjPSJ7Ll4speB7nA7rXaYQLwQiuaQFmUPBi/ngbpyFR22mEl8h2YGqXlbyQMs9P2l6Fp2AbMD4PLIHNy+N83qvCHWkGLgjThZkmISWaw4uw
                GxjWwQojb3d+0yEQoBrhJ/EpMLAdmM+Xd3G6EcKo8BDm5XmsNBZxuoVSzoIw/NwdPKxvrFrhFJBjhVEX2Jy8gNO5EIaf/QVnjZyvnQPsM8uqTvgOYGKnlWwq
                jNGQ5ztOjcz771DyTyevrArh7GFczK/znbCiL4M8vzCK32UF0jgT+LrYhn22SjGNon7MyWGFMQ3y/M1pPafGWcCeXCGDJNOnIvwT4OxD9rDaRPJM/nH9IEsb
                rW7mhzbyG9MyA+iEJ71euGkU1doGUQNsGTcAglDw0Vzh12At08FWSj6CEuiVKcU0ilhhXJe3kXwrp3MgCD8/T8k7Oa3lj+/VA/9CiF4V4czL03I2J9/BH8+D
                MFFlnDQVH+GmUUQBS2GjeSzkKVrGSVORwhnJo3M2JzdQ9pWQx7mMk6ZihH8EDK+xPWUTyXWQT3epyjhpTqtwRvIgSr4JVvJsTrWQpeQyTprMhbdS6j/AnLDC
                MLJFG0XSZZw0mVQpplHE8b7pJl3w9e2cD4cgPcu4QLiMk6aswlvsyIiRvIi/6EIIk0UZJ414SjGNIubMJWHKuNQsE/6vZlrGSSPiwjSKwjLOHJRMhTynrYyT
                JnWEm0bRYdu4NynDnI8hfZ5iRZRx0nhF+E42hrrYKArTxVy+uT9kqbgyTppE4evY4hzKRhGsZDPeJ90oqugyTprElELZeylkJITpHlRFhZdx0iQKl5TdG8s4
                abI40uzVZZw05RLeZ8o4aSSF98kyTpqShNNoO2ebTBnHMuZDKIkkloUtCZFar6fLeaFXsWWMCs8YFZ4xKjxjVHjG6CUnZcIMxLB8W5orFHKFc8+HcRqlwoXZ
                BtzHOvoBvpwStV6FC8GIns/8/BxlX15sOxVeIruAER22zTzLZXsVXgJMH9dQ9ka+HOX6Hq1SUtIM3B8UrjJ0l23QCE8B+0ts7WONw6Y/sErZzHkTxwN+qwX+
                UOGecCB93DFgQ7GOHSP/e65/pL6wLz0RFe5JJ8fVKXNQ3HrKfmI28HzcehXuAVPJPYi5sQFF7+MO8WZG9WfFPkN3mo6Ya/CDmMjl8g5Oc2clyDZohDvSBqxk
                KhkRtc6cFcw08iUc0Ah35+GoheHp0RvhiEa4A+YAJ4jZUVLgk/BAI9yBvO34nQL/CXtmstaGBxrhDjBHT4xazmh9H55ohDsQxB++t8ITjXAHcjHCu4Bf4YkK
                dyPyRjZnAj/DE00pDphz2KOWH01xexAV7gBTyl9Ry/uluMGCCneAEf5n1PKcZy/coMLdiIzwfIpbO6lwB3LxfZKF8ESFO8BI3hKz6mqOMFwFD1S4AxxP+yaI
                uVyGAlfDAxXuCEW9ErOqjgMTy+H+OYoLQ4GXEVOtMPpfanLcgapwRyYDHDvG01HrzP0ROW1tdrhdlAr3gENor3P2Y9S68HrWPc32qu1YVLgHlJrP21LwcMx6
                c3ejZub0TRR/bcw2xdGLqk6lxd6ccoPDpiecCBTYy+gTP1yFR8AIfpB/+KvwRFNKSjhK/1pgz5ht83mfCi8BSt/OjuHkwKMvrsJLxAwiU/gEvlyFmJ1pT1S4
                ADz0b+e+7CkOn43nj2/zH3AoblvdaZaJbczvrExuCG+6dvyiKhWeMZpSMkaFZ4wKzxgVnjEqPGNUeMao8IxR4RmjwjNGz54VpJUjPvuBK9hBnMDD+rHhU8BH
                9pxUeAmwXzKFYudT7CTTMTwIXGRShumFxPU7VLgnLfZ5nIvDx/mO6xbr2lBS4Q6Ej418CPYRZab3nbpjp8KLYG4+cwR4lKMKyyh4CARQ4REwbYxhuljRAdxL
                0QMhiArvgakyDgDP8OWKtCmD/6ivcoW7fJhMhL3cqbZR8n9c3sYR5/0qPKQZaKDsF8JSzoffYR90+jG/CrvqKLfYxlUv3Dyvk1G4hqKnu74nsJcLrud8Hccz
                P4cHVSuc3/nBx4CVlPaYR/rYyG1Xc1hxN1JSlcLNWa6dwBbKG5O0bVC4/hXreECzijn4W5RI1QlnClnGFPIiEh76FF6b+Rbnz0o+LKRqhIcVyJvh4yWT2M3t
                7i7HU1mqQngTjw4P2Px7SbHtKPkgt3mcOfoNlIk+L5wp5HqK3MSXA4ptZx6DUwssn2Gf1lI2/gcAAP//p5jtAAAAAAZJREFUAwB8nbFE7i9FmQAAAABJRU5E
                rkJggg==
                """, options: .ignoreUnknownCharacters)!)
            #expect(DocumentImage(file: rgba)?.pdf == nil, "a PNG with alpha cannot go in as it is")
            try await LetterheadArms.store(rgba, dataDirectory: app.walidata.dataDirectory, by: f.users["admin"]!, on: app.db)
            let pdf = try await f.send(.GET, "/api/v1/cases/\(id)/letter/document?format=pdf", as: "kasi")
            let bytes = Array(pdf.body.readableBytesView)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("/Width 92 /Height 108 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length"))
            _ = try OfficialDocumentWriterChecks.xref(bytes)
            if let folder = ProcessInfo.processInfo.environment["DOCS_OUT_KEEP"] {
                try Data(bytes).write(to: URL(fileURLWithPath: folder).appendingPathComponent("letter-rgba-arms.pdf"))
            }
            let word = try await f.send(.GET, "/api/v1/cases/\(id)/letter/document?format=docx", as: "kasi")
            let archive = try Archive(data: Data(word.body.readableBytesView), accessMode: .read)
            var media = Data()
            _ = try archive.extract(try #require(archive["word/media/lambang.png"])) { media.append($0) }
            #expect(Array(media) == rgba)
        }
    }
}

/// Reads a PDF's cross-reference table back and checks that each offset points at its object.
enum OfficialDocumentWriterChecks {
    static func xref(_ pdf: [UInt8]) throws -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        let start = try #require(text.range(of: "startxref\n", options: .backwards))
        let xref = try #require(Int(text[start.upperBound...].prefix { $0.isNumber }))
        #expect(Array(pdf[xref..<(xref + 4)]) == Array("xref".utf8))
        let lines = String(decoding: pdf[xref...], as: UTF8.self).split(separator: "\n")
        let count = try #require(Int(lines[1].split(separator: " ")[1]))
        for object in 1..<count {
            let offset = try #require(Int(lines[2 + object].prefix(10)))
            #expect(Array(pdf[offset..<(offset + "\(object) 0 obj".utf8.count)]) == Array("\(object) 0 obj".utf8), "object \(object)")
        }
        return count
    }
}
