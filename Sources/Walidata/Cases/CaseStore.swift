import Fluent
import SQLKit
import Vapor
import WalidataCore

/// The case rules, callable without HTTP: registering a case, completing its steps, moving open
/// deadlines when the calendar changes. The SOP's rules themselves are `CaseEngine`'s; this
/// type loads a case into the engine, applies one operation, and stores the result with its
/// event-log entries in one transaction.
enum CaseStore {
    /// Registers a case under the SOP revision in force and opens step 1.
    static func create(_ new: NewCase, by user: User, at instant: Date = Date(), on db: any Database) async throws -> Case {
        try await EventLog.transaction(on: db) { tx in
            let revision = try await SOPStore.inForce(on: tx)
            let calendar = try await CalendarStore.load(on: tx)
            var engine: CaseEngine
            let opened: StepInstance
            do {
                engine = try CaseEngine(definition: try revision.definition(), calendar: calendar)
                opened = try engine.start(at: instant)
            } catch let error as CaseError {
                throw error.userError(.id)
            }
            guard let organization = try await Organization.find(new.organizationID, on: tx) else {
                throw UserError(.unprocessableEntity, "cases.error.organization")
            }
            let number = try await CaseNumbering.next(on: tx, at: instant, calendar: calendar, organizationCode: organization.code)
            let record = Case(
                number: number, kind: new.kind, organizationID: new.organizationID,
                requestedBy: user.role == .produsen ? user.id : nil,
                registeredBy: user.role == .produsen ? nil : user.id,
                requesterName: new.requesterName, title: new.title, description: new.description,
                sopRevisionID: try revision.requireID(), createdAt: instant)
            try await record.create(on: tx)
            let caseID = try record.requireID()
            for datasetID in new.datasetIDs {
                try await CaseDataset(caseID: caseID, datasetID: datasetID).create(on: tx)
            }
            try await CaseStep(caseID: caseID, position: 0, instance: opened, lane: engine.definition.step(opened.step)?.lane).create(on: tx)
            let base = ["case": caseID.uuidString, "number": number]
            try await EventLog.append(.init(action: "case.create", note: new.title, details: base.merging([
                "kind": new.kind.rawValue, "organization": organization.code, "revision": String(revision.number),
                "datasets": new.datasetIDs.map(\.uuidString).joined(separator: ","),
            ]) { a, _ in a }), by: .init(user), on: tx, at: instant)
            try await appendOpen(opened, base: base, by: user, on: tx, at: instant)
            return record
        }
    }

    /// Completes `step` of the case as `user`. The engine decides whether this person may, now,
    /// with this payload; the conditional update makes sure that of two completions racing
    /// (also from two server processes) exactly one is stored, the other gets 409.
    @discardableResult
    static func complete(
        caseID: UUID, step: Int, by user: User, decision: CaseDecision? = nil, note: String? = nil,
        overrideReason: String? = nil, output: StepOutputInput = .init(), at instant: Date = Date(), lang: Lang = .id,
        on db: any Database
    ) async throws -> CaseTransition {
        try await EventLog.transaction(on: db) { tx in
            let record = try await find(caseID, for: user, on: tx)
            let rows = try await steps(of: caseID, on: tx)
            var engine = try await engine(for: record, rows: rows, on: tx)
            let transition: CaseTransition
            do {
                transition = try engine.complete(
                    step: step, by: user.role, at: instant, decision: decision, note: note, overrideReason: overrideReason)
            } catch let error as CaseError {
                throw error.userError(lang)
            }
            guard let row = rows.last, try await claim(row, at: instant, on: tx) else {
                throw CaseError.notOpen(step: step).userError(lang)
            }
            // The step's output is checked and saved once the claim holds, so a racing loser
            // draws no letter number; a refusal here rolls the claim back (3–4: the case's
            // files, see `CaseFiles`; 5–8: the report rounds, see `CaseReportStore`; 9: the
            // announcement, see `PublicationStore`).
            try await StepOutputs.record(step: step, of: record, input: output, completed: transition.completed, by: user, at: instant, on: tx)
            row.apply(transition.completed)
            row.completedBy = user.id
            try await row.save(on: tx)
            if let opened = transition.opened {
                try await CaseStep(caseID: caseID, position: rows.count, instance: opened, lane: engine.definition.step(opened.step)?.lane)
                    .create(on: tx)
            } else {
                record.state = .closed
                record.closedAt = instant
                try await record.save(on: tx)
            }
            try await appendCompletion(transition, of: record, by: user, on: tx, at: instant)
            return transition
        }
    }

