import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Cases: a request through the nine SOP steps")
struct CaseFlowTests {
    @Test("a case runs through all nine steps by the right roles, with one return at step 7, through the API", arguments: TestDatabase.all)
    func wholeCaseThroughTheAPI(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit()
            let year = WorkingCalendar.standard().localDate(of: Date()).year
            #expect(created.number == "PD/\(year)/0001")
            #expect(created.sopRevision == 1)
            #expect(created.currentStep?.step == 1)
            #expect(created.requesterName == "Nama produsen")

            let queue = try await f.send(.GET, "/api/v1/tasks", as: "administrasi").content.decode(CaseAPI.TaskList.self)
            #expect(queue.items.map(\.number) == [created.number])
            #expect(try await f.send(.GET, "/api/v1/tasks", as: "produsen").content.decode(CaseAPI.TaskList.self).count == 0)
            #expect(try await f.send(.GET, "/api/v1/tasks", as: "kasi").content.decode(CaseAPI.TaskList.self).count == 0)

            var order: [(Int, String, [String: Any])] = (1...6).map { ($0, CaseFixture.executor[$0]!, [:]) }
            order.append((7, "kasi", ["decision": "tidak", "note": "Tabel 2 belum memuat data Siberut Selatan"]))
            order += [(5, "pengelola_ti", ["note": "Tabel 2 dilengkapi"]), (6, "pengelola_ti", [:]), (7, "kasi", ["decision": "ya"]), (8, "kasi", [:]), (9, "kabid", [:])]
            for (step, who, payload) in order {
                let response = try await f.complete(created.id, step: step, as: who, payload)
                #expect(response.status == .created, "step \(step) by \(who): \(response.body.string)")
            }

            let done = try await f.read(created.id)
            #expect(done.state == "closed")
            #expect(done.letterNumber == "000.5.2/0001/Diskominfo/\(year)")
            #expect(done.closedAt != nil)
            #expect(done.currentStep == nil)
            #expect(done.steps.map(\.step) == [1, 2, 3, 4, 5, 6, 7, 5, 6, 7, 8, 9])
            #expect(done.steps.filter { $0.step == 5 }.map(\.round) == [1, 2])
            #expect(done.steps[6].outcome == "no" && done.steps[6].note == "Tabel 2 belum memuat data Siberut Selatan")
            #expect(done.steps[9].outcome == "yes")
            #expect(done.steps.last?.completedRole == "kabid")
            #expect(done.timeline.filter { $0.kind == .returned }.count == 1)
            #expect(done.timeline.last?.kind == .closed)
            #expect(done.timeline.first { $0.kind == .returned }?.actor == "Nama kasi")

            let events = try await EventRecord.query(on: app.db).all().filter { $0.details.contains(created.id.uuidString) }
            let actions = events.map(\.action)
            #expect(actions.filter { $0 == "case.create" }.count == 1)
            #expect(actions.filter { $0 == "step.open" }.count == 12)
            #expect(actions.filter { $0 == "step.complete" }.count == 12)
            #expect(actions.filter { $0 == "step.return" }.count == 1)
            #expect(actions.filter { $0 == "case.close" }.count == 1)
            // Storage entries name the case as `case_number`; their `number` is the version's.
            let stored = events.filter { CaseFiles.logActions.contains($0.action) }
            #expect(!stored.isEmpty && stored.allSatisfy { $0.detail("case_number") == created.number })
            let numbers = try events.filter { !CaseFiles.logActions.contains($0.action) }
                .map { try JSONDecoder().decode([String: String].self, from: Data($0.details.utf8))["number"] }
            #expect(numbers.allSatisfy { $0 == created.number })
            #expect(try await EventLog.verify(on: app.db).breaks.isEmpty)
        }
    }

    @Test("through the pages: a produsen submits, administrasi sees it in Tugas saya and completes step 1 by the form", arguments: TestDatabase.all)
    func throughThePages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let produsen = TestBrowser(app)
            try await produsen.login("produsen")
            try await produsen.get("/cases/new")
            let submitted = try await produsen.post("/cases/new", [("kind", "simpan_baru"), ("title", "Data <gizi> balita"), ("description", "Tahun 2026")])
            #expect(submitted.status == .seeOther)
            let location = try #require(submitted.headers.first(name: .location))
            let page = try await produsen.get(location)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Data &lt;gizi&gt; balita"))
            #expect(page.body.string.contains("Tepat waktu"))
            #expect(!page.body.string.contains("id=\"complete-step\""), "a produsen never completes a step")

            let officer = TestBrowser(app)
            try await officer.login("administrasi")
            let home = try await officer.get("/")
            #expect(home.body.string.contains("id=\"my-tasks\""))
            #expect(home.body.string.contains(location))
            #expect((try await officer.get("/tasks")).body.string.contains(location))
            let casePage = try await officer.get(location)
            #expect(casePage.body.string.contains("id=\"complete-step\""))
            // A refused completion (one required item not ticked) shows the case page again with
            // the reason beside the form, what was entered still in it, and nothing changed.
            let ticked = Array(Checklist.standard.required.dropLast())
            let refused = try await officer.post(location + "/steps/1/complete", [("note", "Berkas <hampir> lengkap"), ("conveyed", "Diminta melengkapi")] + ticked.map { ("checklist[]", $0) })
            #expect(refused.status == .unprocessableEntity)
            let again = refused.body.string
            #expect(again.contains("id=\"complete-error\"") && again.contains(HTML.escape(Checklist.standard.required.last!)))
            #expect(again.contains(">Berkas &lt;hampir&gt; lengkap</textarea>") && again.contains(">Diminta melengkapi</textarea>"))
            #expect(again.contains("value=\"\(HTML.escape(ticked[0]))\" data-required=\"true\" checked"))
            #expect(!again.contains("value=\"\(HTML.escape(Checklist.standard.required.last!))\" data-required=\"true\" checked"))
            #expect(try await f.read(UUID(uuidString: String(location.split(separator: "/").last!))!).currentStep?.step == 1)
            let completed = try await officer.post(location + "/steps/1/complete", [("note", "Berkas lengkap")] + Checklist.standard.required.map { ("checklist[]", $0) })
            #expect(completed.status == .seeOther)
            let after = try await officer.get(location)
            #expect(after.body.string.contains("Langkah 1 telah diselesaikan."))
            #expect(after.body.string.contains("Langkah 2 sekarang"))
            #expect(after.body.string.contains("Berkas lengkap"))

            let list = try await produsen.get("/cases?state=open")
            #expect(list.body.string.contains(location))
            #expect(!(try await produsen.get("/cases?state=closed")).body.string.contains(location))
        }
    }

    @Test("administrasi registers a paper request for an agency; a produsen of another agency cannot see it", arguments: TestDatabase.all)
    func otherAgencyCannotSee(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let other = try await app.makeOrganization("DISDIK", name: "Dinas Pendidikan")
            let stranger = try await app.makeUser("produsen2", role: .produsen, organization: other)
            let token = try await AccountController.issueToken(for: stranger, name: "t", on: app.db).1

            let response = try await f.send(.POST, "/api/v1/cases", as: "administrasi", json: [
                "kind": "recovery", "title": "Pulihkan data sekolah", "organizationID": f.organization.id!.uuidString, "requesterName": "Ibu Sari (telepon)",
            ])
            #expect(response.status == .created, "\(response.body.string)")
            let created = try response.content.decode(CaseAPI.CaseOut.self)
            #expect(created.registeredBy == f.users["administrasi"]!.id)
            #expect(created.requestedBy == nil)
            #expect(created.requesterName == "Ibu Sari (telepon)")

            let hidden = try await app.testing().sendRequest(.GET, "/api/v1/cases/\(created.id)", headers: ["Authorization": "Bearer \(token)"])
            #expect(hidden.status == .notFound)
            let list = try await app.testing().sendRequest(.GET, "/api/v1/cases", headers: ["Authorization": "Bearer \(token)"]).content.decode(CaseAPI.CaseList.self)
            #expect(list.count == 0)
            let browser = TestBrowser(app)
            try await browser.login("produsen2")
            #expect(try await browser.get("/cases/\(created.id)").status == .notFound)
            #expect(try await f.send(.GET, "/api/v1/cases/\(created.id)", as: "produsen").status == .ok)

            let missing = try await f.send(.POST, "/api/v1/cases", as: "administrasi", json: ["kind": "update", "title": "Tanpa instansi"])
            #expect(missing.status == .unprocessableEntity)
            let foreign = try await f.send(.POST, "/api/v1/cases", as: "kepala_dinas", json: ["kind": "update", "title": "x"])
            #expect(foreign.status == .forbidden)
        }
    }
}
