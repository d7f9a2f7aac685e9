import Fluent
import Foundation
import Testing
import Vapor
@testable import Walidata
import WalidataCore

@Suite("Cases: deadlines and the pinned SOP revision")
struct CaseDeadlineTests {
    // 1 March 2030 is a Friday; the office closes at 16:30 on Fridays and opens at 07:30.
    static let fridayAfternoon = CaseFixture.wib(2030, 3, 1, 16, 15)

    @Test("a 30-minute step opened late on Friday before a Monday holiday is due on Tuesday morning", arguments: TestDatabase.all)
    func deadlineAcrossWeekendAndHoliday(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            try await CalendarStore.upsert(NonWorkingDay(date: LocalDate(year: 2030, month: 3, day: 4)!, kind: .liburNasional, description: "Hari Raya Nyepi"), on: app.db)
            let created = try await CaseStore.create(f.newCase(), by: f.users["administrasi"]!, at: Self.fridayAfternoon, on: app.db)
            let step = try #require(try await CaseStore.steps(of: created.requireID(), on: app.db).first)
            // 15 minutes on Friday, none on the weekend or the holiday, 15 on Tuesday.
            #expect(step.dueAt == CaseFixture.wib(2030, 3, 5, 7, 45))
        }
    }

    @Test("adding a holiday in the calendar moves an open step's deadline; deleting it moves it back", arguments: TestDatabase.all)
    func calendarChangeMovesOpenDeadline(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await CaseStore.create(f.newCase(), by: f.users["administrasi"]!, at: Self.fridayAfternoon, on: app.db)
            let caseID = try created.requireID()
            #expect(try await CaseStore.steps(of: caseID, on: app.db)[0].dueAt == CaseFixture.wib(2030, 3, 4, 7, 45))

            let admin = TestBrowser(app)
            try await admin.login("admin")
            try await admin.get("/calendar")
            let added = try await admin.post("/calendar/days", [("date", "2030-03-04"), ("kind", "libur_nasional"), ("description", "Hari Raya Nyepi")])
            #expect(added.status == .seeOther)
            #expect(try await CaseStore.steps(of: caseID, on: app.db)[0].dueAt == CaseFixture.wib(2030, 3, 5, 7, 45))

            let row = try #require(try await NonWorkingDayRow.query(on: app.db).filter(\.$date == "2030-03-04").first())
            try await admin.get("/calendar?year=2030")
            #expect(try await admin.post("/calendar/days/\(row.id!)/delete", []).status == .seeOther)
            #expect(try await CaseStore.steps(of: caseID, on: app.db)[0].dueAt == CaseFixture.wib(2030, 3, 4, 7, 45))
        }
    }

    @Test("a completed step keeps the deadline it was held to when the calendar changes", arguments: TestDatabase.all)
    func completedStepKeepsDeadline(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let created = try await CaseStore.create(f.newCase(), by: f.users["administrasi"]!, at: Self.fridayAfternoon, on: app.db)
            let caseID = try created.requireID()
            try await CaseStore.complete(caseID: caseID, step: 1, by: f.users["administrasi"]!, output: .init(checklist: Checklist.standard.required), at: CaseFixture.wib(2030, 3, 1, 16, 25), on: app.db)
            try await CalendarStore.upsert(NonWorkingDay(date: LocalDate(year: 2030, month: 3, day: 4)!, kind: .liburNasional, description: "Libur"), on: app.db)
            #expect(try await CaseStore.recomputeDeadlines(on: app.db) == 1, "only the open step 2 moves")
            let steps = try await CaseStore.steps(of: caseID, on: app.db)
            #expect(steps[0].dueAt == CaseFixture.wib(2030, 3, 4, 7, 45))
            // Step 2 (1 jam) opened 16:25 Friday: 5 minutes Friday, 55 minutes on Tuesday.
            #expect(steps[1].dueAt == CaseFixture.wib(2030, 3, 5, 8, 25))
        }
    }

    @Test("a case started under revision 1 finishes under revision 1 after revision 2 comes into force", arguments: TestDatabase.all)
    func pinnedRevision(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let old = try await f.submit("Permohonan lama")
            for step in 1...4 { #expect(try await f.complete(old.id, step: step, as: CaseFixture.executor[step]!).status == .created) }

            // Revision 2: the kasi publishes (step 9), and step 1 takes an hour.
            let admin = f.users["admin"]!
            _ = try await SOPStore.openDraft(by: admin, note: "Kasi menayangkan informasi", on: app.db)
            var changed = SOPDefinition.mentawai2022
            changed.steps[8].lane = "kasi"
            changed.steps[0].time = TimeStandard(amount: 1, unit: .hours)
            #expect(try await SOPStore.saveDraft(2, definition: changed, note: "Kasi menayangkan informasi", by: admin, on: app.db).isEmpty)
            _ = try await SOPStore.approve(2, by: f.users["kepala_dinas"]!, on: app.db)

            let new = try await f.submit("Permohonan baru")
            #expect(new.sopRevision == 2)
            let monday = try await CaseStore.create(f.newCase(), by: f.users["administrasi"]!, at: CaseFixture.wib(2030, 3, 4, 9, 0), on: app.db)
            #expect(try await CaseStore.steps(of: monday.requireID(), on: app.db)[0].dueAt == CaseFixture.wib(2030, 3, 4, 10, 0), "revision 2 gives step 1 an hour")

            for step in 5...8 {
                #expect(try await f.complete(old.id, step: step, as: CaseFixture.executor[step]!, step == 7 ? ["decision": "ya"] : [:]).status == .created)
            }
            #expect(try await f.complete(old.id, step: 9, as: "kasi").status == .forbidden, "revision 1 gives step 9 to the kabid")
            #expect(try await f.complete(old.id, step: 9, as: "kabid").status == .created)
            let done = try await f.read(old.id)
            #expect(done.sopRevision == 1)
            #expect(done.state == "closed")
            #expect(done.steps.last?.lane == "kabid")

            // The new case follows revision 2: the kasi's queue has its step 9 once it gets there,
            // and the kabid's queue never lists it.
            let kasiTasks = try await f.send(.GET, "/api/v1/tasks", as: "kasi").content.decode(CaseAPI.TaskList.self)
            #expect(kasiTasks.count == 0)
            #expect(try await f.read(new.id).steps.first?.lane == "administrasi")
        }
    }
}
