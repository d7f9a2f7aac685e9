import Fluent
import Vapor
import WalidataCore

/// Everything the case page and the API show about one case, as plain values, loaded once.
struct CaseDetail: Sendable {
    var record: Case
    var organization: Organization
    var revisionNumber: Int
    var definition: SOPDefinition
    var calendar: WorkingCalendar
    var steps: [CaseStep]
    var datasets: [Dataset]
    /// Full names of the people the case mentions, by user id.
    var names: [UUID: String]
    var now: Date
    /// Step 1's checklist as the setting says now (for the form), and its stored output.
    var checklist: Checklist = .standard
    var receipt: CaseReceipt?
    /// Step 2's letter, once saved or numbered.
    var letter: Letter?
    /// While step 2 is open: the letter's text for the editor in the step's card (saved or drafted).
    var letterFields: LetterFields?
    /// Steps 3–4: the case's datasets and what was stored for the case.
    var files = CaseFiles(items: [], events: [])
    /// The agency's datasets (also those in the trash) not yet linked, for step 3's "link a dataset".
    var attachable: [Dataset] = []
    /// The request's attachments (lampiran permohonan), oldest first, with what each became.
    var attachments: [CaseAttachmentStore.Item] = []
    /// Steps 5–8: the report rounds, round 1 first.
    var reports: [CaseReport] = []
    /// Step 9: the announcement (stored, or the proposed draft) once step 9 has opened.
    var publication: PublicationStore.View?

    static func load(_ record: Case, now: Date = Date(), on db: any Database) async throws -> CaseDetail {
        guard let organization = try await Organization.find(record.$organization.id, on: db),
              let revision = try await SOPRevision.find(record.sopRevisionID, on: db) else {
            throw Abort(.internalServerError, reason: "case \(record.number) lost its agency or SOP revision")
        }
        let caseID = try record.requireID()
        let steps = try await CaseStore.steps(of: caseID, on: db)
        let datasetIDs = try await CaseDataset.query(on: db).filter(\.$caseRecord.$id == caseID).all().map(\.$dataset.id)
        let datasets = datasetIDs.isEmpty ? [] : try await Dataset.query(on: db).filter(\.$id ~~ datasetIDs).sort(\.$title).all()
        let attachments = try await CaseAttachmentStore.items(of: caseID, on: db)
        let userIDs = Set(steps.compactMap(\.completedBy) + [record.requestedBy, record.registeredBy].compactMap { $0 }
            + attachments.flatMap { [$0.attachment.uploadedBy, $0.attachment.storedBy].compactMap { $0 } })
        let users = userIDs.isEmpty ? [] : try await User.query(on: db).filter(\.$id ~~ Array(userIDs)).all()
        let letter = try await LetterStore.letter(of: caseID, on: db)
        let attachable = try await Dataset.query(on: db).filter(\.$organization.$id == record.$organization.id).sort(\.$title).all()
            .filter { dataset in !datasetIDs.contains { $0 == dataset.id } }
        return CaseDetail(
            record: record, organization: organization, revisionNumber: revision.number, definition: try revision.definition(),
            calendar: try await CalendarStore.load(on: db), steps: steps, datasets: datasets,
            names: Dictionary(users.compactMap { user in user.id.map { ($0, user.fullName) } }, uniquingKeysWith: { a, _ in a }),
            now: now,
            checklist: try await Checklist.load(on: db),
            receipt: try await CaseReceipt.query(on: db).filter(\.$caseRecord.$id == caseID).first(),
            letter: letter,
            letterFields: steps.last.map { $0.step == 2 && $0.completedAt == nil } == true
                ? try await LetterStore.fields(of: letter, for: record, on: db) : nil,
            files: try await CaseFiles.load(caseID: caseID, on: db), attachable: attachable, attachments: attachments,
            reports: try await CaseReportStore.rounds(of: caseID, on: db),
            publication: steps.contains { $0.step == 9 } ? try await PublicationStore.view(of: record, at: now, on: db) : nil)
    }

    /// Whether the open step is 3 or 4, where the case's files are received and stored.
    var atDataSteps: Bool { openStep.map { $0.step == 3 || $0.step == 4 } ?? false }

    /// Whether the open step still takes the request's attachments (steps 1–3).
    var acceptsAttachments: Bool { openStep.map { CaseAttachmentStore.attachSteps.contains($0.step) } ?? false }

    /// Whether step 2 has opened (the letter exists as a draft from then on).
    var reachedLetter: Bool { steps.contains { $0.step == 2 } }

    /// The step waiting to be done; nil once the case is closed.
    var openStep: CaseStep? {
        guard let last = steps.last, last.completedAt == nil else { return nil }
        return last
    }

    func status(of row: CaseStep) -> DeadlineStatus {
        DeadlineStatus(of: row.instance, at: now, calendar: calendar)
    }

    func name(_ id: UUID?) -> String? { id.flatMap { names[$0] } }

    /// The engine's history of the case, with who acted filled in from the stored steps.
    var timeline: [TimelineEntry] {
        guard let engine = try? CaseEngine(definition: definition, calendar: calendar, steps: steps.map(\.instance)) else { return [] }
        return engine.timeline.map { entry in
            var entry = entry
            if entry.role != nil, let row = steps.first(where: { $0.step == entry.step && $0.round == entry.round }) {
                entry.actor = name(row.completedBy)
            }
            // Step 7's round n decides report round n (each submission is one check).
            if entry.kind == .returned {
                entry.section = reports.first { $0.round == entry.round }?.decisionSectionRaw
            }
            return entry
        }
    }

    /// Whether `user` may complete the open step: its lane's role, or an admin (with a reason).
    func canAct(_ user: User) -> Bool {
        guard let open = openStep, let step = definition.step(open.step) else { return false }
        return user.roleRaw == step.lane || user.role == .admin
    }
}
