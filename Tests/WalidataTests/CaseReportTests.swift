import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Cases: steps 5–8, the report rounds, the kasi's check and the final concept")
struct CaseReportTests {
    @Test("round 1 submitted and frozen, returned with a note, round 2 shows the note and the diff, approved, finalised; prints escape the narrative", arguments: TestDatabase.all)
    func rounds(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let id = try await f.submit().id
            for step in 1...4 { #expect(try await f.complete(id, step: step, as: CaseFixture.executor[step]!).status == .created) }
            let officer = TestBrowser(app)
            try await officer.login("pengelolati")
            _ = try await officer.get("/cases/\(id)")
            let hostile = "Data diterima lengkap.\nCatatan <script>alert(1)</script>"
            #expect(try await officer.post("/cases/\(id)/report", [("narrative", hostile)]).status == .seeOther)
            let page = try await officer.get("/cases/\(id)")
            #expect(page.body.string.contains("&lt;script&gt;alert(1)"))
            #expect(!page.body.string.contains("<script>alert(1)"))

            #expect(try await f.complete(id, step: 5, as: "pengelola_ti").status == .created)
            #expect(try await f.complete(id, step: 6, as: "pengelola_ti").status == .created)
            _ = try await officer.get("/cases/\(id)")
            #expect(try await officer.post("/cases/\(id)/report", [("narrative", "diubah")]).status == .conflict)
            var rounds = try await CaseReportStore.rounds(of: id, on: app.db)
            #expect(rounds.count == 1 && rounds[0].submitted && rounds[0].narrative == hostile)

            #expect(try await f.complete(id, step: 7, as: "kasi", ["decision": "tidak"]).status == .unprocessableEntity)
            #expect(try await f.complete(id, step: 7, as: "kasi", ["decision": "tidak", "note": "Lengkapi uraian <b>jumlah baris</b>"]).status == .created)
            let returned = try await officer.get("/cases/\(id)")
            #expect(returned.body.string.contains("Lengkapi uraian &lt;b&gt;jumlah baris&lt;/b&gt;"))
            #expect(returned.body.string.contains("report-return-note"))
            #expect(try await officer.post("/cases/\(id)/report", [("narrative", "Data diterima lengkap.\nJumlah baris sesuai.")]).status == .seeOther)
            #expect(try await f.complete(id, step: 5, as: "pengelola_ti").status == .created)
            #expect(try await f.complete(id, step: 6, as: "pengelola_ti").status == .created)

            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            let check = try await kasi.get("/cases/\(id)").body.string
            #expect(check.contains("report-diff-2"))
            #expect(check.contains("<ins>+ Jumlah baris sesuai.</ins>"))
            #expect(check.contains("<del>- Catatan &lt;script&gt;alert(1)&lt;/script&gt;</del>"))
            #expect(try await f.complete(id, step: 7, as: "kasi", ["decision": "ya"]).status == .created)
            #expect(try await f.complete(id, step: 8, as: "kasi").status == .created)

            rounds = try await CaseReportStore.rounds(of: id, on: app.db)
            #expect(rounds.map(\.round) == [1, 2])
            #expect(rounds[0].returned && rounds[0].decisionNote == "Lengkapi uraian <b>jumlah baris</b>" && rounds[0].finalizedAt == nil)
            #expect(rounds[1].approved && rounds[1].finalizedAt != nil)

            let letter = try #require(try await Letter.query(on: app.db).filter(\.$caseRecord.$id == id).first()?.number)
            let hash = try #require(try await CaseFiles.log(caseID: id, on: app.db).first?.blobHash)
            let print1 = try await kasi.get("/cases/\(id)/report/1")
            #expect(print1.status == .ok)
            let text1 = print1.body.string
            #expect(text1.contains("Laporan Pengelolaan Data") && text1.contains("Putaran 1"))
            #expect(text1.contains(letter) && text1.contains(hash))
            #expect(text1.contains("&lt;script&gt;alert(1)") && !text1.contains("<script>alert(1)"))
            #expect(text1.contains("Dikembalikan"))
            let final = try await kasi.get("/cases/\(id)/report/final").body.string
            #expect(final.contains("Konsep Laporan Akhir Penyelesaian Pekerjaan"))
            #expect(final.contains(f.users["kasi"]!.fullName) && final.contains(letter) && final.contains("Putaran 2"))
            #expect(try await kasi.get("/cases/\(id)/report/9").status == .notFound)
        }
    }
}
