import Fluent
import Foundation
import Vapor

/// The output of step 1 (the berkas): which checklist items the officer ticked and what was
/// conveyed to the requester. Stored once when step 1 completes, so the tanda terima printed
/// later shows what was checked then, even if the checklist setting has changed since.
final class CaseReceipt: Model, @unchecked Sendable {
    static let schema = "case_receipts"

    /// One checklist line as it stood when the step completed.
    struct Line: Codable, Sendable, Equatable {
        var text: String
        var optional: Bool
        var checked: Bool
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseRecord: Case
    /// The lines as JSON text, so the table need not change when the checklist does.
    @Field(key: "items") var itemsJSON: String
    @Field(key: "conveyed") var conveyed: String
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Field(key: "recorded_at") var recordedAt: Date
    /// What the printed receipt says, as JSON (`Issued`), frozen when it was issued (M015).
    @OptionalField(key: "issued") var issuedJSON: String?

    init() {}

    init(caseID: UUID, lines: [Line], conveyed: String, recordedBy: UUID?, recordedAt: Date) throws {
        self.$caseRecord.id = caseID
        self.itemsJSON = String(decoding: try JSONEncoder().encode(lines), as: UTF8.self)
        self.conveyed = conveyed
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    var lines: [Line] { (try? JSONDecoder().decode([Line].self, from: Data(itemsJSON.utf8))) ?? [] }

    /// The receipt's text as issued: an issued document does not change when what it names
    /// changes later (a dataset attached at step 3, a renamed agency, an officer's new NIP).
    struct Issued: Codable, Sendable, Equatable {
        var number: String
        var date: String
        var place: String
        var requester: String
        var organization: String
        var kind: String
        var title: String
        var datasets: [String]
        var officerName: String
        var officerNIP: String

        /// The receipt as it reads now, in Indonesian, for `record` issued by `officer` at `instant`.
        static func make(for record: Case, officer: User?, at instant: Date, on db: any Database) async throws -> Issued {
            let caseID = try record.requireID()
            let organization = try await Organization.find(record.$organization.id, on: db)
            let ids = try await CaseDataset.query(on: db).filter(\.$caseRecord.$id == caseID).all().map(\.$dataset.id)
            let datasets = ids.isEmpty ? [] : try await Dataset.query(on: db).filter(\.$id ~~ ids).sort(\.$title).all().map(\.title)
            let day = try await CalendarStore.load(on: db).localDate(of: instant)
            let place = try await Setting.get(LetterDraft.keys.place, on: db).flatMap { $0.isEmpty ? nil : $0 } ?? LetterDraft.defaultPlace
            return Issued(
                number: record.number, date: DateText.longDate(year: day.year, month: day.month, day: day.day, lang: .id), place: place,
                requester: record.requesterName, organization: organization?.name ?? "", kind: Translator.official("cases.kind." + record.kindRaw),
                title: record.title, datasets: datasets, officerName: officer?.fullName ?? "", officerNIP: officer?.nip ?? "")
        }
    }

    var issued: Issued? {
        get { issuedJSON.flatMap { try? JSONDecoder().decode(Issued.self, from: Data($0.utf8)) } }
        set { issuedJSON = newValue.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) } }
    }
}
