import Fluent
import Vapor
import WalidataCore

/// `/cases/{id}/record`: the case record (Catatan Kasus) as an A4 document.
enum CaseRecordController {
    @Sendable static func print(_ req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let record = try await CaseStore.find(try req.uuidParameter("caseID"), for: user, on: req.db)
        let loaded = try await CaseRecord.load(record, on: req.db)
        let body = CaseRecordPrint.render(loaded, printedBy: user, at: Date())
        return PrintDocument.render(
            req, title: "\(Translator(lang: .id)("record.title")) \(record.number)", orientation: .landscape,
            letterhead: try await Letterhead.load(on: req.db), body: body)
    }
}
