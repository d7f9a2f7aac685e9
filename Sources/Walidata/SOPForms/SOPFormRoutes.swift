import Vapor

/// The SOP's monitoring and evaluation forms, pages and API. Every route admits the forms'
/// readers; what each may do beyond reading is `SOPFormPolicy`'s to decide.
enum SOPFormRoutes {
    static func register(_ app: Application) {
        typealias R = SiteURL.Route
        let readers = Access.roles(SOPFormPolicy.readers)
        app.get("sop", "monitoring", access: readers, use: SOPFormController.list)
        app.post("sop", "monitoring", "new", access: readers, use: SOPFormController.openMonitoring)
        app.get("sop", "monitoring", R.formID, access: readers, use: SOPFormController.monitoring)
        app.post("sop", "monitoring", R.formID, access: readers, use: SOPFormController.saveMonitoring)
        app.post("sop", "monitoring", R.formID, "complete", access: readers, use: SOPFormController.completeMonitoring)
        app.get("sop", "monitoring", R.formID, "print", access: readers, use: SOPFormController.printMonitoring)
        app.get("sop", "monitoring", R.formID, "formulir.xlsx", access: readers, use: SOPFormController.monitoringXlsx)
        app.post("sop", "evaluations", "new", access: readers, use: SOPFormController.openEvaluation)
        app.get("sop", "evaluations", R.evaluationID, access: readers, use: SOPFormController.evaluation)
        app.post("sop", "evaluations", R.evaluationID, access: readers, use: SOPFormController.saveEvaluation)
        app.post("sop", "evaluations", R.evaluationID, "complete", access: readers, use: SOPFormController.completeEvaluation)
        app.get("sop", "evaluations", R.evaluationID, "print", access: readers, use: SOPFormController.printEvaluation)
        app.get("sop", "evaluations", R.evaluationID, "evaluasi.xlsx", access: readers, use: SOPFormController.evaluationXlsx)
        app.post("sop", "evaluations", R.evaluationID, "revision", access: readers, use: SOPFormController.startRevision)

        let api = app.grouped("api", "v1").grouped(APITokenAuthMiddleware())
        api.get("sop", "monitoring-forms", access: readers, use: SOPFormAPI.monitorings)
        api.post("sop", "monitoring-forms", access: readers, use: SOPFormAPI.openMonitoring)
        api.get("sop", "monitoring-forms", R.formID, access: readers, use: SOPFormAPI.monitoring)
        api.route(.PATCH, ["sop", "monitoring-forms", R.formID], access: readers, use: SOPFormAPI.saveMonitoring)
        api.post("sop", "monitoring-forms", R.formID, "complete", access: readers, use: SOPFormAPI.completeMonitoring)
        api.get("sop", "evaluations", access: readers, use: SOPFormAPI.evaluations)
        api.post("sop", "evaluations", access: readers, use: SOPFormAPI.openEvaluation)
        api.get("sop", "evaluations", R.evaluationID, access: readers, use: SOPFormAPI.evaluation)
        api.route(.PATCH, ["sop", "evaluations", R.evaluationID], access: readers, use: SOPFormAPI.saveEvaluation)
        api.post("sop", "evaluations", R.evaluationID, "complete", access: readers, use: SOPFormAPI.completeEvaluation)
        api.post("sop", "evaluations", R.evaluationID, "revision", access: readers, use: SOPFormAPI.startRevision)
    }
}
