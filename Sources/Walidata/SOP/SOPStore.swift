import Fluent
import Vapor
import WalidataCore

/// The SOP revision rules, callable without HTTP: one draft at a time, drafts are validated,
/// approval by the Kepala Dinas puts a draft in force and retires the one before it.
enum SOPStore {
    static func inForce(on db: any Database) async throws -> SOPRevision {
        guard let revision = try await SOPRevision.query(on: db).filter(\.$statusRaw == SOPRevision.Status.inForce.rawValue).first() else {
            throw UserError(.internalServerError, "sop.error.none_in_force")
        }
        return revision
    }

    static func revision(_ number: Int, on db: any Database) async throws -> SOPRevision {
        guard let revision = try await SOPRevision.query(on: db).filter(\.$number == number).first() else {
            throw UserError(.notFound, "error.404")
        }
        return revision
    }

    static func all(on db: any Database) async throws -> [SOPRevision] {
        try await SOPRevision.query(on: db).sort(\.$number, .descending).all()
    }

    /// Opens a draft copied from the revision in force. Only one draft may exist.
    static func openDraft(by user: User, note: String, on db: any Database) async throws -> SOPRevision {
        try await EventLog.transaction(on: db) { tx in
            if try await SOPRevision.query(on: tx).filter(\.$statusRaw == SOPRevision.Status.draft.rawValue).count() > 0 {
                throw UserError(.conflict, "sop.error.draft_exists")
            }
            let current = try await inForce(on: tx)
            let last = try await SOPRevision.query(on: tx).max(\.$number) ?? 0
            let draft = try SOPRevision(
                number: last + 1, status: .draft, definition: try current.definition(),
                changeNote: note, createdBy: try user.requireID()
            )
            try await draft.create(on: tx)
            try await EventLog.append(.init(action: "sop.draft_open", note: note, details: ["revision": String(draft.number)]), by: .init(user), on: tx)
            return draft
        }
    }

    /// Saves a draft's new definition if it is valid; returns the problems otherwise.
    static func saveDraft(_ number: Int, definition: SOPDefinition, note: String, by user: User, on db: any Database) async throws -> [SOPValidationIssue] {
        let revision = try await revision(number, on: db)
        guard revision.status == .draft else { throw UserError(.conflict, "sop.error.not_draft") }
        let issues = definition.validate()
        guard issues.isEmpty else { return issues }
        try revision.setDefinition(definition)
        revision.changeNote = note
        try await EventLog.record(.init(action: "sop.draft_save", note: note, details: ["revision": String(number)]), by: .init(user), on: db) { tx in
            try await revision.save(on: tx)
        }
        return []
    }

    /// Pengesahan: the approver's name and NIP and the date are recorded on the revision and
    /// printed on its sheet; the revision in force before it becomes superseded.
    static func approve(_ number: Int, by approver: User, at date: Date = Date(), on db: any Database) async throws -> SOPRevision {
        try OfficePolicy.decide(.sopApproval, approver).enforce()
        return try await EventLog.transaction(on: db) { tx in
            let draft = try await revision(number, on: tx)
            guard draft.status == .draft else { throw UserError(.conflict, "sop.error.not_draft") }
            var definition = try draft.definition()
            guard definition.validate().isEmpty else { throw UserError(.unprocessableEntity, "sop.error.invalid") }
            let dateText = DateText.date(date, t: Translator(lang: .id))
            let revisionIndex = draft.number - 2
            if revisionIndex >= 0 {
                while definition.identity.tanggalRevisi.count <= revisionIndex { definition.identity.tanggalRevisi.append("-") }
                definition.identity.tanggalRevisi[revisionIndex] = dateText
            }
            definition.identity.tanggalEfektif = dateText
            definition.identity.disahkanNama = approver.fullName
            definition.identity.disahkanNIP = approver.nip
            try draft.setDefinition(definition)
            let previous = try await inForce(on: tx)
            previous.status = .superseded
            try await previous.save(on: tx)
            draft.status = .inForce
            draft.approvedAt = date
            draft.approvedBy = try approver.requireID()
            draft.approverName = approver.fullName
            draft.approverNIP = approver.nip
            try await draft.save(on: tx)
            try await EventLog.append(.init(action: "sop.approve", note: draft.changeNote, details: ["revision": String(draft.number), "superseded": String(previous.number)]), by: .init(approver), on: tx)
            return draft
        }
    }

    static func discardDraft(_ number: Int, by user: User, on db: any Database) async throws {
        let revision = try await revision(number, on: db)
        guard revision.status == .draft else { throw UserError(.conflict, "sop.error.not_draft") }
        try await EventLog.record(.init(action: "sop.draft_discard", note: revision.changeNote, details: ["revision": String(number)]), by: .init(user), on: db) { tx in
            try await revision.delete(on: tx)
        }
    }
}
