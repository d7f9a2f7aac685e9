import Fluent
import Foundation
import Vapor
import WalidataCore

/// A CKAN-compatible read API at `/api/3/action/{name}` and `/api/action/{name}`: what the
/// national portal's harvesters and most Satu Data portals speak. Anonymous and read-only: only
/// public datasets appear (through `CatalogSearch`'s public audience). Every answer has CKAN's
/// envelope: `help`, `success`, and `result` or `error` (`__type`, `message`), with CKAN's
/// statuses: 400 for an unknown action, 404 for a thing not found, 409 for a bad parameter.
enum CKANAction {
    enum Failure: Error {
        case notFound(String)
        case validation([String: String])
        case badRequest(String)
    }

    typealias Handler = @Sendable (Request, Params) async throws -> JSONValue

    static let actions: [String: Handler] = [
        "status_show": CKANPackages.statusShow,
        "package_list": CKANPackages.packageList,
        "package_search": CKANPackages.packageSearch,
        "package_show": CKANPackages.packageShow,
        "organization_list": CKANPackages.organizationList,
        "organization_show": CKANPackages.organizationShow,
        "group_list": CKANPackages.groupList,
        "tag_list": CKANPackages.tagList,
        "resource_show": CKANPackages.resourceShow,
        "datastore_search": CKANDatastore.search,
    ]

    static func register(_ app: Application) {
        for base in [["api", "3", "action"], ["api", "action"]] {
            let path = base.map(PathComponent.init(stringLiteral:)) + [":action"]
            app.route(.GET, path, access: .anyone, use: handle)
            // ckanapi and most harvesters POST a JSON object even to read.
            app.route(.POST, path, access: .anyone, body: .collect(maxSize: "64kb"), use: handle)
        }
    }

    /// The parameters of a call: the URL's for GET, the JSON object's (or form's) for POST.
    struct Params: Sendable {
        var values: [String: JSONValue]

        func string(_ name: String) -> String? { values[name]?.text?.trimmingCharacters(in: .whitespaces).nilIfEmpty }

        func required(_ name: String) throws -> String {
            guard let v = string(name) else { throw Failure.validation([name: "Missing value"]) }
            return v
        }

        func int(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
            guard let raw = string(name) else { return value }
            guard let n = Int(raw), range.contains(n) else {
                throw Failure.validation([name: "Must be a whole number from \(range.lowerBound) to \(range.upperBound)"])
            }
            return n
        }

        func bool(_ name: String) -> Bool { ["true", "1", "yes"].contains(string(name)?.lowercased() ?? "") }

        /// A list sent as a JSON list, as JSON text (`["a","b"]`, CKAN's way in a URL) or comma-separated.
        func list(_ name: String) -> [String] {
            switch values[name] {
            case .array(let items): return items.compactMap(\.text)
            case .string(let text):
                if let data = text.data(using: .utf8), let items = try? JSONDecoder().decode([String].self, from: data) { return items }
                return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            default: return []
            }
        }

        /// An object sent as JSON or as JSON text.
        func object(_ name: String) throws -> [String: JSONValue]? {
            switch values[name] {
            case nil, .null: return nil
            case .object(let o): return o
            case .string(let text):
                guard let o = try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8)) else {
                    throw Failure.validation([name: "Not a JSON object"])
                }
                return o
            default: throw Failure.validation([name: "Not a JSON object"])
            }
        }
    }

    @Sendable static func handle(_ req: Request) async throws -> Response {
        let name = req.parameters.get("action") ?? ""
        guard let action = actions[name] else {
            return try json(.badRequest, .string("Bad request: Action name not known: \(name)"))
        }
        let help = req.application.walidata.publicURL("/api/3/action/help_show?name=\(name)")
        do {
            let result = try await action(req, try params(req))
            return try json(.ok, ["help": .string(help), "success": true, "result": result])
        } catch let failure as Failure {
            let (status, error): (HTTPStatus, [String: JSONValue]) = switch failure {
            case .notFound(let what): (.notFound, ["__type": "Not Found Error", "message": .string("Not found: \(what)")])
            case .validation(let fields): (.conflict, fields.mapValues { .array([.string($0)]) }.merging(["__type": "Validation Error"]) { a, _ in a })
            case .badRequest(let message): (.badRequest, ["__type": "Bad Request", "message": .string(message)])
            }
            return try json(status, ["help": .string(help), "success": false, "error": .object(error)])
        } catch let error as UserError where error.status == .badRequest {
            // A table query the engine refused (unknown column, bad value): said in words.
            let message = error.reason
            return try json(.conflict, ["help": .string(help), "success": false, "error": ["__type": "Validation Error", "message": .string(message)]])
        }
    }

    static func params(_ req: Request) throws -> Params {
        var values: [String: JSONValue] = [:]
        for (key, value) in (try? req.query.decode([String: String].self)) ?? [:] { values[key] = .string(value) }
        if req.method == .POST, let body = req.body.data, body.readableBytes > 0 {
            if req.headers.contentType == .urlEncodedForm {
                for (key, value) in (try? req.content.decode([String: String].self)) ?? [:] { values[key] = .string(value) }
            } else if let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(buffer: body)) {
                values.merge(object) { _, new in new }
            } else {
                throw Failure.badRequest("JSON Error: the body is not a JSON object")
            }
        }
        return Params(values: values)
    }

    static func json(_ status: HTTPStatus, _ value: JSONValue) throws -> Response {
        let response = Response(status: status, body: .init(buffer: ByteBuffer(bytes: value.jsonBytes)))
        response.headers.contentType = .json
        // Anyone may read it, from any page: the data is public.
        response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        return response
    }

    /// CKAN's timestamps: ISO 8601 without a zone, in UTC, with microseconds.
    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS"
        return f.string(from: date)
    }
}
