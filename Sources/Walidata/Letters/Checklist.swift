import Fluent
import Foundation

/// The step-1 checklist (kelengkapan berkas). Kept in the setting `checklist.step1`, one item a
/// line, because what a request must carry is office policy, not code. Every item is required
/// unless its line starts with "(opsional)", so a new item added by an admin is enforced by
/// default rather than silently skipped.
struct Checklist: Sendable, Equatable {
    struct Item: Sendable, Equatable, Codable {
        var text: String
        var optional: Bool
    }

    var items: [Item]

    static let settingKey = "checklist.step1"
    static let optionalMark = "(opsional)"
    static let standardText = """
        Surat permohonan dari Perangkat Daerah
        Identitas pemohon
        Daftar data yang akan dikelola
        (opsional) Berkas data (bila ada)
        """

    init(items: [Item]) { self.items = items }

    init(parsing text: String) {
        items = text.split(whereSeparator: \.isNewline).compactMap { line in
            var text = line.trimmingCharacters(in: .whitespaces)
            var optional = false
            if text.lowercased().hasPrefix(Self.optionalMark) {
                optional = true
                text = String(text.dropFirst(Self.optionalMark.count)).trimmingCharacters(in: .whitespaces)
            }
            return text.isEmpty ? nil : Item(text: text, optional: optional)
        }
    }

    static let standard = Checklist(parsing: standardText)

    static func load(on db: any Database) async throws -> Checklist {
        let raw = try await Setting.get(settingKey, on: db) ?? ""
        let parsed = Checklist(parsing: raw)
        return parsed.items.isEmpty ? standard : parsed
    }

    /// The required items not among `ticked`, in checklist order.
    func missing(_ ticked: Set<String>) -> [String] {
        items.filter { !$0.optional && !ticked.contains($0.text) }.map(\.text)
    }

    var required: [String] { items.filter { !$0.optional }.map(\.text) }
}
