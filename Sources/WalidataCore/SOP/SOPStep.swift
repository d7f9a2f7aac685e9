/// One row of the SOP table: what is done, by whom, with what, how long it may take,
/// what it produces, and where the flow goes next.
public struct SOPStep: Codable, Sendable, Equatable, Hashable {
    /// Position in the table, 1…n.
    public var number: Int
    /// "Kegiatan" as the document words it.
    public var activity: String
    public var activityEnglish: String
    /// Code of the executor lane (`SOPLane.code`).
    public var lane: String
    public var kind: SOPStepKind
    /// "Kelengkapan": what the executor needs at hand.
    public var requirement: String
    /// "Waktu" of the mutu baku.
    public var time: TimeStandard
    /// The document this step produces.
    public var output: String
    /// "Keterangan"; blank in the seed.
    public var note: String
    /// For a process: the step that follows; `nil` only for the last step.
    public var next: Int?
    /// For a decision: where "Ya" leads.
    public var yes: Int?
    /// For a decision: where "Tidak" leads.
    public var no: Int?

    public init(
        number: Int,
        activity: String,
        activityEnglish: String,
        lane: String,
        kind: SOPStepKind = .process,
        requirement: String,
        time: TimeStandard,
        output: String,
        note: String = "",
        next: Int? = nil,
        yes: Int? = nil,
        no: Int? = nil
    ) {
        self.number = number
        self.activity = activity
        self.activityEnglish = activityEnglish
        self.lane = lane
        self.kind = kind
        self.requirement = requirement
        self.time = time
        self.output = output
        self.note = note
        self.next = next
        self.yes = yes
        self.no = no
    }

    private enum CodingKeys: String, CodingKey {
        case number, activity, activityEnglish, lane, kind, requirement, time, output, note, next, yes, no
    }

    /// Decodes leniently where an admin editing the JSON by hand would reasonably leave
    /// things out: a missing note is blank, a missing English text is blank.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(Int.self, forKey: .number)
        activity = try c.decode(String.self, forKey: .activity)
        activityEnglish = try c.decodeIfPresent(String.self, forKey: .activityEnglish) ?? ""
        lane = try c.decode(String.self, forKey: .lane)
        kind = try c.decode(SOPStepKind.self, forKey: .kind)
        requirement = try c.decode(String.self, forKey: .requirement)
        time = try c.decode(TimeStandard.self, forKey: .time)
        output = try c.decode(String.self, forKey: .output)
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        next = try c.decodeIfPresent(Int.self, forKey: .next)
        yes = try c.decodeIfPresent(Int.self, forKey: .yes)
        no = try c.decodeIfPresent(Int.self, forKey: .no)
    }

    /// The steps this one can lead to, in the order next, yes, no.
    public var successors: [Int] {
        [next, yes, no].compactMap { $0 }
    }
}
