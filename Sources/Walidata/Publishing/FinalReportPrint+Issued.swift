import Fluent
import Foundation
import Vapor
import WalidataCore

extension FinalReportPrint {
    /// What the laporan akhir names that could change after it was issued: the datasets as they
    /// stood (title, access class, shown on the portal) and the signer. Kept on the announcement
    /// (M016) when step 9 publishes it; the facts, narrative and deliveries are records already.
    struct Issued: Codable, Sendable, Equatable {
        struct DatasetRow: Codable, Sendable, Equatable {
            var title: String
            var access: String
            var slug: String
            var shown: Bool
        }

        var datasets: [DatasetRow]
        var signer: Signer
    }

    /// The report's datasets and signer as they are now, for a published announcement.
    static func issue(detail: CaseDetail, view: PublicationStore.View, on db: any Database) async throws -> Issued {
        let datasets = view.datasetIDs.isEmpty ? [] : try await Dataset.query(on: db).filter(\.$id ~~ view.datasetIDs).sort(\.$title).all()
        let kabid: User? = if let id = view.announcement.publishedBy { try await User.find(id, on: db) } else { nil }
        let place = try await Setting.get(LetterDraft.keys.place, on: db).flatMap { $0.trimmingCharacters(in: .whitespaces).nilIfEmpty } ?? LetterDraft.defaultPlace
        let signer = Signer(
            place: place, title: detail.definition.lane(Role.kabid.rawValue)?.name ?? "Kepala Bidang Komunikasi",
            name: kabid?.fullName ?? "", nip: kabid?.nip ?? "")
        return Issued(
            datasets: datasets.map { .init(title: $0.title, access: $0.access, slug: $0.slug, shown: PublicationStore.isPublic($0)) },
            signer: signer)
    }

    /// Keeps the report as issued on its announcement; called in step 9's transaction.
    static func freeze(_ record: Case, on db: any Database) async throws {
        let detail = try await CaseDetail.load(record, on: db)
        guard let view = detail.publication, view.announcement.published else { return }
        view.announcement.finalReport = try await issue(detail: detail, view: view, on: db)
        try await view.announcement.save(on: db)
    }
}

extension Announcement {
    var finalReport: FinalReportPrint.Issued? {
        get { finalReportJSON.flatMap { try? JSONDecoder().decode(FinalReportPrint.Issued.self, from: Data($0.utf8)) } }
        set { finalReportJSON = newValue.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) } }
    }
}
