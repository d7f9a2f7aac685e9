import Fluent

/// The tanda terima is an issued document: what it says (requester, agency, title, datasets,
/// officer, date) is kept as it stood when step 1 completed, so a reprint months later shows
/// the same paper. Nullable: receipts issued before keep their first print (see
/// `CaseReceipt.Issued`).
struct M015AddReceiptSnapshot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_receipts").field("issued", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_receipts").deleteField("issued").update()
    }
}
