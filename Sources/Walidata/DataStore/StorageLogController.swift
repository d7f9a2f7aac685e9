import Fluent
import Vapor
import WalidataCore

/// The storage log ("Catatan program penyimpanan data, recovery, update data"): every store,
/// update, recovery, delete, restore, backup and verification, from the event log.
enum StorageLogController {
    struct Query: Content {
        var from: String?
        var to: String?
    }

    static let actions = [
        "dataset.create", "dataset.update", "version.store", "version.update", "version.store_unchecked", "version.reject",
        "version.recover", "dataset.delete", "dataset.restore", "dataset.purge", "dataset.publish", "dataset.withdraw",
        "backup.create", "backup.verify", "verify.run", "storage.sweep",
    ]

    /// Everything else the log records: the audit trail of accounts, SOP and calendar.
    static let auditActions = [
        "user.create", "user.update", "user.password_reset", "user.password_change", "user.activate", "user.deactivate",
        "organization.create", "organization.update", "token.create", "token.revoke",
        "sop.draft_open", "sop.draft_save", "sop.draft_discard", "sop.approve",
        "calendar.hours", "calendar.day_add", "calendar.day_delete", "calendar.import",
        "settings.change",
        "case.create", "case.close", "case.dataset_attach", "case.attach", "step.open", "step.complete", "step.return",
        "step1.checklist", "letter.save", "letter.number",
        "announcement.save", "announcement.publish",
    ]

    struct Page {
        var audit = false
        var from: LocalDate
        var to: LocalDate
        var events: [EventRecord]
        var datasets: [String: Dataset]
        var dataset: Dataset?
        /// The log's head when the page was made, signed: printed on paper, it is one more copy
        /// of a checkpoint outside the database (`walidata verify --checkpoint`).
        var head: EventCheckpoint? = nil
    }

    /// Events in a date range (office time zone), optionally for one dataset, oldest first.
    static func load(_ req: Request, dataset: Dataset?, audit: Bool = false) async throws -> Page {
        let q = try req.query.decode(Query.self)
        let calendar = WorkingCalendar.standard()
        let today = calendar.localDate(of: Date())
        // An empty field takes the default; a date that cannot be read is named, not ignored.
        func date(_ raw: String?) throws -> LocalDate? {
            let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let date = DateTimeInput.date(text) else { throw UserError(.badRequest, "input.error.date", text) }
            return date
        }
        let to = try date(q.to) ?? today
        let from = try date(q.from) ?? (dataset == nil ? to.adding(days: -30) : LocalDate(year: 2000, month: 1, day: 1)!)
        guard from <= to else { throw UserError(.badRequest, "log.error.range") }
        let start = Int64(calendar.instant(on: from, minute: 0).timeIntervalSince1970 * 1000)
        let end = Int64(calendar.instant(on: to.adding(days: 1), minute: 0).timeIntervalSince1970 * 1000)
        var query = EventRecord.query(on: req.db)
            .filter(\.$action ~~ (audit ? actions + auditActions : actions))
            .filter(\.$atMillis >= start).filter(\.$atMillis < end)
            .sort(\.$sequence)
        if let dataset { query = query.filter(\.$datasetID == dataset.id!.uuidString) }
        var events = try await query.all()
        let user = try req.requireUser()
        let ids = Set(events.compactMap { UUID(uuidString: $0.datasetID) })
        let datasets = try await Dataset.query(on: req.db).filter(\.$id ~~ Array(ids)).with(\.$organization).all()
        var byID: [String: Dataset] = [:]
        for d in datasets { byID[d.id!.uuidString] = d }
        if user.role == .produsen {
            events = events.filter { byID[$0.datasetID].map { DatasetPolicy.may(.view, user, $0) } ?? false }
        }
        let head = try await EventRecord.query(on: req.db).sort(\.$sequence, .descending).first()
            .map { req.application.checkpoints.signed(sequence: $0.sequence, hash: $0.hash) }
        return Page(audit: audit, from: from, to: to, events: events, datasets: byID, dataset: dataset, head: head)
    }

    @Sendable static func show(_ req: Request) async throws -> HTML {
        await StorageLogViews.page(req, page: try await load(req, dataset: nil), printable: false)
    }

    @Sendable static func printView(_ req: Request) async throws -> HTML {
        await StorageLogViews.page(req, page: try await load(req, dataset: nil), printable: true)
    }

    /// `/admin/audit`: the whole log, for the administrator.
    @Sendable static func audit(_ req: Request) async throws -> HTML {
        await StorageLogViews.page(req, page: try await load(req, dataset: nil, audit: true), printable: req.query[String.self, at: "print"] != nil)
    }

    /// `/storage-log.xlsx`: the same range as the page, as a workbook.
    @Sendable static func xlsx(_ req: Request) async throws -> Response {
        let page = try await load(req, dataset: nil)
        return XlsxResponse.make(try StorageLogXlsx.bytes(page, t: req.t), filename: StorageLogXlsx.filename(page))
    }

    /// `/datasets/:slug/log.xlsx`: one dataset's log, for whoever may see the dataset.
    @Sendable static func datasetXlsx(_ req: Request) async throws -> Response {
        let (_, dataset) = try await DatasetController.viewable(req)
        let page = try await load(req, dataset: dataset)
        return XlsxResponse.make(try StorageLogXlsx.bytes(page, t: req.t), filename: StorageLogXlsx.filename(page))
    }

    @Sendable static func forDataset(_ req: Request) async throws -> HTML {
        let (_, dataset) = try await DatasetController.viewable(req)
        return await StorageLogViews.page(req, page: try await load(req, dataset: dataset), printable: req.query[String.self, at: "print"] != nil)
    }
}
