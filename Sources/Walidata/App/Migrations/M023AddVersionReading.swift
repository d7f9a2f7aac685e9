import Fluent

/// How a workbook version was read when the officer chose it (`WorkbookOptions.key`, such as
/// `s2h5`: sheet 2, header on row 5). Null for every other version, which is read the one way
/// its file allows. Reading the same stored file again makes a new version (versions never
/// change), with its own table named by the file's hash and this key.
struct M023AddVersionReading: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("dataset_versions").field("reading", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dataset_versions").deleteField("reading").update()
    }
}
