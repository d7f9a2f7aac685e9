import Fluent
import Vapor
import WalidataCore

extension CaseDetail {
    /// What a list of cases shows (the API's `CaseOut`: steps, timeline, datasets, letter number),
    /// for a whole page in a fixed number of queries, not `load`'s fifteen per case. Files,
    /// attachments, the receipt and the announcement stay empty: only the case itself needs them.
    static func loadPage(_ records: [Case], now: Date = Date(), on db: any Database) async throws -> [CaseDetail] {
        guard !records.isEmpty else { return [] }
        let caseIDs = try records.map { try $0.requireID() }
        let revisions = try await SOPRevision.query(on: db).filter(\.$id ~~ Set(records.map(\.sopRevisionID))).all()
        var definitions: [UUID: (number: Int, definition: SOPDefinition)] = [:]
        for revision in revisions { definitions[try revision.requireID()] = (revision.number, try revision.definition()) }
        let calendar = try await CalendarStore.load(on: db)
        let steps = Dictionary(grouping: try await CaseStep.rows(ofCases: caseIDs, on: db), by: \.$caseRecord.id)
        let links = try await CaseDataset.query(on: db).filter(\.$caseRecord.$id ~~ caseIDs).all()
        let datasetIDs = Set(links.map(\.$dataset.id))
        let datasets = datasetIDs.isEmpty ? [] : try await Dataset.query(on: db).filter(\.$id ~~ datasetIDs).sort(\.$title).all()
        let letters = Dictionary(try await Letter.query(on: db).filter(\.$caseRecord.$id ~~ caseIDs).all().map { ($0.$caseRecord.id, $0) },
                                 uniquingKeysWith: { a, _ in a })
        let reports = Dictionary(grouping: try await CaseReport.query(on: db).filter(\.$caseRecord.$id ~~ caseIDs).sort(\.$round).all(),
                                 by: \.$caseRecord.id)
        let userIDs = Set(steps.values.joined().compactMap(\.completedBy) + records.flatMap { [$0.requestedBy, $0.registeredBy].compactMap { $0 } })
        let users = userIDs.isEmpty ? [] : try await User.query(on: db).filter(\.$id ~~ userIDs).all()
        let names = Dictionary(users.compactMap { user in user.id.map { ($0, user.fullName) } }, uniquingKeysWith: { a, _ in a })

        return try records.map { record in
            let caseID = try record.requireID()
            guard let revision = definitions[record.sopRevisionID] else {
                throw Abort(.internalServerError, reason: "case \(record.number) lost its SOP revision")
            }
            let linked = Set(links.filter { $0.$caseRecord.id == caseID }.map(\.$dataset.id))
            return CaseDetail(
                record: record, organization: record.organization, revisionNumber: revision.number, definition: revision.definition,
                calendar: calendar, steps: steps[caseID] ?? [], datasets: datasets.filter { $0.id.map(linked.contains) ?? false },
                names: names, now: now, letter: letters[caseID], reports: reports[caseID] ?? [])
        }
    }
}
