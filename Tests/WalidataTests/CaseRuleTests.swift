import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Cases: who may complete which step, and when")
struct CaseRuleTests {
    /// Snapshot of what a refused action must leave alone.
    func state(_ app: Application, _ caseID: UUID) async throws -> [String] {
        try await CaseStore.steps(of: caseID, on: app.db).map { "\($0.step)/\($0.round)/\($0.completedAt != nil)/\($0.dueAt.timeIntervalSince1970)" }
    }

    @Test("on every step, every other role gets 403 and nothing changes; the executor then completes it", arguments: TestDatabase.all)
    func wrongRoleOnEachStep(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit()
            // The file step 3 needs, stored up front so the count below is about the steps alone.
            try await f.provideData(created.id)
            let events = try await EventRecord.query(on: app.db).count()
            for step in 1...9 {
                let executor = CaseFixture.executor[step]!
                let before = try await state(app, created.id)
                for who in ["produsen", "administrasi", "pengelola_ti", "kasi", "kabid", "kepala_dinas"] where who != executor {
                    let payload: [String: Any] = step == 7 ? ["decision": "ya"] : [:]
                    let refused = try await f.complete(created.id, step: step, as: who, payload)
                    #expect(refused.status == .forbidden, "step \(step) by \(who): \(refused.status)")
                }
                #expect(try await state(app, created.id) == before)
                let ok = try await f.complete(created.id, step: step, as: executor, step == 7 ? ["decision": "ya"] : [:])
                #expect(ok.status == .created)
            }
            #expect(try await f.read(created.id).state == "closed")
            // 9 completions each wrote step.complete and step.open (or case.close), step 1 its
            // checklist, step 2 its letter number, step 6 the report's submission, step 8 its
            // final concept and step 9 its announcement's publication and that of the open
            // dataset it names; the fixture saved the letter (step 2) and the narrative (step 5)
            // once, before the first try; refusals wrote nothing.
            #expect(try await EventRecord.query(on: app.db).count() == events + 26)
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "dataset.publish").count() == 1)
            #expect(try await CaseReport.query(on: app.db).filter(\.$caseRecord.$id == created.id).count() == 1)
        }
    }

    @Test("an out-of-order completion gets 409 and changes nothing; a wrong payload gets 422", arguments: TestDatabase.all)
    func outOfOrder(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit()
            let before = try await state(app, created.id)
            let ahead = try await f.complete(created.id, step: 2, as: "administrasi")
            #expect(ahead.status == .conflict)
            let error = try ahead.content.decode(APIErrorBody.self).error
            #expect(error.code == "cases.error.not_open")
            #expect(error.message.contains("Langkah 2 tidak sedang menunggu"))
            #expect(try await f.complete(created.id, step: 3, as: "pengelola_ti").status == .conflict)
            #expect(try await f.complete(created.id, step: 12, as: "administrasi").status == .conflict)
            #expect(try await f.complete(created.id, step: 1, as: "administrasi", ["decision": "ya"]).status == .unprocessableEntity)
            #expect(try await f.complete(created.id, step: 1, as: "administrasi", ["decision": "mungkin"]).status == .unprocessableEntity)
            #expect(try await state(app, created.id) == before)
            #expect(try await f.complete(created.id, step: 1, as: "administrasi").status == .created)
            #expect(try await f.complete(created.id, step: 1, as: "administrasi").status == .conflict, "done already")
        }
    }

    @Test("two completions of the same step at once: exactly one succeeds, the other gets 409", arguments: TestDatabase.all)
    func doubleCompletion(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit()
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await f.complete(created.id, step: 1, as: "administrasi", ["note": "sekaligus"]).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.created, .conflict])
            let steps = try await CaseStore.steps(of: created.id, on: app.db)
            #expect(steps.map(\.step) == [1, 2])
            #expect(steps[0].completedAt != nil && steps[1].completedAt == nil)
            let completions = try await EventRecord.query(on: app.db).filter(\.$action == "step.complete").count()
            #expect(completions == 1)
        }
    }

    @Test("returning the report at step 7 needs a note (422); with one, step 5 reopens in round 2", arguments: TestDatabase.all)
    func returnNeedsNote(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit()
            for step in 1...6 { #expect(try await f.complete(created.id, step: step, as: CaseFixture.executor[step]!).status == .created) }
            let before = try await state(app, created.id)
            let bare = try await f.complete(created.id, step: 7, as: "kasi", ["decision": "tidak", "note": "   "])
            #expect(bare.status == .unprocessableEntity)
            #expect(try bare.content.decode(APIErrorBody.self).error.code == "cases.error.return_needs_note")
            #expect(try await f.complete(created.id, step: 7, as: "kasi").status == .unprocessableEntity, "the check needs ya or tidak")
            #expect(try await state(app, created.id) == before)
            #expect(try await f.complete(created.id, step: 7, as: "kasi", ["decision": "tidak", "note": "Lengkapi tabel 3"]).status == .created)
            let after = try await f.read(created.id)
            #expect(after.currentStep?.step == 5 && after.currentStep?.round == 2)
            let tasks = try await f.send(.GET, "/api/v1/tasks", as: "pengelola_ti").content.decode(CaseAPI.TaskList.self)
            #expect(tasks.items.map(\.round) == [2])
            #expect(try await EventRecord.query(on: app.db).filter(\.$action == "step.return").first()?.note == "Lengkapi tabel 3")
        }
    }

    @Test("an admin may complete another executor's step only with a reason, which is kept", arguments: TestDatabase.all)
    func adminOverride(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await f.submit()
            let bare = try await f.complete(created.id, step: 1, as: "admin")
            #expect(bare.status == .unprocessableEntity)
            #expect(try bare.content.decode(APIErrorBody.self).error.code == "cases.error.override_reason_required")
            let ok = try await f.complete(created.id, step: 1, as: "admin", ["overrideReason": "Petugas administrasi cuti sakit"])
            #expect(ok.status == .created)
            let first = try await f.read(created.id).steps[0]
            #expect(first.completedRole == "admin")
            #expect(first.overrideReason == "Petugas administrasi cuti sakit")
            let event = try #require(try await EventRecord.query(on: app.db).filter(\.$action == "step.complete").first())
            #expect(event.details.contains("Petugas administrasi cuti sakit"))
        }
    }
}
