import Fluent
import Foundation

/// One round of the Laporan Pengelolaan Data (steps 5–7): the facts the system drafted from
/// the case, the officer's narrative, and the kasi's decision. A round is editable while step 5
/// is open and frozen once step 6 submits it; a returned round is kept and the next one starts
/// from its narrative, so the history shows every version the kasi read.
final class CaseReport: Model, @unchecked Sendable {
    static let schema = "case_reports"

    /// One titled block of drafted facts; plain text, escaped wherever it is shown.
    struct Section: Codable, Sendable, Equatable {
        var title: String
        var lines: [String]
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseRecord: Case
    @Field(key: "round") var round: Int
    /// The drafted sections as JSON text, redrafted until the round is submitted.
    @Field(key: "facts") var factsJSON: String
    @Field(key: "narrative") var narrative: String
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "submitted_by") var submittedBy: UUID?
    /// "ya" (approved) or "tidak" (returned), set when step 7 completes.
    @OptionalField(key: "decision") var decision: String?
    @OptionalField(key: "decision_note") var decisionNote: String?
    /// The section a return note is about (`ReportSection` code); nil for the whole report.
    @OptionalField(key: "decision_section") var decisionSectionRaw: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    /// Set on the approved round when step 8 makes it the final concept.
    @OptionalField(key: "finalized_at") var finalizedAt: Date?
    @OptionalField(key: "finalized_by") var finalizedBy: UUID?
    /// Step 8: the kasi's adjusted narrative of the approved round; nil while nothing was adjusted.
    @OptionalField(key: "final_narrative") var finalNarrative: String?

    init() {}

    init(caseID: UUID, round: Int, facts: [Section], narrative: String, at instant: Date) throws {
        self.$caseRecord.id = caseID
        self.round = round
        self.factsJSON = try Self.encode(facts)
        self.narrative = narrative
        self.updatedAt = instant
    }

    var facts: [Section] { (try? JSONDecoder().decode([Section].self, from: Data(factsJSON.utf8))) ?? [] }

    func setFacts(_ sections: [Section]) throws { factsJSON = try Self.encode(sections) }

    var submitted: Bool { submittedAt != nil }
    /// The narrative of the final concept: the kasi's adjustment, else the approved text.
    var finalText: String { finalNarrative ?? narrative }
    /// What step 8 changed against the round the kasi approved.
    var finalDiff: [CaseReportDiff.Line] { CaseReportDiff.lines(from: narrative, to: finalText) }
    var approved: Bool { decision == "ya" }
    var returned: Bool { decision == "tidak" }
    var decisionSection: ReportSection? { decisionSectionRaw.flatMap(ReportSection.init(rawValue:)) }

    private static func encode(_ sections: [Section]) throws -> String {
        String(decoding: try JSONEncoder().encode(sections), as: UTF8.self)
    }
}
