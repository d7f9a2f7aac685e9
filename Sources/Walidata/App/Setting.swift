import Fluent
import Foundation

/// A small key–value table for settings an admin changes at run time, and one-time seed marks.
final class Setting: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "value") var value: String

    init() {}

    init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    static func get(_ key: String, on db: any Database) async throws -> String? {
        try await Setting.query(on: db).filter(\.$key == key).first()?.value
    }

    static func set(_ key: String, _ value: String, on db: any Database) async throws {
        if let row = try await Setting.query(on: db).filter(\.$key == key).first() {
            row.value = value
            try await row.save(on: db)
        } else {
            try await Setting(key: key, value: value).create(on: db)
        }
    }
}
