/// One executor column ("pelaksana") of the SOP's flowchart table.
public struct SOPLane: Codable, Sendable, Equatable, Hashable {
    /// The role code that accounts are given, so steps are routed to people by role
    /// (`administrasi`, `pengelola_ti`, `kasi`, `kabid`).
    public var code: String
    /// The column heading as the document prints it.
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
