/// The two flowchart shapes a step can take in an administrative SOP:
/// a process moves on to one step, a decision branches on "Ya"/"Tidak".
/// Raw values are what the database stores.
public enum SOPStepKind: String, Codable, Sendable, CaseIterable {
    case process
    case decision
}
