import Fluent

/// The laporan akhir (step 9's output) is an issued document: the datasets it names (title,
/// access class, whether the portal shows them) and its signer are kept as they stood when the
/// announcement was published, so a reprint after a dataset is renamed or reclassified, or the
/// kabid's NIP corrected, shows the same paper. Nullable: reports published before keep their
/// first print (see `FinalReportPrint.Issued`).
struct M016AddFinalReportSnapshot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("announcements").field("final_report", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("announcements").deleteField("final_report").update()
    }
}
