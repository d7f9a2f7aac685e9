import Fluent
import Vapor
import WalidataCore
import WalidataTables

/// `/api/v1/datasets`: the catalogue and its versions for scripts and other systems. The same
/// rules as the pages apply (a produsen only sees its own agency's datasets).
enum DatasetAPI {
    struct DatasetOut: Content {
        var id: UUID
        var slug: String
        var title: String
        var description: String
        var organization: APIModels.OrganizationOut
        var topic: String
        var tags: [String]
        var frequency: String
        var coverage: String
        var period: String
        var unit: String
        var source: String
        var license: String
        var contact: String
        var access: String
        var currentVersion: Int?
        var createdAt: Date?
        var updatedAt: Date?
        var deleted: Bool
        /// On the public portal now (published by a publication act, and still eligible).
        var published: Bool
        var publishedAt: Date?

        init(_ d: Dataset, currentVersion: Int?) {
            id = d.id!
            slug = d.slug
            title = d.title
            description = d.description
            organization = APIModels.OrganizationOut(d.organization)
            topic = d.topic
            tags = d.tagList
            frequency = d.frequency
            coverage = d.coverage
            period = d.period
            unit = d.unit
            source = d.source
            license = d.license
            contact = d.contact
            access = d.access
            self.currentVersion = currentVersion
            createdAt = d.createdAt
            updatedAt = d.updatedAt
            deleted = d.deletedAt != nil
            published = d.isPublic
            publishedAt = d.isPublic ? d.publishedAt : nil
        }
    }

    struct VersionOut: Content {
        var number: Int
        var status: String
        var filename: String
        var mediaType: String
        var size: Int64
        var sha256: String
        var rowCount: Int64
        var columnCount: Int
        var changeNote: String
        var recoveredFrom: Int?
        var createdAt: Date?
        var current: Bool
        var downloadURL: String
        /// The CSV check: encoding, delimiter, problems with line numbers, column profiles, preview.
        var report: CSVCheck?
        var reading: String?

        init(_ v: DatasetVersion, dataset: Dataset, sourceNumber: Int?, withReport: Bool) {
            number = v.number
            status = v.status
            filename = v.filename
            mediaType = v.mediaType
            size = v.size
            sha256 = v.blobHash
            rowCount = v.rowCount
            columnCount = v.columnCount
            changeNote = v.changeNote
            recoveredFrom = sourceNumber
            createdAt = v.createdAt
            current = v.id == dataset.currentVersionID
            reading = v.reading
            downloadURL = "/api/v1/datasets/\(dataset.slug)/versions/\(v.number)/download"
            report = withReport ? Intake.report(of: v) : nil
        }
    }

    @Sendable static func list(_ req: Request) async throws -> APIModels.ListOut<DatasetOut> {
        let user = try req.requireUser()
        let window = try req.pageWindow()
        let all = try await DatasetController.visibleDatasets(for: user, query: .init(q: req.query[String.self, at: "q"], organization: req.query[String.self, at: "organization"]), on: req.db)
        let datasets = window.slice(all)
        let versions = try await DatasetVersion.query(on: req.db).filter(\.$id ~~ datasets.compactMap(\.currentVersionID)).all()
        let numbers = Dictionary(versions.map { ($0.id!, $0.number) }, uniquingKeysWith: { a, _ in a })
        return .init(datasets.map { DatasetOut($0, currentVersion: $0.currentVersionID.flatMap { numbers[$0] }) }, total: all.count, window: window)
    }

    @Sendable static func show(_ req: Request) async throws -> DatasetOut {
        let (_, dataset) = try await DatasetController.viewable(req)
        var current: DatasetVersion?
        if let id = dataset.currentVersionID { current = try await DatasetVersion.find(id, on: req.db) }
        return DatasetOut(dataset, currentVersion: current?.number)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(DatasetForm.self)
        let problems = try await form.validate(for: user, on: req.db)
        guard problems.isEmpty else { throw ValidationFailure(problems: problems) }
        let dataset = try await DatasetStore.create(form, by: user, on: req.db)
        try await dataset.$organization.load(on: req.db)
        return try await DatasetOut(dataset, currentVersion: nil).encodeResponse(status: .created, for: req)
    }

