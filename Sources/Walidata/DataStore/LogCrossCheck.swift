import Fluent
import Foundation

/// The rows that matter most must agree with the log entries that recorded them: someone who
/// edits `dataset_versions.row_count` or reopens a completed step in the database leaves the
/// (chained, checkpointed) log saying otherwise.
enum LogCrossCheck {
    static let versionActions: Set<String> = ["version.store", "version.update", "version.store_unchecked", "version.reject", "version.recover"]

    /// Plain sentences, one per disagreement.
    static func run(events: [EventRecord], on db: any Database) async throws -> [String] {
        var problems: [String] = []
        var versionEvents: [String: EventRecord] = [:]
        var completions: [String: EventRecord] = [:]
        var created: Set<String> = []
        for event in events {
            if versionActions.contains(event.action) {
                versionEvents[event.versionID] = event
            } else if event.action == "step.complete", let caseID = event.detail("case") {
                completions["\(caseID)/\(event.detail("step") ?? "")/\(event.detail("round") ?? "")"] = event
            } else if event.action == "case.create", let caseID = event.detail("case") {
                created.insert(caseID)
            }
        }

        for version in try await DatasetVersion.query(on: db).sort(\.$createdAt).all() {
            let id = version.id?.uuidString ?? ""
            let label = "version \(version.number) (\(id))"
            guard let event = versionEvents[id] else {
                problems.append("\(label) has no entry in the event log")
                continue
            }
            if event.blobHash != version.blobHash { problems.append("\(label): its file hash is not the one the log recorded") }
            if event.size != version.size { problems.append("\(label): size \(version.size), the log recorded \(event.size)") }
            if event.rowCount != version.rowCount { problems.append("\(label): \(version.rowCount) rows, the log recorded \(event.rowCount)") }
        }

        let cases = try await Case.query(on: db).all()
        for record in cases where !created.contains(record.id?.uuidString ?? "") {
            problems.append("case \(record.number) has no creation entry in the event log")
        }
        var completedInDatabase: Set<String> = []
        for step in try await CaseStep.query(on: db).all() where step.completedAt != nil {
            let key = "\(step.$caseRecord.id.uuidString)/\(step.step)/\(step.round)"
            completedInDatabase.insert(key)
            if completions[key] == nil {
                problems.append("case \(step.$caseRecord.id.uuidString): step \(step.step) (round \(step.round)) is completed, but the log never recorded it")
            }
        }
        for (key, event) in completions.sorted(by: { $0.value.sequence < $1.value.sequence }) where !completedInDatabase.contains(key) {
            problems.append("case \(event.detail("number") ?? key): the log recorded step \(event.detail("step") ?? "?") (round \(event.detail("round") ?? "?")) completed at entry \(event.sequence), but the database has it open")
        }
        return problems
    }
}
