import Fluent

/// The kasi's return note may point at one section of the round (see `ReportSection`). The
/// decision lives on the round (`case_reports`), so the section does too; nullable, because
/// earlier decisions and approvals name none.
struct M011AddReturnSection: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_reports").field("decision_section", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_reports").deleteField("decision_section").update()
    }
}
