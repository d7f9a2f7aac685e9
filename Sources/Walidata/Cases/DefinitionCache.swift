import Fluent
import Vapor
import WalidataCore

/// Definitions of pinned revisions, read once per request.
struct DefinitionCache {
    private var byID: [UUID: SOPDefinition] = [:]

    mutating func definition(_ revisionID: UUID, on db: any Database) async throws -> SOPDefinition {
        if let known = byID[revisionID] { return known }
        guard let revision = try await SOPRevision.find(revisionID, on: db) else {
            throw Abort(.internalServerError, reason: "missing SOP revision \(revisionID)")
        }
        let definition = try revision.definition()
        byID[revisionID] = definition
        return definition
    }
}
