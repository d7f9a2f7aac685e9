import Fluent
import Foundation
import WalidataCore

/// Drafts the facts of the Laporan Pengelolaan Data from what the case recorded, so the report
/// says what the log says: the request, the letter number, each version stored or recovered
/// for the case (from the events naming it), the problems the checks found, and the working
/// time of each completed step against its standard. Always Indonesian: it is an official
/// document of the regency.
enum CaseReportDraft {
    static func facts(for detail: CaseDetail, at instant: Date) -> [CaseReport.Section] {
        let record = detail.record
        let request = CaseReport.Section(title: "Permohonan", lines: [
            "Nomor registrasi: \(record.number)",
            "Jenis permohonan: \(kindText(record.kindRaw))",
            "Perangkat Daerah: \(detail.organization.name)",
            "Pemohon: \(record.requesterName)",
            "Judul: \(record.title)",
        ] + (record.description.isEmpty ? [] : ["Uraian: \(record.description)"]))
        let letter = CaseReport.Section(title: "Surat Pendaftaran", lines: [
            "Nomor surat: \(detail.letter?.number ?? "belum bernomor")",
        ])
        let titles = Dictionary(detail.files.items.map { ($0.dataset.id?.uuidString ?? "", $0.dataset.title) }, uniquingKeysWith: { a, _ in a })
        let stored = detail.files.events.filter { CaseFiles.storing.contains($0.action) }.map { event -> String in
            let title = titles[event.datasetID] ?? event.datasetID
            let version = event.detail("number").map { " versi \($0)" } ?? ""
            return "\(title)\(version) — \(actionText(event.action)); SHA-256 \(event.blobHash); \(ByteCountText.format(event.size)); \(NumberText.format(event.rowCount, lang: .id)) baris"
        }
        let data = CaseReport.Section(title: "Data yang disimpan atau dipulihkan", lines: stored.isEmpty ? ["Tidak ada."] : stored)
        let rejected = detail.files.events.filter { $0.action == "version.reject" }.map { event -> String in
            let title = titles[event.datasetID] ?? event.datasetID
            return "\(title): berkas ditolak pemeriksaan\(event.note.isEmpty ? "" : " — " + event.note)"
        }
        let problems = CaseReport.Section(title: "Masalah yang ditemukan pemeriksaan", lines: rejected.isEmpty ? ["Tidak ada."] : rejected)
        let times = detail.steps.filter { $0.completedAt != nil }.map { row -> String in
            let instance = row.instance
            let step = detail.definition.step(row.step)
            let took = instance.workingDuration(until: instant, calendar: detail.calendar)
            let allowed = instance.allowedDuration(calendar: detail.calendar)
            let round = row.round > 1 ? " (putaran \(row.round))" : ""
            return "Langkah \(row.step)\(round) \(step?.activity ?? ""): \(durationText(took)) dari baku mutu \(step?.time.text ?? durationText(allowed))\(took <= allowed ? "" : " — terlambat")"
        }
        let time = CaseReport.Section(title: "Waktu pelaksanaan", lines: times.isEmpty ? ["Belum ada langkah selesai."] : times)
        return [request, letter, data, problems, time]
    }

    /// Working time as hours and minutes, the unit the time standards are written in.
    static func durationText(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int((seconds / 60).rounded()))
        return minutes >= 60 ? "\(minutes / 60) jam \(minutes % 60) menit" : "\(minutes) menit"
    }

    private static func kindText(_ raw: String) -> String {
        switch raw {
        case "simpan_baru": "Simpan data baru"
        case "update": "Update data"
        case "recovery": "Recovery data"
        default: raw
        }
    }

    private static func actionText(_ action: String) -> String {
        switch action {
        case "version.store": "disimpan sebagai dataset baru"
        case "version.update": "disimpan sebagai versi baru"
        case "version.store_unchecked": "disimpan tanpa pemeriksaan tabel"
        case "version.recover": "dipulihkan dari versi sebelumnya"
        case "dataset.restore": "dataset dipulihkan dari tempat sampah"
        default: action
        }
    }
}
