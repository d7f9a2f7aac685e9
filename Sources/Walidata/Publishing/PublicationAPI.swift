import Fluent
import Vapor
import WalidataCore

/// `/api/v1/cases/{id}/announcement` (the draft of step 9) and `/api/v1/public/announcements`
/// (what the portal shows, for anyone). Publishing is completing step 9.
enum PublicationAPI {
    struct DeliveryOut: Content {
        var id: UUID?
        var channel: String
        var recipient: String
        var state: String
        var attempts: Int
        var nextAttemptAt: Date?
        var deliveredAt: Date?
        var answer: String
        var externalID: String?
        var messageStatus: String?
        var errorCode: Int?
        var fbtraceID: String?
        var resendable: Bool
    }

    struct AnnouncementOut: Content {
        var id: UUID?
        var caseID: UUID
        var title: String
        var body: String
        var datasetIDs: [UUID]
        var channels: [String]
        /// "draft" until step 9 completes, then "published".
        var state: String
        var saved: Bool
        var updatedAt: Date
        var publishedAt: Date?
        var deliveries: [DeliveryOut]

        init(_ view: PublicationStore.View) {
            let a = view.announcement
            id = a.id
            caseID = a.$caseRecord.id
            title = a.title
            body = a.body
            datasetIDs = view.datasetIDs
            channels = a.channels.map(\.rawValue)
            state = a.published ? "published" : "draft"
            saved = view.stored
            updatedAt = a.updatedAt
            publishedAt = a.publishedAt
            deliveries = view.deliveries.map {
                DeliveryOut(id: $0.id, channel: $0.channelRaw, recipient: $0.recipient, state: $0.stateRaw, attempts: $0.attempts,
                            nextAttemptAt: $0.nextAttemptAt, deliveredAt: $0.deliveredAt, answer: $0.answer, externalID: $0.externalID,
                            messageStatus: $0.messageStatusRaw, errorCode: $0.errorCode, fbtraceID: $0.fbtraceID,
                            resendable: DeliveryPolicy.isResendable($0))
            }
        }
    }

    struct AnnouncementIn: Content {
        var title: String?
        var body: String?
        var datasetIDs: [String]?
        var channels: [String]?
    }

    @Sendable static func show(_ req: Request) async throws -> AnnouncementOut {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        guard try await CaseStore.steps(of: record.requireID(), on: req.db).contains(where: { $0.step == 9 }) else {
            throw UserError(.conflict, "announcement.error.not_yet")
        }
        return AnnouncementOut(try await PublicationStore.view(of: record, on: req.db))
    }

    @Sendable static func save(_ req: Request) async throws -> AnnouncementOut {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        let form = try req.content.decode(AnnouncementIn.self)
        try await PublicationStore.saveDraft(.init(title: form.title, body: form.body, datasetIDs: form.datasetIDs, channels: form.channels), caseID: caseID, by: user, on: req.db)
        let record = try await CaseStore.find(caseID, for: user, on: req.db)
        return AnnouncementOut(try await PublicationStore.view(of: record, on: req.db))
    }

    /// `POST /api/v1/cases/{id}/deliveries/{deliveryID}/resend`: *Kirim ulang sekarang* (`DeliveryResend`).
    @Sendable static func resend(_ req: Request) async throws -> AnnouncementOut {
        let user = try req.requireUser()
        let caseID = try req.uuidParameter("caseID")
        try await DeliveryResend.resend(try req.uuidParameter("deliveryID"), caseID: caseID, by: user, on: req.db)
        let record = try await CaseStore.find(caseID, for: user, on: req.db)
        return AnnouncementOut(try await PublicationStore.view(of: record, on: req.db))
    }

    struct PublicDatasetOut: Content {
        var slug: String
        var title: String
        var url: String
    }

    struct PublicAnnouncementOut: Content {
        var id: UUID
        var title: String
        var body: String
        var publishedAt: Date?
        var url: String
        var datasets: [PublicDatasetOut]
    }

    typealias PublicList = APIModels.ListOut<PublicAnnouncementOut>

    /// Published announcements, newest first, with only the datasets the public may see.
    @Sendable static func publicList(_ req: Request) async throws -> PublicList {
        let window = try req.pageWindow()
        let (announcements, total) = try await PublicationStore.publishedPage(window, on: req.db)
        var items: [PublicAnnouncementOut] = []
        for announcement in announcements {
            let id = try announcement.requireID()
            let datasets = try await PublicationStore.publicDatasets(of: announcement, on: req.db).map {
                PublicDatasetOut(slug: $0.slug, title: $0.title, url: SiteURL.publicDataset($0.slug).path)
            }
            items.append(PublicAnnouncementOut(
                id: id, title: announcement.title, body: announcement.body, publishedAt: announcement.publishedAt,
                url: SiteURL.publicAnnouncement(id).path, datasets: datasets))
        }
        return PublicList(items, total: total, window: window)
    }
}
