import Fluent
import Vapor
import WalidataCore

/// Steps 3 and 4 ("the data"): what the case's datasets received for this case, read from the
/// event log entries whose details name the case. The log is the record the SOP asks for, so
/// the checks read it rather than a second bookkeeping table that could disagree with it.
struct CaseFiles: Sendable {
    /// One dataset of the case and what this case did to it.
    struct Item: Sendable {
        var dataset: Dataset
        var current: DatasetVersion?
        var versions: [DatasetVersion]
        /// The case's storage events for this dataset, oldest first.
        var events: [EventRecord]

        /// Step 3: a file stored and checked (or a non-CSV file stored), a version recovered,
        /// or the dataset restored from the trash, for this case.
        var received: Bool { events.contains { CaseFiles.storing.contains($0.action) } }

        /// Step 4: the case's last file for this dataset was rejected and nothing replaced it.
        var rejected: Bool {
            events.last { CaseFiles.storing.contains($0.action) || $0.action == "version.reject" }?.action == "version.reject"
        }
    }

    /// Log actions that count as "stored and checked" for the case.
    static let storing: Set<String> = ["version.store", "version.update", "version.store_unchecked", "version.recover", "dataset.restore"]

    /// The storage-log actions shown in the case's storage log.
    static let logActions = ["version.store", "version.update", "version.store_unchecked", "version.reject", "version.recover", "dataset.restore"]

    /// Roles that do steps 3–4 (admin may act for them).

    var items: [Item]
    var events: [EventRecord]

    static func load(caseID: UUID, on db: any Database) async throws -> CaseFiles {
        let ids = try await CaseDataset.query(on: db).filter(\.$caseRecord.$id == caseID).all().map(\.$dataset.id)
        let datasets = ids.isEmpty ? [] : try await Dataset.query(on: db).filter(\.$id ~~ ids).sort(\.$title).all()
        let events = try await log(caseID: caseID, on: db)
        var items: [Item] = []
        for dataset in datasets {
            let id = try dataset.requireID()
            let versions = try await DatasetVersion.query(on: db).filter(\.$dataset.$id == id).sort(\.$number, .descending).all()
            items.append(Item(
                dataset: dataset, current: versions.first { $0.id == dataset.currentVersionID }, versions: versions,
                events: events.filter { $0.datasetID == id.uuidString }))
        }
        return CaseFiles(items: items, events: events)
    }

    /// The case's storage events, oldest first, found by the indexed `case_id` (M013).
    static func log(caseID: UUID, on db: any Database) async throws -> [EventRecord] {
        try await EventRecord.query(on: db)
            .filter(\.$caseID == caseID.uuidString)
            .filter(\.$action ~~ logActions)
            .sort(\.$sequence).all()
    }

    var missing: [Item] { items.filter { !$0.received } }
    var rejectedItems: [Item] { items.filter(\.rejected) }

    /// Whether the case page shows the SOP's warning: something is missing or rejected.
    var incomplete: Bool { items.isEmpty || !missing.isEmpty || !rejectedItems.isEmpty }

    /// Step 3's rule: at least one dataset, each with a file stored for this case.
    func checkStep3() throws {
        guard !items.isEmpty else { throw UserError(.unprocessableEntity, "steps34.error.no_datasets") }
        guard missing.isEmpty else {
            throw UserError(.unprocessableEntity, "steps34.error.missing", missing.map(\.dataset.title).joined(separator: "; "))
        }
    }

    /// Step 4's rule: step 3's, and no file of the case rejected and left unreplaced.
    func checkStep4() throws {
        try checkStep3()
        guard rejectedItems.isEmpty else {
            throw UserError(.unprocessableEntity, "steps34.error.rejected", rejectedItems.map(\.dataset.title).joined(separator: "; "))
        }
    }

    /// Whether the case is at step 3 or 4 now, so its data may be worked on.
    static func atDataSteps(_ caseID: UUID, on db: any Database) async throws -> Bool {
        guard let open = try await CaseStore.steps(of: caseID, on: db).last, open.completedAt == nil else { return false }
        return open.step == 3 || open.step == 4
    }

    /// Who may store, recover or restore for a case: its step 3–4 executor, while those steps are
    /// open, for a dataset the case names. Anything else changes nothing.
    static func authorize(_ user: User, caseID: UUID, dataset: Dataset?, on db: any Database) async throws {
        let record = try await CaseStore.find(caseID, for: user, on: db)
        try CasePolicy.decide(.workData, user, record).enforce()
        guard try await atDataSteps(caseID, on: db) else { throw UserError(.conflict, "steps34.error.not_data_step") }
        if let dataset {
            let linked = try await CaseDataset.query(on: db)
                .filter(\.$caseRecord.$id == record.requireID()).filter(\.$dataset.$id == dataset.requireID()).count()
            guard linked > 0 else { throw UserError(.unprocessableEntity, "steps34.error.not_linked", dataset.title) }
        }
    }
}
