import Fluent
import Vapor
import WalidataCore

/// `/api/v1/cases` and `/api/v1/tasks`: the same rules as the pages, as JSON.
enum CaseAPI {
    struct StepOut: Content {
        var step: Int
        var round: Int
        var activity: String
        var lane: String
        var openedAt: Date
        var dueAt: Date
        var completedAt: Date?
        var completedBy: String?
        var completedRole: String?
        var outcome: String?
        var note: String?
        var overrideReason: String?
        var status: String
    }

    struct CaseOut: Content {
        var id: UUID
        var number: String
        var kind: String
        var state: String
        var title: String
        var description: String
        var organization: APIModels.OrganizationOut
        var requesterName: String
        var requestedBy: UUID?
        var registeredBy: UUID?
        var datasetIDs: [UUID]
        var sopRevision: Int
        var createdAt: Date
        var closedAt: Date?
        var currentStep: StepOut?
        /// The step-2 letter's number once assigned.
        var letterNumber: String?
        var steps: [StepOut]
        var timeline: [TimelineEntry]

        init(_ d: CaseDetail) throws {
            let r = d.record
            id = try r.requireID()
            number = r.number
            kind = r.kindRaw
            state = r.stateRaw
            title = r.title
            description = r.description
            organization = APIModels.OrganizationOut(d.organization)
            requesterName = r.requesterName
            requestedBy = r.requestedBy
            registeredBy = r.registeredBy
            datasetIDs = d.datasets.compactMap(\.id)
            sopRevision = d.revisionNumber
            createdAt = r.createdAt
            closedAt = r.closedAt
            letterNumber = d.letter?.number
            steps = d.steps.map { row in
                StepOut(
                    step: row.step, round: row.round, activity: d.definition.step(row.step)?.activity ?? "",
                    lane: d.definition.step(row.step)?.lane ?? "", openedAt: row.openedAt, dueAt: row.dueAt,
                    completedAt: row.completedAt, completedBy: d.name(row.completedBy), completedRole: row.completedRole,
                    outcome: row.outcome, note: row.note, overrideReason: row.overrideReason, status: d.status(of: row).rawValue)
            }
            currentStep = d.openStep == nil ? nil : steps.last
            timeline = d.timeline
        }
    }

    struct TaskOut: Content {
        var caseID: UUID
        var number: String
        var title: String
        var step: Int
        var round: Int
        var activity: String
        var openedAt: Date
        var dueAt: Date
        var status: String
    }

    typealias CaseList = APIModels.ListOut<CaseOut>
    typealias TaskList = APIModels.ListOut<TaskOut>

    /// One page of cases, loaded together (`CaseDetail.loadPage`): about ten queries a page.
    @Sendable static func list(_ req: Request) async throws -> CaseList {
        let user = try req.requireUser()
        let window = try req.pageWindow()
        let state = try CaseController.stateFilter(req)
        let (records, total) = try await CaseStore.visible(for: user, state: state, window: window, on: req.db)
        return .init(try await CaseDetail.loadPage(records, on: req.db).map(CaseOut.init), total: total, window: window)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(CaseForm.self)
        let new = try await form.validate(for: user, on: req.db).get()
        let record = try await CaseStore.create(new, by: user, on: req.db)
        return try await CaseOut(try await CaseDetail.load(record, on: req.db)).encodeResponse(status: .created, for: req)
    }

    @Sendable static func show(_ req: Request) async throws -> CaseOut {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        return try CaseOut(try await CaseDetail.load(record, on: req.db))
    }

    @Sendable static func complete(_ req: Request) async throws -> Response {
        let (record, _) = try await CaseController.completeStep(req)
        return try await CaseOut(try await CaseDetail.load(record, on: req.db)).encodeResponse(status: .created, for: req)
    }

    @Sendable static func tasks(_ req: Request) async throws -> TaskList {
        let window = try req.pageWindow()
        let page = try await CaseTask.tasks(for: try req.requireUser(), window: window, on: req.db)
        let items = page.items.map { task in
            TaskOut(
                caseID: task.caseID, number: task.number, title: task.title, step: task.step.number, round: task.round,
                activity: task.step.activity, openedAt: task.openedAt, dueAt: task.dueAt, status: task.status.rawValue)
        }
        return .init(items, total: page.total, window: window)
    }
}
