import Foundation
import Vapor
import WalidataCore
import WalidataTables

/// `datastore_search` over a public dataset's current table, read by the same table engine
/// as the office's table page (`TableReader`): `resource_id`, `filters` (column → value, or a
/// one-value list), `q` (an object column → text: the cell contains the text), `limit`,
/// `offset`, `sort` (`"kolom desc, lain"`), `fields`. A whole-table word search (`q` as plain
/// text) is refused with a 409 that says so: the engine filters by column.
enum CKANDatastore {
    static let defaultLimit = 100

    @Sendable static func search(_ req: Request, _ params: CKANAction.Params) async throws -> JSONValue {
        let resourceID = try params.required("resource_id")
        let resource = try await CKANPackages.resource(resourceID, req)
        let (version, notes) = (resource.version, resource.notes)
        let limit = try params.int("limit", default: defaultLimit, in: 0...TableQuery.maximumLimit)
        let offset = try params.int("offset", default: 0, in: 0...PageWindow.maxOffset)
        var filters: [TableFilter] = []
        for (column, value) in (try params.object("filters") ?? [:]).sorted(by: { $0.key < $1.key }) {
            let text: String? = switch value {
            case .array(let items) where items.count == 1: items[0].text
            case .array: throw CKANAction.Failure.validation(["filters": "One value per column, please: \(column)"])
            case .null: ""
            default: value.text
            }
            filters.append(TableFilter(column: column, operation: .equals, value: text))
        }
        switch params.values["q"] {
        case nil, .null: break
        case .string(let s) where s.trimmingCharacters(in: .whitespaces).isEmpty: break
        case .object(let o):
            for (column, value) in o.sorted(by: { $0.key < $1.key }) { filters.append(TableFilter(column: column, operation: .contains, value: value.text)) }
        case .string(let s) where s.hasPrefix("{"):
            for (column, value) in (try params.object("q") ?? [:]).sorted(by: { $0.key < $1.key }) {
                filters.append(TableFilter(column: column, operation: .contains, value: value.text))
            }
        default:
            throw CKANAction.Failure.validation(["q": "Search one column at a time: q={\"column\": \"text\"}"])
        }
        let sorts = (params.string("sort") ?? "").split(separator: ",").compactMap { part -> TableSort? in
            let words = part.split(separator: " ").map(String.init)
            guard let column = words.first, column != "_id" else { return nil }
            return TableSort(column: column, descending: words.dropFirst().first?.lowercased() == "desc")
        }
        let query = TableQuery(filters: filters, sort: sorts, limit: limit, offset: offset)
        let path = try TableController.tablePath(req, version: version)
        let page = try await req.application.threadPool.runIfActive {
            try TableController.withReader(path) { try $0.query(query) }
        }
        let check = resource.check
        let types = Dictionary((check?.columns ?? []).map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        let wanted = params.list("fields")
        for field in wanted where field != "_id" && !page.columns.contains(field) {
            throw CKANAction.Failure.validation(["fields": "Unknown field: \(field)"])
        }
        let columns = page.columns.enumerated().filter { wanted.isEmpty || wanted.contains($0.element) }
        var fields: [JSONValue] = wanted.isEmpty || wanted.contains("_id") ? [["id": "_id", "type": "int"]] : []
        // A described column carries its description as CKAN's data dictionary does (`info.notes`).
        fields += columns.map { column -> JSONValue in
            var field: [String: JSONValue] = ["id": .string(column.element), "type": .string(ckanType(types[column.element]))]
            if let note = notes[column.element] { field["info"] = ["notes": .string(note), "label": .string(column.element)] }
            return .object(field)
        }
        let records: [JSONValue] = page.rows.map { row in
            var record: [String: JSONValue] = wanted.isEmpty || wanted.contains("_id") ? ["_id": .int(row.number)] : [:]
            for (i, name) in columns { record[name] = i < row.values.count ? json(row.values[i]) : .null }
            return .object(record)
        }
        let base = "/api/3/action/datastore_search?resource_id=\(resourceID)"
        var links: [String: JSONValue] = ["start": .string(base)]
        if offset + limit < page.totalCount { links["next"] = .string(base + "&offset=\(offset + limit)") }
        return ["resource_id": .string(resourceID), "fields": .array(fields), "records": .array(records), "total": .int(page.totalCount),
                "limit": .int(limit), "offset": .int(offset), "include_total": true, "records_format": "objects", "_links": .object(links)]
    }

    static func ckanType(_ type: ColumnType?) -> String {
        switch type {
        case .integer: "int"
        case .decimal: "numeric"
        case .date: "date"
        case .boolean: "bool"
        case .text, nil: "text"
        }
    }

    static func json(_ value: TableValue) -> JSONValue {
        switch value {
        case .null: .null
        case .integer(let v): .int(Int(v))
        case .decimal(let v): .double(v)
        case .boolean(let v): .bool(v)
        case .date(let v), .text(let v): .string(v)
        }
    }
}
