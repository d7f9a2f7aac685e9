import Foundation

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`. A test fails
/// when a route under `/api/v1` is missing here, or an entry here has no route.
enum OpenAPIDocument {
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var roles: String
        var schema: String
        var parameters: [[String: Any]] = []
        var secured = true
    }

    static var operations: [Operation] { [
        .init(method: "get", path: "/api/v1/me", summary: "The user the token belongs to.", roles: "any", schema: "User"),
        .init(method: "get", path: "/api/v1/sop", summary: "The SOP revision in force, with its whole definition.", roles: "any", schema: "SOPRevision"),
        .init(method: "get", path: "/api/v1/sop/revisions", summary: "All SOP revisions, newest first (without definitions).", roles: "any", schema: "SOPRevisionList"),
        .init(method: "get", path: "/api/v1/sop/revisions/{revision}", summary: "One SOP revision with its definition.", roles: "any", schema: "SOPRevision",
              parameters: [["name": "revision", "in": "path", "required": true, "schema": ["type": "integer"]]]),
        .init(method: "get", path: "/api/v1/organizations", summary: "Organisations (Perangkat Daerah).", roles: "any", schema: "OrganizationList"),
        .init(method: "get", path: "/api/v1/users", summary: "All user accounts.", roles: "admin", schema: "UserList"),
        .init(method: "get", path: "/api/v1/calendar", summary: "Working hours per ISO weekday (1 = Monday) and non-working days.", roles: "any", schema: "Calendar"),
        .init(method: "get", path: "/api/v1/calendar/due", summary: "The due instant of a time standard started at `start`, in working time.", roles: "any", schema: "Due",
              parameters: [
                ["name": "start", "in": "query", "required": true, "schema": ["type": "string", "format": "date-time"], "example": "2026-11-24T10:00:00+07:00"],
                ["name": "standard", "in": "query", "required": true, "schema": ["type": "string"], "example": "2 hari"],
              ]),
        .init(method: "get", path: "/api/v1/openapi.json", summary: "This document.", roles: "anyone", schema: "", secured: false),
    ] }

    static func json(serverURL: String) throws -> Data {
        var paths: [String: [String: Any]] = [:]
        for op in operations {
            var responses: [String: Any] = [:]
            if op.schema.isEmpty {
                responses["200"] = ["description": "OK", "content": ["application/json": ["schema": ["type": "object"]]]]
            } else {
                responses["200"] = ["description": "OK", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(op.schema)"]]]]
            }
            if op.secured {
                responses["401"] = ref("Error", "Missing, unknown or revoked token.")
                responses["403"] = ref("Error", "The token's user has a role that may not use this.")
            }
            if !op.parameters.isEmpty { responses["400"] = ref("Error", "A parameter is missing or malformed.") }
            if op.path.contains("{") { responses["404"] = ref("Error", "Not found.") }
            var operation: [String: Any] = [
                "summary": op.summary,
                "operationId": op.method + op.path.replacingOccurrences(of: "/api/v1", with: "").split(whereSeparator: { "/{}.".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                "description": "Roles: \(op.roles).",
                "responses": responses,
            ]
            if !op.parameters.isEmpty { operation["parameters"] = op.parameters }
            if !op.secured { operation["security"] = [[String: Any]]() }
            paths[op.path, default: [:]][op.method] = operation
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Walidata API",
                "version": "1",
                "description": "JSON API of Walidata. Authenticate with a personal access token: `Authorization: Bearer wld_…` (create one under Akun saya → Token API). Errors are `{\"error\": {\"status\", \"code\", \"message\"}}`.",
            ],
            "servers": [["url": serverURL]],
            "security": [["bearer": [String]()]],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": schemas,
            ],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    private static func ref(_ schema: String, _ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(schema)"]]]]
    }

    private static func object(_ properties: [String: Any], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }

    private static var string: [String: Any] { ["type": "string"] }
    private static var nullableString: [String: Any] { ["type": ["string", "null"]] }
    private static var dateTime: [String: Any] { ["type": "string", "format": "date-time"] }
    private static var nullableDateTime: [String: Any] { ["type": ["string", "null"], "format": "date-time"] }

    private static func list(_ item: String) -> [String: Any] {
        object(["items": ["type": "array", "items": ["$ref": "#/components/schemas/\(item)"]], "count": ["type": "integer"]], required: ["items", "count"])
    }

    private static var schemas: [String: Any] { [
        "Error": object(["error": object(["status": ["type": "integer"], "code": string, "message": string], required: ["status", "code", "message"])], required: ["error"]),
        "User": object([
            "id": ["type": "string", "format": "uuid"], "username": string, "fullName": string,
            "role": ["type": "string", "enum": ["admin", "administrasi", "pengelola_ti", "kasi", "kabid", "kepala_dinas", "produsen"]],
            "organizationID": ["type": ["string", "null"], "format": "uuid"], "active": ["type": "boolean"], "language": ["type": "string", "enum": ["id", "en"]],
        ], required: ["id", "username", "fullName", "role", "active", "language"]),
        "UserList": list("User"),
        "Organization": object([
            "id": ["type": "string", "format": "uuid"], "name": string, "code": string, "contactName": string,
            "phone": string, "email": string, "address": string, "active": ["type": "boolean"],
        ], required: ["id", "name", "code", "active"]),
        "OrganizationList": list("Organization"),
        "SOPRevision": object([
            "number": ["type": "integer"], "status": ["type": "string", "enum": ["draft", "in_force", "superseded"]],
            "changeNote": string, "createdAt": nullableDateTime, "approvedAt": nullableDateTime,
            "approverName": nullableString, "approverNIP": nullableString,
            "definition": ["description": "identity, lanes and steps of the SOP (see GET /api/v1/sop)", "type": ["object", "null"]],
        ], required: ["number", "status", "changeNote"]),
        "SOPRevisionList": list("SOPRevision"),
        "Calendar": object([
            "timeZone": string,
            "hours": ["type": "array", "items": object(["weekday": ["type": "integer", "minimum": 1, "maximum": 7], "opens": nullableString, "closes": nullableString], required: ["weekday"])],
            "nonWorkingDays": ["type": "array", "items": object(["date": ["type": "string", "format": "date"], "kind": ["type": "string", "enum": ["libur_nasional", "cuti_bersama", "penutupan_kantor"]], "description": string], required: ["date", "kind", "description"])],
        ], required: ["timeZone", "hours", "nonWorkingDays"]),
        "Due": object(["start": dateTime, "standard": string, "due": dateTime, "workingSeconds": ["type": "number"]], required: ["start", "standard", "due", "workingSeconds"]),
    ] }
}
