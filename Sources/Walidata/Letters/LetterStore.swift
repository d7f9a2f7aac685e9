import Fluent
import Foundation
import Vapor
import WalidataCore

/// Reading and editing a case's letter, callable without HTTP.
///
/// Who and when: an `administrasi` officer or an admin may edit the letter from the moment
/// step 2 opens until the case closes. Before step 2 there is nothing registered to write
/// about; after the case closes its record is final. Editing after step 2 completed is allowed
/// (a typo found later) and keeps the number already assigned.
enum LetterStore {

    static func letter(of caseID: UUID, on db: any Database) async throws -> Letter? {
        try await Letter.query(on: db).filter(\.$caseRecord.$id == caseID).first()
    }

    /// The stored letter, or a new one created from the draft.
    static func letterOrDraft(for record: Case, at instant: Date, on db: any Database) async throws -> Letter {
        let caseID = try record.requireID()
        if let letter = try await letter(of: caseID, on: db) { return letter }
        let letter = Letter(caseID: caseID, fields: try await draft(for: record, at: instant, on: db), at: instant)
        try await letter.create(on: db)
        return letter
    }

    static func draft(for record: Case, at instant: Date = Date(), on db: any Database) async throws -> LetterFields {
        let caseID = try record.requireID()
        guard let organization = try await Organization.find(record.$organization.id, on: db) else {
            throw Abort(.internalServerError, reason: "case \(record.number) lost its agency")
        }
        let ids = try await CaseDataset.query(on: db).filter(\.$caseRecord.$id == caseID).all().map(\.$dataset.id)
        let datasets = ids.isEmpty ? [] : try await Dataset.query(on: db).filter(\.$id ~~ ids).sort(\.$title).all()
        return try await LetterDraft.make(for: record, organization: organization, datasets: datasets, at: instant, on: db)
    }

    /// The saved letter's text, or the draft when none is saved yet.
    static func fields(of letter: Letter?, for record: Case, on db: any Database) async throws -> LetterFields {
        if let letter { return letter.fields }
        return try await draft(for: record, on: db)
    }

    /// Whether the case has reached step 2 and is still open.
    static func editable(_ record: Case, on db: any Database) async throws -> Bool {
        guard record.state == .open else { return false }
        return try await CaseStep.query(on: db).filter(\.$caseRecord.$id == record.requireID()).filter(\.$step == 2).count() > 0
    }

    static func save(_ fields: LetterFields, for caseID: UUID, by user: User, at instant: Date = Date(), on db: any Database) async throws -> Letter {
        try await EventLog.transaction(on: db) { tx in
            let record = try await CaseStore.find(caseID, for: user, on: tx)
            try CasePolicy.decide(.editLetter, user, record).enforce()
            guard try await editable(record, on: tx) else { throw UserError(.conflict, "letters.error.not_editable") }
            let letter = try await letterOrDraft(for: record, at: instant, on: tx)
            letter.apply(fields)
            letter.updatedAt = instant
            try await letter.save(on: tx)
            try await EventLog.append(.init(action: "letter.save", note: fields.subject, details: [
                "case": caseID.uuidString, "number": record.number, "letter": letter.number ?? "",
            ]), by: .init(user), on: tx, at: instant)
            return letter
        }
    }
}
