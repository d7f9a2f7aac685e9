/// How a step instance ended. Raw values are what the database stores.
public enum StepOutcome: String, Codable, Sendable, CaseIterable {
    /// A process step was done.
    case done
    /// A decision step answered "Ya".
    case yes
    /// A decision step answered "Tidak": the work went back, with a note saying why.
    case no

    init(_ decision: CaseDecision?) {
        switch decision {
        case nil: self = .done
        case .yes: self = .yes
        case .no: self = .no
        }
    }
}
