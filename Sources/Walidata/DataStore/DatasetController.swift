import Fluent
import Vapor
import WalidataCore

/// The catalogue pages: list, create, edit, a dataset with its versions, trash.
enum DatasetController {
    struct ListQuery: Content {
        var q: String?
        var organization: String?
    }

    /// The office's list: the catalogue search (words, facets, paging) over what the user may see.
    @Sendable static func list(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let query = try CatalogSearch.Query(req)
        let result = try await CatalogSearch.search(query, for: .user(user), on: req.db)
        let organizations = user.role == .produsen ? [] : try await Organization.query(on: req.db).sort(\.$name).all()
        return await DatasetViews.list(req, hits: result.hits, organizations: organizations, query: query, result: result,
                                       page: Pager(window: query.window, total: result.total))
    }

    static func visibleDatasets(for user: User, query: ListQuery, on db: any Database) async throws -> [Dataset] {
        var q = Dataset.query(on: db).filter(\.$deletedAt == nil).with(\.$organization).sort(\.$title)
        switch DatasetPolicy.listScope(user) {
        case .agency(let org): q = q.filter(\.$organization.$id == org)
        case .nothing: return []
        case .all:
            if let raw = query.organization, let org = UUID(uuidString: raw) { q = q.filter(\.$organization.$id == org) }
        }
        let all = try await q.all().filter { DatasetPolicy.may(.view, user, $0) }
        let terms = SearchText.queryTerms(query.q ?? "")
        guard !terms.isEmpty else { return all }
        // The catalogue search (word forms, no diacritics needed), best match first.
        let scores = try await CatalogIndex.match(terms, on: db)
        return CatalogSearch.sorted(all.compactMap { d in d.id.flatMap { scores[$0] }.map { CatalogSearch.Hit(dataset: d, current: nil, score: $0) } },
                                    by: .relevance).map(\.dataset)
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        var form = DatasetForm(nil)
        // A new dataset starts restricted: opening it is a decision the officer makes on purpose
        // (and even then only a publication act puts it on the portal).
        form.access = Dataset.Access.terbatas.rawValue
        if user.role == .produsen { form.organizationID = user.$organization.id?.uuidString }
        return await DatasetViews.form(req, form: form, dataset: nil, organizations: try await organizations(for: user, on: req.db), problems: [])
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (form, refused) = try req.decodeForm(DatasetForm.self)
        let problems = try await refused + form.validate(for: user, on: req.db)
        guard problems.isEmpty else {
            let page = await DatasetViews.form(req, form: form, dataset: nil, organizations: try await organizations(for: user, on: req.db), problems: problems)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        }
        let dataset = try await DatasetStore.create(form, by: user, on: req.db)
        req.flash(.ok, "datasets.created", dataset.title)
        return req.redirect(to: SiteURL.dataset(dataset.slug).path)
    }

    static func organizations(for user: User, on db: any Database) async throws -> [Organization] {
        var q = Organization.query(on: db).filter(\.$active == true).sort(\.$name)
        if user.role == .produsen, let org = user.$organization.id { q = q.filter(\.$id == org) }
        return try await q.all()
    }

    /// The dataset for the `:slug` parameter, if this user may see it. A dataset of another
    /// agency is "not found" for a produsen, so its existence is not revealed.
    static func viewable(_ req: Request) async throws -> (User, Dataset) {
        let user = try req.requireUser()
        let dataset = try await DatasetStore.find(slug: req.parameters.get("slug") ?? "", on: req.db)
        try DatasetPolicy.decide(.view, user, dataset).enforce()
        return (user, dataset)
    }

    @Sendable static func show(_ req: Request) async throws -> HTML {
        let (user, dataset) = try await viewable(req)
        let versions = try await DatasetStore.versions(of: dataset, on: req.db)
        return await DatasetViews.detail(req, user: user, dataset: dataset, versions: versions)
    }

    @Sendable static func editForm(_ req: Request) async throws -> HTML {
        let (user, dataset) = try await viewable(req)
        try DatasetPolicy.decide(.editMetadata, user, dataset).enforce()
        return await DatasetViews.form(req, form: DatasetForm(dataset), dataset: dataset, organizations: try await organizations(for: user, on: req.db), problems: [])
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let (user, dataset) = try await viewable(req)
        try DatasetPolicy.decide(.editMetadata, user, dataset).enforce()
        let (form, refused) = try req.decodeForm(DatasetForm.self)
        let problems = try await refused + form.validate(for: user, existing: dataset, on: req.db)
        guard problems.isEmpty else {
            let page = await DatasetViews.form(req, form: form, dataset: dataset, organizations: try await organizations(for: user, on: req.db), problems: problems)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        }
        let changed = try await DatasetStore.update(dataset, with: form, by: user, on: req.db)
        req.flash(.ok, changed.isEmpty ? "datasets.metadata_unchanged" : "datasets.metadata_saved", dataset.title)
        return req.redirect(to: SiteURL.dataset(dataset.slug).path)
    }

