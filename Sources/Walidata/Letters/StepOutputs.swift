import Fluent
import Foundation
import Vapor
import WalidataCore

/// Checks and stores the output of steps 1–9 inside the completing transaction, so a step is
/// never completed without its document and a refused completion leaves nothing behind.
enum StepOutputs {
    static func record(
        step: Int, of record: Case, input: StepOutputInput, completed: StepInstance? = nil, by user: User, at instant: Date, on tx: any Database
    ) async throws {
        switch step {
        case 1: try await receipt(record, input: input, by: user, at: instant, on: tx)
        case 2: try await number(record, by: user, at: instant, on: tx)
        // Steps 3–4: the files must be stored and checked for this case; the report (step 5)
        // cannot open on missing or rejected data.
        case 3: try await CaseFiles.load(caseID: record.requireID(), on: tx).checkStep3()
        case 4: try await CaseFiles.load(caseID: record.requireID(), on: tx).checkStep4()
        // Steps 5–8: the report rounds (see `CaseReportStore`).
        case 5: try await CaseReportStore.completeDraft(record, at: instant, on: tx)
        case 6: try await CaseReportStore.submit(record, by: user, at: instant, on: tx)
        case 7:
            try await CaseReportStore.decide(
                record, outcome: completed?.outcome, note: completed?.note, section: try ReportSection.parse(input.section), by: user, at: instant, on: tx)
        case 8: try await CaseReportStore.finalize(record, by: user, at: instant, on: tx)
        // Step 9: the announcement is published and its deliveries written (see `PublicationStore`).
        case 9:
            try await PublicationStore.publish(record, input: input.announcement, by: user, at: instant, on: tx)
            try await FinalReportPrint.freeze(record, on: tx)
        default: break
        }
    }

    /// Step 1: every required checklist item must be ticked; 422 names the ones that are not.
    private static func receipt(_ record: Case, input: StepOutputInput, by user: User, at instant: Date, on tx: any Database) async throws {
        let checklist = try await Checklist.load(on: tx)
        let ticked = Set((input.checklist ?? []).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = checklist.missing(ticked)
        guard missing.isEmpty else {
            throw UserError(.unprocessableEntity, "letters.error.checklist_missing", missing.joined(separator: "; "))
        }
        let caseID = try record.requireID()
        let lines = checklist.items.map { CaseReceipt.Line(text: $0.text, optional: $0.optional, checked: ticked.contains($0.text)) }
        let conveyed = input.conveyed?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        try await CaseReceipt.query(on: tx).filter(\.$caseRecord.$id == caseID).delete()
        let receipt = try CaseReceipt(caseID: caseID, lines: lines, conveyed: conveyed, recordedBy: user.id, recordedAt: instant)
        receipt.issued = try await CaseReceipt.Issued.make(for: record, officer: user, at: instant, on: tx)
        try await receipt.create(on: tx)
        try await EventLog.append(.init(action: "step1.checklist", note: conveyed, details: [
            "case": caseID.uuidString, "number": record.number,
            "checked": lines.filter(\.checked).map(\.text).joined(separator: "; "),
        ]), by: .init(user), on: tx, at: instant)
    }

    /// Step 2: the letter the officer saved gets its number, once. The system's draft is not
    /// enough: step 2's output is the letter, so someone must have opened, read and saved it.
    private static func number(_ record: Case, by user: User, at instant: Date, on tx: any Database) async throws {
        guard let letter = try await LetterStore.letter(of: record.requireID(), on: tx), hasText(letter) else {
            throw UserError(.unprocessableEntity, "steps.error.letter_not_saved")
        }
        guard letter.number == nil else { return }
        guard let organization = try await Organization.find(record.$organization.id, on: tx) else {
            throw Abort(.internalServerError, reason: "case \(record.number) lost its agency")
        }
        let number = try await LetterNumbering.next(
            on: tx, at: instant, calendar: try await CalendarStore.load(on: tx), organizationCode: organization.code)
        letter.number = number
        letter.numberedAt = instant
        letter.updatedAt = instant
        try await letter.save(on: tx)
        try await EventLog.append(.init(action: "letter.number", note: number, details: [
            "case": try record.requireID().uuidString, "number": record.number, "letter": number,
        ]), by: .init(user), on: tx, at: instant)
    }

    /// Whether the letter says something: a subject and a body, as the letter form requires.
    private static func hasText(_ letter: Letter) -> Bool {
        ![letter.subject, letter.body].contains { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}
