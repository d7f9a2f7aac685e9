import Fluent
import Vapor
import WalidataCore

/// A request as submitted, checked: what `CaseStore.create` registers.
struct NewCase: Sendable {
    var kind: Case.Kind
    var title: String
    var description: String
    var organizationID: UUID
    var datasetIDs: [UUID]
    var requesterName: String
}

/// The "Permohonan baru" form and the API body. A produsen always submits for its own agency;
/// office staff choose the agency and write who made the request (on paper or by phone).
struct CaseForm: Content {
    var kind: String?
    var title: String?
    var description: String?
    var organizationID: String?
    var datasetIDs: [String]?
    var requesterName: String?

    static let titleLimit = 200
    static let descriptionLimit = 5000

    /// The checked request, or the problems to show on the form.
    func validate(for user: User, on db: any Database) async throws -> Result<NewCase, ValidationFailure> {
        var problems: [Problem] = []
        let kind = Case.Kind(rawValue: kind ?? "")
        if kind == nil { problems.append("cases.error.kind") }
        let title = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > Self.titleLimit { problems.append(Problem("cases.error.title", String(Self.titleLimit))) }
        let description = (description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if description.count > Self.descriptionLimit { problems.append(Problem("cases.error.description", String(Self.descriptionLimit))) }
        var organization: Organization?
        var requester = (requesterName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if user.role == .produsen {
            if let id = user.$organization.id { organization = try await Organization.find(id, on: db) }
            if organization == nil { problems.append("cases.error.no_organization") }
            requester = user.fullName
        } else {
            if let id = organizationID.flatMap(UUID.init(uuidString:)) { organization = try await Organization.find(id, on: db) }
            if organization?.active != true { problems.append("cases.error.organization") }
            if requester.isEmpty || requester.count > Self.titleLimit { problems.append("cases.error.requester") }
        }
        var datasetIDs: [UUID] = []
        for raw in Set(self.datasetIDs ?? []) {
            guard let id = UUID(uuidString: raw), let dataset = try await Dataset.find(id, on: db), dataset.deletedAt == nil,
                  dataset.$organization.id == organization?.id else {
                problems.append("cases.error.dataset")
                break
            }
            datasetIDs.append(id)
        }
        guard problems.isEmpty, let kind, let organizationID = try organization?.requireID() else {
            return .failure(ValidationFailure(problems: problems))
        }
        return .success(NewCase(
            kind: kind, title: title, description: description, organizationID: organizationID,
            datasetIDs: datasetIDs.sorted { $0.uuidString < $1.uuidString }, requesterName: requester))
    }
}
