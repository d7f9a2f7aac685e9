import Fluent
import Foundation

/// The public announcement of a case (SOP step 9): written by the kabid as a draft while step 9
/// is open, published when step 9 completes, frozen from then on. One per case.
final class Announcement: Model, @unchecked Sendable {
    static let schema = "announcements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseRecord: Case
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    /// The channels chosen in the draft, comma-separated `Delivery.Channel` raw values; the
    /// deliveries written on publication are the record of what was sent.
    @Field(key: "channels") var channelsRaw: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "updated_by") var updatedBy: UUID?
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "published_by") var publishedBy: UUID?
    /// The laporan akhir's datasets and signer as issued (`FinalReportPrint.Issued`, M016).
    @OptionalField(key: "final_report") var finalReportJSON: String?

    init() {}

    init(caseID: UUID, title: String, body: String, channels: [Delivery.Channel], by user: UUID?, at instant: Date) {
        self.$caseRecord.id = caseID
        self.title = title
        self.body = body
        self.channelsRaw = Self.encode(channels)
        self.createdBy = user
        self.createdAt = instant
        self.updatedBy = user
        self.updatedAt = instant
    }

    var published: Bool { publishedAt != nil }

    var channels: [Delivery.Channel] {
        get { channelsRaw.split(separator: ",").compactMap { Delivery.Channel(rawValue: String($0)) } }
        set { channelsRaw = Self.encode(newValue) }
    }

    /// In the fixed order website, WhatsApp, Facebook, whatever order they were ticked in.
    private static func encode(_ channels: [Delivery.Channel]) -> String {
        Delivery.Channel.allCases.filter(channels.contains).map(\.rawValue).joined(separator: ",")
    }
}

/// Which datasets an announcement concerns. Only those whose access class is terbuka (and not
/// in the trash) are ever shown publicly; the link itself is kept as the kabid chose it.
final class AnnouncementDataset: Model, @unchecked Sendable {
    static let schema = "announcement_datasets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "announcement_id") var announcement: Announcement
    @Parent(key: "dataset_id") var dataset: Dataset

    init() {}

    init(announcementID: UUID, datasetID: UUID) {
        self.$announcement.id = announcementID
        self.$dataset.id = datasetID
    }
}
