import Fluent
import Vapor
import WalidataCore

/// The step outputs that are worked on before a step completes, as JSON: the step 2 letter and
/// the step 3–4 data links. The rules are the pages' (`LetterStore`, `CaseDataController`).
extension CaseAPI {
    struct LetterOut: Content {
        /// The Nomor, assigned once when step 2 completes.
        var number: String?
        var numberedAt: Date?
        /// Whether the letter may be edited now (from step 2 until the case closes).
        var editable: Bool
        var place: String
        /// The letter's date in office time, YYYY-MM-DD.
        var date: String
        var nature: String
        var attachment: String
        var subject: String
        var recipient: String
        var body: String
        var signerTitle: String
        var signerName: String
        var signerNIP: String
        var copies: String
        var printURL: String
    }

    @Sendable static func letter(_ req: Request) async throws -> LetterOut {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        let caseID = try record.requireID()
        let letter = try await LetterStore.letter(of: caseID, on: req.db)
        let editable = try await LetterStore.editable(record, on: req.db)
        guard letter != nil || editable else { throw UserError(.conflict, "letters.error.not_editable") }
        return try await letterOut(record, letter: letter, editable: editable, on: req.db)
    }

    /// The whole letter as the form sends it; 422 lists what is missing, 409 outside step 2 to closing.
    @Sendable static func saveLetter(_ req: Request) async throws -> LetterOut {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let form = try req.content.decode(LetterController.LetterForm.self)
        let (fields, problems) = form.validate(calendar: try await CalendarStore.load(on: req.db))
        guard let fields else { throw ValidationFailure(problems: problems) }
        let letter = try await LetterStore.save(fields, for: caseID, by: user, on: req.db)
        let record = try await CaseStore.find(caseID, for: user, on: req.db)
        return try await letterOut(record, letter: letter, editable: try await LetterStore.editable(record, on: req.db), on: req.db)
    }

    private static func letterOut(_ record: Case, letter: Letter?, editable: Bool, on db: any Database) async throws -> LetterOut {
        let fields = try await LetterStore.fields(of: letter, for: record, on: db)
        let day = try await CalendarStore.load(on: db).localDate(of: fields.date)
        return LetterOut(
            number: letter?.number, numberedAt: letter?.numberedAt, editable: editable, place: fields.place,
            date: day.iso, nature: fields.nature, attachment: fields.attachment,
            subject: fields.subject, recipient: fields.recipient, body: fields.body, signerTitle: fields.signerTitle,
            signerName: fields.signerName, signerNIP: fields.signerNIP, copies: fields.copies,
            printURL: SiteURL.caseLetterPrint(try record.requireID()).path)
    }

    /// Step 3: link a dataset of the case's agency (`dataset`: its id) or a new one (`title`).
    @Sendable static func attach(_ req: Request) async throws -> Response {
        let (caseID, _) = try await CaseDataController.attachDataset(req)
        return try await caseOut(req, caseID).encodeResponse(status: .created, for: req)
    }

    /// Step 3–4 recovery: `{"version": N}` makes version N's file current again, for the case.
    @Sendable static func recover(_ req: Request) async throws -> Response {
        let (caseID, _, _) = try await CaseDataController.recoverVersion(req)
        return try await caseOut(req, caseID).encodeResponse(status: .created, for: req)
    }

    /// Step 3–4 recovery of a deleted dataset, for the case.
    @Sendable static func untrash(_ req: Request) async throws -> Response {
        let (caseID, _) = try await CaseDataController.untrashDataset(req)
        return try await caseOut(req, caseID).encodeResponse(status: .created, for: req)
    }

    private static func caseOut(_ req: Request, _ caseID: UUID) async throws -> CaseOut {
        let record = try await CaseStore.find(caseID, for: try req.requireUser(), on: req.db)
        return try CaseOut(try await CaseDetail.load(record, on: req.db))
    }
}
