/// The seven questions of the *Evaluasi Penerapan SOP* (Permenpan RB No. 35 Tahun 2012,
/// Bab IV): an SOP is evaluated by asking whether it does each of these. The wording is the
/// regulation's, kept in Bahasa Indonesia because the form is an official document.
public enum SOPEvaluationCriterion: Int, CaseIterable, Codable, Sendable {
    case kinerja = 1, dipahami, dilaksanakan, peran, permasalahan, kebutuhan, sinergi

    public var indonesian: String {
        switch self {
        case .kinerja: "Mampu mendorong peningkatan kinerja"
        case .dipahami: "Mudah dipahami"
        case .dilaksanakan: "Mudah dilaksanakan"
        case .peran: "Semua orang dapat menjalankan perannya masing-masing"
        case .permasalahan: "Mampu mengatasi permasalahan yang berkaitan dengan proses"
        case .kebutuhan: "Mampu menjawab kebutuhan peningkatan kinerja organisasi"
        case .sinergi: "Sinergi satu dengan lainnya"
        }
    }

    public var english: String {
        switch self {
        case .kinerja: "Drives better performance"
        case .dipahami: "Easy to understand"
        case .dilaksanakan: "Easy to carry out"
        case .peran: "Everyone can play their part"
        case .permasalahan: "Resolves problems arising in the process"
        case .kebutuhan: "Meets the organisation's need to perform better"
        case .sinergi: "The steps work together"
        }
    }
}

/// The monitor's verdict on one step in the *Formulir Monitoring Pelaksanaan SOP*.
public enum SOPStepAssessment: String, CaseIterable, Codable, Sendable {
    /// Berjalan sesuai SOP.
    case asWritten = "ya"
    /// Tidak berjalan sesuai SOP: an action to take must be written.
    case notAsWritten = "tidak"
    /// The step did not run in the period, so there is nothing to judge.
    case notRun = "tidak_berjalan"

    /// What the figures suggest before the monitor decides: no completion and nothing overdue
    /// means the step did not run; anything overdue, or fewer than `onTimeThreshold` of the
    /// completions on time, means it did not run as written.
    public static func suggested(completed: Int, onTimeShare: Double?, overdue: Int, onTimeThreshold: Double = 0.8) -> SOPStepAssessment {
        if completed == 0 && overdue == 0 { return .notRun }
        if overdue > 0 { return .notAsWritten }
        return (onTimeShare ?? 0) >= onTimeThreshold ? .asWritten : .notAsWritten
    }
}
