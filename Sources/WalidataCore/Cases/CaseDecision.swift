/// The answer given at a decision step: "Ya" follows the step's `yes` target, "Tidak" its `no`
/// target (in the Mentawai SOP: approve the report, or return it to step 5 for correction).
public enum CaseDecision: String, Codable, Sendable, CaseIterable {
    case yes
    case no
}
