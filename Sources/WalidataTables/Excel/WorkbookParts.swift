import Foundation

/// Where the parts of an `.xlsx` are: its sheets in tab order (name and zip path), the shared
/// strings and styles, and whether its dates count from 1904 (Excel for Mac before 2011,
/// `<workbookPr date1904="1"/>`) rather than 1900.
struct WorkbookParts {
    struct Sheet: Equatable {
        var name: String
        var path: String
        var hidden: Bool
    }

    var sheets: [Sheet] = []
    var date1904 = false
    var sharedStrings: String?
    var styles: String?

    /// Nil when the zip holds no workbook (a zip of photos renamed `.xlsx`, or a Word file).
    static func read(_ archive: WorkbookArchive) throws -> WorkbookParts? {
        var root = Relationships(base: "")
        try archive.read("_rels/.rels", into: &root)
        let workbookPath = root.targets.first { $0.type.hasSuffix("/officeDocument") }?.path ?? "xl/workbook.xml"
        guard archive.contains(workbookPath) else { return nil }
        let folder = (workbookPath as NSString).deletingLastPathComponent
        var relationships = Relationships(base: folder)
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
        try archive.read(relsPath, into: &relationships)
        var workbook = WorkbookHandler()
        try archive.read(workbookPath, into: &workbook)

        var parts = WorkbookParts()
        parts.date1904 = workbook.date1904
        let byID = Dictionary(relationships.targets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for sheet in workbook.sheets {
            guard let target = byID[sheet.id], target.type.hasSuffix("/worksheet") else { continue }
            parts.sheets.append(Sheet(name: sheet.name, path: target.path, hidden: sheet.hidden))
        }
        parts.sharedStrings = relationships.targets.first { $0.type.hasSuffix("/sharedStrings") }?.path
            ?? (archive.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
        parts.styles = relationships.targets.first { $0.type.hasSuffix("/styles") }?.path
            ?? (archive.contains("xl/styles.xml") ? "xl/styles.xml" : nil)
        return parts
    }

    private struct Relationships: XMLHandler {
        struct Target { var id: String; var type: String; var path: String }
        let base: String
        var targets: [Target] = []

        mutating func start(_ name: XMLBytes, _ tag: XMLTag) throws {
            guard XMLName.local(name, is: "Relationship"), let id = tag.string("Id"), let target = tag.string("Target") else { return }
            if tag.string("TargetMode") == "External" { return }
            let path = target.hasPrefix("/") ? String(target.dropFirst())
                : Self.normalise((base.isEmpty ? "" : base + "/") + target)
            targets.append(Target(id: id, type: tag.string("Type") ?? "", path: path))
        }

        mutating func end(_ name: XMLBytes) throws {}
        mutating func text(_ bytes: XMLBytes) throws {}

        /// Resolves `..` in a relative target (`xl/../docProps/app.xml`).
        static func normalise(_ path: String) -> String {
            var parts: [Substring] = []
            for part in path.split(separator: "/") {
                if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
            }
            return parts.joined(separator: "/")
        }
    }

    private struct WorkbookHandler: XMLHandler {
        var date1904 = false
        var sheets: [(name: String, id: String, hidden: Bool)] = []

        mutating func start(_ name: XMLBytes, _ tag: XMLTag) throws {
            if XMLName.local(name, is: "workbookPr") {
                date1904 = tag.bool("date1904") ?? false
            } else if XMLName.local(name, is: "sheet"), let sheetName = tag.string("name"), let id = tag.string("id") {
                sheets.append((sheetName, id, (tag.string("state") ?? "visible") != "visible"))
            }
        }

        mutating func end(_ name: XMLBytes) throws {}
        mutating func text(_ bytes: XMLBytes) throws {}
    }
}
