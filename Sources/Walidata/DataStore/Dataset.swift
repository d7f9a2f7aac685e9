import Fluent
import Foundation

/// A dataset in the catalogue, with the metadata Indonesian data portals (Satu Data) use.
/// Its files are its versions; `currentVersion` is the one shown and downloaded by default.
final class Dataset: Model, @unchecked Sendable {
    static let schema = "datasets"

    enum Access: String, Codable, CaseIterable, Sendable {
        /// Open: may be published on the portal.
        case terbuka
        /// Restricted: for the office and the owning agency only.
        case terbatas
        /// Excluded from disclosure (informasi yang dikecualikan).
        case dikecualikan
    }

    enum Frequency: String, Codable, CaseIterable, Sendable {
        case harian, mingguan, bulanan, triwulanan, semesteran, tahunan
        case limaTahunan = "lima_tahunan"
        case tidakTetap = "tidak_tetap"
    }

    @ID(key: .id) var id: UUID?
    /// The address part: `/datasets/{slug}`; unique, never reused while the dataset exists.
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "topic") var topic: String
    /// Comma-separated, as typed.
    @Field(key: "tags") var tags: String
    @Field(key: "frequency") var frequency: String
    @Field(key: "coverage") var coverage: String
    @Field(key: "period") var period: String
    @Field(key: "unit") var unit: String
    @Field(key: "source") var source: String
    @Field(key: "license") var license: String
    @Field(key: "contact") var contact: String
    @Field(key: "access") var access: String
    @OptionalField(key: "current_version_id") var currentVersionID: UUID?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Set when the dataset is moved to the trash; it is kept until an admin purges it.
    @OptionalField(key: "deleted_at") var deletedAt: Date?
    @OptionalField(key: "deleted_by") var deletedBy: UUID?
    /// Set by a publication act (step 9's announcement, or a kabid or admin publishing it with a
    /// reason); cleared when it is withdrawn, trashed or no longer terbuka.
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "published_by") var publishedBy: UUID?

    init() {}

    var accessClass: Access { Access(rawValue: access) ?? .terbatas }

    /// May be published: its access class is terbuka and it is not in the trash.
    var eligibleForPortal: Bool { accessClass == .terbuka && deletedAt == nil }

    /// On the public portal, its feeds and APIs: eligible, and published by a publication act.
    var isPublic: Bool { eligibleForPortal && publishedAt != nil }

    var tagList: [String] {
        tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static let defaultLicense = "CC-BY-4.0"
}
