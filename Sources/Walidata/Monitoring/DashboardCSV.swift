import Foundation
import WalidataCore
import WalidataTables

/// The dashboard's per-step table as a CSV that opens in Excel: headers in the user's language,
/// durations both as whole working minutes (numbers Excel can sum and chart, with no decimal
/// separator to misread) and as words, the on-time share as a whole percent.
enum DashboardCSV {
    static func bytes(_ dashboard: Dashboard, t: Translator) -> [UInt8] {
        let header = [
            t("dashboard.col.step"), t("dashboard.col.activity"), t("dashboard.col.standard"), t("dashboard.col.completed"),
            t("dashboard.csv.median_minutes"), t("dashboard.col.median"), t("dashboard.csv.p90_minutes"), t("dashboard.col.p90"),
            t("dashboard.csv.on_time_percent"),
        ]
        let rows = dashboard.steps.map { row -> [String] in
            let s = row.statistics
            return [
                String(row.step.number), CaseStepViews.stepName(t, row.step), DurationText.standard(row.step.time, t: t), String(s.count),
                minutes(s.median), s.median.map { DurationText.working($0, dayLength: dashboard.dayLength, t: t) } ?? "",
                minutes(s.percentile90), s.percentile90.map { DurationText.working($0, dayLength: dashboard.dayLength, t: t) } ?? "",
                s.onTimeShare.map { String(percent($0)) } ?? "",
            ]
        }
        return ExportFormat.csvExcel.csvBytes(header: header, rows: rows)
    }

    static func filename(_ period: DashboardPeriod) -> String {
        "waktu-langkah-\(period.from.iso)_\(period.to.iso).csv"
    }

    static func minutes(_ seconds: TimeInterval?) -> String {
        seconds.map { String(Int(($0 / 60).rounded())) } ?? ""
    }

    static func percent(_ share: Double) -> Int {
        Int((share * 100).rounded())
    }
}