    @Sendable static func versions(_ req: Request) async throws -> APIModels.ListOut<VersionOut> {
        let (_, dataset) = try await DatasetController.viewable(req)
        let window = try req.pageWindow()
        let versions = try await DatasetStore.versions(of: dataset, on: req.db)
        let numbers = Dictionary(versions.map { ($0.id!, $0.number) }, uniquingKeysWith: { a, _ in a })
        return .init(all: versions.map { VersionOut($0, dataset: dataset, sourceNumber: $0.recoveredFrom.flatMap { numbers[$0] }, withReport: false) }, window: window)
    }

    @Sendable static func version(_ req: Request) async throws -> VersionOut {
        let (_, dataset, version) = try await VersionController.find(req)
        var source: DatasetVersion?
        if let id = version.recoveredFrom { source = try await DatasetVersion.find(id, on: req.db) }
        return VersionOut(version, dataset: dataset, sourceNumber: source?.number, withReport: true)
    }

    /// `POST /api/v1/datasets/{slug}/versions?filename=…&note=…` with the file as the body.
    @Sendable static func upload(_ req: Request) async throws -> Response {
        let (user, dataset) = try await DatasetController.viewable(req)
        let caseID = try DatasetController.caseParameter(req)
        if let caseID {
            try await CaseFiles.authorize(user, caseID: caseID, dataset: dataset, on: req.db)
        } else {
            guard dataset.deletedAt == nil else { throw UserError(.conflict, "datasets.error.in_trash") }
            try DatasetPolicy.decide(.submitVersion, user, dataset).enforce()
        }
        let version = try await DatasetController.receiveVersion(req, user: user, dataset: dataset, caseID: caseID)
        return try await VersionOut(version, dataset: dataset, sourceNumber: nil, withReport: true).encodeResponse(status: .created, for: req)
    }

    /// `…/versions/{number}/data`: a page of rows of an accepted version's table.
    /// Decimals keep the digits they were uploaded with (`ExactJSON`).
    @Sendable static func data(_ req: Request) async throws -> Response {
        let (_, _, version) = try await VersionController.find(req)
        let page = try await TableController.page(req, version: version, params: try req.query.decode(TableQueryParams.self))
        return try exactJSONResponse(page.exactJSON())
    }

    /// `…/versions/{number}/export?format=csv|csv-excel|json|xlsx`: the whole table or the rows the
    /// filters select, streamed.
    @Sendable static func export(_ req: Request) async throws -> Response {
        let (_, dataset, version) = try await VersionController.find(req)
        let format: ExportFormat = switch req.query[String.self, at: "format"] ?? "csv" {
        case "csv": .csv
        case "csv-excel": .csvExcel
        case "json": .json
        case "xlsx": .xlsx
        default: throw UserError(.badRequest, "table.error.format")
        }
        return try await TableController.export(req, dataset: dataset, version: version, format: format)
    }

    @Sendable static func compare(_ req: Request) async throws -> Response {
        let (_, dataset) = try await DatasetController.viewable(req)
        return try exactJSONResponse(try await TableController.compare(req, dataset: dataset).2.exactJSON())
    }

