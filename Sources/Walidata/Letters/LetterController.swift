import Fluent
import Vapor
import WalidataCore

/// The letter's edit form and the print views of steps 1 and 2.
enum LetterController {
    struct LetterForm: Content {
        var place: String?
        var date: String?
        var nature: String?
        var attachment: String?
        var subject: String?
        var recipient: String?
        var body: String?
        var signerTitle: String?
        var signerName: String?
        var signerNIP: String?
        var copies: String?

        func validate(calendar: WorkingCalendar) -> (LetterFields?, [Problem]) {
            func clean(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
            var problems: [Problem] = []
            let day = LocalDate(iso: clean(date))
            if day == nil { problems.append("letters.error.date") }
            for (value, key) in [(place, "letters.error.place"), (subject, "letters.error.subject"), (body, "letters.error.body"), (signerTitle, "letters.error.signer"), (signerName, "letters.error.signer")] where clean(value).isEmpty {
                if !problems.contains(Problem(key)) { problems.append(Problem(key)) }
            }
            guard problems.isEmpty, let day else { return (nil, problems) }
            return (LetterFields(
                place: clean(place), date: calendar.instant(on: day, minute: 8 * 60), nature: clean(nature).isEmpty ? "Biasa" : clean(nature),
                attachment: clean(attachment), subject: clean(subject), recipient: clean(recipient), body: clean(body),
                signerTitle: clean(signerTitle), signerName: clean(signerName), signerNIP: clean(signerNIP), copies: clean(copies)), [])
        }
    }

    @Sendable static func edit(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        guard try await LetterStore.editable(record, on: req.db) else { throw UserError(.conflict, "letters.error.not_editable") }
        let letter = try await LetterStore.letter(of: try record.requireID(), on: req.db)
        let fields = try await LetterStore.fields(of: letter, for: record, on: req.db)
        return await LetterViews.editForm(req, record: record, fields: fields, number: letter?.number, calendar: try await CalendarStore.load(on: req.db), problems: [])
    }

    @Sendable static func save(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let (form, refused) = try req.decodeForm(LetterForm.self)
        let calendar = try await CalendarStore.load(on: req.db)
        let (validated, invalid) = form.validate(calendar: calendar)
        let (checked, problems) = refused.isEmpty ? (validated, invalid) : (nil, refused)
        guard let fields = checked else {
            let record = try await CaseStore.find(caseID, for: user, on: req.db)
            let letter = try await LetterStore.letter(of: caseID, on: req.db)
            let fields = try await LetterStore.fields(of: letter, for: record, on: req.db)
            let page = await LetterViews.editForm(req, record: record, fields: fields, number: letter?.number, calendar: calendar, problems: problems)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        }
        try await LetterStore.save(fields, for: caseID, by: user, on: req.db)
        req.flash(.ok, "letters.saved")
        return req.redirect(to: SiteURL.caseDetail(caseID).path)
    }

    /// The print view; `?format=docx|pdf` downloads the same letter as a Word or PDF file.
    @Sendable static func print(_ req: Request) async throws -> Response { try await print(req, api: false) }

    /// `/api/v1/cases/{id}/letter/document?format=docx|pdf`: the same letter, the same check of who may read it.
    @Sendable static func document(_ req: Request) async throws -> Response { try await print(req, api: true) }

    static func print(_ req: Request, api: Bool) async throws -> Response {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        let caseID = try record.requireID()
        let letter = try await LetterStore.letter(of: caseID, on: req.db)
        let reached = try await LetterStore.editable(record, on: req.db)
        guard letter != nil || reached else { throw UserError(.notFound, "error.404") }
        let fields = try await LetterStore.fields(of: letter, for: record, on: req.db)
        let format = try DocumentDownload.format(req, required: api)
        let (calendar, letterhead) = (try await CalendarStore.load(on: req.db), try await Letterhead.load(on: req.db))
        let title = "Surat \(letter?.number ?? record.number)"
        if let format {
            let document = OfficialDocuments.letter(fields, number: letter?.number, calendar: calendar, kop: OfficialDocuments.kop(letterhead, req))
            return try DocumentDownload.response(document, format: format, name: title)
        }
        let body = LetterPrint.letter(fields, number: letter?.number, calendar: calendar)
        return try await PrintDocument.render(req, title: title, orientation: .portrait, letterhead: letterhead, body: body, pageNumbers: false).encodeResponse(for: req)
    }

    /// The tanda terima as issued at step 1. A receipt issued before receipts were kept as
    /// issued (M015) is frozen at its first print from then on.
    @Sendable static func receipt(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        guard let receipt = try await CaseReceipt.query(on: req.db).filter(\.$caseRecord.$id == record.requireID()).first() else {
            throw UserError(.notFound, "letters.error.no_receipt")
        }
        let issued: CaseReceipt.Issued
        if let frozen = receipt.issued {
            issued = frozen
        } else {
            let officer: User? = if let id = receipt.recordedBy { try await User.find(id, on: req.db) } else { nil }
            issued = try await CaseReceipt.Issued.make(for: record, officer: officer, at: receipt.recordedAt, on: req.db)
            receipt.issued = issued
            try await receipt.save(on: req.db)
        }
        let body = LetterPrint.receipt(.official, issued: issued, receipt: receipt)
        return PrintDocument.render(req, title: "Tanda Terima \(record.number)", orientation: .portrait, letterhead: try await Letterhead.load(on: req.db), body: body, pageNumbers: false)
    }
}
