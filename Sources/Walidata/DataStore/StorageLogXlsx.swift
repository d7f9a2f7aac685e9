import Foundation
import WalidataCore
import WalidataTables

/// The storage log of a date range (the whole office's, or one dataset's) as a workbook: the
/// page's columns, with the sequence, size and row count as numbers, the time as a date and
/// time in the office's zone (WIB) and the full content hash.
enum StorageLogXlsx {
    static func bytes(_ page: StorageLogController.Page, t: Translator) throws -> [UInt8] {
        let zone = WorkingCalendar.jakarta
        let rows = page.events.map { e -> [XlsxCell] in
            let (what, subject) = StorageLogViews.describe(e, page: page, t: t)
            return [
                .integer(Int64(e.sequence)), .dateTime(e.at, timeZone: zone), .text(e.actorName), .text(t("role." + e.actorRole)),
                .text(what), .text(subject), .text(e.blobHash),
                e.size > 0 ? .integer(e.size) : .empty, e.rowCount > 0 ? .integer(e.rowCount) : .empty, .text(e.note),
            ]
        }
        let heading = page.dataset.map { t("log.title_dataset", $0.title) } ?? t("log.title")
        return try XlsxWriter.workbook(.init(title: "\(heading) · \(page.from.iso) – \(page.to.iso)"), sheets: [
            (name: t("xlsxout.sheet.log"), header: [
                t("log.seq"), t("log.when"), t("log.who"), t("xlsxout.col.role"), t("log.what"), t("log.dataset_version"),
                t("log.hash"), t("xlsxout.col.size_bytes"), t("versions.rows_header"), t("versions.note"),
            ], rows: rows),
        ])
    }

    static func filename(_ page: StorageLogController.Page) -> String {
        "catatan-penyimpanan\(page.dataset.map { "-" + $0.slug } ?? "")-\(page.from.iso)_\(page.to.iso).xlsx"
    }
}
