import Fluent
import Vapor
import WalidataCore

/// Step 9 on the case page: saving the announcement draft, and the print of the final report.
enum PublicationController {
    @Sendable static func save(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let form = try req.content.decode(CaseController.CompleteForm.self)
        try await PublicationStore.saveDraft(form.announcement ?? .init(), caseID: caseID, by: user, on: req.db)
        req.flash(.ok, "publication.saved")
        return req.redirect(to: SiteURL.caseDetail(caseID).path)
    }

    /// *Kirim ulang sekarang* on the case page (`DeliveryResend`); a refusal shows the case page with its reason.
    @Sendable static func resend(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let delivery = try await DeliveryResend.resend(try req.uuidParameter("deliveryID"), caseID: caseID, by: user, on: req.db)
        req.flash(.ok, "delivery.resent", req.t("publication.channel." + delivery.channelRaw))
        return req.redirect(to: SiteURL.caseDetail(caseID).path + "#announcement")
    }

    /// `/cases/{id}/final-report`: exists once step 9 has published the announcement; printed as issued.
    /// `?format=docx|pdf` downloads the same report as a Word or PDF file.
    @Sendable static func finalReport(_ req: Request) async throws -> Response { try await finalReport(req, api: false) }

    /// `/api/v1/cases/{id}/final-report/document?format=docx|pdf`, with the same check of who may read it.
    @Sendable static func finalReportDocument(_ req: Request) async throws -> Response { try await finalReport(req, api: true) }

    static func finalReport(_ req: Request, api: Bool) async throws -> Response {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        let detail = try await CaseDetail.load(record, on: req.db)
        guard let view = detail.publication, view.announcement.published else { throw UserError(.notFound, "publication.error.no_final_report") }
        guard let report = detail.reports.last(where: { $0.finalizedAt != nil }) else { throw UserError(.notFound, "caseReport.error.no_final") }
        // Issued at publication (M016); a report published before that is frozen at its first print.
        let issued: FinalReportPrint.Issued
        if let frozen = view.announcement.finalReport {
            issued = frozen
        } else {
            issued = try await FinalReportPrint.issue(detail: detail, view: view, on: req.db)
            view.announcement.finalReport = issued
            try await view.announcement.save(on: req.db)
        }
        let letterhead = try await Letterhead.load(on: req.db)
        let name = "Laporan Akhir \(record.number)"
        if let format = try DocumentDownload.format(req, required: api) {
            let document = OfficialDocuments.finalReport(detail: detail, report: report, view: view, issued: issued, config: req.application.walidata,
                                                         kop: OfficialDocuments.kop(letterhead, req))
            return try DocumentDownload.response(document, format: format, name: name)
        }
        let body = FinalReportPrint.body(detail: detail, report: report, view: view, issued: issued, config: req.application.walidata)
        return try await PrintDocument.render(req, title: name, orientation: .portrait, letterhead: letterhead, body: body).encodeResponse(for: req)
    }
}
