import Fluent
import Vapor
import WalidataCore

/// Steps 3–4 from the case page: attach a dataset to the case, recover a version or restore a
/// deleted dataset for the case, and the case's storage log (step 4's output). Uploads for the
/// case go through the dataset's streamed upload with `?case=` (see `DatasetController.upload`).
enum CaseDataController {
    struct AttachForm: Content {
        /// An existing dataset of the case's agency (also one in the trash, for a recovery).
        var dataset: String?
        /// Or the title of a new dataset, made in the case's agency, with its Satu Data
        /// metadata (checked complete before step 9 may name it, see `PublicationMetadata`).
        var title: String?
        var topic: String?
        var source: String?
        var unit: String?
        var period: String?
        /// `terbuka`, `terbatas` or `dikecualikan`; a new dataset is `terbatas` unless told,
        /// since a dataset made from a handed-over file has not been judged open yet.
        var access: String?

        /// The catalogue form of the new dataset.
        func newDataset(in organization: UUID) -> DatasetForm {
            var form = DatasetForm(nil)
            form.title = title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            form.organizationID = organization.uuidString
            form.topic = topic
            form.source = source
            form.unit = unit
            form.period = period
            let access = access?.trimmingCharacters(in: .whitespaces) ?? ""
            form.access = access.isEmpty ? Dataset.Access.terbatas.rawValue : access
            return form
        }
    }

    @Sendable static func attach(_ req: Request) async throws -> Response {
        let (caseID, dataset) = try await attachDataset(req)
        req.flash(.ok, "steps34.attached", dataset.title)
        return req.redirect(to: SiteURL.caseDetail(caseID).path)
    }

    /// Links a dataset to the case (or makes a new one in its agency), once; shared by the page
    /// and the API.
    static func attachDataset(_ req: Request) async throws -> (UUID, Dataset) {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        try await CaseFiles.authorize(user, caseID: caseID, dataset: nil, on: req.db)
        let record = try await CaseStore.find(caseID, for: user, on: req.db)
        let form = try req.content.decode(AttachForm.self)
        let title = form.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let dataset: Dataset
        if let raw = form.dataset, !raw.isEmpty {
            guard let id = UUID(uuidString: raw), let found = try await Dataset.find(id, on: req.db),
                  found.$organization.id == record.$organization.id else { throw UserError(.unprocessableEntity, "steps34.error.dataset_choice") }
            dataset = found
        } else if !title.isEmpty {
            let new = form.newDataset(in: record.$organization.id)
            let problems = try await new.validate(for: user, on: req.db)
            guard problems.isEmpty else { throw ValidationFailure(problems: problems) }
            dataset = try await DatasetStore.create(new, by: user, forCase: record, on: req.db)
        } else {
            throw UserError(.unprocessableEntity, "steps34.error.dataset_choice")
        }
        let datasetID = try dataset.requireID()
        let linked = try await CaseDataset.query(on: req.db).filter(\.$caseRecord.$id == caseID).filter(\.$dataset.$id == datasetID).count()
        if linked == 0 {
            try await EventLog.record(.init(action: "case.dataset_attach", datasetID: datasetID, note: dataset.title, details: [
                "case": caseID.uuidString, "case_number": record.number,
            ]), by: .init(user), on: req.db) { tx in
                try await CaseDataset(caseID: caseID, datasetID: datasetID).create(on: tx)
            }
        }
        return (caseID, dataset)
    }

    struct RecoverForm: Content { var version: Int? }

    /// Recovery: version N's file becomes the dataset's current version, logged for the case.
    @Sendable static func recover(_ req: Request) async throws -> Response {
        let (caseID, number, restored) = try await recoverVersion(req)
        req.flash(.ok, "versions.restored", String(number), String(restored.number))
        return req.redirect(to: SiteURL.caseDetail(caseID).path)
    }

    /// The recovery itself, shared by the page and the API: the case, the source version's
    /// number, and the new version.
    static func recoverVersion(_ req: Request) async throws -> (UUID, Int, DatasetVersion) {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let dataset = try await DatasetStore.find(slug: req.parameters.get("slug") ?? "", on: req.db)
        try await CaseFiles.authorize(user, caseID: caseID, dataset: dataset, on: req.db)
        guard let number = try req.content.decode(RecoverForm.self).version else {
            throw UserError(.unprocessableEntity, "steps34.error.version_choice")
        }
        let source = try await DatasetStore.version(number, of: dataset, on: req.db)
        let record = try await CaseStore.find(caseID, for: user, on: req.db)
        let note = req.t("steps34.recover_note", String(number), record.number)
        let restored = try await DatasetStore.restore(source, of: dataset, note: note, by: user, caseID: caseID, on: req.db)
        return (caseID, number, restored)
    }

    /// Recovery of a deleted dataset: back from the trash, logged for the case.
    @Sendable static func untrash(_ req: Request) async throws -> Response {
        let (caseID, dataset) = try await untrashDataset(req)
        req.flash(.ok, "datasets.restored", dataset.title)
        return req.redirect(to: SiteURL.caseDetail(caseID).path)
    }

    static func untrashDataset(_ req: Request) async throws -> (UUID, Dataset) {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let dataset = try await DatasetStore.find(slug: req.parameters.get("slug") ?? "", on: req.db, includeTrash: true)
        try await CaseFiles.authorize(user, caseID: caseID, dataset: dataset, on: req.db)
        try await DatasetStore.untrash(dataset, by: user, caseID: caseID, on: req.db)
        return (caseID, dataset)
    }

    /// `/cases/:caseID/storage-log`, `?print=1` for the A4 document.
    @Sendable static func storageLog(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        let events = try await CaseFiles.log(caseID: record.requireID(), on: req.db)
        let ids = Set(events.compactMap { UUID(uuidString: $0.datasetID) })
        let datasets = ids.isEmpty ? [] : try await Dataset.query(on: req.db).filter(\.$id ~~ Array(ids)).all()
        var byID: [String: Dataset] = [:]
        for dataset in datasets { byID[dataset.id!.uuidString] = dataset }
        return await CaseDataViews.storageLog(req, record: record, events: events, datasets: byID, printable: req.query[String.self, at: "print"] != nil)
    }
}
