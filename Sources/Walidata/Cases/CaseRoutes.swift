import Vapor
import WalidataCore

/// The case routes, pages and API, each with its access.
enum CaseRoutes {
    static func register(_ app: Application) {
        typealias R = SiteURL.Route
        let starters = Access.roles(CasePolicy.starters)
        let actors = Access.roles(CasePolicy.actors)
        app.get("cases", access: .signedIn, use: CaseController.list)
        app.get("cases", "new", access: starters, use: CaseController.newForm)
        app.post("cases", "new", access: starters, use: CaseController.create)
        app.get("cases", R.caseID, access: .signedIn, use: CaseController.show)
        app.post("cases", R.caseID, "steps", R.step, "complete", access: actors, use: CaseController.complete)
        app.get("tasks", access: .signedIn, use: CaseController.tasks)
        let editors = Access.roles(CasePolicy.letterEditors)
        app.get("cases", R.caseID, "receipt", access: .signedIn, use: LetterController.receipt)
        app.get("cases", R.caseID, "letter", access: editors, use: LetterController.edit)
        app.post("cases", R.caseID, "letter", access: editors, use: LetterController.save)
        app.get("cases", R.caseID, "letter", "print", access: .signedIn, use: LetterController.print)

        let dataActors = Access.roles(CasePolicy.dataWorkers)
        app.post("cases", R.caseID, "datasets", access: dataActors, use: CaseRefusal.guarding(CaseDataController.attach))
        app.post("cases", R.caseID, "datasets", R.slug, "recover", access: dataActors, use: CaseRefusal.guarding(CaseDataController.recover))
        app.post("cases", R.caseID, "datasets", R.slug, "untrash", access: dataActors, use: CaseRefusal.guarding(CaseDataController.untrash))
        app.get("cases", R.caseID, "storage-log", access: .signedIn, use: CaseDataController.storageLog)
        let attachers = Access.roles(CasePolicy.attachers)
        app.route(.POST, ["cases", R.caseID, "attachments", "upload"], access: attachers, body: .stream, use: CaseRefusal.guarding(CaseAttachmentController.upload))
        app.get("cases", R.caseID, "attachments", R.attachmentID, access: .signedIn, use: CaseAttachmentController.download)
        app.post("cases", R.caseID, "attachments", R.attachmentID, "store", access: dataActors, use: CaseRefusal.guarding(CaseAttachmentController.store))
        app.post("cases", R.caseID, "report", access: Access.roles(CasePolicy.reportEditors), use: CaseRefusal.guarding(CaseReportController.save))
        app.get("cases", R.caseID, "report", R.round, access: .signedIn, use: CaseReportController.print)
        app.post("cases", R.caseID, "report", "final", access: Access.roles(CasePolicy.finalReportEditors), use: CaseReportController.saveFinal)
        app.get("cases", R.caseID, "record", access: .signedIn, use: CaseRecordController.print)

        let api = app.grouped("api", "v1").grouped(APITokenAuthMiddleware())
        api.get("cases", access: .signedIn, use: CaseAPI.list)
        api.post("cases", access: starters, use: CaseAPI.create)
        api.get("cases", R.caseID, access: .signedIn, use: CaseAPI.show)
        api.post("cases", R.caseID, "steps", R.step, "complete", access: actors, use: CaseAPI.complete)
        api.get("tasks", access: .signedIn, use: CaseAPI.tasks)
        api.get("cases", R.caseID, "timeline", access: .signedIn, use: CaseAPI.timeline)
        api.get("cases", R.caseID, "reports", access: .signedIn, use: CaseAPI.reports)
        api.get("cases", R.caseID, "reports", R.round, access: .signedIn, use: CaseAPI.report)
        api.route(.PUT, ["cases", R.caseID, "report"], access: Access.roles(CasePolicy.reportEditors), use: CaseAPI.saveReport)
        api.route(.PUT, ["cases", R.caseID, "report", "final"], access: Access.roles(CasePolicy.finalReportEditors), use: CaseAPI.saveFinalReport)
        api.get("cases", R.caseID, "letter", access: .signedIn, use: CaseAPI.letter)
        api.get("cases", R.caseID, "letter", "document", access: .signedIn, use: LetterController.document)
        api.get("cases", R.caseID, "reports", R.round, "document", access: .signedIn, use: CaseReportController.document)
        api.route(.PUT, ["cases", R.caseID, "letter"], access: editors, use: CaseAPI.saveLetter)
        api.post("cases", R.caseID, "datasets", access: dataActors, use: CaseAPI.attach)
        api.post("cases", R.caseID, "datasets", R.slug, "recover", access: dataActors, use: CaseAPI.recover)
        api.post("cases", R.caseID, "datasets", R.slug, "untrash", access: dataActors, use: CaseAPI.untrash)
        api.get("cases", R.caseID, "attachments", access: .signedIn, use: CaseAPI.attachments)
        api.route(.POST, ["cases", R.caseID, "attachments"], access: attachers, body: .stream, use: CaseAPI.addAttachment)
        api.get("cases", R.caseID, "attachments", R.attachmentID, "download", access: .signedIn, use: CaseAttachmentController.download)
        api.post("cases", R.caseID, "attachments", R.attachmentID, "store", access: dataActors, use: CaseAPI.storeAttachment)
    }
}
