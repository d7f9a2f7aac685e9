import Fluent
import Foundation
import Vapor
import WalidataCore

/// Step 9's rules, callable without HTTP: the announcement draft, its publication inside the
/// step's completing transaction (see `StepOutputs`), and what the public may read.
///
/// Who and when: the kabid (or an admin) writes the draft while step 9 is open; completing
/// step 9 publishes it and writes the deliveries; from then on it is frozen.
enum PublicationStore {

    /// What the case page and the API show: the stored announcement, or the draft the system
    /// proposes (the case's title and datasets, the website channel) before one is saved.
    struct View: Sendable {
        var announcement: Announcement
        var stored: Bool
        var datasetIDs: [UUID]
        var deliveries: [Delivery]
    }

    static func announcement(of caseID: UUID, on db: any Database) async throws -> Announcement? {
        try await Announcement.query(on: db).filter(\.$caseRecord.$id == caseID).first()
    }

    static func datasetIDs(of announcement: Announcement, on db: any Database) async throws -> [UUID] {
        guard let id = announcement.id else { return [] }
        return try await AnnouncementDataset.query(on: db).filter(\.$announcement.$id == id).all().map(\.$dataset.id)
    }

    static func deliveries(of announcement: Announcement, on db: any Database) async throws -> [Delivery] {
        guard let id = announcement.id else { return [] }
        return try await Delivery.query(on: db).filter(\.$announcement.$id == id).all()
            .sorted { ($0.channel.order, $0.recipient) < ($1.channel.order, $1.recipient) }
    }

    static func view(of record: Case, at instant: Date = Date(), on db: any Database) async throws -> View {
        let caseID = try record.requireID()
        if let stored = try await announcement(of: caseID, on: db) {
            return View(announcement: stored, stored: true, datasetIDs: try await datasetIDs(of: stored, on: db), deliveries: try await deliveries(of: stored, on: db))
        }
        let draft = Announcement(caseID: caseID, title: record.title, body: "", channels: [.website], by: nil, at: instant)
        return View(announcement: draft, stored: false, datasetIDs: try await caseDatasetIDs(caseID, on: db), deliveries: [])
    }

    private static func caseDatasetIDs(_ caseID: UUID, on db: any Database) async throws -> [UUID] {
        try await CaseDataset.query(on: db).filter(\.$caseRecord.$id == caseID).all().map(\.$dataset.id)
    }

    /// Saves the draft; only while step 9 is open and the announcement is not published.
    @discardableResult
    static func saveDraft(_ input: AnnouncementInput, caseID: UUID, by user: User, at instant: Date = Date(), on db: any Database) async throws -> Announcement {
        try await EventLog.transaction(on: db) { tx in
            let record = try await CaseStore.find(caseID, for: user, on: tx)
            try CasePolicy.decide(.editAnnouncement, user, record).enforce()
            if let existing = try await announcement(of: caseID, on: tx), existing.published {
                throw UserError(.conflict, "announcement.error.published")
            }
            guard let open = try await CaseStore.steps(of: caseID, on: tx).last, open.completedAt == nil, open.step == 9 else {
                throw UserError(.conflict, "announcement.error.not_open")
            }
            let announcement = try await apply(input, to: record, by: user, at: instant, on: tx)
            try await EventLog.append(.init(action: "announcement.save", note: announcement.title, details: [
                "case": caseID.uuidString, "number": record.number, "announcement": try announcement.requireID().uuidString,
            ]), by: .init(user), on: tx, at: instant)
            return announcement
        }
    }

    /// Writes `input` over the stored draft (or a new one) and its dataset links.
    private static func apply(_ input: AnnouncementInput, to record: Case, by user: User, at instant: Date, on tx: any Database) async throws -> Announcement {
        let caseID = try record.requireID()
        let current = try await view(of: record, at: instant, on: tx)
        let announcement = current.announcement
        if let title = input.title { announcement.title = AnnouncementInput.clean(title) }
        if let body = input.body { announcement.body = AnnouncementInput.clean(body) }
        if let channels = try input.parsedChannels() { announcement.channels = channels }
        let chosen = try input.parsedDatasets(allowed: try await caseDatasetIDs(caseID, on: tx)) ?? current.datasetIDs
        announcement.updatedBy = user.id
        announcement.updatedAt = instant
        if !current.stored { announcement.createdBy = user.id }
        try await announcement.save(on: tx)
        let id = try announcement.requireID()
        try await AnnouncementDataset.query(on: tx).filter(\.$announcement.$id == id).delete()
        for datasetID in Set(chosen) {
            try await AnnouncementDataset(announcementID: id, datasetID: datasetID).create(on: tx)
        }
        return announcement
    }

