import Foundation

/// The part of a report round the kasi's return note is about (step 7). The drafted facts come
/// in a fixed order (see `CaseReportDraft`), so each section names its place among them; the
/// narrative and the whole report are not facts. Stored by its code in `case_reports.decision_section`.
enum ReportSection: String, CaseIterable, Codable, Sendable {
    case general = "umum"
    case request = "permohonan"
    case letter = "surat"
    case data = "data"
    case problems = "masalah"
    case time = "waktu"
    case narrative = "uraian"

    /// The index of this section among the drafted facts; nil for the narrative and the whole report.
    var factIndex: Int? {
        switch self {
        case .request: 0
        case .letter: 1
        case .data: 2
        case .problems: 3
        case .time: 4
        case .general, .narrative: nil
        }
    }

    /// Reads a code as forms and API clients send it; empty means "not said". Anything else is
    /// a 422 that lists the codes that exist.
    static func parse(_ raw: String?) throws -> ReportSection? {
        let code = raw?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard !code.isEmpty else { return nil }
        guard let section = ReportSection(rawValue: code) else {
            throw UserError(.unprocessableEntity, "record.error.section", code, allCases.map(\.rawValue).joined(separator: ", "))
        }
        return section
    }
}
