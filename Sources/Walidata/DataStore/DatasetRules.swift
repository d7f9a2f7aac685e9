import Fluent
import Vapor
import WalidataCore

/// Dataset names and files: slugs, safe file names, kinds and media types. Who may do what
/// with a dataset is `DatasetPolicy`'s.
enum DatasetRules {
    /// `Data Penduduk Kecamatan Siberut 2025` → `data-penduduk-kecamatan-siberut-2025`.
    static func slug(from title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "id_ID")).lowercased()
        var slug = ""
        var lastWasDash = true
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                slug.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                slug += "-"
                lastWasDash = true
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String((slug.isEmpty ? "dataset" : slug).prefix(80))
    }

    /// A file name as given by the browser, made safe to show and to offer for download: no
    /// directories, no control characters, at most 200 characters, never empty.
    static func safeFilename(_ raw: String) -> String {
        let lastPart = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(lastPart.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" }.map(Character.init))
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        if cleaned.isEmpty { cleaned = "berkas" }
        if cleaned.count > 200 {
            let ext = (cleaned as NSString).pathExtension
            cleaned = String(cleaned.prefix(190)) + (ext.isEmpty ? "" : "." + ext.prefix(9))
        }
        return cleaned
    }

    enum FileKind: String, Sendable {
        case csv, tsv, xlsx, other
    }

    static func kind(of filename: String) -> FileKind {
        switch (filename as NSString).pathExtension.lowercased() {
        case "csv", "txt": .csv
        case "tsv", "tab": .tsv
        // Workbooks: the engine tells .xls and .ods apart by their content and refuses them
        // with the way to save as .xlsx, rather than keeping them unchecked.
        case "xlsx", "xls", "ods": .xlsx
        default: .other
        }
    }

    static func mediaType(of filename: String) -> String {
        switch (filename as NSString).pathExtension.lowercased() {
        case "csv": "text/csv"
        case "tsv", "tab": "text/tab-separated-values"
        case "txt": "text/plain"
        case "json": "application/json"
        case "pdf": "application/pdf"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "xls": "application/vnd.ms-excel"
        case "ods": "application/vnd.oasis.opendocument.spreadsheet"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "doc": "application/msword"
        case "zip": "application/zip"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        default: "application/octet-stream"
        }
    }
}
