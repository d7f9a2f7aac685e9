import Fluent
import Vapor
import WalidataTables

/// Reading a workbook version's stored file again with the sheet or header row the officer
/// chose. Versions never change, so the result is a new version of the same stored file, with
/// its own check and its own table (named by the file's hash and the choice).
enum WorkbookReadingController {
    /// The page's form: empty fields mean "detect it".
    struct ReadingForm: Content {
        var sheet: String?
        var header_row: String?
    }

    struct ReadingIn: Content {
        var sheet: Int?
        var headerRow: Int?
        var note: String?
    }

    /// `POST /datasets/:slug/versions/:number/reading`
    @Sendable static func reread(_ req: Request) async throws -> Response {
        let (user, dataset, source) = try await VersionController.find(req)
        try authorize(user, dataset)
        let form = try req.content.decode(ReadingForm.self)
        func number(_ text: String?) throws -> Int? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let n = Int(text) else { throw UserError(.unprocessableEntity, "excel.error.bad_number") }
            return n
        }
        let options = WorkbookOptions(sheet: try number(form.sheet), headerRow: try number(form.header_row))
        let version = try await reread(req, user: user, dataset: dataset, source: source, options: options, note: nil, t: req.t)
        req.flash(version.state == .accepted ? .ok : .error, "excel.reread.done", String(source.number), String(version.number))
        return req.redirect(to: SiteURL.version(dataset.slug, version.number).path)
    }

    /// `POST /api/v1/datasets/{slug}/versions/{number}/reading` with `{"sheet": 2, "headerRow": 5}`.
    @Sendable static func rereadAPI(_ req: Request) async throws -> Response {
        let (user, dataset, source) = try await VersionController.find(req)
        try authorize(user, dataset)
        let body = try req.optionalBody(ReadingIn.self) ?? ReadingIn()
        let options = WorkbookOptions(sheet: body.sheet, headerRow: body.headerRow)
        let version = try await reread(req, user: user, dataset: dataset, source: source, options: options,
                                       note: body.note, t: Translator(lang: .id))
        return try await DatasetAPI.VersionOut(version, dataset: dataset, sourceNumber: nil, withReport: true)
            .encodeResponse(status: .created, for: req)
    }

    /// Before the body is read, so a user who may not submit versions learns nothing more.
    static func authorize(_ user: User, _ dataset: Dataset) throws {
        try DatasetPolicy.decide(.submitVersion, user, dataset).enforce()
        guard dataset.deletedAt == nil else { throw UserError(.conflict, "datasets.error.in_trash") }
    }

    static func reread(_ req: Request, user: User, dataset: Dataset, source: DatasetVersion, options: WorkbookOptions,
                       note: String?, t: Translator) async throws -> DatasetVersion {
        try authorize(user, dataset)
        guard DatasetRules.kind(of: source.filename) == .xlsx, Intake.report(of: source)?.workbook != nil else {
            throw UserError(.conflict, "excel.error.not_a_workbook")
        }
        // Excel's limits: 1,048,576 rows; a workbook rarely has more than a few hundred sheets.
        guard (options.sheet ?? 1) >= 1, (options.sheet ?? 1) <= 10_000,
              (options.headerRow ?? 1) >= 1, (options.headerRow ?? 1) <= 1_048_576 else {
            throw UserError(.unprocessableEntity, "excel.error.bad_number")
        }
        let blob = BlobStore.Received(hash: source.blobHash, size: source.size, path: req.application.blobs.path(for: source.blobHash))
        guard FileManager.default.fileExists(atPath: blob.path) else { throw UserError(.internalServerError, "versions.error.missing_file") }
        let intake = try await Intake.process(blob, filename: source.filename, tables: req.application.tables,
                                              threadPool: req.application.threadPool, reading: options)
        let found = (try? JSONDecoder().decode(CSVCheck.self, from: Data(intake.reportJSON.utf8)))?.workbook
        let sheet = found?.sheet ?? options.sheet.map(String.init) ?? t("excel.reread.auto")
        let header = found.flatMap { $0.headerRows.isEmpty ? nil : $0.headerRows.map(String.init).joined(separator: "–") }
            ?? options.headerRow.map(String.init) ?? t("excel.reread.auto")
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            ?? t("excel.reread.note", String(source.number), sheet, header)
        let key = options.isDefault ? nil : options.key
        return try await DatasetStore.addVersion(
            to: dataset, blob: blob, filename: source.filename, note: text, intake: intake, by: user,
            details: ["read_from": String(source.number), "reading": options.key], on: req.db
        ) { tx, version in
            version.reading = key
            try await version.save(on: tx)
        }
    }
}
