import Foundation

/// Opening and closing time of one working day, as local wall-clock minutes after midnight
/// (07:30 = 450). Kept as minutes rather than `Date`s because the same hours apply to every
/// week; the zone is applied only when a `WorkingCalendar` turns a day into instants.
public struct WorkingHours: Hashable, Sendable, CustomStringConvertible {
    public let start: Int
    public let end: Int

    /// Fails unless `0 <= start < end <= 1440`: an empty or reversed day would make
    /// the due-date search consume no time and never finish.
    public init?(start: Int, end: Int) {
        guard start >= 0, start < end, end <= 24 * 60 else { return nil }
        self.start = start
        self.end = end
    }

    /// `WorkingHours(parsing: "07:30", "16:00")`; `24:00` is allowed as a closing time.
    public init?(parsing start: String, _ end: String) {
        guard let startMinute = WorkingHours.minute(parsing: start),
              let endMinute = WorkingHours.minute(parsing: end)
        else { return nil }
        self.init(start: startMinute, end: endMinute)
    }

    /// Length of the working day in minutes.
    public var minutes: Int { end - start }

    /// `07:30`
    public var startText: String { WorkingHours.clockText(start) }
    /// `16:00`
    public var endText: String { WorkingHours.clockText(end) }
    /// `07:30-16:00`
    public var text: String { "\(startText)-\(endText)" }
    public var description: String { text }

    /// Minutes after midnight for `H:MM` or `HH:MM` (`7:30`, `07:30`, `24:00`).
    public static func minute(parsing text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              minute < 60, hour < 24 || (hour == 24 && minute == 0)
        else { return nil }
        return hour * 60 + minute
    }

    /// `HH:MM` for minutes after midnight.
    public static func clockText(_ minutes: Int) -> String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

/// Encoded as `{"start": "07:30", "end": "16:00"}` so a stored schedule reads like the office notice.
extension WorkingHours: Codable {
    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(String.self, forKey: .start)
        let end = try container.decode(String.self, forKey: .end)
        guard let hours = WorkingHours(parsing: start, end) else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container,
                debugDescription: "Expected HH:MM opening before closing, got \(start)-\(end)")
        }
        self = hours
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(startText, forKey: .start)
        try container.encode(endText, forKey: .end)
    }
}