    /// Step 9 completes: the draft (with whatever the completion carried) is checked and
    /// published, and one delivery per chosen channel is written. Runs in the completing
    /// transaction, so a refusal leaves the step open and nothing published.
    static func publish(_ record: Case, input: AnnouncementInput?, by user: User, at instant: Date, on tx: any Database) async throws {
        let caseID = try record.requireID()
        if let existing = try await announcement(of: caseID, on: tx), existing.published {
            throw UserError(.conflict, "announcement.error.published")
        }
        let announcement = try await apply(input ?? .init(), to: record, by: user, at: instant, on: tx)
        var missing: [String] = []
        if announcement.title.isEmpty { missing.append("announcement.error.title") }
        if announcement.body.isEmpty { missing.append("announcement.error.body") }
        if announcement.channels.isEmpty { missing.append("announcement.error.channels") }
        if !missing.isEmpty {
            let t = Translator(lang: user.language == "en" ? .en : .id)
            throw UserError(.unprocessableEntity, "announcement.error.incomplete", missing.map { t($0) }.joined(separator: " "))
        }
        // Every dataset the announcement names goes out with its Satu Data metadata complete.
        let named = try await datasetIDs(of: announcement, on: tx)
        let incomplete = named.isEmpty ? [] : try await Dataset.query(on: tx).filter(\.$id ~~ named).sort(\.$title).all()
            .filter { !PublicationMetadata.missing(in: $0).isEmpty }
        if !incomplete.isEmpty {
            let t = Translator(lang: user.language == "en" ? .en : .id)
            throw UserError(.unprocessableEntity, "steps.error.metadata_incomplete", PublicationMetadata.describe(incomplete, t))
        }
        announcement.publishedAt = instant
        announcement.publishedBy = user.id
        try await announcement.save(on: tx)
        let id = try announcement.requireID()
        try await DeliveryOutbox.write(announcementID: id, channels: announcement.channels, at: instant, on: tx)
        // The publication act for the datasets it names: those that are eligible (terbuka, not
        // in the trash) go on the portal now, each with its own logged event.
        if !named.isEmpty {
            for dataset in try await Dataset.query(on: tx).filter(\.$id ~~ named).all() {
                try await DatasetStore.markPublished(
                    dataset, note: Translator(lang: .id)("publish.by_announcement", record.number, announcement.title),
                    details: ["announcement": id.uuidString, "case": caseID.uuidString, "case_number": record.number, "number": record.number],
                    by: user, at: instant, on: tx)
            }
        }
        try await EventLog.append(.init(action: "announcement.publish", note: announcement.title, details: [
            "case": caseID.uuidString, "number": record.number, "announcement": id.uuidString,
            "channels": announcement.channels.map(\.rawValue).joined(separator: ","),
            "datasets": try await datasetIDs(of: announcement, on: tx).map(\.uuidString).sorted().joined(separator: ","),
        ]), by: .init(user), on: tx, at: instant)
    }

    // MARK: The public's view

    /// Whether the public may see a dataset: published by a publication act, still terbuka, and
    /// not in the trash (`Dataset.isPublic`).
    static func isPublic(_ dataset: Dataset) -> Bool { dataset.isPublic }

    static func publicDatasets(on db: any Database) async throws -> [Dataset] {
        try await Dataset.query(on: db).filter(\.$access == Dataset.Access.terbuka.rawValue).filter(\.$deletedAt == nil)
            .filter(\.$publishedAt != nil).with(\.$organization).sort(\.$title).all()
    }

    /// A public dataset by slug; anything else is "not found", so a restricted one is not revealed.
    static func publicDataset(slug: String, on db: any Database) async throws -> Dataset {
        let dataset = try await DatasetStore.find(slug: slug, on: db)
        guard isPublic(dataset) else { throw UserError(.notFound, "error.404") }
        return dataset
    }

    static func published(limit: Int? = nil, on db: any Database) async throws -> [Announcement] {
        var query = Announcement.query(on: db).filter(\.$publishedAt != nil).sort(\.$publishedAt, .descending)
        if let limit { query = query.limit(limit) }
        return try await query.all()
    }

    /// One page of the published announcements, newest first, and how many there are.
    static func publishedPage(_ window: PageWindow, on db: any Database) async throws -> (items: [Announcement], total: Int) {
        try await Announcement.query(on: db).filter(\.$publishedAt != nil).sort(\.$publishedAt, .descending).page(window)
    }

    static func publishedAnnouncement(_ id: UUID, on db: any Database) async throws -> Announcement {
        guard let announcement = try await Announcement.find(id, on: db), announcement.published else { throw UserError(.notFound, "error.404") }
        return announcement
    }

    /// The public datasets an announcement names, by title.
    static func publicDatasets(of announcement: Announcement, on db: any Database) async throws -> [Dataset] {
        let ids = try await datasetIDs(of: announcement, on: db)
        guard !ids.isEmpty else { return [] }
        return try await Dataset.query(on: db).filter(\.$id ~~ ids).with(\.$organization).sort(\.$title).all().filter(isPublic)
    }

    /// The current version of a public dataset when it is a table that may be downloaded.
    static func currentTable(of dataset: Dataset, on db: any Database) async throws -> DatasetVersion? {
        guard let id = dataset.currentVersionID, let version = try await DatasetVersion.find(id, on: db), version.state == .accepted else { return nil }
        return version
    }
}

extension Delivery.Channel {
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