    /// `POST /datasets/:slug/upload`: the file arrives streamed (see `UploadController`). The
    /// page's script asks for JSON; a plain form gets a redirect to the new version.
    @Sendable static func upload(_ req: Request) async throws -> Response {
        let (user, dataset) = try await viewable(req)
        // `?case=` uploads for a case at step 3 or 4: its executor's rules, not the catalogue's.
        let caseID = try caseParameter(req)
        if let caseID {
            try await CaseFiles.authorize(user, caseID: caseID, dataset: dataset, on: req.db)
        } else {
            guard dataset.deletedAt == nil else { throw UserError(.conflict, "datasets.error.in_trash") }
            try DatasetPolicy.decide(.submitVersion, user, dataset).enforce()
        }
        let version = try await receiveVersion(req, user: user, dataset: dataset, caseID: caseID)
        if let caseID {
            req.flash(version.state == .rejected ? .error : .ok, "upload.done." + version.status, String(version.number))
            let url = SiteURL.caseDetail(caseID).path
            if req.prefersJSON {
                return try await UploadResult(number: version.number, status: version.status, url: url).encodeResponse(status: .created, for: req)
            }
            return req.redirect(to: url)
        }
        if req.prefersJSON {
            let body = UploadResult(number: version.number, status: version.status, url: SiteURL.version(dataset.slug, version.number).path)
            return try await body.encodeResponse(status: .created, for: req)
        }
        if version.state == .stored, let currentID = dataset.currentVersionID, currentID != version.id,
           let current = try await DatasetVersion.find(currentID, on: req.db) {
            req.flash(.error, "upload.done.stored_aside", String(version.number), String(current.number))
        } else {
            req.flash(version.state == .rejected ? .error : .ok, "upload.done." + version.status, String(version.number))
        }
        return req.redirect(to: SiteURL.version(dataset.slug, version.number).path)
    }

    /// `?case=<id>`: the upload is step 3–4 work for that case (page and API alike).
    static func caseParameter(_ req: Request) throws -> UUID? {
        try req.query[String.self, at: "case"].map { raw -> UUID in
            guard let id = UUID(uuidString: raw) else { throw UserError(.notFound, "error.404") }
            return id
        }
    }

    struct UploadResult: Content {
        var number: Int
        var status: String
        var url: String
    }

    static func receiveVersion(_ req: Request, user: User, dataset: Dataset, caseID: UUID? = nil) async throws -> DatasetVersion {
        let received = try await UploadController.receive(req)
        let intake = try await Intake.process(received.blob, filename: received.filename, tables: req.application.tables, threadPool: req.application.threadPool)
        return try await DatasetStore.addVersion(to: dataset, blob: received.blob, filename: received.filename, note: received.note, intake: intake, by: user, caseID: caseID, on: req.db)
    }

    struct NoteForm: Content { var note: String? }

    @Sendable static func delete(_ req: Request) async throws -> Response {
        let (user, dataset) = try await viewable(req)
        let note = try req.decodeIfPresent(NoteForm.self)?.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !note.isEmpty else { throw UserError(.unprocessableEntity, "datasets.error.delete_reason") }
        try await DatasetStore.trash(dataset, note: note, by: user, on: req.db)
        req.flash(.ok, "datasets.trashed", dataset.title, String(DatasetStore.retentionDays))
        return req.redirect(to: SiteURL.datasets.path)
    }

    struct ReasonForm: Content { var reason: String? }

    /// `POST /datasets/:slug/publish`: a kabid or admin puts an eligible dataset on the portal.
    @Sendable static func publish(_ req: Request) async throws -> Response {
        try await publication(req, done: "publish.done") { try await DatasetStore.publish($0, reason: $1, by: $2, on: $3) }
    }

    /// `POST /datasets/:slug/withdraw`: takes it off the portal at once.
    @Sendable static func withdraw(_ req: Request) async throws -> Response {
        try await publication(req, done: "publish.withdrawn") { try await DatasetStore.withdraw($0, reason: $1, by: $2, on: $3) }
    }

    /// A publication act from the page: the store decides (policy, reason, eligibility).
    private static func publication(
        _ req: Request, done: String, act: (Dataset, String, User, any Database) async throws -> Void
    ) async throws -> Response {
        let (user, dataset) = try await viewable(req)
        // Not `try?`: a reason the stored-text rule refuses is said, not taken for no reason.
        try await act(dataset, try req.content.decode(ReasonForm.self).reason ?? "", user, req.db)
        req.flash(.ok, done, dataset.title)
        return req.redirect(to: SiteURL.dataset(dataset.slug).path)
    }

    @Sendable static func trash(_ req: Request) async throws -> HTML {
        guard DatasetPolicy.mayViewTrash(req.currentUser) else { throw UserError(.forbidden, "error.403") }
        let datasets = try await Dataset.query(on: req.db).filter(\.$deletedAt != nil).with(\.$organization).sort(\.$deletedAt, .descending).all()
        return await DatasetViews.trash(req, datasets: datasets)
    }

    private static func trashed(_ req: Request) async throws -> Dataset {
        let dataset = try await DatasetStore.find(slug: req.parameters.get("slug") ?? "", on: req.db, includeTrash: true)
        guard dataset.deletedAt != nil else { throw UserError(.conflict, "datasets.error.not_in_trash") }
        return dataset
    }

    @Sendable static func untrash(_ req: Request) async throws -> Response {
        let dataset = try await trashed(req)
        try DatasetPolicy.decide(.untrash, try req.requireUser(), dataset).enforce()
        try await DatasetStore.untrash(dataset, by: try req.requireUser(), on: req.db)
        req.flash(.ok, "datasets.restored", dataset.title)
        return req.redirect(to: SiteURL.dataset(dataset.slug).path)
    }

    @Sendable static func purge(_ req: Request) async throws -> Response {
        let dataset = try await trashed(req)
        try DatasetPolicy.decide(.purge, try req.requireUser(), dataset).enforce()
        try await DatasetStore.purge(dataset, by: try req.requireUser(), on: req.db, blobs: req.application.blobs, tables: req.application.tables)
        req.flash(.ok, "datasets.purged", dataset.title)
        return req.redirect(to: SiteURL.trash.path)
    }
}
