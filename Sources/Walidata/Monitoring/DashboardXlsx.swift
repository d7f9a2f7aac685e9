import Foundation
import WalidataCore
import WalidataTables

/// The dashboard's three tables as a workbook, a sheet each, with real values: step numbers and
/// counts as numbers, working times as durations (`[h]:mm`, hours of working time, summable),
/// the on-time share as a percent, instants as dates and times in the office's zone (WIB).
enum DashboardXlsx {
    static func bytes(_ d: Dashboard, t: Translator) throws -> [UInt8] {
        let zone = WorkingCalendar.jakarta
        let steps = d.steps.map { row -> [XlsxCell] in
            let s = row.statistics
            return [
                .integer(Int64(row.step.number)), .text(CaseStepViews.stepName(t, row.step)), .text(DurationText.standard(row.step.time, t: t)),
                .integer(Int64(s.count)), s.median.map { .duration(seconds: $0) } ?? .empty,
                s.percentile90.map { .duration(seconds: $0) } ?? .empty, s.onTimeShare.map { .percent($0) } ?? .empty,
            ]
        }
        let late = d.late.map { late -> [XlsxCell] in
            [
                .text(late.number), .text(late.title), .integer(Int64(late.step)), .integer(Int64(late.round)),
                .text(CaseStepViews.stepName(t, late.sopStep)), .text(late.laneName),
                .dateTime(late.openedAt, timeZone: zone), .dateTime(late.dueAt, timeZone: zone), .duration(seconds: late.late),
            ]
        }
        let open = d.openByStep.map { entry -> [XlsxCell] in
            [.integer(Int64(entry.step)), .text(CaseStepViews.stepName(t, entry.sopStep)), .integer(Int64(entry.cases.count)),
             .text(entry.cases.map(\.number).joined(separator: ", "))]
        }
        let title = t("dashboard.title") + " · " + t("dashboard.period", d.period.from.iso, d.period.to.iso)
        return try XlsxWriter.workbook(.init(title: title, created: d.now), sheets: [
            (name: t("xlsxout.sheet.steps"), header: [
                t("dashboard.col.step"), t("dashboard.col.activity"), t("dashboard.col.standard"), t("dashboard.col.completed"),
                t("xlsxout.col.median_hours"), t("xlsxout.col.p90_hours"), t("dashboard.col.on_time"),
            ], rows: steps),
            (name: t("xlsxout.sheet.late"), header: [
                t("cases.number"), t("xlsxout.col.title"), t("dashboard.col.step"), t("xlsxout.col.round"), t("dashboard.col.activity"),
                t("dashboard.col.executor"), t("xlsxout.col.opened"), t("cases.col.due"), t("xlsxout.col.late_hours"),
            ], rows: late),
            (name: t("xlsxout.sheet.open"), header: [
                t("dashboard.col.step"), t("dashboard.col.activity"), t("dashboard.col.cases"), t("dashboard.col.which"),
            ], rows: open),
        ])
    }

    static func filename(_ period: DashboardPeriod) -> String {
        "waktu-langkah-\(period.from.iso)_\(period.to.iso).xlsx"
    }
}
