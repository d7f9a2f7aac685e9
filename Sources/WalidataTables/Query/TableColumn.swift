/// A column of a loaded table as users see it: original header name, type and profile.
public struct TableColumn: Codable, Sendable, Equatable {
    /// Position in the uploaded file, 0-based.
    public var index: Int
    public var name: String
    public var type: ColumnType
    public var numberStyle: NumberStyle?
    public var profile: ColumnProfile
}
