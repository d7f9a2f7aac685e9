import Fluent
import Foundation
import Vapor
import WalidataCore

/// The report rounds of steps 5–8. Steps 5 and 6 draft and submit a round, step 7 records the
/// kasi's decision on it, step 8 marks the approved round as the final concept. All of it runs
/// inside the step's completing transaction (see `StepOutputs`), so a refused completion leaves
/// the rounds as they were.
enum CaseReportStore {
    /// Roles that write the narrative (step 5's executor; admin may act for them).

    static func rounds(of caseID: UUID, on db: any Database) async throws -> [CaseReport] {
        try await CaseReport.query(on: db).filter(\.$caseRecord.$id == caseID).sort(\.$round).all()
    }

    /// The round being written: the last one while it is not submitted, otherwise a new round
    /// that starts from the previous narrative, so a returned report is revised, not retyped.
    /// Its facts are redrafted from the case as it stands at `instant`.
    static func draft(_ record: Case, at instant: Date, on db: any Database) async throws -> CaseReport {
        let caseID = try record.requireID()
        let existing = try await rounds(of: caseID, on: db)
        let facts = CaseReportDraft.facts(for: try await CaseDetail.load(record, now: instant, on: db), at: instant)
        if let last = existing.last, !last.submitted {
            try last.setFacts(facts)
            return last
        }
        return try CaseReport(caseID: caseID, round: (existing.last?.round ?? 0) + 1, facts: facts, narrative: existing.last?.narrative ?? "", at: instant)
    }

    /// Saves the officer's narrative; only while step 5 is open, so a submitted round is frozen.
    static func saveNarrative(_ text: String, caseID: UUID, by user: User, at instant: Date = Date(), on db: any Database) async throws {
        try await EventLog.transaction(on: db) { tx in
            let record = try await CaseStore.find(caseID, for: user, on: tx)
            try CasePolicy.decide(.editReport, user, record).enforce()
            guard let open = try await CaseStore.steps(of: caseID, on: tx).last, open.completedAt == nil, open.step == 5 else {
                throw UserError(.conflict, "caseReport.error.frozen")
            }
            let report = try await draft(record, at: instant, on: tx)
            report.narrative = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            report.updatedAt = instant
            try await report.save(on: tx)
            try await EventLog.append(.init(action: "report.edit", details: [
                "case": caseID.uuidString, "number": record.number, "round": String(report.round),
            ]), by: .init(user), on: tx, at: instant)
        }
    }

    /// Step 5 completes: the round is drafted (kept editable until step 6).
    /// Refused while the narrative is empty: the round would reach the kasi saying "–".
    static func completeDraft(_ record: Case, at instant: Date, on tx: any Database) async throws {
        let report = try await draft(record, at: instant, on: tx)
        guard hasNarrative(report) else { throw UserError(.unprocessableEntity, "steps.error.report_empty") }
        report.updatedAt = instant
        try await report.save(on: tx)
    }

    /// Step 6 completes: the round is submitted to the kasi and frozen.
    /// Refused while the narrative is empty (an SOP revision may reach step 6 without step 5).
    static func submit(_ record: Case, by user: User, at instant: Date, on tx: any Database) async throws {
        let report = try await draft(record, at: instant, on: tx)
        guard hasNarrative(report) else { throw UserError(.unprocessableEntity, "steps.error.report_empty_submit") }
        report.submittedAt = instant
        report.submittedBy = user.id
        report.updatedAt = instant
        try await report.save(on: tx)
        try await EventLog.append(.init(action: "report.submit", details: [
            "case": try record.requireID().uuidString, "number": record.number, "round": String(report.round),
        ]), by: .init(user), on: tx, at: instant)
    }

    static func hasNarrative(_ report: CaseReport) -> Bool {
        !report.narrative.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Step 7 completes: the decision and its note go on the submitted round; a return note may
    /// name the section it is about (an approval keeps none).
    static func decide(
        _ record: Case, outcome: StepOutcome?, note: String?, section: ReportSection? = nil, by user: User, at instant: Date, on tx: any Database
    ) async throws {
        guard let report = try await rounds(of: record.requireID(), on: tx).last, report.submitted, report.decision == nil else {
            throw UserError(.conflict, "caseReport.error.nothing_submitted")
        }
        report.decision = outcome == .no ? "tidak" : "ya"
        report.decisionNote = note
        report.decisionSectionRaw = outcome == .no ? section?.rawValue : nil
        report.decidedAt = instant
        report.decidedBy = user.id
        try await report.save(on: tx)
    }

    /// Step 8, before it completes: the kasi's adjustments to the approved round's narrative. Kept
    /// beside the approved text (which stays as it was read); saving the approved text unchanged
    /// clears the adjustment. Only while step 8 is open, so the final concept is frozen after.
    static func saveFinal(_ text: String, caseID: UUID, by user: User, at instant: Date = Date(), on db: any Database) async throws -> CaseReport {
        try await EventLog.transaction(on: db) { tx in
            let record = try await CaseStore.find(caseID, for: user, on: tx)
            try CasePolicy.decide(.adjustFinalReport, user, record).enforce()
            guard let open = try await CaseStore.steps(of: caseID, on: tx).last, open.completedAt == nil, open.step == 8 else {
                throw UserError(.conflict, "casePage.error.final_frozen")
            }
            guard let report = try await rounds(of: caseID, on: tx).last(where: \.approved) else {
                throw UserError(.conflict, "caseReport.error.nothing_approved")
            }
            let cleaned = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !cleaned.isEmpty else { throw UserError(.unprocessableEntity, "casePage.error.final_empty") }
            report.finalNarrative = cleaned == report.narrative ? nil : cleaned
            report.updatedAt = instant
            try await report.save(on: tx)
            try await EventLog.append(.init(action: "report.adjust", details: [
                "case": caseID.uuidString, "number": record.number, "round": String(report.round),
            ]), by: .init(user), on: tx, at: instant)
            return report
        }
    }

    /// Step 8 completes: the last approved round becomes the "Konsep laporan akhir penyelesaian pekerjaan".
    static func finalize(_ record: Case, by user: User, at instant: Date, on tx: any Database) async throws {
        guard let report = try await rounds(of: record.requireID(), on: tx).last(where: \.approved) else {
            throw UserError(.conflict, "caseReport.error.nothing_approved")
        }
        report.finalizedAt = instant
        report.finalizedBy = user.id
        try await report.save(on: tx)
        try await EventLog.append(.init(action: "report.finalize", details: [
            "case": try record.requireID().uuidString, "number": record.number, "round": String(report.round),
        ]), by: .init(user), on: tx, at: instant)
    }
}
