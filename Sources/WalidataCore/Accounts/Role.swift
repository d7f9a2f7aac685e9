/// The people who use Walidata, as DESIGN.md names them. The raw values are stored in the
/// database and used as SOP lane codes, so they never change.
public enum Role: String, Codable, CaseIterable, Sendable, Comparable {
    case admin
    case administrasi
    case pengelolaTI = "pengelola_ti"
    case kasi
    case kabid
    case kepalaDinas = "kepala_dinas"
    case produsen

    /// Roles that execute SOP steps and so may appear as a lane.
    public static let executors: [Role] = [.administrasi, .pengelolaTI, .kasi, .kabid]

    /// A `produsen` acts for exactly one organisation; the office's own staff do not.
    public var needsOrganization: Bool { self == .produsen }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
