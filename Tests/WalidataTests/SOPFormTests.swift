import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore
import WalidataTables
import ZIPFoundation

/// The SOP's own monitoring and evaluation forms (Permenpan RB 35/2012), on the dashboard's
/// five known cases of March 2030 (`DashboardTests.build`).
@Suite("SOP monitoring and evaluation forms")
struct SOPFormTests {
    static let now = DashboardTests.at(6, 12, 0)

    @Test("a monitoring form's lines are the period's figures with a suggested assessment; completing it needs every answer and freezes the figures", arguments: TestDatabase.all)
    func monitoringFromCases(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            _ = try await DashboardTests.build(app, f)
            let kasi = f.users["kasi"]!
            let form = try await SOPFormStore.openMonitoring(from: "2030-03-01", to: "2030-03-31", lane: nil, by: kasi, now: Self.now, on: app.db)
            let lines = try await SOPFormStore.lines(of: form, on: app.db)
            #expect(lines.rows.map(\.step) == Array(1...9))
            let one = lines.rows[0]
            #expect(one.completed == 4 && one.median == 25 * 60 && one.percentile90 == 90 * 60 && one.onTimeShare == 0.75)
            // 3 of 4 on time is under the 80% the suggestion asks; C's and D's step 2 and B's step 3 are overdue now.
            let measured = try await SOPFormStore.measure(from: "2030-03-01", to: "2030-03-31", lane: "", now: Self.now, on: app.db)
            #expect(measured.rows.prefix(4).map(\.suggested) == [.notAsWritten, .notAsWritten, .notAsWritten, .notRun])
            #expect(measured.rows[1].overdue == 2 && measured.rows[2].overdue == 1)
            #expect(form.entries.first { $0.step == 4 }?.assessment == "tidak_berjalan")

            // Only the executor's steps when one is chosen; an executor the SOP does not have is refused in words.
            let admin = try await SOPFormStore.openMonitoring(from: "2030-03-01", to: "2030-03-31", lane: "administrasi", by: kasi, now: Self.now, on: app.db)
            #expect(admin.entries.map(\.step) == [1, 2])
            await #expect(throws: UserError.self) { try await SOPFormStore.openMonitoring(from: "2030-03-01", to: "2030-03-31", lane: "tukang", by: kasi, on: app.db) }
            await #expect(throws: UserError.self) { try await SOPFormStore.openMonitoring(from: "2030-03-31", to: "2030-03-01", lane: nil, by: kasi, on: app.db) }

            // A step judged "tidak" needs its action before the form can be completed.
            #expect(SOPFormStore.completionProblems(form).first == Problem("sopform.error.action_missing", "1"))
            do {
                try await SOPFormStore.completeMonitoring(form, by: kasi, now: Self.now, on: app.db)
                Issue.record("completed without the actions")
            } catch let error as UserError {
                #expect(error.status == .unprocessableEntity && error.key == "sopform.error.action_missing")
            }
            #expect(try await SOPFormStore.monitoring(form.requireID(), on: app.db).status == .draft)
            try await SOPFormStore.saveMonitoring(form, entries: [1, 2, 3].map { SOPMonitoringEntry(step: $0, assessment: "tidak", note: "Terlambat", action: "Ingatkan pelaksana") },
                                                  by: kasi, on: app.db)
            await #expect(throws: UserError.self) {
                try await SOPFormStore.saveMonitoring(form, entries: [SOPMonitoringEntry(step: 1, assessment: "mungkin", note: "", action: "")], by: kasi, on: app.db)
            }
            await #expect(throws: UserError.self) {
                try await SOPFormStore.saveMonitoring(form, entries: [SOPMonitoringEntry(step: 42, assessment: "ya", note: "", action: "")], by: kasi, on: app.db)
            }
            try await SOPFormStore.completeMonitoring(form, by: kasi, now: Self.now, on: app.db)
            let done = try await SOPFormStore.monitoring(form.requireID(), on: app.db)
            #expect(done.status == .completed && done.monitorName == kasi.fullName)

            // A completion after the form was completed changes the live figures, not the issued form's.
            let late = try await CaseStore.create(f.newCase("Kasus F"), by: f.users["administrasi"]!, at: DashboardTests.at(7, 8, 0), on: app.db)
            try await CaseStore.complete(caseID: late.requireID(), step: 1, by: f.users["administrasi"]!, output: .init(checklist: Checklist.standard.required),
                                         at: DashboardTests.at(7, 8, 10), on: app.db)
            #expect(try await SOPFormStore.measure(from: "2030-03-01", to: "2030-03-31", lane: "", now: Self.now, on: app.db).rows[0].completed == 5)
            #expect(try await SOPFormStore.lines(of: done, on: app.db).rows[0].completed == 4)

            // An issued form is not edited again (409); a reader who is no monitor may not edit at all (403).
            do {
                try await SOPFormStore.saveMonitoring(done, entries: [], by: kasi, on: app.db)
                Issue.record("a completed form was saved")
            } catch let error as UserError { #expect(error.status == .conflict) }
            do {
                try await SOPFormStore.saveMonitoring(admin, entries: [], by: f.users["admin"]!, on: app.db)
                Issue.record("the admin edited a monitoring form")
            } catch let error as UserError { #expect(error.status == .forbidden) }
        }
    }

    @Test("the pages: open, fill (hostile text escaped), complete with every problem named, print in Indonesian; a reader sees no form to fill", arguments: TestDatabase.all)
    func monitoringPages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            _ = try await DashboardTests.build(app, f)
            let kasi = TestBrowser(app)
            try await kasi.login("kasi")
            let list = try await kasi.get("/sop/monitoring")
            #expect(list.status == .ok && list.body.string.contains("id=\"open-monitoring\""))
            let opened = try await kasi.post("/sop/monitoring/new", [("from", "2030-03-01"), ("to", "2030-03-31"), ("lane", "")])
            #expect(opened.status == .seeOther)
            let location = try #require(opened.headers.first(name: .location))
            let page = try await kasi.get(location).body.string
            #expect(page.contains("id=\"line-1\"") && page.contains("id=\"line-9\""))
            #expect(page.contains("25 menit") && page.contains("75%"))

            let hostile = "<script>alert('x')</script>"
            let incomplete = try await kasi.post(location, [("n1", hostile), ("complete", "1")])
            #expect(incomplete.status == .unprocessableEntity)
            let body = incomplete.body.string
            #expect(body.contains("Langkah 1 dinilai tidak sesuai SOP") && !body.contains(hostile) && body.contains("&lt;script&gt;"))

            var fields: [(String, String)] = [("complete", "1")]
            for step in 1...9 { fields += [("a\(step)", "ya"), ("x\(step)", "")] }
            fields.append(("x2", "Tambah petugas"))
            fields.append(("a2", "tidak"))
            let completed = try await kasi.post(location, fields)
            #expect(completed.status == .seeOther)
            let after = try await kasi.get(location).body.string
            #expect(!after.contains("<select name=\"a1\"") && after.contains("id=\"form-status\""))
            #expect(after.contains("Tambah petugas"))

            // The print is an official document: Indonesian whatever the reader's language.
            let english = TestBrowser(app)
            try await english.login("kabid")
            try await english.get("/lang/en")
            let print = try await english.get(location + "/print").body.string
            #expect(print.contains("Formulir Monitoring Pelaksanaan SOP") && print.contains("Yang melakukan monitoring,"))
            #expect(print.contains("Tambah petugas") && print.contains("1 Maret 2030 s.d. 31 Maret 2030"))

            // The workbook: the lines with real numbers and the answers, and who completed it.
            let workbook = try await english.get(location + "/formulir.xlsx")
            #expect(workbook.status == .ok && workbook.headers.first(name: .contentType) == XlsxWriter.mediaType)
            let archive = try Archive(data: Data(workbook.body.readableBytesView), accessMode: .read)
            func part(_ path: String) throws -> String {
                var data = Data()
                _ = try archive.extract(try #require(archive[path]), consumer: { data.append($0) })
                return String(decoding: data, as: UTF8.self)
            }
            let sheet = try part("xl/worksheets/sheet1.xml")
            #expect(sheet.contains("Tambah petugas") && sheet.contains("Tidak sesuai SOP") && sheet.contains("<v>4</v>"))
            #expect(try part("xl/worksheets/sheet2.xml").contains(f.users["kasi"]!.fullName))

            // The head of office reads but fills nothing; the page offers nothing the policy refuses.
            let kadis = TestBrowser(app)
            try await kadis.login("kepaladinas")
            let listed = try await kadis.get("/sop/monitoring").body.string
            #expect(!listed.contains("id=\"open-monitoring\""))
            #expect(try await kadis.post("/sop/monitoring/new", [("from", "2030-03-01")]).status == .forbidden)
            let produsen = TestBrowser(app)
            try await produsen.login("produsen")
            #expect(try await produsen.get(location).status == .forbidden)
        }
    }

    @Test("an evaluation answers the seven criteria through the API; its recommendation opens an SOP revision draft that names it, once", arguments: TestDatabase.all)
    func evaluationAndRevision(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let opened = try await f.send(.POST, "/api/v1/sop/evaluations", as: "kabid", json: ["from": "2030-01-01", "to": "2030-06-30"])
            #expect(opened.status == .created, "\(opened.body.string)")
            let evaluation = try opened.content.decode(SOPFormAPI.EvaluationOut.self)
            #expect(evaluation.answers.map(\.criterion) == Array(1...7))
            #expect(evaluation.answers[0].text == "Mampu mendorong peningkatan kinerja")
            let path = "/api/v1/sop/evaluations/\(evaluation.id)"

            #expect(try await f.send(.PATCH, path, as: "kabid", json: ["answers": [["criterion": 8, "answer": "ya"]]]).status == .unprocessableEntity)
            #expect(try await f.send(.PATCH, path, as: "kabid", json: ["answers": [["criterion": 1, "answer": "mungkin"]]]).status == .unprocessableEntity)
            #expect(try await f.send(.POST, path + "/complete", as: "kabid").status == .unprocessableEntity)
            #expect(try await f.send(.POST, path + "/revision", as: "admin").status == .conflict, "a draft evaluation opens no revision")

            var answers: [[String: Any]] = (1...7).map { ["criterion": $0, "answer": "ya"] }
            answers[2] = ["criterion": 3, "answer": "tidak"]
            #expect(try await f.send(.PATCH, path, as: "kabid", json: ["answers": answers, "recommendation": "Mutu baku langkah 2 dijadikan 2 jam"]).status == .ok)
            let noNote = try await f.send(.POST, path + "/complete", as: "kabid")
            #expect(noNote.status == .unprocessableEntity && noNote.body.string.contains("Kriteria 3"))
            #expect(try await f.send(.PATCH, path, as: "kabid", json: ["answers": [["criterion": 3, "note": "Formulir langkah 4 membingungkan"]]]).status == .ok)
            let done = try await f.send(.POST, path + "/complete", as: "kabid")
            #expect(done.status == .ok, "\(done.body.string)")
            #expect(try done.content.decode(SOPFormAPI.EvaluationOut.self).evaluatorName == f.users["kabid"]!.fullName)
            #expect(try await f.send(.PATCH, path, as: "kabid", json: ["recommendation": "lain"]).status == .conflict)

            // Drafts are the admin's (OfficePolicy .sopDrafts): the kabid may not open one from here.
            #expect(try await f.send(.POST, path + "/revision", as: "kabid").status == .forbidden)
            let revision = try await f.send(.POST, path + "/revision", as: "admin")
            #expect(revision.status == .created, "\(revision.body.string)")
            let draftNumber = try #require(try revision.content.decode(SOPFormAPI.EvaluationOut.self).revisionDraft)
            let draft = try await SOPStore.revision(draftNumber, on: app.db)
            #expect(draft.status == .draft)
            #expect(draft.changeNote.contains("Evaluasi Penerapan SOP periode 1 Januari 2030 s.d. 30 Juni 2030") && draft.changeNote.contains("Mutu baku langkah 2 dijadikan 2 jam"))
            #expect(try await f.send(.POST, path + "/revision", as: "admin").status == .conflict)
            #expect(try await SOPRevision.query(on: app.db).filter(\.$statusRaw == "draft").count() == 1)

            let reader = TestBrowser(app)
            try await reader.login("kabid")
            let print = try await reader.get("/sop/evaluations/\(evaluation.id)/print").body.string
            #expect(print.contains("Sinergi satu dengan lainnya") && print.contains("rancangan revisi SOP nomor \(draftNumber)"))

            #expect(try await f.send(.GET, "/api/v1/sop/evaluations", as: "produsen").status == .forbidden)
            #expect(try await f.send(.GET, "/api/v1/sop/evaluations", as: "kepala_dinas").status == .ok)
        }
    }
}
