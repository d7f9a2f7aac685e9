/// One thing wrong with an SOP definition, carried as data so the app can show it in
/// the admin's language; `code` and `parameters` feed a translation table, and the two
/// ready-made descriptions serve logs and places without one.
public enum SOPValidationIssue: Sendable, Equatable, Hashable {
    case noLanes
    case duplicateLane(code: String)
    case noSteps
    /// Steps must be numbered 1…n in table order; reports the first place that is not.
    case stepNumbering(expected: Int, found: Int)
    case emptyActivity(step: Int)
    /// The time standard is not a positive amount ("0 menit", or text that could not be read).
    case invalidTime(step: Int)
    case unknownLane(step: Int, lane: String)
    /// A decision needs one "Ya" and one "Tidak" target: different, existing, not itself,
    /// and no plain `next`.
    case decisionTargets(step: Int)
    /// A process must lead to another existing step (only the last may end the flow)
    /// and carries no "Ya"/"Tidak" targets.
    case processTarget(step: Int)
    case unreachable(step: Int)
    case noEnd

    /// Stable identifier for translation tables and API clients.
    public var code: String {
        switch self {
        case .noLanes: "no_lanes"
        case .duplicateLane: "duplicate_lane"
        case .noSteps: "no_steps"
        case .stepNumbering: "step_numbering"
        case .emptyActivity: "empty_activity"
        case .invalidTime: "invalid_time"
        case .unknownLane: "unknown_lane"
        case .decisionTargets: "decision_targets"
        case .processTarget: "process_target"
        case .unreachable: "unreachable"
        case .noEnd: "no_end"
        }
    }

    /// The values a translated message interpolates, keyed by name.
    public var parameters: [String: String] {
        switch self {
        case .noLanes, .noSteps, .noEnd: [:]
        case .duplicateLane(let code): ["code": code]
        case .stepNumbering(let expected, let found): ["expected": String(expected), "found": String(found)]
        case .emptyActivity(let step), .invalidTime(let step), .decisionTargets(let step), .processTarget(let step), .unreachable(let step):
            ["step": String(step)]
        case .unknownLane(let step, let lane): ["step": String(step), "lane": lane]
        }
    }

    /// The step the issue is about, so an editor can highlight its row.
    public var step: Int? {
        switch self {
        case .emptyActivity(let step), .invalidTime(let step), .unknownLane(let step, _), .decisionTargets(let step),
             .processTarget(let step), .unreachable(let step):
            step
        case .stepNumbering(_, let found): found
        case .noLanes, .duplicateLane, .noSteps, .noEnd: nil
        }
    }

    public var indonesianDescription: String {
        switch self {
        case .noLanes:
            "SOP belum punya kolom pelaksana. Tambahkan minimal satu pelaksana (misalnya Bagian Administrasi)."
        case .duplicateLane(let code):
            "Kode pelaksana \"\(code)\" dipakai lebih dari sekali. Beri setiap pelaksana kode sendiri."
        case .noSteps:
            "SOP belum punya langkah. Tambahkan minimal satu langkah."
        case .stepNumbering(let expected, let found):
            "Langkah harus bernomor urut 1, 2, 3, dan seterusnya: di sini seharusnya langkah \(expected), tetapi tertulis \(found)."
        case .emptyActivity(let step):
            "Langkah \(step) belum punya uraian kegiatan. Tuliskan apa yang dikerjakan pada langkah ini."
        case .invalidTime(let step):
            "Mutu baku waktu langkah \(step) tidak terbaca. Tulis jumlah dan satuan, misalnya \"30 menit\", \"1 jam\" atau \"2 hari\"."
        case .unknownLane(let step, let lane):
            "Langkah \(step) ditugaskan ke pelaksana \"\(lane)\" yang tidak ada dalam daftar pelaksana. Pilih salah satu pelaksana yang ada."
        case .decisionTargets(let step):
            "Langkah \(step) adalah keputusan: harus punya tepat satu tujuan \"Ya\" dan satu tujuan \"Tidak\", keduanya langkah lain yang ada dan tidak sama, tanpa langkah lanjutan biasa."
        case .processTarget(let step):
            "Langkah \(step) harus berlanjut ke satu langkah lain yang ada, tanpa tujuan \"Ya\"/\"Tidak\". Hanya langkah terakhir yang boleh mengakhiri alur."
        case .unreachable(let step):
            "Langkah \(step) tidak pernah tercapai dari langkah 1. Periksa langkah lanjutan dan tujuan \"Ya\"/\"Tidak\" pada langkah-langkah sebelumnya."
        case .noEnd:
            "Tidak ada langkah yang mengakhiri alur. Langkah terakhir harus berupa proses tanpa langkah lanjutan."
        }
    }

    public var englishDescription: String {
        switch self {
        case .noLanes:
            "The SOP has no executor lanes. Add at least one executor (for example Bagian Administrasi)."
        case .duplicateLane(let code):
            "The executor code \"\(code)\" is used more than once. Give each executor its own code."
        case .noSteps:
            "The SOP has no steps. Add at least one step."
        case .stepNumbering(let expected, let found):
            "Steps must be numbered 1, 2, 3 and so on in order: step \(expected) was expected here, but the number is \(found)."
        case .emptyActivity(let step):
            "Step \(step) has no activity text. Write what is done in this step."
        case .invalidTime(let step):
            "The time standard of step \(step) cannot be read. Write an amount and a unit, for example \"30 menit\", \"1 jam\" or \"2 hari\"."
        case .unknownLane(let step, let lane):
            "Step \(step) is assigned to executor \"\(lane)\", which is not in the list of executors. Choose one of the listed executors."
        case .decisionTargets(let step):
            "Step \(step) is a decision: it needs exactly one \"Yes\" target and one \"No\" target, two different other existing steps, and no plain next step."
        case .processTarget(let step):
            "Step \(step) must lead to one other existing step and have no \"Yes\"/\"No\" targets. Only the last step may end the flow."
        case .unreachable(let step):
            "Step \(step) can never be reached from step 1. Check the next steps and the \"Yes\"/\"No\" targets of the steps before it."
        case .noEnd:
            "No step ends the flow. The last step must be a process with no next step."
        }
    }
}