    private static func exactJSONResponse(_ bytes: [UInt8]) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }

    struct NoteIn: Content { var note: String? }

    @Sendable static func restore(_ req: Request) async throws -> Response {
        let (user, dataset, source) = try await VersionController.find(req)
        let note = try req.optionalBody(NoteIn.self)?.note ?? Translator(lang: .id)("versions.restore_default_note", String(source.number))
        let version = try await DatasetStore.restore(source, of: dataset, note: note, by: user, on: req.db)
        return try await VersionOut(version, dataset: dataset, sourceNumber: source.number, withReport: false).encodeResponse(status: .created, for: req)
    }

    /// `PATCH /api/v1/datasets/{slug}`: the fields sent replace the stored ones; the rest stay.
    struct DatasetPatch: Content {
        var title: String?
        var description: String?
        var organizationID: String?
        var topic: String?
        var tags: String?
        var frequency: String?
        var coverage: String?
        var period: String?
        var unit: String?
        var source: String?
        var license: String?
        var contact: String?
        var access: String?

        func merged(over dataset: Dataset) -> DatasetForm {
            var form = DatasetForm(dataset)
            if let title { form.title = title }
            if let description { form.description = description }
            if let organizationID { form.organizationID = organizationID }
            if let topic { form.topic = topic }
            if let tags { form.tags = tags }
            if let frequency { form.frequency = frequency }
            if let coverage { form.coverage = coverage }
            if let period { form.period = period }
            if let unit { form.unit = unit }
            if let source { form.source = source }
            if let license { form.license = license }
            if let contact { form.contact = contact }
            if let access { form.access = access }
            return form
        }
    }

    @Sendable static func update(_ req: Request) async throws -> DatasetOut {
        let (user, dataset) = try await DatasetController.viewable(req)
        try DatasetPolicy.decide(.editMetadata, user, dataset).enforce()
        let form = try req.content.decode(DatasetPatch.self).merged(over: dataset)
        let problems = try await form.validate(for: user, existing: dataset, on: req.db)
        guard problems.isEmpty else { throw ValidationFailure(problems: problems) }
        try await DatasetStore.update(dataset, with: form, by: user, on: req.db)
        try await dataset.$organization.load(on: req.db)
        return try await show(dataset, on: req.db)
    }

    struct ReasonIn: Content { var reason: String }

    /// `POST /api/v1/datasets/{slug}/publish` with `{"reason": "…"}` (kabid, admin).
    @Sendable static func publish(_ req: Request) async throws -> DatasetOut {
        try await publication(req) { try await DatasetStore.publish($0, reason: $1, by: $2, on: $3) }
    }

    /// `POST /api/v1/datasets/{slug}/withdraw` with `{"reason": "…"}` (kabid, admin).
    @Sendable static func withdraw(_ req: Request) async throws -> DatasetOut {
        try await publication(req) { try await DatasetStore.withdraw($0, reason: $1, by: $2, on: $3) }
    }

    private static func publication(
        _ req: Request, act: (Dataset, String, User, any Database) async throws -> Void
    ) async throws -> DatasetOut {
        let (user, dataset) = try await DatasetController.viewable(req)
        try DatasetPolicy.decide(.publish, user, dataset).enforce()
        try await act(dataset, try req.content.decode(ReasonIn.self).reason, user, req.db)
        return try await show(dataset, on: req.db)
    }

    private static func show(_ dataset: Dataset, on db: any Database) async throws -> DatasetOut {
        var current: DatasetVersion?
        if let id = dataset.currentVersionID { current = try await DatasetVersion.find(id, on: db) }
        return DatasetOut(dataset, currentVersion: current?.number)
    }

    @Sendable static func delete(_ req: Request) async throws -> HTTPStatus {
        let (user, dataset) = try await DatasetController.viewable(req)
        let note = try req.optionalBody(NoteIn.self)?.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !note.isEmpty else { throw UserError(.unprocessableEntity, "datasets.error.delete_reason") }
        try await DatasetStore.trash(dataset, note: note, by: user, on: req.db)
        return .noContent
    }
}

/// Form problems as an API error: 422 with every problem's message.
struct ValidationFailure: AbortError {
    var problems: [Problem]
    var status: HTTPResponseStatus { .unprocessableEntity }
    var reason: String { problems.map { $0.text(Translator(lang: .en)) }.joined(separator: " ") }
}

// The engine's result types are Codable; the API returns them as JSON as they are.
extension CSVCheck: Content {}
