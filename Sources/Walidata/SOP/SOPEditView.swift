import Vapor
import WalidataCore

/// The draft editor: identity texts, lane names, and per step its texts, executor, kind,
/// time standard, output and where it leads.
enum SOPEditView {
    static func render(_ req: Request, revision: SOPRevision, definition: SOPDefinition, note: String, issues: [SOPValidationIssue]) async -> HTML {
        let t = req.t
        let id = definition.identity
        let laneOptions = definition.lanes.map { (value: $0.code, label: $0.name) }
        let stepOptions = [(value: "", label: t("sop.edit.end"))] + definition.steps.map { (value: String($0.number), label: t("sop.step_n", String($0.number))) }
        let kindOptions = SOPStepKind.allCases.map { (value: $0.rawValue, label: t("sop.kind." + $0.rawValue)) }
        let laneFields = definition.lanes.enumerated().map { index, lane -> HTML in
            FormField.text("lanes[\(index)][name]", label: t("sop.edit.lane_name", t("role." + lane.code)), value: lane.name)
        }
        let stepFields = definition.steps.enumerated().map { index, step -> HTML in
            let p = "steps[\(index)]"
            return """
            <fieldset class="card" id="edit-step-\(step.number)">
            <legend><strong>\(t("sop.step_n", String(step.number)))</strong></legend>
            \(FormField.textarea("\(p)[activity]", label: t("sop.flow.activity"), value: step.activity, rows: 2))
            \(FormField.textarea("\(p)[activityEnglish]", label: t("sop.edit.activity_en"), value: step.activityEnglish, rows: 2))
            <div class="grid2">
            <div>\(FormField.select("\(p)[lane]", label: t("sop.edit.executor"), options: laneOptions, selected: step.lane))</div>
            <div>\(FormField.select("\(p)[kind]", label: t("sop.edit.kind"), options: kindOptions, selected: step.kind.rawValue))</div>
            <div>\(FormField.text("\(p)[requirement]", label: t("sop.flow.requirement"), value: step.requirement))</div>
            <div>\(FormField.text("\(p)[time]", label: t("sop.flow.time"), value: step.time.text, hint: t("calendar.standard_hint")))</div>
            <div>\(FormField.text("\(p)[output]", label: t("sop.flow.output"), value: step.output))</div>
            <div>\(FormField.text("\(p)[note]", label: t("sop.flow.note"), value: step.note))</div>
            <div>\(FormField.select("\(p)[next]", label: t("sop.edit.next"), options: stepOptions, selected: step.next.map(String.init) ?? "", hint: t("sop.edit.next_hint")))</div>
            <div>\(FormField.select("\(p)[yes]", label: t("sop.edit.yes"), options: stepOptions, selected: step.yes.map(String.init) ?? "", hint: t("sop.edit.decision_hint")))</div>
            <div>\(FormField.select("\(p)[no]", label: t("sop.edit.no"), options: stepOptions, selected: step.no.map(String.init) ?? ""))</div>
            </div>
            </fieldset>
            """
        }
        let body: HTML = """
        <h1>\(t("sop.edit.title", String(revision.number)))</h1>
        <p class="muted">\(t("sop.edit.intro"))</p>
        \(HTML.when(!issues.isEmpty, SOPViews.issueList(issues, t: t)))
        <form method="post" action="\(SiteURL.sopRevisionEdit(revision.number).path)">
        \(Layout.csrfField(req))
        <div class="card">
        \(FormField.text("changeNote", label: t("sop.change_note"), value: note, required: true))
        </div>
        <h2>\(t("sop.edit.identity"))</h2>
        <div class="card">
        <div class="grid2">
        <div>\(FormField.text("nomor", label: t("sop.id.number"), value: id.nomor))</div>
        <div>\(FormField.text("namaSOP", label: t("sop.id.name"), value: id.namaSOP))</div>
        <div>\(FormField.text("unit", label: t("sop.edit.unit"), value: id.unit))</div>
        <div>\(FormField.text("tanggalPembuatan", label: t("sop.id.created"), value: id.tanggalPembuatan))</div>
        <div>\(FormField.text("disahkanJabatan", label: t("sop.edit.approver_position"), value: id.disahkanJabatan, hint: t("sop.edit.approver_hint")))</div>
        </div>
        \(FormField.textarea("dasarHukum", label: t("sop.id.legal_basis"), value: id.dasarHukum.joined(separator: "\n"), rows: 4, hint: t("sop.edit.lines_hint")))
        \(FormField.textarea("kualifikasiPelaksana", label: t("sop.id.qualification"), value: id.kualifikasiPelaksana.joined(separator: "\n"), hint: t("sop.edit.lines_hint")))
        \(FormField.textarea("keterkaitan", label: t("sop.id.related"), value: id.keterkaitan.joined(separator: "\n"), hint: t("sop.edit.lines_hint")))
        \(FormField.textarea("peralatan", label: t("sop.id.equipment"), value: id.peralatan.joined(separator: "\n"), hint: t("sop.edit.lines_hint")))
        \(FormField.textarea("peringatan", label: t("sop.id.warning"), value: id.peringatan))
        \(FormField.textarea("pencatatan", label: t("sop.id.records"), value: id.pencatatan))
        </div>
        <h2>\(t("sop.edit.lanes"))</h2>
        <div class="card">\(laneFields)</div>
        <h2>\(t("sop.edit.steps"))</h2>
        \(stepFields)
        <div class="actions"><button type="submit" id="save-draft">\(t("form.save"))</button><a href="\(SiteURL.sopRevision(revision.number).path)">\(t("form.cancel"))</a></div>
        </form>
        """
        return await Layout.render(req, title: t("sop.edit.title", String(revision.number)), body: body)
    }
}