    /// Moves the due instants of every open step to what the calendar now says; completed
    /// steps keep the deadline they were held to. Call it in the transaction that changes the
    /// calendar. Returns how many deadlines moved.
    @discardableResult
    static func recomputeDeadlines(on db: any Database) async throws -> Int {
        let calendar = try await CalendarStore.load(on: db)
        let openRows = try await CaseStep.query(on: db).filter(\.$completedAt == nil).with(\.$caseRecord).all()
        var definitions = DefinitionCache()
        var moved = 0
        for row in openRows {
            let definition = try await definitions.definition(row.caseRecord.sopRevisionID, on: db)
            var engine = try CaseEngine(definition: definition, calendar: calendar, steps: [row.instance])
            for instance in engine.recomputeDeadlines(calendar: calendar) {
                row.dueAt = instance.dueAt
                try await row.save(on: db)
                moved += 1
            }
        }
        return moved
    }

    // MARK: Reading

    /// A produsen sees only its own agency's cases; another agency's case is "not found", so
    /// its existence is not revealed. Office staff see every case.
    static func find(_ id: UUID, for user: User, on db: any Database) async throws -> Case {
        guard let record = try await Case.find(id, on: db), CasePolicy.may(.view, user, record) else {
            throw UserError(.notFound, "error.404")
        }
        return record
    }

    /// One page of the cases this user may see, newest first, and how many there are in all.
    static func visible(for user: User, state: Case.State?, window: PageWindow, on db: any Database) async throws -> (items: [Case], total: Int) {
        var query = Case.query(on: db).with(\.$organization).sort(\.$createdAt, .descending).sort(\.$number, .descending)
        switch CasePolicy.listScope(user) {
        case .all: break
        case .agency(let organization): query = query.filter(\.$organization.$id == organization)
        case .nothing: return ([], 0)
        }
        if let state { query = query.filter(\.$stateRaw == state.rawValue) }
        return try await query.page(window)
    }

    /// The step instances in the order they opened.
    static func steps(of caseID: UUID, on db: any Database) async throws -> [CaseStep] {
        try await CaseStep.rows(ofCases: [caseID], on: db)
    }

    /// The case as the engine sees it: its pinned revision, today's calendar, its steps.
    static func engine(for record: Case, rows: [CaseStep], on db: any Database) async throws -> CaseEngine {
        guard let revision = try await SOPRevision.find(record.sopRevisionID, on: db) else {
            throw Abort(.internalServerError, reason: "case \(record.number) pins a missing SOP revision")
        }
        do {
            return try CaseEngine(definition: try revision.definition(), calendar: try await CalendarStore.load(on: db), steps: rows.map(\.instance))
        } catch let error as CaseError {
            throw error.userError(.id)
        }
    }

    // MARK: Writing helpers

    /// Marks the row completed only if it still is open; false when another completion got there first.
    private static func claim(_ row: CaseStep, at instant: Date, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase, let id = row.id else { return false }
        let claimed = try await sql.update(CaseStep.schema)
            .set("completed_at", to: instant)
            .where("id", .equal, id)
            .where("completed_at", .is, SQLLiteral.null)
            .returning("id")
            .all()
        return claimed.count == 1
    }

    private static func appendOpen(_ opened: StepInstance, base: [String: String], by user: User, on db: any Database, at instant: Date) async throws {
        try await EventLog.append(.init(action: "step.open", details: base.merging([
            "step": String(opened.step), "round": String(opened.round), "due": ISO8601DateFormatter().string(from: opened.dueAt),
        ]) { a, _ in a }), by: .init(user), on: db, at: instant)
    }

    private static func appendCompletion(_ transition: CaseTransition, of record: Case, by user: User, on db: any Database, at instant: Date) async throws {
        let base = ["case": try record.requireID().uuidString, "number": record.number]
        let done = transition.completed
        var details = base.merging(["step": String(done.step), "round": String(done.round), "outcome": done.outcome?.rawValue ?? ""]) { a, _ in a }
        if let reason = done.overrideReason { details["override_reason"] = reason }
        try await EventLog.append(.init(action: "step.complete", note: done.note ?? "", details: details), by: .init(user), on: db, at: instant)
        if transition.returned, let opened = transition.opened {
            try await EventLog.append(.init(action: "step.return", note: done.note ?? "", details: base.merging([
                "step": String(done.step), "round": String(done.round), "to": String(opened.step),
            ]) { a, _ in a }), by: .init(user), on: db, at: instant)
        }
        if let opened = transition.opened {
            try await appendOpen(opened, base: base, by: user, on: db, at: instant)
        } else {
            try await EventLog.append(.init(action: "case.close", details: base), by: .init(user), on: db, at: instant)
        }
    }
}
