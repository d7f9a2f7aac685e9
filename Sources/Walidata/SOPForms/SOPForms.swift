import Fluent
import Foundation
import WalidataCore

/// Draft until the kasi or kabid completes it; then it is an issued document and never changes.
enum SOPFormStatus: String, Codable, Sendable {
    case draft
    case completed
}

/// The monitor's answer for one step of a *Formulir Monitoring Pelaksanaan SOP*.
struct SOPMonitoringEntry: Codable, Sendable, Equatable {
    var step: Int
    /// `SOPStepAssessment` raw value; empty while not answered.
    var assessment: String
    /// *Catatan hasil penilaian*.
    var note: String
    /// *Tindakan yang harus diambil*.
    var action: String
}

/// One step's line of the monitoring form as measured from the cases of the period. Stored as
/// the form's snapshot when it is completed, so the issued form shows the figures it was signed
/// with, not today's.
struct SOPMonitoringRow: Codable, Sendable, Equatable {
    var step: Int
    var activity: String
    var lane: String
    var laneName: String
    /// The mutu baku, e.g. 30 menit.
    var standard: TimeStandard
    /// The output document the step produces.
    var output: String
    /// Step instances completed in the period: each produced its output (a document step
    /// cannot complete empty).
    var completed: Int
    /// Working seconds; nil without a completion.
    var median: Double?
    var percentile90: Double?
    /// 0…1; nil without a completion.
    var onTimeShare: Double?
    /// Open instances past their due instant: their output is still missing.
    var overdue: Int
    var suggested: SOPStepAssessment
}

/// What a completed monitoring form keeps.
struct SOPMonitoringSnapshot: Codable, Sendable {
    var rows: [SOPMonitoringRow]
    var sopName: String
    /// The usual working day, for writing durations as "1 hari 2 jam".
    var dayLength: Double
    var measuredAt: Date
}

/// One criterion's answer in an *Evaluasi Penerapan SOP*.
struct SOPEvaluationAnswer: Codable, Sendable, Equatable {
    var criterion: Int
    /// "ya", "tidak", or empty while not answered.
    var answer: String
    var note: String
}

final class SOPMonitoringForm: Model, @unchecked Sendable {
    static let schema = "sop_monitoring_forms"

    @ID(key: .id) var id: UUID?
    /// `YYYY-MM-DD`, both days included, office time.
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    /// The executor (`SOPLane.code`) the form is for; empty for all executors.
    @Field(key: "lane") var lane: String
    /// The SOP revision in force when the form was opened: its steps are the form's lines.
    @Field(key: "sop_revision") var sopRevision: Int
    @Field(key: "status") var statusRaw: String
    /// `[SOPMonitoringEntry]` as JSON.
    @Field(key: "entries") var entriesJSON: String
    /// `SOPMonitoringSnapshot` as JSON, once completed.
    @OptionalField(key: "snapshot") var snapshotJSON: String?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "completed_by") var completedBy: UUID?
    @OptionalField(key: "completed_at") var completedAt: Date?
    /// The monitor as printed under the signature: name, NIP and role at that moment.
    @OptionalField(key: "monitor_name") var monitorName: String?
    @OptionalField(key: "monitor_nip") var monitorNIP: String?
    @OptionalField(key: "monitor_role") var monitorRole: String?

    init() {}

    var status: SOPFormStatus { SOPFormStatus(rawValue: statusRaw) ?? .draft }

    var entries: [SOPMonitoringEntry] {
        get { (try? JSONDecoder().decode([SOPMonitoringEntry].self, from: Data(entriesJSON.utf8))) ?? [] }
        set { entriesJSON = SOPFormJSON.encode(newValue) }
    }

    var snapshot: SOPMonitoringSnapshot? {
        snapshotJSON.flatMap { try? SOPFormJSON.decoder.decode(SOPMonitoringSnapshot.self, from: Data($0.utf8)) }
    }

    func entry(_ step: Int) -> SOPMonitoringEntry {
        entries.first { $0.step == step } ?? SOPMonitoringEntry(step: step, assessment: "", note: "", action: "")
    }
}

final class SOPEvaluation: Model, @unchecked Sendable {
    static let schema = "sop_evaluations"

    @ID(key: .id) var id: UUID?
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    @Field(key: "sop_revision") var sopRevision: Int
    @Field(key: "status") var statusRaw: String
    /// `[SOPEvaluationAnswer]` as JSON.
    @Field(key: "answers") var answersJSON: String
    /// *Rekomendasi*: what should change in the SOP, if anything.
    @Field(key: "recommendation") var recommendation: String
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "completed_by") var completedBy: UUID?
    @OptionalField(key: "completed_at") var completedAt: Date?
    @OptionalField(key: "evaluator_name") var evaluatorName: String?
    @OptionalField(key: "evaluator_nip") var evaluatorNIP: String?
    @OptionalField(key: "evaluator_role") var evaluatorRole: String?
    /// The SOP revision draft this evaluation's recommendation opened, if any.
    @OptionalField(key: "revision_draft") var revisionDraft: Int?

    init() {}

    var status: SOPFormStatus { SOPFormStatus(rawValue: statusRaw) ?? .draft }

    var answers: [SOPEvaluationAnswer] {
        get { (try? JSONDecoder().decode([SOPEvaluationAnswer].self, from: Data(answersJSON.utf8))) ?? [] }
        set { answersJSON = SOPFormJSON.encode(newValue) }
    }

    func answer(_ criterion: SOPEvaluationCriterion) -> SOPEvaluationAnswer {
        answers.first { $0.criterion == criterion.rawValue } ?? SOPEvaluationAnswer(criterion: criterion.rawValue, answer: "", note: "")
    }
}

enum SOPFormJSON {
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
