import Foundation

/// A step's time standard ("mutu baku" waktu) as the SOP writes it: `30 menit`, `1 jam`, `2 hari`.
/// `hari` is a working day (hari kerja), never 24 hours.
public struct TimeStandard: Codable, Hashable, Sendable {
    public enum Unit: String, Codable, Sendable, CaseIterable {
        case minutes = "menit"
        case hours = "jam"
        case days = "hari"
    }

    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses `30 menit`, `1 Jam`, `2 hari` (case-insensitive, Indonesian or English units).
    public init?(parsing text: String) {
        let parts = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, let amount = Int(parts[0]), amount > 0 else { return nil }
        switch parts[1] {
        case "menit", "minute", "minutes": self.init(amount: amount, unit: .minutes)
        case "jam", "hour", "hours": self.init(amount: amount, unit: .hours)
        case "hari", "day", "days": self.init(amount: amount, unit: .days)
        default: return nil
        }
    }

    /// The SOP's own spelling, e.g. `1 jam`.
    public var text: String { "\(amount) \(unit.rawValue)" }
}
