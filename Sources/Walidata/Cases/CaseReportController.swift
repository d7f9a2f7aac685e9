import Fluent
import Vapor
import WalidataCore

/// The report's narrative form (step 5) and the print views of a round and of the final concept.
enum CaseReportController {
    struct NarrativeForm: Content { var narrative: String? }

    @Sendable static func save(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let form = try req.content.decode(NarrativeForm.self)
        try await CaseReportStore.saveNarrative(form.narrative ?? "", caseID: caseID, by: user, on: req.db)
        req.flash(.ok, "caseReport.saved")
        return req.redirect(to: SiteURL.caseDetail(caseID).path)
    }

    /// Step 8: the kasi's adjusted final concept. An empty text is refused with the page again
    /// (what was typed kept), never stored.
    @Sendable static func saveFinal(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let (form, refused) = try req.decodeForm(NarrativeForm.self)
        do {
            if let problem = refused.first { throw UserError(.unprocessableEntity, problem) }
            _ = try await CaseReportStore.saveFinal(form.narrative ?? "", caseID: caseID, by: user, on: req.db)
        } catch let error as UserError where error.status == .unprocessableEntity {
            let record = try await CaseStore.find(caseID, for: user, on: req.db)
            let detail = try await CaseDetail.load(record, on: req.db)
            let retry = CaseViews.FinalRetry(text: form.narrative ?? "", message: req.t(error.key, error.arguments))
            let page = await CaseViews.detail(req, user: user, detail: detail, finalRetry: retry)
            return try await HTMLPage(status: error.status, page).encodeResponse(for: req)
        }
        req.flash(.ok, "casePage.final_saved")
        return req.redirect(to: SiteURL.caseDetail(caseID).path + "#current-step")
    }

    /// `/cases/{id}/report/{round}`: a round number, or `final` for the concept of step 8;
    /// `?format=docx|pdf` downloads the same document as a Word or PDF file.
    @Sendable static func print(_ req: Request) async throws -> Response { try await print(req, api: false) }

    /// `/api/v1/cases/{id}/reports/{round}/document?format=docx|pdf`, with the same check of who may read it.
    @Sendable static func document(_ req: Request) async throws -> Response { try await print(req, api: true) }

    static func print(_ req: Request, api: Bool) async throws -> Response {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        let rounds = try await CaseReportStore.rounds(of: try record.requireID(), on: req.db)
        let detail = try await CaseDetail.load(record, on: req.db)
        let letterhead = try await Letterhead.load(on: req.db)
        let which = req.parameters.get("round") ?? ""
        if which == "final" {
            guard let report = rounds.last(where: { $0.finalizedAt != nil }) else { throw UserError(.notFound, "caseReport.error.no_final") }
            let signer: User? = if let id = report.finalizedBy { try await User.find(id, on: req.db) } else { nil }
            let title = detail.definition.lane("kasi")?.name ?? "Kepala Seksi"
            let name = "Konsep Laporan Akhir \(record.number)"
            if let format = try DocumentDownload.format(req, required: api) {
                let document = OfficialDocuments.finalConcept(detail: detail, report: report, signer: signer, signerTitle: title, kop: OfficialDocuments.kop(letterhead, req))
                return try DocumentDownload.response(document, format: format, name: name)
            }
            let body = CaseReportPrint.final(detail: detail, report: report, signer: signer, signerTitle: title)
            return try await PrintDocument.render(req, title: name, orientation: .portrait, letterhead: letterhead, body: body).encodeResponse(for: req)
        }
        guard let number = Int(which), let report = rounds.first(where: { $0.round == number }) else {
            throw UserError(.notFound, "error.404")
        }
        let decidedBy: User? = if let id = report.decidedBy { try await User.find(id, on: req.db) } else { nil }
        let submittedBy: User? = if let id = report.submittedBy { try await User.find(id, on: req.db) } else { nil }
        let name = "Laporan Pengelolaan Data \(record.number) putaran \(report.round)"
        if let format = try DocumentDownload.format(req, required: api) {
            let document = OfficialDocuments.round(detail: detail, report: report, decidedBy: decidedBy, submittedBy: submittedBy, kop: OfficialDocuments.kop(letterhead, req))
            return try DocumentDownload.response(document, format: format, name: name)
        }
        let body = CaseReportPrint.round(detail: detail, report: report, decidedBy: decidedBy, submittedBy: submittedBy)
        return try await PrintDocument.render(req, title: name, orientation: .portrait, letterhead: letterhead, body: body).encodeResponse(for: req)
    }
}
