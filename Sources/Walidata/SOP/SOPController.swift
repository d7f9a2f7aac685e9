import Fluent
import Vapor
import WalidataCore

/// The SOP sheet and its revisions: everyone signed in reads; the admin drafts; the Kepala
/// Dinas approves (pengesahan).
enum SOPController {
    @Sendable static func sheet(_ req: Request) async throws -> HTML {
        let revision = try await SOPStore.inForce(on: req.db)
        return try await SOPViews.sheetPage(req, revision: revision, draftExists: try await draftNumber(req.db))
    }

    @Sendable static func printSheet(_ req: Request) async throws -> HTML {
        try SOPPrintView.render(req, revision: try await SOPStore.inForce(on: req.db), letterhead: try await Letterhead.load(on: req.db))
    }

    @Sendable static func revisions(_ req: Request) async throws -> HTML {
        await SOPViews.revisionList(req, revisions: try await SOPStore.all(on: req.db), draftExists: try await draftNumber(req.db))
    }

    @Sendable static func revisionSheet(_ req: Request) async throws -> HTML {
        let revision = try await SOPStore.revision(try req.intParameter("revision"), on: req.db)
        return try await SOPViews.sheetPage(req, revision: revision, draftExists: try await draftNumber(req.db))
    }

    @Sendable static func printRevision(_ req: Request) async throws -> HTML {
        let revision = try await SOPStore.revision(try req.intParameter("revision"), on: req.db)
        return try SOPPrintView.render(req, revision: revision, letterhead: try await Letterhead.load(on: req.db))
    }

    struct NewDraftForm: Content { var changeNote: String? }

    @Sendable static func openDraft(_ req: Request) async throws -> Response {
        let form = try req.content.decode(NewDraftForm.self)
        let note = (form.changeNote ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw UserError(.unprocessableEntity, "sop.error.change_note") }
        let draft = try await SOPStore.openDraft(by: try req.requireUser(), note: note, on: req.db)
        req.flash(.ok, "sop.draft_opened", String(draft.number))
        return req.redirect(to: SiteURL.sopRevisionEdit(draft.number).path)
    }

    @Sendable static func editDraft(_ req: Request) async throws -> HTML {
        let revision = try await SOPStore.revision(try req.intParameter("revision"), on: req.db)
        guard revision.status == .draft else { throw UserError(.conflict, "sop.error.not_draft") }
        return await SOPEditView.render(req, revision: revision, definition: try revision.definition(), note: revision.changeNote, issues: [])
    }

    @Sendable static func saveDraft(_ req: Request) async throws -> Response {
        let number = try req.intParameter("revision")
        let revision = try await SOPStore.revision(number, on: req.db)
        guard revision.status == .draft else { throw UserError(.conflict, "sop.error.not_draft") }
        let form = try req.content.decode(SOPDraftForm.self)
        let definition = form.apply(to: try revision.definition())
        let note = (form.changeNote ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let issues = try await SOPStore.saveDraft(number, definition: definition, note: note.isEmpty ? revision.changeNote : note, by: try req.requireUser(), on: req.db)
        guard issues.isEmpty else {
            let page = await SOPEditView.render(req, revision: revision, definition: definition, note: note, issues: issues)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        }
        req.flash(.ok, "sop.draft_saved", String(number))
        return req.redirect(to: SiteURL.sopRevision(number).path)
    }

    @Sendable static func discardDraft(_ req: Request) async throws -> Response {
        let number = try req.intParameter("revision")
        try await SOPStore.discardDraft(number, by: try req.requireUser(), on: req.db)
        req.flash(.ok, "sop.draft_discarded", String(number))
        return req.redirect(to: SiteURL.sopRevisions.path)
    }

    @Sendable static func approve(_ req: Request) async throws -> Response {
        let number = try req.intParameter("revision")
        let revision = try await SOPStore.approve(number, by: try req.requireUser(), on: req.db)
        req.flash(.ok, "sop.approved", String(revision.number))
        return req.redirect(to: SiteURL.sop.path)
    }

    private static func draftNumber(_ db: any Database) async throws -> Int? {
        try await SOPRevision.query(on: db).filter(\.$statusRaw == SOPRevision.Status.draft.rawValue).first()?.number
    }
}
