import Fluent
import Vapor
import WalidataCore

/// One version: its report, its file, its recovery.
enum VersionController {
    static func find(_ req: Request) async throws -> (User, Dataset, DatasetVersion) {
        let (user, dataset) = try await DatasetController.viewable(req)
        let version = try await DatasetStore.version(try req.intParameter("number"), of: dataset, on: req.db)
        return (user, dataset, version)
    }

    @Sendable static func show(_ req: Request) async throws -> HTML {
        let (user, dataset, version) = try await find(req)
        let params = try req.query.decode(TableQueryParams.self)
        let page = version.state == .accepted ? try await TableController.page(req, version: version, params: params) : nil
        let descriptions = try await ColumnDescriptions.forDataset(dataset, on: req.db)
        // Descriptions are written for the current table's columns, so the form is on its page.
        let editable = version.id == dataset.currentVersionID && DatasetPolicy.may(.editMetadata, user, dataset)
        return await VersionViews.detail(req, user: user, dataset: dataset, version: version, page: page, params: params,
                                         columns: .init(descriptions: descriptions, editable: editable))
    }

    /// The file exactly as it was handed over, under its (cleaned) original name.
    @Sendable static func download(_ req: Request) async throws -> Response {
        let (_, _, version) = try await find(req)
        let path = req.application.blobs.path(for: version.blobHash)
        guard FileManager.default.fileExists(atPath: path) else { throw UserError(.internalServerError, "versions.error.missing_file") }
        let response = try await req.fileio.asyncStreamFile(at: path, mediaType: HTTPMediaType.parse(version.mediaType))
        response.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(filename: version.filename))
        response.headers.replaceOrAdd(name: "X-Content-SHA256", value: version.blobHash)
        return response.privateDownload()
    }

    struct RestoreForm: Content { var note: String? }

    @Sendable static func restore(_ req: Request) async throws -> Response {
        let (user, dataset, version) = try await find(req)
        let form = try req.content.decode(RestoreForm.self)
        var note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty { note = req.t("versions.restore_default_note", String(version.number)) }
        let restored = try await DatasetStore.restore(version, of: dataset, note: note, by: user, on: req.db)
        req.flash(.ok, "versions.restored", String(version.number), String(restored.number))
        return req.redirect(to: SiteURL.dataset(dataset.slug).path)
    }
}

/// `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266), so Indonesian
/// file names survive and no header can be injected.
enum ContentDisposition {
    static func attachment(filename: String) -> String {
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

extension HTTPMediaType {
    static func parse(_ text: String) -> HTTPMediaType {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? HTTPMediaType(type: parts[0], subType: parts[1]) : .binary
    }
}
