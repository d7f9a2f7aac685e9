import Fluent
import Vapor
import WalidataCore

/// The data store's rules, callable without HTTP. Every change here appends its event to the
/// log in the same transaction.
enum DatasetStore {
    static func find(slug: String, on db: any Database, includeTrash: Bool = false) async throws -> Dataset {
        var query = Dataset.query(on: db).filter(\.$slug == slug).with(\.$organization)
        if !includeTrash { query = query.filter(\.$deletedAt == nil) }
        guard let dataset = try await query.first() else { throw UserError(.notFound, "error.404") }
        return dataset
    }

    static func versions(of dataset: Dataset, on db: any Database) async throws -> [DatasetVersion] {
        try await DatasetVersion.query(on: db).filter(\.$dataset.$id == dataset.requireID()).sort(\.$number, .descending).all()
    }

    static func version(_ number: Int, of dataset: Dataset, on db: any Database) async throws -> DatasetVersion {
        guard let version = try await DatasetVersion.query(on: db)
            .filter(\.$dataset.$id == dataset.requireID()).filter(\.$number == number).first()
        else { throw UserError(.notFound, "error.404") }
        return version
    }

    /// `forCase`: the case a dataset is made for (steps 3–4), named in the event so the case's
    /// record lists it with the case's other entries.
    static func create(_ form: DatasetForm, by user: User, forCase: Case? = nil, on db: any Database) async throws -> Dataset {
        let caseDetails = try forCase.map { ["case": try $0.requireID().uuidString, "case_number": $0.number] } ?? [:]
        guard DatasetPolicy.mayCreate(user) else { throw UserError(.forbidden, "error.403") }
        return try await EventLog.transaction(on: db) { tx in
            let dataset = Dataset()
            form.apply(to: dataset)
            dataset.slug = try await uniqueSlug(for: dataset.title, on: tx)
            dataset.createdBy = user.id
            try await dataset.create(on: tx)
            try await CatalogIndex.refresh([dataset.requireID()], on: tx)
            try await EventLog.append(.init(action: "dataset.create", datasetID: dataset.id, note: dataset.title, details: caseDetails), by: .init(user), on: tx)
            return dataset
        }
    }

    /// Saves new metadata. Descriptive fields need `editMetadata`; a change of the access class
    /// or the owning agency needs `classify` as well, else nothing is saved (403). The event
    /// names each changed field with its old and new value. A published dataset that is no
    /// longer terbuka leaves the portal in the same transaction, with its own event.
    /// Returns the names of the fields that changed (none: nothing written).
    @discardableResult
    static func update(_ dataset: Dataset, with form: DatasetForm, by user: User, on db: any Database) async throws -> [String] {
        try DatasetPolicy.decide(.editMetadata, user, dataset).enforce()
        let before = DatasetForm(dataset)
        let after = Dataset()
        form.apply(to: after, over: dataset)
        let changes = DatasetForm.changes(from: before, to: DatasetForm(after))
        guard !changes.isEmpty else { return [] }
        if changes.contains(where: { DatasetForm.classificationFields.contains($0.field) }) {
            try DatasetPolicy.decide(.classify, user, dataset).enforce("datasets.error.classify")
        }
        let wasPublished = dataset.publishedAt != nil
        try await EventLog.transaction(on: db) { tx in
            form.apply(to: dataset, over: dataset)
            try await dataset.save(on: tx)
            try await CatalogIndex.refresh([dataset.requireID()], on: tx)
            var details = ["changed": changes.map(\.field).joined(separator: ",")]
            for change in changes {
                details["old." + change.field] = change.old
                details["new." + change.field] = change.new
            }
            try await EventLog.append(
                .init(action: "dataset.update", datasetID: dataset.id, note: dataset.title, details: details), by: .init(user), on: tx)
            if wasPublished && !dataset.eligibleForPortal {
                let t = Translator(lang: .id)
                try await markWithdrawn(dataset, note: t("publish.auto_withdraw_access", t("datasets.access." + dataset.access)), by: user, on: tx)
            }
        }
        return changes.map(\.field)
    }

