import Foundation

/// Why an otherwise working weekday is off. The raw values are the holiday file's `jenis` column.
public enum NonWorkingKind: String, Codable, Sendable, CaseIterable {
    /// National public holiday (libur nasional) decreed by the government.
    case liburNasional = "libur_nasional"
    /// Collective leave (cuti bersama) that civil servants take together.
    case cutiBersama = "cuti_bersama"
    /// A one-off closure of this office (e.g. an office move or a regional event).
    case penutupanKantor = "penutupan_kantor"
}

/// One day on which the office does not work, with the reason shown to users
/// when a deadline moves because of it.
public struct NonWorkingDay: Hashable, Codable, Sendable {
    public var date: LocalDate
    public var kind: NonWorkingKind
    public var description: String

    public init(date: LocalDate, kind: NonWorkingKind, description: String) {
        self.date = date
        self.kind = kind
        self.description = description
    }
}
