import Fluent

/// Step 8 ("Menyesuaikan laporan"): the kasi may adjust the approved round's narrative before it
/// becomes the final concept. The adjusted text is kept beside the approved one, never over it,
/// so the round the kasi approved stays as it was read and the two can be compared.
struct M017AddFinalNarrative: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_reports").field("final_narrative", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_reports").deleteField("final_narrative").update()
    }
}
