import Foundation
import Vapor
import WalidataCore
import ZIPFoundation

/// The Word and PDF downloads of an official document: `?format=docx` or `?format=pdf` on its
/// print view's address (and on the API's `…/document`, where the format is required). The
/// handler checks who may see the document first, exactly as for the print view, and only then
/// reads the format, so a refused reader learns nothing from a malformed request.
enum DocumentDownload {
    enum Format: String, CaseIterable {
        case docx, pdf

        var mediaType: HTTPMediaType {
            switch self {
            case .pdf: HTTPMediaType(type: "application", subType: "pdf")
            case .docx: HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
            }
        }
    }

    /// The format asked for; nil for the print view itself. `required` is the API's twin, which has no print view.
    static func format(_ req: Request, required: Bool = false) throws -> Format? {
        let raw = (req.query[String.self, at: "format"] ?? "").lowercased()
        if raw.isEmpty, !required { return nil }
        guard let format = Format(rawValue: raw) else { throw UserError(.badRequest, "docsOut.error.format") }
        return format
    }

    static func bytes(_ document: OfficialDocument, _ format: Format) throws -> [UInt8] {
        switch format {
        case .pdf: PDFWriter.write(document)
        case .docx: try zip(DocxWriter.parts(document))
        }
    }

    /// The Word package; the XML parts deflated, the picture stored as it is (already compressed).
    static func zip(_ parts: [DocxWriter.Part]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let data = Data(part.bytes)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: part.path.hasPrefix("word/media/") ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return Array(archive.data ?? Data())
    }

    /// `name` becomes the file's name in safe characters ("Surat-000.5-12-Diskominfo-2026.pdf").
    static func response(_ document: OfficialDocument, format: Format, name: String) throws -> Response {
        let response = Response(status: .ok, body: .init(data: Data(try bytes(document, format))))
        response.headers.contentType = format.mediaType
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(OfficialDocument.fileName(name, ext: format.rawValue))\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// "Unduh Word (.docx) · Unduh PDF" beside a print link.
    static func links(_ t: Translator, path: String, id: String? = nil) -> HTML {
        let links = Format.allCases.map { format -> HTML in
            let anchor: HTML = id.map { " id=\"\($0)-\(format.rawValue)\"" } ?? .empty
            return "<a\(anchor) href=\"\(path)?format=\(format.rawValue)\" download>\(t("docsOut.download." + format.rawValue))</a>"
        }
        return " · \(links[0]) · \(links[1])"
    }
}
