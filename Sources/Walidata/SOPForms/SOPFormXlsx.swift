import Foundation
import Vapor
import WalidataCore
import WalidataTables

/// The two forms as workbooks, in Bahasa Indonesia like their prints: the form's table as the
/// first sheet (numbers as numbers, working times as `[h]:mm` durations, the on-time share as a
/// percent) and its identity (period, SOP, who completed it) as the second.
enum SOPFormXlsx {
    static func monitoring(_ form: SOPMonitoringForm, lines: SOPMonitoringSnapshot) throws -> [UInt8] {
        let t = Translator.official
        let rows = lines.rows.map { row -> [XlsxCell] in
            let entry = form.entry(row.step)
            return [
                .integer(Int64(row.step)), .text(row.activity), .text(row.laneName), .text(DurationText.standard(row.standard, t: t)),
                .integer(Int64(row.completed)), row.median.map { .duration(seconds: $0) } ?? .empty, row.percentile90.map { .duration(seconds: $0) } ?? .empty,
                row.onTimeShare.map { .percent($0) } ?? .empty, .text(row.output), .integer(Int64(row.completed)), .integer(Int64(row.overdue)),
                .text(entry.assessment.isEmpty ? "" : t("sopform.assessment." + entry.assessment)), .text(entry.note), .text(entry.action),
            ]
        }
        let executor = form.lane.isEmpty ? t("sopform.all_executors") : lines.rows.first?.laneName ?? form.lane
        let identity: [(String, XlsxCell)] = [
            (t("sopform.sop_name"), .text(lines.sopName)), (t("sopform.sop_revision"), .integer(Int64(form.sopRevision))),
            (t("sopform.executor"), .text(executor)), (t("sopform.col.period"), .text(SOPFormStore.periodText(form.periodFrom, form.periodTo))),
            (t("sopform.col.status"), .text(t("sopform.status." + form.statusRaw))),
            (t("sopform.print.measured"), .dateTime(lines.measuredAt, timeZone: WorkingCalendar.jakarta)),
            (t("sopform.print.monitor"), .text(form.monitorName ?? "")), ("NIP", .text(form.monitorNIP ?? "")),
        ]
        return try XlsxWriter.workbook(.init(title: t("sopform.monitoring.title") + " · " + SOPFormStore.periodText(form.periodFrom, form.periodTo),
                                             created: form.completedAt ?? form.createdAt), sheets: [
            (name: "Monitoring", header: [
                "No", t("sopform.print.activity"), t("sopform.executor"), t("dashboard.col.standard"), t("dashboard.col.completed"),
                t("xlsxout.col.median_hours"), t("xlsxout.col.p90_hours"), t("dashboard.col.on_time"), t("sopform.col.output"),
                t("sopform.xlsx.produced"), t("sopform.xlsx.overdue"), t("sopform.col.assessment"), t("sopform.col.note"), t("sopform.col.action"),
            ], rows: rows),
            (name: "Identitas", header: [t("sopform.xlsx.field"), t("sopform.xlsx.value")], rows: identity.map { [.text($0.0), $0.1] }),
        ])
    }

    static func evaluation(_ evaluation: SOPEvaluation) throws -> [UInt8] {
        let t = Translator.official
        let rows = SOPEvaluationCriterion.allCases.map { criterion -> [XlsxCell] in
            let answer = evaluation.answer(criterion)
            return [.integer(Int64(criterion.rawValue)), .text(criterion.indonesian),
                    .text(answer.answer.isEmpty ? "" : t("sopform.answer." + answer.answer)), .text(answer.note)]
        }
        let identity: [(String, XlsxCell)] = [
            (t("sopform.col.period"), .text(SOPFormStore.periodText(evaluation.periodFrom, evaluation.periodTo))),
            (t("sopform.sop_revision"), .integer(Int64(evaluation.sopRevision))), (t("sopform.col.status"), .text(t("sopform.status." + evaluation.statusRaw))),
            (t("sopform.recommendation"), .text(evaluation.recommendation)), (t("sopform.print.evaluator"), .text(evaluation.evaluatorName ?? "")),
            ("NIP", .text(evaluation.evaluatorNIP ?? "")),
            (t("sopform.col.revision"), evaluation.revisionDraft.map { .integer(Int64($0)) } ?? .empty),
        ]
        return try XlsxWriter.workbook(.init(title: t("sopform.evaluation.title") + " · " + SOPFormStore.periodText(evaluation.periodFrom, evaluation.periodTo),
                                             created: evaluation.completedAt ?? evaluation.createdAt), sheets: [
            (name: "Evaluasi", header: ["No", t("sopform.col.criterion"), t("sopform.col.answer"), t("sopform.col.note")], rows: rows),
            (name: "Identitas", header: [t("sopform.xlsx.field"), t("sopform.xlsx.value")], rows: identity.map { [.text($0.0), $0.1] }),
        ])
    }

    static func filename(_ kind: String, _ from: String, _ to: String) -> String { "\(kind)-sop-\(from)_\(to).xlsx" }
}
