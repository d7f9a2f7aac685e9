import Foundation

/// What the kabid sends for the announcement, from the case page's form or the API's JSON.
/// A field left out (nil) keeps what the draft has; the form sends an empty first entry for
/// each checkbox list, so unticking every box still arrives as an empty list.
struct AnnouncementInput: Sendable {
    var title: String?
    var body: String?
    var datasetIDs: [String]?
    var channels: [String]?

    var isEmpty: Bool { title == nil && body == nil && datasetIDs == nil && channels == nil }

    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The chosen channels; 422 names a value that is not one.
    func parsedChannels() throws -> [Delivery.Channel]? {
        guard let channels else { return nil }
        return try channels.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }.map { raw in
            guard let channel = Delivery.Channel(rawValue: raw) else { throw UserError(.unprocessableEntity, "announcement.error.channel_value", raw) }
            return channel
        }
    }

    /// The chosen datasets, which must be among the case's own; 422 otherwise.
    func parsedDatasets(allowed: [UUID]) throws -> [UUID]? {
        guard let datasetIDs else { return nil }
        return try datasetIDs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { raw in
            guard let id = UUID(uuidString: raw), allowed.contains(id) else { throw UserError(.unprocessableEntity, "announcement.error.dataset") }
            return id
        }
    }
}
