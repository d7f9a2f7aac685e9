import Fluent
import Vapor
import WalidataCore

/// `/api/v1/cases/{id}/timeline`, `…/reports`, `…/reports/{round}` and `PUT …/report`: the case
/// record and the report rounds (steps 5–8) as JSON.
extension CaseAPI {
    struct EventOut: Content {
        var sequence: Int
        var at: Date
        var action: String
        /// The action in the reader's language.
        var label: String
        var actorName: String
        var actorRole: String
        var note: String
        var details: [String: String]
        var hash: String
        var previousHash: String
    }

    struct TimelineOut: Content {
        var caseID: UUID
        var number: String
        /// Each step opened and completed, approved or returned (with note and section), and the close.
        var entries: [TimelineEntry]
        /// Every event-log entry that names the case, in log order.
        var events: [EventOut]
        var recordURL: String
    }

    struct ReportOut: Content {
        var round: Int
        /// draft, submitted, approved, returned or final.
        var state: String
        var facts: [CaseReport.Section]
        var narrative: String
        var updatedAt: Date
        var submittedAt: Date?
        var submittedBy: String?
        /// "ya" (approved) or "tidak" (returned), once step 7 decided.
        var decision: String?
        var decisionNote: String?
        /// For a return: the section the note is about (`umum`, `permohonan`, `surat`, `data`, `masalah`, `waktu`, `uraian`).
        var decisionSection: String?
        var decidedAt: Date?
        var decidedBy: String?
        var finalizedAt: Date?
        var printURL: String
        /// Step 8: the kasi's adjusted narrative of the approved round; nil while not adjusted.
        var finalNarrative: String?

        init(_ report: CaseReport, caseID: UUID, names: CaseDetail) {
            round = report.round
            state = if report.finalizedAt != nil { "final" } else if report.approved { "approved" } else if report.returned { "returned" }
                else if report.submitted { "submitted" } else { "draft" }
            facts = report.facts
            narrative = report.narrative
            updatedAt = report.updatedAt
            submittedAt = report.submittedAt
            submittedBy = names.name(report.submittedBy)
            decision = report.decision
            decisionNote = report.decisionNote
            decisionSection = report.returned ? report.decisionSectionRaw : nil
            decidedAt = report.decidedAt
            decidedBy = names.name(report.decidedBy)
            finalizedAt = report.finalizedAt
            printURL = SiteURL.caseReportPrint(caseID, String(report.round)).path
            finalNarrative = report.finalNarrative
        }
    }

    struct NarrativeIn: Content { var narrative: String? }

    @Sendable static func timeline(_ req: Request) async throws -> TimelineOut {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        let loaded = try await CaseRecord.load(record, on: req.db)
        let t = req.t
        let events = loaded.events.map { event in
            EventOut(
                sequence: event.sequence, at: event.at, action: event.action, label: CaseRecord.actionText(t, event.action),
                actorName: event.actorName, actorRole: event.actorRole, note: event.note, details: event.detailValues,
                hash: event.hash, previousHash: event.previousHash)
        }
        let caseID = try record.requireID()
        return TimelineOut(caseID: caseID, number: record.number, entries: loaded.detail.timeline, events: events, recordURL: SiteURL.caseRecord(caseID).path)
    }

    @Sendable static func reports(_ req: Request) async throws -> APIModels.ListOut<ReportOut> {
        let window = try req.pageWindow()
        let (caseID, detail) = try await loadDetail(req)
        return .init(all: detail.reports.map { ReportOut($0, caseID: caseID, names: detail) }, window: window)
    }

    @Sendable static func report(_ req: Request) async throws -> ReportOut {
        let (caseID, detail) = try await loadDetail(req)
        guard let round = req.parameters.get("round").flatMap(Int.init), let report = detail.reports.first(where: { $0.round == round }) else {
            throw UserError(.notFound, "record.error.round")
        }
        return ReportOut(report, caseID: caseID, names: detail)
    }

    /// Saves the narrative of the round being written; 409 unless step 5 is open.
    @Sendable static func saveReport(_ req: Request) async throws -> ReportOut {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let body = try req.content.decode(NarrativeIn.self)
        try await CaseReportStore.saveNarrative(body.narrative ?? "", caseID: caseID, by: user, on: req.db)
        let detail = try await CaseDetail.load(try await CaseStore.find(caseID, for: user, on: req.db), on: req.db)
        guard let report = detail.reports.last else { throw UserError(.conflict, "caseReport.error.frozen") }
        return ReportOut(report, caseID: caseID, names: detail)
    }

    /// Step 8: saves the kasi's adjusted final concept; 409 unless step 8 is open, 422 when empty.
    @Sendable static func saveFinalReport(_ req: Request) async throws -> ReportOut {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let body = try req.content.decode(NarrativeIn.self)
        let report = try await CaseReportStore.saveFinal(body.narrative ?? "", caseID: caseID, by: user, on: req.db)
        let detail = try await CaseDetail.load(try await CaseStore.find(caseID, for: user, on: req.db), on: req.db)
        return ReportOut(report, caseID: caseID, names: detail)
    }

    private static func loadDetail(_ req: Request) async throws -> (UUID, CaseDetail) {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        return (try record.requireID(), try await CaseDetail.load(record, on: req.db))
    }
}