    // MARK: Publication

    /// A kabid or admin puts an eligible dataset on the public portal, with a reason, logged.
    /// Step 9 publishes the datasets its announcement names through `markPublished`.
    static func publish(_ dataset: Dataset, reason: String, by user: User, at instant: Date = Date(), on db: any Database) async throws {
        try DatasetPolicy.decide(.publish, user, dataset).enforce()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw UserError(.unprocessableEntity, "publish.error.reason") }
        guard dataset.eligibleForPortal else { throw UserError(.conflict, "publish.error.not_eligible") }
        guard dataset.publishedAt == nil else { throw UserError(.conflict, "publish.error.already") }
        _ = try await EventLog.transaction(on: db) { tx in
            try await markPublished(dataset, note: reason, details: [:], by: user, at: instant, on: tx)
        }
    }

    /// Sets the publication and logs it, in the caller's transaction; nothing if the dataset is
    /// not eligible or already public. Returns whether it was published now.
    @discardableResult
    static func markPublished(
        _ dataset: Dataset, note: String, details: [String: String], by user: User, at instant: Date, on tx: any Database
    ) async throws -> Bool {
        guard dataset.eligibleForPortal, dataset.publishedAt == nil else { return false }
        dataset.publishedAt = instant
        dataset.publishedBy = user.id
        try await dataset.save(on: tx)
        try await EventLog.append(
            .init(action: "dataset.publish", datasetID: dataset.id, note: note, details: details.merging(["slug": dataset.slug]) { a, _ in a }),
            by: .init(user), on: tx, at: instant)
        return true
    }

    /// A kabid or admin takes a dataset off the portal at once, with a reason, logged.
    static func withdraw(_ dataset: Dataset, reason: String, by user: User, at instant: Date = Date(), on db: any Database) async throws {
        try DatasetPolicy.decide(.withdraw, user, dataset).enforce()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw UserError(.unprocessableEntity, "publish.error.reason") }
        guard dataset.publishedAt != nil else { throw UserError(.conflict, "publish.error.not_published") }
        try await EventLog.transaction(on: db) { tx in
            try await markWithdrawn(dataset, note: reason, by: user, at: instant, on: tx)
        }
    }

    /// Clears the publication and logs it, in the caller's transaction: a withdrawal, or the
    /// end a reclassification brings.
    private static func markWithdrawn(_ dataset: Dataset, note: String, by user: User, at instant: Date = Date(), on tx: any Database) async throws {
        dataset.publishedAt = nil
        dataset.publishedBy = nil
        try await dataset.save(on: tx)
        try await EventLog.append(
            .init(action: "dataset.withdraw", datasetID: dataset.id, note: note, details: ["slug": dataset.slug]),
            by: .init(user), on: tx, at: instant)
    }

    private static func uniqueSlug(for title: String, on db: any Database) async throws -> String {
        let base = DatasetRules.slug(from: title)
        var candidate = base
        var n = 2
        while try await Dataset.query(on: db).filter(\.$slug == candidate).count() > 0 {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// Records a received file as the dataset's next version. A rejected file is kept as a
    /// submission but does not become current. `details` are added to the event; `then` runs in
    /// the same transaction once the version exists (a case attachment marks itself stored there,
    /// so the two are written together or not at all).
    static func addVersion(
        to dataset: Dataset, blob: BlobStore.Received, filename: String, note: String, intake: Intake.Result, by user: User,
        caseID: UUID? = nil, details: [String: String] = [:], on db: any Database,
        then: (@Sendable (any Database, DatasetVersion) async throws -> Void)? = nil
    ) async throws -> DatasetVersion {
        try await EventLog.transaction(on: db) { tx in
            let caseDetails = try await caseDetails(caseID, on: tx)
            let last = try await DatasetVersion.query(on: tx).filter(\.$dataset.$id == dataset.requireID()).max(\.$number) ?? 0
            let version = DatasetVersion()
            version.$dataset.id = try dataset.requireID()
            version.number = last + 1
            version.status = intake.status.rawValue
            version.blobHash = blob.hash
            version.size = blob.size
            version.filename = filename
            version.mediaType = DatasetRules.mediaType(of: filename)
            version.rowCount = intake.rowCount
            version.columnCount = intake.columnCount
            version.report = intake.reportJSON
            version.changeNote = note
            version.createdBy = user.id
            try await version.create(on: tx)
            // A file that is not a table (a PNG sent by mistake, a PDF) never takes the place
            // of a table people read and download: it is kept beside it, and an officer who
            // really means to replace the table makes it current by recovery.
            var currentIsTable = false
            if let id = dataset.currentVersionID, let current = try await DatasetVersion.find(id, on: tx) {
                currentIsTable = current.state == .accepted
            }
            if intake.status == .accepted || (intake.status == .stored && !currentIsTable) {
                dataset.currentVersionID = version.id
                try await dataset.save(on: tx)
            }
            let action = switch intake.status {
            case .accepted: last == 0 ? "version.store" : "version.update"
            case .stored: "version.store_unchecked"
            case .rejected: "version.reject"
            }
            try await EventLog.append(.init(
                action: action, datasetID: dataset.id, versionID: version.id, blobHash: blob.hash, size: blob.size,
                rowCount: intake.rowCount, note: note,
                details: ["number": String(version.number), "filename": filename].merging(caseDetails) { a, _ in a }.merging(details) { a, _ in a }
            ), by: .init(user), on: tx)
            try await CatalogIndex.refresh([dataset.requireID()], on: tx)
            try await then?(tx, version)
            return version
        }
    }

    /// Recovery: the earlier version's file becomes a new current version that names its source.
    static func restore(_ source: DatasetVersion, of dataset: Dataset, note: String, by user: User, caseID: UUID? = nil, on db: any Database) async throws -> DatasetVersion {
        try DatasetPolicy.decide(.restoreVersion, user, dataset).enforce()
        guard source.state != .rejected else { throw UserError(.conflict, "datasets.error.restore_rejected") }
        guard dataset.deletedAt == nil else { throw UserError(.conflict, "datasets.error.in_trash") }
        return try await EventLog.transaction(on: db) { tx in
            let caseDetails = try await caseDetails(caseID, on: tx)
            let last = try await DatasetVersion.query(on: tx).filter(\.$dataset.$id == dataset.requireID()).max(\.$number) ?? 0
            let version = DatasetVersion()
            version.$dataset.id = try dataset.requireID()
            version.number = last + 1
            version.status = source.status
            version.blobHash = source.blobHash
            version.size = source.size
            version.filename = source.filename
            version.mediaType = source.mediaType
            version.rowCount = source.rowCount
            version.columnCount = source.columnCount
            version.report = source.report
            version.changeNote = note
            version.recoveredFrom = source.id
            version.createdBy = user.id
            try await version.create(on: tx)
            dataset.currentVersionID = version.id
            try await dataset.save(on: tx)
            try await CatalogIndex.refresh([dataset.requireID()], on: tx)
            try await EventLog.append(.init(
                action: "version.recover", datasetID: dataset.id, versionID: version.id, blobHash: source.blobHash,
                size: source.size, rowCount: source.rowCount, note: note,
                details: ["number": String(version.number), "source_number": String(source.number), "source_version": source.id?.uuidString ?? ""]
                    .merging(caseDetails) { a, _ in a }
            ), by: .init(user), on: tx)
            return version
        }
    }

    /// Moves a dataset to the trash. It disappears from lists and cannot take new versions, but
    /// nothing is removed until an admin purges it.
    /// A published dataset leaves the portal with it, and restoring it does not bring it back:
    /// that takes a new publication act.
    static func trash(_ dataset: Dataset, note: String, by user: User, on db: any Database) async throws {
        try DatasetPolicy.decide(.trash, user, dataset).enforce()
        guard dataset.deletedAt == nil else { throw UserError(.conflict, "datasets.error.in_trash") }
        try await EventLog.transaction(on: db) { tx in
            let wasPublished = dataset.publishedAt != nil
            dataset.deletedAt = Date()
            dataset.deletedBy = user.id
            dataset.publishedAt = nil
            dataset.publishedBy = nil
            try await dataset.save(on: tx)
            try await EventLog.append(
                .init(action: "dataset.delete", datasetID: dataset.id, note: note, details: wasPublished ? ["withdrawn": "1"] : [:]),
                by: .init(user), on: tx)
        }
    }

    static func untrash(_ dataset: Dataset, by user: User, caseID: UUID? = nil, on db: any Database) async throws {
        try DatasetPolicy.decide(.untrash, user, dataset).enforce()
        guard dataset.deletedAt != nil else { throw UserError(.conflict, "datasets.error.not_in_trash") }
        try await EventLog.transaction(on: db) { tx in
            let caseDetails = try await caseDetails(caseID, on: tx)
            dataset.deletedAt = nil
            dataset.deletedBy = nil
            try await dataset.save(on: tx)
            try await EventLog.append(.init(action: "dataset.restore", datasetID: dataset.id, note: dataset.title, details: caseDetails), by: .init(user), on: tx)
        }
    }

    /// The case an action was done for, as the event's details name it: the case's storage log
    /// (step 4's output) and its step-3/4 checks find the entries by this id.
    private static func caseDetails(_ caseID: UUID?, on db: any Database) async throws -> [String: String] {
        guard let caseID else { return [:] }
        guard let record = try await Case.find(caseID, on: db) else { throw UserError(.notFound, "error.404") }
        return ["case": caseID.uuidString, "case_number": record.number]
    }

    /// How long a trashed dataset is kept before an admin may purge it.
    static let retentionDays = 30

    /// Removes a trashed dataset for good: its rows, and the files no other version uses.
    /// Only an admin, only from the trash, only after the retention period, and always logged.
    static func purge(_ dataset: Dataset, by user: User, now: Date = Date(), on db: any Database, blobs: BlobStore, tables: TableFiles) async throws {
        try DatasetPolicy.decide(.purge, user, dataset).enforce()
        guard let deletedAt = dataset.deletedAt else { throw UserError(.conflict, "datasets.error.not_in_trash") }
        let until = deletedAt.addingTimeInterval(Double(retentionDays) * 86400)
        guard now >= until else { throw UserError(.conflict, "datasets.error.retention", DateText.date(until, t: Translator(lang: .id))) }
        let hashes = try await EventLog.transaction(on: db) { tx -> [String] in
            let versions = try await DatasetVersion.query(on: tx).filter(\.$dataset.$id == dataset.requireID()).all()
            let hashes = Set(versions.map(\.blobHash))
            for version in versions { try await version.delete(on: tx) }
            try await dataset.delete(on: tx)
            try await CatalogIndex.refresh([dataset.requireID()], on: tx)
            try await EventLog.append(.init(
                action: "dataset.purge", datasetID: dataset.id, note: dataset.title,
                details: ["versions": String(versions.count), "slug": dataset.slug]
            ), by: .init(user), on: tx)
            var unused: [String] = []
            for hash in hashes where try await DatasetVersion.query(on: tx).filter(\.$blobHash == hash).count() == 0 {
                // A file a case attachment still points at stays, whatever the versions say.
                if try await CaseAttachment.query(on: tx).filter(\.$blobHash == hash).count() == 0 { unused.append(hash) }
            }
            return unused
        }
        // Files go only after the rows that pointed at them are gone for good.
        for hash in hashes {
            try? FileManager.default.removeItem(atPath: blobs.path(for: hash))
            for table in tables.allPaths(for: hash) { try? FileManager.default.removeItem(atPath: table) }
        }
    }
}
