import Foundation

/// An action the case's state or the SOP does not allow. Nothing changes when one is thrown.
/// The messages are written for the officer who tried the action, in plain words.
public enum CaseError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The pinned SOP definition cannot be run; the issues say why.
    case invalidDefinition([SOPValidationIssue])
    case alreadyStarted
    /// The case has finished its last step.
    case closed
    /// The step is not the one waiting to be done: done already (also by someone else a moment
    /// ago), not reached yet, or not a step of this SOP.
    case notOpen(step: Int)
    /// The step belongs to another executor lane.
    case wrongRole(expected: SOPLane, actual: Role)
    /// An admin acting outside the lane must say why, for the record.
    case overrideReasonRequired
    case decisionRequired(step: Int)
    case decisionNotAllowed(step: Int)
    /// Returning work ("Tidak") without saying what to correct leaves the executor guessing.
    case returnNeedsNote

    /// Stable identifier for translation tables and API clients.
    public var code: String {
        switch self {
        case .invalidDefinition: "invalid_definition"
        case .alreadyStarted: "already_started"
        case .closed: "closed"
        case .notOpen: "not_open"
        case .wrongRole: "wrong_role"
        case .overrideReasonRequired: "override_reason_required"
        case .decisionRequired: "decision_required"
        case .decisionNotAllowed: "decision_not_allowed"
        case .returnNeedsNote: "return_needs_note"
        }
    }

    public var indonesianDescription: String {
        switch self {
        case .invalidDefinition(let issues):
            "SOP yang dipakai permohonan ini belum bisa dijalankan: "
                + issues.map(\.indonesianDescription).joined(separator: " ")
        case .alreadyStarted:
            "Permohonan ini sudah dimulai."
        case .closed:
            "Permohonan ini sudah selesai; tidak ada langkah yang bisa dikerjakan lagi."
        case .notOpen(let step):
            "Langkah \(step) tidak sedang menunggu dikerjakan: mungkin sudah diselesaikan orang lain atau belum sampai gilirannya. Muat ulang halaman untuk melihat keadaan terbaru."
        case .wrongRole(let expected, let actual):
            "Langkah ini dikerjakan oleh \(expected.name). Anda masuk sebagai \(actual.rawValue), jadi tidak bisa menyelesaikannya."
        case .overrideReasonRequired:
            "Admin yang menyelesaikan langkah milik pelaksana lain wajib menuliskan alasannya."
        case .decisionRequired(let step):
            "Langkah \(step) adalah pemeriksaan: pilih \"Ya\" (lanjut) atau \"Tidak\" (kembalikan untuk diperbaiki)."
        case .decisionNotAllowed(let step):
            "Langkah \(step) bukan pemeriksaan, jadi tidak ada pilihan \"Ya\" atau \"Tidak\"; cukup selesaikan langkahnya."
        case .returnNeedsNote:
            "Tuliskan catatan apa yang harus diperbaiki sebelum mengembalikan laporan."
        }
    }

    public var englishDescription: String {
        switch self {
        case .invalidDefinition(let issues):
            "The SOP this request follows cannot be run yet: " + issues.map(\.englishDescription).joined(separator: " ")
        case .alreadyStarted:
            "This request has already been started."
        case .closed:
            "This request is finished; no step is left to do."
        case .notOpen(let step):
            "Step \(step) is not waiting to be done: someone may have just completed it, or its turn has not come yet. Reload the page to see the current state."
        case .wrongRole(let expected, let actual):
            "This step is done by \(expected.name). You are signed in as \(actual.rawValue), so you cannot complete it."
        case .overrideReasonRequired:
            "An admin completing another executor's step must write down the reason."
        case .decisionRequired(let step):
            "Step \(step) is a check: choose \"Yes\" (go on) or \"No\" (return it for correction)."
        case .decisionNotAllowed(let step):
            "Step \(step) is not a check, so there is no \"Yes\" or \"No\" to choose; just complete the step."
        case .returnNeedsNote:
            "Write a note saying what must be corrected before returning the report."
        }
    }

    public var description: String { indonesianDescription }
    public var errorDescription: String? { indonesianDescription }
}
