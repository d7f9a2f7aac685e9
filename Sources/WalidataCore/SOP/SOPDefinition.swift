/// A whole SOP as data: the identity sheet, the executor lanes and the steps.
/// It is stored as JSON so an office can correct lanes or wording without a new release;
/// `validate()` guards what the workflow engine relies on.
public struct SOPDefinition: Codable, Sendable, Equatable, Hashable {
    public var identity: SOPIdentity
    public var lanes: [SOPLane]
    public var steps: [SOPStep]

    public init(identity: SOPIdentity, lanes: [SOPLane], steps: [SOPStep]) {
        self.identity = identity
        self.lanes = lanes
        self.steps = steps
    }

    public func step(_ number: Int) -> SOPStep? {
        steps.first { $0.number == number }
    }

    public func lane(_ code: String) -> SOPLane? {
        lanes.first { $0.code == code }
    }
}
