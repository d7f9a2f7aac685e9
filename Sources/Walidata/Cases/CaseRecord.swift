import Fluent
import Vapor
import WalidataCore

/// The case record (Catatan Kasus): the case as the page shows it plus every event-log entry
/// that names it, loaded once for the print view and the API. The SOP keeps records "sebagai
/// data elektronik dan manual"; this is the manual one, and its log part is the electronic
/// record itself, hashes included, so the paper copy can be checked against the chain.
struct CaseRecord: Sendable {
    var detail: CaseDetail
    /// Every entry whose details name this case, in log order.
    var events: [EventRecord]
    /// The kasi who checked the last decided round, for the signature block.
    var checker: User?

    static func load(_ record: Case, on db: any Database) async throws -> CaseRecord {
        let detail = try await CaseDetail.load(record, on: db)
        let events = try await events(caseID: try record.requireID(), on: db)
        let checker: User? = if let id = detail.reports.last(where: { $0.decidedBy != nil })?.decidedBy { try await User.find(id, on: db) } else { nil }
        return CaseRecord(detail: detail, events: events, checker: checker)
    }

    /// Every entry naming the case, by the indexed `case_id` (M013, filled from `details.case`).
    static func events(caseID: UUID, on db: any Database) async throws -> [EventRecord] {
        try await EventRecord.query(on: db).filter(\.$caseID == caseID.uuidString).sort(\.$sequence).all()
    }

    /// The translated name of a logged action: the case's own actions, then the storage log's.
    static func actionText(_ t: Translator, _ action: String) -> String {
        for key in ["record.action." + action, "log.action." + action] where Strings.table[key] != nil { return t(key) }
        return action
    }

    /// What an entry adds beyond its action: step and round, the version, the note.
    static func detailText(_ t: Translator, _ event: EventRecord) -> String {
        var parts: [String] = []
        if let step = event.detail("step") { parts.append(t("record.detail.step", step, event.detail("round") ?? "1")) }
        else if let round = event.detail("round") { parts.append(t("record.detail.round", round)) }
        if event.detail("case_number") != nil, let version = event.detail("number") { parts.append(t("record.detail.version", version)) }
        if event.action == "case.attach", let filename = event.detail("filename") { parts.append(filename) }
        if let letter = event.detail("letter"), !letter.isEmpty, letter != event.note { parts.append(letter) }
        if !event.note.isEmpty { parts.append(event.note) }
        return parts.joined(separator: " · ")
    }

    /// Working time as the time standards are written: minutes, or hours and minutes.
    static func durationText(_ t: Translator, _ seconds: TimeInterval) -> String {
        let minutes = max(0, Int((seconds / 60).rounded()))
        return minutes >= 60 ? t("record.hours", String(minutes / 60), String(minutes % 60)) : t("record.minutes", String(minutes))
    }
}
