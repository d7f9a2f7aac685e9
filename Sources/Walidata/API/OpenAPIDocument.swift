import Foundation
import WalidataCore

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`. A test fails
/// when a route under `/api/v1` is missing here, or an entry here has no route.
enum OpenAPIDocument {
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var roles: String
        var schema: String
        var parameters: [[String: Any]] = []
        var secured = true
        var body: String? = nil
        /// A POST that changes something but creates nothing answers 200, not 201.
        var creates = true
        /// Statuses this operation answers beyond those every operation of its kind does.
        var statuses: [Int: String] = [:]
    }

    static var operations: [Operation] { [
        .init(method: "get", path: "/api/v1/me", summary: "The user the token belongs to.", roles: "any", schema: "User"),
        .init(method: "get", path: "/api/v1/sop", summary: "The SOP revision in force, with its whole definition.", roles: "any", schema: "SOPRevision"),
        .init(method: "get", path: "/api/v1/sop/revisions", summary: "All SOP revisions, newest first (without definitions).", roles: "any", schema: "SOPRevisionList", parameters: paging),
        .init(method: "get", path: "/api/v1/sop/revisions/{revision}", summary: "One SOP revision with its definition.", roles: "any", schema: "SOPRevision",
              parameters: [["name": "revision", "in": "path", "required": true, "schema": ["type": "integer"]]]),
        .init(method: "get", path: "/api/v1/organizations", summary: "Organisations (Perangkat Daerah).", roles: "any", schema: "OrganizationList", parameters: paging),
        .init(method: "get", path: "/api/v1/users", summary: "All user accounts, by username.", roles: "admin", schema: "UserList", parameters: paging),
        .init(method: "get", path: "/api/v1/calendar", summary: "Working hours per ISO weekday (1 = Monday) and non-working days.", roles: "any", schema: "Calendar"),
        .init(method: "get", path: "/api/v1/calendar/due", summary: "The due instant of a time standard started at `start`, in working time.", roles: "any", schema: "Due",
              parameters: [
                ["name": "start", "in": "query", "required": true, "schema": ["type": "string", "format": "date-time"], "example": "2026-11-24T10:00:00+07:00"],
                ["name": "standard", "in": "query", "required": true, "schema": ["type": "string", "pattern": TimeStandard.apiPattern], "example": "2 hari"],
              ]),
        .init(method: "get", path: "/api/v1/datasets", summary: "Datasets the token's user may see (a produsen: its own agency's). Filters: q, organization.", roles: "any", schema: "DatasetList",
              parameters: [query("q", "Text in the title, topic or tags"), query("organization", "Organisation id (UUID)")] + paging),
        .init(method: "post", path: "/api/v1/datasets", summary: "Create a dataset (JSON body with the catalogue metadata; title, organizationID, frequency and access are required).", roles: "admin, pengelola_ti", schema: "Dataset",
              body: "DatasetIn"),
        .init(method: "get", path: "/api/v1/datasets/{slug}", summary: "One dataset's metadata.", roles: "any", schema: "Dataset", parameters: [slug]),
        .init(method: "patch", path: "/api/v1/datasets/{slug}", summary: "Change a dataset's metadata: the fields sent replace the stored ones. Descriptive fields: the curators and the owning agency's produsen; the access class and the owning agency (organizationID): the curators only (403, nothing saved). Each changed field is logged with its old and new value. A published dataset whose access class is no longer terbuka leaves the portal.", roles: "admin, pengelola_ti, produsen (own agency)", schema: "Dataset", parameters: [slug], body: "DatasetPatch", creates: false,
              statuses: [409: "The dataset is in the trash."]),
        .init(method: "get", path: "/api/v1/datasets/{slug}/columns", summary: "The current table's columns in order, each with its description (\"\" when none). Descriptions are kept by column name across versions.", roles: "any", schema: "Columns", parameters: [slug]),
        .init(method: "put", path: "/api/v1/datasets/{slug}/columns", summary: "Set column descriptions ({\"columns\": [{\"name\": …, \"description\": …}]}); columns not named keep theirs, \"\" removes one. All or nothing: 422 for a column the current table lacks or a description over 1000 characters. Logged; searched by the catalogue; shown in the CKAN API (datastore_search fields' info.notes, resource_show).", roles: "admin, pengelola_ti, produsen (own agency)", schema: "Columns", parameters: [slug], body: "ColumnsIn"),
        .init(method: "post", path: "/api/v1/datasets/{slug}/publish", summary: "Publication act: put an eligible dataset (access class terbuka, not in the trash; else 409) on the public portal, with a reason ({\"reason\": …}, 422 when empty), logged in the audit trail.", roles: "kabid, admin", schema: "Dataset", parameters: [slug], body: "Reason", creates: false,
              statuses: [409: "Not eligible (access class not terbuka, or in the trash), or already published."]),
        .init(method: "post", path: "/api/v1/datasets/{slug}/withdraw", summary: "Take a published dataset off the public portal at once, with a reason ({\"reason\": …}), logged. 409 when it is not published.", roles: "kabid, admin", schema: "Dataset", parameters: [slug], body: "Reason", creates: false,
              statuses: [409: "The dataset is not on the portal."]),
        .init(method: "delete", path: "/api/v1/datasets/{slug}", summary: "Move a dataset to the trash (JSON body {\"note\": reason}). It is kept and can be restored.", roles: "admin, pengelola_ti", schema: "", parameters: [slug], body: "Note"),
        .init(method: "get", path: "/api/v1/datasets/{slug}/versions", summary: "All versions, newest first.", roles: "any", schema: "VersionList", parameters: [slug] + paging),
        .init(method: "post", path: "/api/v1/datasets/{slug}/versions", summary: "Upload a file as the next version: the raw file is the request body (streamed; 413 over the limit). CSV/TSV are checked and loaded; a file that cannot be read as a table is kept as a rejected version.", roles: "admin, pengelola_ti, produsen (own agency); with case=: the case's step 3–4 executor while those steps are open", schema: "Version",
              parameters: [slug, query("filename", "The file's name, e.g. data.csv", required: true), query("note", "Change note"), query("case", "Case id (UUID): store the file for that case at step 3 or 4; it then counts as received for the case")], body: "File"),
        .init(method: "get", path: "/api/v1/datasets/{slug}/versions/{number}", summary: "One version with its check report.", roles: "any", schema: "Version", parameters: [slug, number]),
        .init(method: "get", path: "/api/v1/datasets/{slug}/versions/{number}/download", summary: "The file exactly as it was handed over.", roles: "any", schema: "File", parameters: [slug, number]),
        .init(method: "post", path: "/api/v1/datasets/{slug}/versions/{number}/restore", summary: "Recovery: make this version's file the new current version (a new version that names its source).", roles: "admin, pengelola_ti", schema: "Version", parameters: [slug, number], body: "Note"),
        .init(method: "post", path: "/api/v1/datasets/{slug}/versions/{number}/reading", summary: "Read a workbook version's stored file again with another sheet (1-based) or header row (the row number Excel shows); omitted fields are detected. The result is a new version (same file, new check and table); 409 when the version is not an Excel workbook.", roles: "admin, pengelola_ti, produsen (own agency)", schema: "Version", parameters: [slug, number], body: "Reading",
              statuses: [409: "The version's file is not an Excel workbook, or the dataset is in the trash."]),
        .init(method: "get", path: "/api/v1/datasets/{slug}/versions/{number}/data", summary: "A page of rows of an accepted version's table. Up to three filters c1/o1/v1 … c3/o3/v3 (column, operation, value); sort (column) with desc=1; limit (at most 1000) and offset.", roles: "any", schema: "TablePage",
              parameters: [slug, number] + tableParameters),
        .init(method: "get", path: "/api/v1/datasets/{slug}/versions/{number}/export", summary: "The whole table, or the rows the filters select, as CSV (format=csv, or csv-excel with a byte order mark for Excel), JSON (format=json: an array of objects with typed values) or an Excel workbook (format=xlsx: numbers, dates and booleans typed, codes as text, a frozen header; past 1,048,576 rows the rows go on in a second sheet). Streamed.", roles: "any", schema: "File",
              parameters: [slug, number, query("format", "csv, csv-excel, json or xlsx")] + tableParameters),
        .init(method: "get", path: "/api/v1/datasets/{slug}/compare", summary: "Compare two accepted versions: columns added/removed, rows added/removed/changed (by the key column, or whole rows without one), with examples.", roles: "any", schema: "Comparison",
              parameters: [slug, query("from", "Older version number", required: true), query("to", "Newer version number", required: true), query("key", "Key column (optional)")]),
        .init(method: "get", path: "/api/v1/cases", summary: "Cases (permohonan pengelolaan data) the token's user may see, newest first (a produsen: its own agency's). Filter: state=open|closed.", roles: "any", schema: "CaseList",
              parameters: [["name": "state", "in": "query", "required": false, "description": "open or closed; absent: all", "schema": ["type": "string", "enum": ["open", "closed", ""]]]] + paging),
        .init(method: "post", path: "/api/v1/cases", summary: "Register a case: it gets the next registration number, follows the SOP revision in force to the end, and opens step 1. A produsen submits for its own agency; office staff give organizationID and requesterName.", roles: "produsen, administrasi, admin", schema: "Case", body: "CaseIn"),
        .init(method: "get", path: "/api/v1/cases/{caseID}", summary: "One case with its step instances (each with due instant and deadline status) and its timeline.", roles: "any (a produsen: own agency only)", schema: "Case", parameters: [caseID]),
        .init(method: "post", path: "/api/v1/cases/{caseID}/steps/{step}/complete", summary: "Complete the open step. Only the step's executor role may (an admin with overrideReason). Step 1 needs the checklist. A step whose output is a document is refused with 422 while it is empty: step 2 until the letter is saved (PUT …/letter), step 5 (and 6) while the report narrative is empty (PUT …/report). The decision step (7) needs decision (ya/tidak); tidak needs a note, may name the report section the note is about (section; 422 for an unknown one), and returns the work to step 5. Step 9 publishes the announcement (its saved draft, overwritten by any announcement fields sent here) and writes one delivery per chosen channel; 422 when the title or text is empty or no channel is chosen, or when a dataset it names lacks Satu Data metadata (topic, source, unit, period; the message names each dataset and field). 409 when the step is not open (e.g. completed a moment ago by someone else).", roles: "administrasi, pengelola_ti, kasi, kabid (by lane), admin", schema: "Case", parameters: [caseID, ["name": "step", "in": "path", "required": true, "schema": ["type": "integer"]]], body: "StepCompletion"),
        .init(method: "get", path: "/api/v1/cases/{caseID}/announcement", summary: "Step 9's announcement: the saved draft, or the one the system proposes (the case's title and datasets, the website channel) when none is saved; once published, with its deliveries per channel. 404 before step 9 opens.", roles: "any (a produsen: own agency only)", schema: "Announcement", parameters: [caseID],
              statuses: [409: "Step 9 has not opened yet: there is no announcement to show."]),
        .init(method: "put", path: "/api/v1/cases/{caseID}/announcement", summary: "Save the announcement draft while step 9 is open (409 otherwise, and 409 once published: a published announcement is frozen). A field left out keeps its value. Publishing is completing step 9 (POST …/steps/9/complete), which refuses with 422 when the title or text is empty or no channel is chosen.", roles: "kabid, admin", schema: "Announcement", parameters: [caseID], body: "AnnouncementIn"),
        .init(method: "post", path: "/api/v1/cases/{caseID}/deliveries/{deliveryID}/resend", summary: "Kirim ulang sekarang: makes a Facebook or WhatsApp delivery that has not gone out (failed, needs_login, or pending after a failed attempt) due now; the outbox worker sends it on its next run, first looking for an earlier attempt's post. A delivery already sent is never sent again (403, nothing changed). Logged as delivery.resend. Answers the announcement with its deliveries.", roles: "kabid, admin", schema: "Announcement", parameters: [caseID, ["name": "deliveryID", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]], creates: false,
              statuses: [403: "Not the kabid or an admin, or the delivery was sent already / has not been tried yet."]),
        .init(method: "get", path: "/api/v1/public/announcements", summary: "Published announcements, newest first, each with the datasets it names whose access class is terbuka. No token needed.", roles: "anyone", schema: "PublicAnnouncementList", parameters: paging, secured: false),
        .init(method: "get", path: "/api/v1/cases/{caseID}/timeline", summary: "The case's history: each step opened, completed, approved or returned (with the note and the report section it points at), and every event-log entry naming the case with its hash. The printable case record is at recordURL.", roles: "any (a produsen: own agency only)", schema: "Timeline", parameters: [caseID]),
        .init(method: "get", path: "/api/v1/cases/{caseID}/reports", summary: "The report rounds (steps 5–8), round 1 first: state, drafted facts, narrative, the kasi's decision, note and section.", roles: "any (a produsen: own agency only)", schema: "ReportList", parameters: [caseID] + paging),
        .init(method: "get", path: "/api/v1/cases/{caseID}/reports/{round}", summary: "One report round.", roles: "any (a produsen: own agency only)", schema: "Report", parameters: [caseID, ["name": "round", "in": "path", "required": true, "schema": ["type": "integer"]]]),
        .init(method: "put", path: "/api/v1/cases/{caseID}/report", summary: "Save the narrative of the round being written. Only while step 5 is open (409 otherwise; nothing is changed). A returned round's next round starts from its narrative.", roles: "pengelola_ti, admin", schema: "Report", parameters: [caseID], body: "NarrativeIn"),
        .init(method: "put", path: "/api/v1/cases/{caseID}/report/final", summary: "Step 8: save the kasi's adjusted narrative of the approved round (the final concept); the approved round is kept as it was. Only while step 8 is open (409 otherwise); an empty text is 422; nothing is changed.", roles: "kasi, admin", schema: "Report", parameters: [caseID], body: "NarrativeIn"),
        .init(method: "get", path: "/api/v1/cases/{caseID}/letter", summary: "The step 2 registration letter (Surat Pendaftaran): the saved text, or the draft from the case; its Nomor once step 2 completed. 409 before step 2.", roles: "any (a produsen: own agency only)", schema: "Letter", parameters: [caseID],
              statuses: [409: "Step 2 has not opened yet: there is no letter."]),
        .init(method: "get", path: "/api/v1/cases/{caseID}/letter/document", summary: "The registration letter as a Word (format=docx) or PDF (format=pdf) file, as its print view shows it: kop surat, Nomor, Hal, signer. 400 without a known format; 404 before step 2.", roles: "any (a produsen: own agency only)", schema: "Document", parameters: [caseID, documentFormat]),
        .init(method: "get", path: "/api/v1/cases/{caseID}/reports/{round}/document", summary: "A report round (round number) or the final concept of step 8 (round=final) as a Word (format=docx) or PDF (format=pdf) file, as its print view shows it.", roles: "any (a produsen: own agency only)", schema: "Document",
              parameters: [caseID, ["name": "round", "in": "path", "required": true, "schema": ["type": "string", "pattern": "^([0-9]{1,6}|final)$"]], documentFormat]),
        .init(method: "get", path: "/api/v1/cases/{caseID}/final-report/document", summary: "The laporan akhir of step 9 as a Word (format=docx) or PDF (format=pdf) file, as issued when the announcement was published. 404 before publication.", roles: "any (a produsen: own agency only)", schema: "Document", parameters: [caseID, documentFormat]),
        .init(method: "put", path: "/api/v1/cases/{caseID}/letter", summary: "Save the letter's text (every field; date as YYYY-MM-DD). From step 2 until the case closes (409 otherwise); 422 lists missing fields. The Nomor is assigned when step 2 completes, never here.", roles: "administrasi, admin", schema: "Letter", parameters: [caseID], body: "LetterIn"),
        .init(method: "post", path: "/api/v1/cases/{caseID}/datasets", summary: "Step 3: link a dataset of the case's agency to the case ({\"dataset\": id}, also one in the trash, for a recovery) or make a new one ({\"title\": …} with its Satu Data metadata topic, source, unit, period and access; access is terbatas unless given). Then store its file for the case with POST /api/v1/datasets/{slug}/versions?case={caseID}. Only while step 3 or 4 is open (409).", roles: "pengelola_ti, admin", schema: "Case", parameters: [caseID], body: "CaseDatasetIn"),
        .init(method: "post", path: "/api/v1/cases/{caseID}/datasets/{slug}/recover", summary: "Steps 3–4 recovery for the case: version N's file becomes the dataset's current version ({\"version\": N}), logged for the case.", roles: "pengelola_ti, admin", schema: "Case", parameters: [caseID, slug], body: "RecoverIn"),
        .init(method: "post", path: "/api/v1/cases/{caseID}/datasets/{slug}/untrash", summary: "Steps 3–4 recovery of a deleted dataset for the case: back from the trash, logged for the case.", roles: "pengelola_ti, admin", schema: "Case", parameters: [caseID, slug]),
        .init(method: "get", path: "/api/v1/cases/{caseID}/attachments", summary: "The files attached to the request (lampiran permohonan), oldest first, each with who uploaded it and, once the IT officer stored it at step 3–4, the dataset version it became and that version's check status.", roles: "any (a produsen: own agency only)", schema: "AttachmentList", parameters: [caseID] + paging),
        .init(method: "post", path: "/api/v1/cases/{caseID}/attachments", summary: "Attach a file to the request: the raw file is the request body (streamed; 413 over the limit, nothing kept). Only while step 1, 2 or 3 is open (409 otherwise); another agency's case is 404. Logged as case.attach.", roles: "produsen (own agency), administrasi, admin", schema: "Attachment",
              parameters: [caseID, query("filename", "The file's name, e.g. data.csv (default: berkas)"), query("note", "What the file is")], body: "File"),
        .init(method: "get", path: "/api/v1/cases/{caseID}/attachments/{attachmentID}/download", summary: "The attached file exactly as it was handed over (Content-Disposition names it).", roles: "any (a produsen: own agency only)", schema: "File", parameters: [caseID, attachmentID]),
        .init(method: "post", path: "/api/v1/cases/{caseID}/attachments/{attachmentID}/store", summary: "Steps 3–4: store the attachment as the next version of one of the case's datasets ({\"dataset\": id}) or of a new dataset in the case's agency ({\"title\": …} and its metadata, as for POST …/datasets). The file goes through the normal intake (CSV checked, profiled, loaded; a rejected CSV is kept as a rejected version with its report) and counts for the case like an upload with case=. 409 when it is already stored, or outside steps 3–4.", roles: "pengelola_ti, admin", schema: "Attachment", parameters: [caseID, attachmentID], body: "CaseDatasetIn"),
        .init(method: "get", path: "/api/v1/tasks", summary: "Tugas saya: open steps whose executor is the token user's role, soonest due first.", roles: "any", schema: "TaskList", parameters: paging),
        .init(method: "get", path: "/api/v1/notifications", summary: "The token user's own notifications, newest first, with the unread count. A step_late notification says which step instance of which case passed its due instant; lateSeconds is working time past the due instant (until completion, or until now).", roles: "any", schema: "NotificationList", parameters: paging),
        .init(method: "post", path: "/api/v1/notifications/{notificationID}/read", summary: "Mark one of your notifications read (again is fine). Another user's notification is 404 and stays unchanged.", roles: "any (own notifications only)", schema: "Notification",
              parameters: [["name": "notificationID", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]], creates: false),
        .init(method: "post", path: "/api/v1/notifications/read-all", summary: "Mark all your unread notifications read; answers how many were marked.", roles: "any", schema: "ReadAll", creates: false),
        .init(method: "get", path: "/api/v1/dashboard", summary: "The monitoring dashboard: open cases by the step they are at, step instances late now, and for the period (from/to, YYYY-MM-DD, both included, WIB; default the current month) each step's completions with median and 90th-percentile working time (seconds), its time standard and the share done on time. 400 for a date that cannot be read, 422 for an end before the start.", roles: "kasi, kabid, kepala_dinas, admin", schema: "Dashboard",
              parameters: [date("from", "First day, YYYY-MM-DD (default: first day of this month)"), date("to", "Last day, YYYY-MM-DD (default: last day of this month)")],
              statuses: [422: "The period ends before it starts."]),
        .init(method: "get", path: "/api/v1/sop/monitoring-forms", summary: "Formulir Monitoring Pelaksanaan SOP (Permenpan RB 35/2012), newest first.", roles: "kasi, kabid, kepala_dinas, admin", schema: "SOPMonitoringFormList", parameters: paging),
        .init(method: "post", path: "/api/v1/sop/monitoring-forms", summary: "Open a monitoring form for a period (from/to, YYYY-MM-DD; default this month) and an executor (lane code of the SOP in force; empty: all). Its lines are the SOP's steps with the period's figures (completions, median and 90th-percentile working seconds, share on time, overdue instances) and a suggested assessment, which starts as the answer.", roles: "kasi, kabid", schema: "SOPMonitoringForm", body: "SOPFormPeriod",
              statuses: [422: "The period or the executor is not right; the message says what to fix."]),
        .init(method: "get", path: "/api/v1/sop/monitoring-forms/{formID}", summary: "One monitoring form: a draft's figures are measured now, a completed form's are those it was completed with.", roles: "kasi, kabid, kepala_dinas, admin", schema: "SOPMonitoringForm", parameters: [formID]),
        .init(method: "patch", path: "/api/v1/sop/monitoring-forms/{formID}", summary: "Change the answers of the steps sent (assessment ya, tidak or tidak_berjalan; note; action). 409 once the form is completed.", roles: "kasi, kabid", schema: "SOPMonitoringForm", parameters: [formID], body: "SOPMonitoringPatch", creates: false,
              statuses: [409: "The form is completed and can no longer be changed."]),
        .init(method: "post", path: "/api/v1/sop/monitoring-forms/{formID}/complete", summary: "Complete the form: every step assessed, and a step not run as written with its action (422 naming the step otherwise). The figures are frozen with the monitor's name and NIP.", roles: "kasi, kabid", schema: "SOPMonitoringForm", parameters: [formID], creates: false,
              statuses: [409: "The form is already completed.", 422: "A step is not assessed, or lacks its action; the message names it."]),
        .init(method: "get", path: "/api/v1/sop/evaluations", summary: "Evaluasi Penerapan SOP (the seven criteria of Permenpan RB 35/2012), newest first.", roles: "kasi, kabid, kepala_dinas, admin", schema: "SOPEvaluationList", parameters: paging),
        .init(method: "post", path: "/api/v1/sop/evaluations", summary: "Open an evaluation for a period (from/to, YYYY-MM-DD; default this month).", roles: "kasi, kabid", schema: "SOPEvaluation", body: "SOPFormPeriod",
              statuses: [422: "The period is not right; the message says what to fix."]),
        .init(method: "get", path: "/api/v1/sop/evaluations/{evaluationID}", summary: "One evaluation.", roles: "kasi, kabid, kepala_dinas, admin", schema: "SOPEvaluation", parameters: [evaluationID]),
        .init(method: "patch", path: "/api/v1/sop/evaluations/{evaluationID}", summary: "Change the answers sent (criterion 1-7, answer ya or tidak, note) and the recommendation. 409 once completed.", roles: "kasi, kabid", schema: "SOPEvaluation", parameters: [evaluationID], body: "SOPEvaluationPatch", creates: false,
              statuses: [409: "The evaluation is completed and can no longer be changed."]),
        .init(method: "post", path: "/api/v1/sop/evaluations/{evaluationID}/complete", summary: "Complete the evaluation: all seven criteria answered, a No with its note (422 naming the criterion otherwise).", roles: "kasi, kabid", schema: "SOPEvaluation", parameters: [evaluationID], creates: false,
              statuses: [409: "The evaluation is already completed.", 422: "A criterion is not answered, or a No lacks its note."]),
        .init(method: "post", path: "/api/v1/sop/evaluations/{evaluationID}/revision", summary: "Open an SOP revision draft (the usual draft and approval flow) whose change note names this completed evaluation and carries its recommendation; once per evaluation.", roles: "admin", schema: "SOPEvaluation", parameters: [evaluationID],
              statuses: [409: "The evaluation is not completed, a revision was already opened from it, or another SOP draft exists."]),
        .init(method: "get", path: "/api/v1/openapi.json", summary: "This document.", roles: "anyone", schema: "", secured: false),
    ] }

    private static func query(_ name: String, _ description: String, required: Bool = false) -> [String: Any] {
        ["name": name, "in": "query", "required": required, "description": description, "schema": ["type": "string"]]
    }
    private static func date(_ name: String, _ description: String) -> [String: Any] {
        // Empty is the same as absent (a form left blank), so the document allows it too.
        ["name": name, "in": "query", "required": false, "description": description,
         "schema": ["type": "string", "anyOf": [["format": "date"], ["maxLength": 0]]]]
    }
    /// Every list: `limit` and `offset`; the answer says `total`.
    private static var paging: [[String: Any]] { [
        ["name": "limit", "in": "query", "required": false, "description": "Items per page (default \(PageWindow.defaultLimit), at most \(PageWindow.maxLimit))",
         "schema": ["type": "integer", "minimum": 1, "maximum": PageWindow.maxLimit, "default": PageWindow.defaultLimit]],
        ["name": "offset", "in": "query", "required": false, "description": "Items to skip (default 0)", "schema": ["type": "integer", "minimum": 0, "maximum": PageWindow.maxOffset, "default": 0]],
    ] }
    private static var tableParameters: [[String: Any]] {
        (1...3).flatMap { n in
            [query("c\(n)", "Filter \(n): column name"), query("o\(n)", "Filter \(n): equals, notEquals, contains, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, isEmpty, isNotEmpty"), query("v\(n)", "Filter \(n): value as a person types it (12,5 or 1.234,56 or 1234.56; dates 2025-12-31 or 31/12/2025)")]
        } + [query("sort", "Column to sort by"), query("desc", "1 for descending"), query("limit", "Rows per page (default 100, at most 1000)"), query("offset", "Rows to skip")]
    }
    private static var slug: [String: Any] { ["name": "slug", "in": "path", "required": true, "schema": ["type": "string"]] }
    private static var attachmentID: [String: Any] { ["name": "attachmentID", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]] }
    private static var documentFormat: [String: Any] {
        ["name": "format", "in": "query", "required": true, "description": "docx (Word) or pdf", "schema": ["type": "string", "enum": ["docx", "pdf"]]]
    }
    private static var caseID: [String: Any] { ["name": "caseID", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]] }
    private static var number: [String: Any] { ["name": "number", "in": "path", "required": true, "schema": ["type": "integer"]] }
    private static var formID: [String: Any] { ["name": "formID", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]] }
    private static var evaluationID: [String: Any] { ["name": "evaluationID", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]] }

    static func json(serverURL: String) throws -> Data {
        var paths: [String: [String: Any]] = [:]
        for op in operations {
            var responses: [String: Any] = [:]
            if op.method == "delete" {
                responses["204"] = ["description": "Done."]
            } else if op.schema == "Document" {
                let binary: [String: Any] = ["schema": ["type": "string", "format": "binary"]]
                responses["200"] = ["description": "The document file (Content-Disposition names it).", "content": [
                    "application/pdf": binary, "application/vnd.openxmlformats-officedocument.wordprocessingml.document": binary,
                ]]
            } else if op.schema == "File" {
                responses["200"] = ["description": "The file.", "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]]
            } else if op.schema.isEmpty {
                responses["200"] = ["description": "OK", "content": ["application/json": ["schema": ["type": "object"]]]]
            } else if op.method == "post" && !op.creates {
                responses["200"] = ["description": "OK", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(op.schema)"]]]]
            } else if op.method == "post" {
                responses["201"] = ["description": "Created.", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(op.schema)"]]]]
            } else {
                responses["200"] = ["description": "OK", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(op.schema)"]]]]
            }
            if op.secured {
                responses["401"] = ref("Error", "Missing, unknown or revoked token.")
                responses["403"] = ref("Error", "The token's user has a role that may not use this.")
            }
            if !op.parameters.isEmpty || op.body != nil { responses["400"] = ref("Error", "A parameter or the body is malformed (e.g. JSON of the wrong type).") }
            if op.method == "put" || op.path.contains("{caseID}/") && op.method == "post" {
                responses["409"] = ref("Error", "The case's state does not allow this now (e.g. the step is not open); nothing was changed.")
            }
            if op.body != nil {
                responses["415"] = ref("Error", op.body == "File" ? "Not used for files: any type is stored as sent." : "The body is not JSON (send Content-Type: application/json).")
                responses["422"] = ref("Error", "The body is not right (a required field is empty, or names something that does not exist); the message says what to fix.")
                if op.body == "File" { responses["415"] = nil }
            }
            if responses["422"] == nil, op.parameters.contains(where: { $0["in"] as? String == "query" }) {
                // Every query string passes the stored-text rule (StoredText.QueryGuard).
                responses["422"] = ref("Error", "A query parameter holds a control character or is longer than any stored text may be; the message names it.")
            }
            if op.path.contains("{") { responses["404"] = ref("Error", "Not found.") }
            for (status, description) in op.statuses { responses[String(status)] = ref("Error", description) }
            var operation: [String: Any] = [
                "summary": op.summary,
                "operationId": op.method + op.path.replacingOccurrences(of: "/api/v1", with: "").split(whereSeparator: { "/{}.".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                "description": "Roles: \(op.roles).",
                "responses": responses,
            ]
            if !op.parameters.isEmpty { operation["parameters"] = op.parameters }
            if let body = op.body {
                operation["requestBody"] = body == "File"
                    ? ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]]
                    : ["required": body != "Note" && body != "StepCompletion", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(body)"]]]]
                if body == "File" { responses["413"] = ref("Error", "The file is larger than the configured limit; nothing was stored.") }
                operation["responses"] = responses
            }
            if !op.secured { operation["security"] = [[String: Any]]() }
            paths[op.path, default: [:]][op.method] = operation
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Walidata API",
                "version": "1",
                "description": "JSON API of Walidata. Authenticate with a personal access token: `Authorization: Bearer wld_…` (create one under Akun saya → Token API). Errors are `{\"error\": {\"status\", \"code\", \"message\"}}`.",
            ],
            "servers": [["url": serverURL]],
            "security": [["bearer": [String]()]],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": schemas,
            ],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    private static var timelineEntry: [String: Any] {
        object([
            "kind": ["type": "string", "enum": ["opened", "completed", "approved", "returned", "closed"]], "step": ["type": "integer"], "round": ["type": "integer"],
            "at": dateTime, "role": nullableString, "actor": nullableString, "note": nullableString, "overrideReason": nullableString,
            "section": ["type": ["string", "null"], "description": "For a return: the report section the note is about."],
        ], required: ["kind", "step", "round", "at"])
    }

        private static func ref(_ schema: String, _ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(schema)"]]]]
    }

    private static func object(_ properties: [String: Any], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }

    private static var string: [String: Any] { ["type": "string"] }
    private static var nullableString: [String: Any] { ["type": ["string", "null"]] }
    private static var dateTime: [String: Any] { ["type": "string", "format": "date-time"] }
    private static var nullableDateTime: [String: Any] { ["type": ["string", "null"], "format": "date-time"] }

    /// A page of a list: `count` items here, `total` in all, from `offset`.
    private static func list(_ item: String, extra: [String: Any] = [:]) -> [String: Any] {
        object(["items": ["type": "array", "items": ["$ref": "#/components/schemas/\(item)"]], "count": ["type": "integer"], "total": ["type": "integer"],
                "limit": ["type": "integer"], "offset": ["type": "integer"]].merging(extra) { a, _ in a },
               required: ["items", "count", "total", "limit", "offset"] + extra.keys.sorted())
    }
    /// A request body: a property that is not required may also be sent as null (the server
    /// reads it as absent), so the document says so.
    private static func input(_ properties: [String: Any], required: [String]) -> [String: Any] {
        var open = properties
        for (name, value) in properties where !required.contains(name) {
            guard var schema = value as? [String: Any] else { continue }
            if let type = schema["type"] as? String { schema["type"] = [type, "null"] }
            if var values = schema["enum"] as? [Any] { values.append(NSNull()); schema["enum"] = values }
            open[name] = schema
        }
        return object(open, required: required)
    }
    /// Text that must say something: not empty, not only spaces.
    private static func text(max: Int? = nil) -> [String: Any] {
        var schema: [String: Any] = ["type": "string", "minLength": 1, "pattern": "\\S"]
        if let max { schema["maxLength"] = max }
        return schema
    }

    private static var schemas: [String: Any] { [
        "Error": object(["error": object(["status": ["type": "integer"], "code": string, "message": string], required: ["status", "code", "message"])], required: ["error"]),
        "User": object([
            "id": ["type": "string", "format": "uuid"], "username": string, "fullName": string,
            "role": ["type": "string", "enum": ["admin", "administrasi", "pengelola_ti", "kasi", "kabid", "kepala_dinas", "produsen"]],
            "organizationID": ["type": ["string", "null"], "format": "uuid"], "active": ["type": "boolean"], "language": ["type": "string", "enum": ["id", "en"]],
        ], required: ["id", "username", "fullName", "role", "active", "language"]),
        "UserList": list("User"),
        "Organization": object([
            "id": ["type": "string", "format": "uuid"], "name": string, "code": string, "contactName": string,
            "phone": string, "email": string, "address": string, "active": ["type": "boolean"],
        ], required: ["id", "name", "code", "active"]),
        "OrganizationList": list("Organization"),
        "SOPRevision": object([
            "number": ["type": "integer"], "status": ["type": "string", "enum": ["draft", "in_force", "superseded"]],
            "changeNote": string, "createdAt": nullableDateTime, "approvedAt": nullableDateTime,
            "approverName": nullableString, "approverNIP": nullableString,
            "definition": ["description": "identity, lanes and steps of the SOP (see GET /api/v1/sop)", "type": ["object", "null"]],
        ], required: ["number", "status", "changeNote"]),
        "SOPRevisionList": list("SOPRevision"),
        "Calendar": object([
            "timeZone": string,
            "hours": ["type": "array", "items": object(["weekday": ["type": "integer", "minimum": 1, "maximum": 7], "opens": nullableString, "closes": nullableString], required: ["weekday"])],
            "nonWorkingDays": ["type": "array", "items": object(["date": ["type": "string", "format": "date"], "kind": ["type": "string", "enum": ["libur_nasional", "cuti_bersama", "penutupan_kantor"]], "description": string], required: ["date", "kind", "description"])],
        ], required: ["timeZone", "hours", "nonWorkingDays"]),
        "Dataset": object([
            "id": ["type": "string", "format": "uuid"], "slug": string, "title": string, "description": string,
            "organization": ["$ref": "#/components/schemas/Organization"], "topic": string, "tags": ["type": "array", "items": string],
            "frequency": ["type": "string", "enum": ["harian", "mingguan", "bulanan", "triwulanan", "semesteran", "tahunan", "lima_tahunan", "tidak_tetap"]],
            "coverage": string, "period": string, "unit": string, "source": string, "license": string, "contact": string,
            "access": ["type": "string", "enum": ["terbuka", "terbatas", "dikecualikan"]], "currentVersion": ["type": ["integer", "null"]],
            "createdAt": nullableDateTime, "updatedAt": nullableDateTime, "deleted": ["type": "boolean"],
            "published": ["description": "on the public portal now (a publication act, and still terbuka)", "type": "boolean"],
            "publishedAt": nullableDateTime,
        ], required: ["id", "slug", "title", "organization", "access", "published"]),
        "DatasetList": list("Dataset"),
        "DatasetIn": input([
            "title": text(max: 200), "description": ["type": "string", "maxLength": 5000], "organizationID": ["type": "string", "format": "uuid", "description": "An existing agency; a produsen's own"],
            "topic": ["type": "string", "maxLength": 200], "tags": ["type": "string", "maxLength": 500],
            "frequency": ["type": "string", "enum": ["harian", "mingguan", "bulanan", "triwulanan", "semesteran", "tahunan", "lima_tahunan", "tidak_tetap"]],
            "coverage": ["type": "string", "maxLength": 200], "period": ["type": "string", "maxLength": 100], "unit": ["type": "string", "maxLength": 100],
            "source": ["type": "string", "maxLength": 300], "license": ["type": "string", "maxLength": 100], "contact": ["type": "string", "maxLength": 300],
            "access": ["type": "string", "enum": ["terbuka", "terbatas", "dikecualikan"]],
        ], required: ["title", "organizationID", "frequency", "access"]),
        "DatasetPatch": input([
            "title": text(max: 200), "description": ["type": "string", "maxLength": 5000],
            "organizationID": ["type": "string", "format": "uuid", "description": "An existing agency; changing it needs a curator"],
            "topic": ["type": "string", "maxLength": 200], "tags": ["type": "string", "maxLength": 500],
            "frequency": ["type": "string", "enum": ["harian", "mingguan", "bulanan", "triwulanan", "semesteran", "tahunan", "lima_tahunan", "tidak_tetap"]],
            "coverage": ["type": "string", "maxLength": 200], "period": ["type": "string", "maxLength": 100], "unit": ["type": "string", "maxLength": 100],
            "source": ["type": "string", "maxLength": 300], "license": ["type": "string", "maxLength": 100], "contact": ["type": "string", "maxLength": 300],
            "access": ["type": "string", "enum": ["terbuka", "terbatas", "dikecualikan"], "description": "Changing it needs a curator"],
        ], required: []),
        "Reason": input(["reason": ["type": "string", "minLength": 1, "maxLength": 2000]], required: ["reason"]),
        "Note": input(["note": string], required: []),
        "Columns": object(["columns": ["type": "array", "items": object(["name": string, "description": string], required: ["name", "description"])]], required: ["columns"]),
        "ColumnsIn": input(["columns": ["type": "array", "items": object(["name": string, "description": ["type": "string", "maxLength": ColumnDescriptions.limit]], required: ["name", "description"])]], required: ["columns"]),
        "Reading": input(["sheet": ["type": "integer", "minimum": 1, "maximum": 10000], "headerRow": ["type": "integer", "minimum": 1, "maximum": 1048576],
                          "note": ["type": "string", "maxLength": 2000]], required: []),
        "Version": object([
            "number": ["type": "integer"], "status": ["type": "string", "enum": ["accepted", "stored", "rejected"]], "filename": string, "mediaType": string,
            "size": ["type": "integer"], "sha256": string, "rowCount": ["type": "integer"], "columnCount": ["type": "integer"], "changeNote": string,
            "recoveredFrom": ["type": ["integer", "null"]], "createdAt": nullableDateTime, "current": ["type": "boolean"], "downloadURL": string,
            "report": ["description": "The CSV check (accepted, encoding, delimiter, header, rowCount, columns with type/nulls/distinct/min/max, preview, problems with lines and messages in Indonesian and English); for an Excel workbook also `workbook` (sheets, sheetNumber, headerRows, firstDataRow, lastDataRow, totalRow, noteRows, titles), and lines are sheet row numbers; absent for unchecked files.", "type": ["object", "null"]],
            "reading": ["type": ["string", "null"], "description": "For a workbook read with a chosen sheet or header row: that choice, e.g. s2h5 (sheet 2, header row 5)."],
        ], required: ["number", "status", "filename", "size", "sha256", "current"]),
        "VersionList": list("Version"),
        "TablePage": object([
            "columns": ["type": "array", "items": string],
            "rows": ["type": "array", "items": object(["number": ["type": "integer"], "line": ["type": "integer"], "values": ["type": "array", "items": [:]]], required: ["number", "values"])],
            "totalCount": ["type": "integer"], "offset": ["type": "integer"], "limit": ["type": "integer"],
        ], required: ["columns", "rows", "totalCount", "offset", "limit"]),
        "Comparison": object([
            "keyColumn": nullableString, "columnsAdded": ["type": "array", "items": string], "columnsRemoved": ["type": "array", "items": string],
            "rowsAdded": ["type": "integer"], "rowsRemoved": ["type": "integer"], "rowsChanged": ["type": ["integer", "null"]], "rowsUnchanged": ["type": "integer"],
            "addedExamples": ["type": "array", "items": [:]], "removedExamples": ["type": "array", "items": [:]], "changedExamples": ["type": "array", "items": [:]],
        ], required: ["columnsAdded", "columnsRemoved", "rowsAdded", "rowsRemoved", "rowsUnchanged"]),
        "Case": object([
            "id": ["type": "string", "format": "uuid"], "number": string, "kind": ["type": "string", "enum": ["simpan_baru", "update", "recovery"]],
            "state": ["type": "string", "enum": ["open", "closed"]], "title": string, "description": string,
            "organization": ["$ref": "#/components/schemas/Organization"], "requesterName": string,
            "requestedBy": ["type": ["string", "null"], "format": "uuid"], "registeredBy": ["type": ["string", "null"], "format": "uuid"],
            "datasetIDs": ["type": "array", "items": ["type": "string", "format": "uuid"]], "sopRevision": ["type": "integer"],
            "createdAt": dateTime, "closedAt": nullableDateTime,
            "currentStep": ["oneOf": [["$ref": "#/components/schemas/CaseStep"], ["type": "null"]]],
            "letterNumber": ["type": ["string", "null"], "description": "The registration letter's Nomor, assigned once when step 2 completes."],
            "steps": ["type": "array", "items": ["$ref": "#/components/schemas/CaseStep"]],
            "timeline": ["type": "array", "items": ["$ref": "#/components/schemas/TimelineEntry"]],
        ], required: ["id", "number", "kind", "state", "title", "organization", "sopRevision", "createdAt", "steps", "timeline"]),
        "CaseStep": object([
            "step": ["type": "integer"], "round": ["type": "integer"], "activity": string, "lane": string, "openedAt": dateTime, "dueAt": dateTime,
            "completedAt": nullableDateTime, "completedBy": nullableString, "completedRole": nullableString,
            "outcome": ["type": ["string", "null"], "enum": ["done", "yes", "no", NSNull()]], "note": nullableString, "overrideReason": nullableString,
            "status": ["type": "string", "enum": ["on_time", "near_limit", "late", "done_on_time", "done_late"]],
        ], required: ["step", "round", "openedAt", "dueAt", "status"]),
        "CaseList": list("Case"),
        "CaseIn": input([
            "kind": ["type": "string", "enum": ["simpan_baru", "update", "recovery"]], "title": text(max: 200), "description": ["type": "string", "maxLength": 5000],
            // Role-dependent, so the schema cannot require them: a produsen's values are ignored
            // whatever they are, office staff without them get 422 saying which is missing.
            "organizationID": ["type": "string", "description": "The requesting agency's id (UUID, an active agency). Office staff: required (422 without). A produsen: ignored, its own agency is used."],
            "requesterName": ["type": "string", "description": "Who made the request on paper or by phone, 1–200 characters. Office staff: required (422 without). A produsen: ignored, its own name is used."],
            "datasetIDs": ["type": "array", "items": ["type": "string", "format": "uuid"], "description": "Datasets of that agency (422 for another's or an unknown one)"],
        ], required: ["kind", "title"]),
        "StepCompletion": input([
            "note": string, "decision": ["type": "string", "enum": ["ya", "tidak", "yes", "no"]], "overrideReason": string,
            "checklist": ["type": "array", "items": string, "description": "Step 1: the checklist items ticked, by their text; every required item of checklist.step1 must be present (422 names the missing ones)."],
            "conveyed": ["type": "string", "description": "Step 1: what was conveyed to the requester."],
            "title": ["type": "string", "description": "Step 9: the announcement's title (overwrites the saved draft's)."],
            "body": ["type": "string", "description": "Step 9: the announcement's text."],
            "datasetIDs": ["type": "array", "items": string, "description": "Step 9: which of the case's datasets it concerns."],
            "channels": ["type": "array", "items": ["type": "string", "enum": ["website", "whatsapp", "facebook"]], "description": "Step 9: where to publish."],
            "section": ["type": "string", "enum": ReportSection.allCases.map(\.rawValue), "description": "Step 7 returning: the section of the report round the note is about (umum = the whole report). Kept only with decision tidak."],
        ], required: []),
        "AnnouncementIn": input([
            "title": string, "body": string,
            "datasetIDs": ["type": "array", "items": ["type": "string", "format": "uuid"], "description": "Among the case's own datasets."],
            "channels": ["type": "array", "items": ["type": "string", "enum": ["website", "whatsapp", "facebook"]]],
        ], required: []),
        "Announcement": object([
            "id": ["type": ["string", "null"], "format": "uuid"], "caseID": ["type": "string", "format": "uuid"], "title": string, "body": string,
            "datasetIDs": ["type": "array", "items": ["type": "string", "format": "uuid"]],
            "channels": ["type": "array", "items": ["type": "string", "enum": ["website", "whatsapp", "facebook"]]],
            "state": ["type": "string", "enum": ["draft", "published"]], "saved": ["type": "boolean"], "updatedAt": dateTime, "publishedAt": nullableDateTime,
            "deliveries": ["type": "array", "items": object([
                "id": ["type": "string", "format": "uuid"],
                "channel": ["type": "string", "enum": ["website", "whatsapp", "facebook"]], "recipient": string,
                "state": ["type": "string", "enum": ["published", "pending", "not_configured", "failed", "needs_login"]], "attempts": ["type": "integer"],
                "nextAttemptAt": nullableDateTime, "deliveredAt": nullableDateTime, "answer": string,
                "externalID": ["type": ["string", "null"], "description": "The Facebook post ID or the WhatsApp wamid."],
                "messageStatus": ["type": ["string", "null"], "enum": ["accepted", "sent", "delivered", "read", "failed", NSNull()]],
                "errorCode": ["type": ["integer", "null"]], "fbtraceID": ["type": ["string", "null"]],
                "resendable": ["type": "boolean", "description": "Whether Kirim ulang sekarang applies to it (the state; the role is checked too)."],
            ], required: ["id", "channel", "state", "attempts"])],
        ], required: ["caseID", "title", "body", "datasetIDs", "channels", "state", "deliveries"]),
        "PublicAnnouncementList": list("PublicAnnouncement"),
        "PublicAnnouncement": object([
            "id": ["type": "string", "format": "uuid"], "title": string, "body": string, "publishedAt": dateTime, "url": string,
            "datasets": ["type": "array", "items": object(["slug": string, "title": string, "url": string], required: ["slug", "title", "url"])],
        ], required: ["id", "title", "body", "publishedAt", "url", "datasets"]),
        "Timeline": object([
            "caseID": ["type": "string", "format": "uuid"], "number": string,
            "entries": ["type": "array", "items": ["$ref": "#/components/schemas/TimelineEntry"]],
            "events": ["type": "array", "items": object([
                "sequence": ["type": "integer"], "at": dateTime, "action": string, "label": string, "actorName": string, "actorRole": string,
                "note": string, "details": ["type": "object", "additionalProperties": string], "hash": string, "previousHash": string,
            ], required: ["sequence", "at", "action", "hash", "previousHash"])],
            "recordURL": ["type": "string", "description": "The printable A4 case record (Catatan Kasus), for a signed-in browser."],
        ], required: ["caseID", "number", "entries", "events", "recordURL"]),
        "TimelineEntry": timelineEntry,
        "Report": object([
            "round": ["type": "integer"], "state": ["type": "string", "enum": ["draft", "submitted", "approved", "returned", "final"]],
            "facts": ["type": "array", "items": object(["title": string, "lines": ["type": "array", "items": string]], required: ["title", "lines"])],
            "narrative": string, "updatedAt": dateTime, "submittedAt": nullableDateTime, "submittedBy": nullableString,
            "decision": ["type": ["string", "null"], "enum": ["ya", "tidak", NSNull()]], "decisionNote": nullableString,
            "decisionSection": ["type": ["string", "null"], "enum": ReportSection.allCases.map(\.rawValue) + [NSNull()]],
            "decidedAt": nullableDateTime, "decidedBy": nullableString, "finalizedAt": nullableDateTime, "printURL": string,
            "finalNarrative": ["type": ["string", "null"], "description": "Step 8: the kasi's adjusted narrative of the approved round (null while not adjusted)."],
        ], required: ["round", "state", "facts", "narrative", "updatedAt", "printURL"]),
        "ReportList": list("Report"),
        "NarrativeIn": object(["narrative": string], required: ["narrative"]),
        "Letter": object([
            "number": nullableString, "numberedAt": nullableDateTime, "editable": ["type": "boolean"], "place": string,
            "date": ["type": "string", "format": "date"], "nature": string, "attachment": string, "subject": string, "recipient": string,
            "body": string, "signerTitle": string, "signerName": string, "signerNIP": string, "copies": string, "printURL": string,
        ], required: ["editable", "place", "date", "subject", "body", "signerTitle", "signerName", "printURL"]),
        "LetterIn": input([
            "place": text(), "date": ["type": "string", "format": "date"], "nature": string, "attachment": string, "subject": text(),
            "recipient": ["type": "string", "description": "Yth. lines, one per line"], "body": text().merging(["description": "Paragraphs separated by a blank line"]) { a, _ in a },
            "signerTitle": text(), "signerName": text(), "signerNIP": string, "copies": ["type": "string", "description": "Tembusan, one per line"],
        ], required: ["place", "date", "subject", "body", "signerTitle", "signerName"]),
        "CaseDatasetIn": input([
            "dataset": ["type": "string", "format": "uuid", "description": "A dataset of the case's agency"],
            "title": ["type": "string", "description": "Or: the title of a new dataset made in the case's agency"],
            "topic": ["type": "string", "description": "New dataset: topic / sector (needed before step 9 may name it)"],
            "source": ["type": "string", "description": "New dataset: source (needed before step 9 may name it)"],
            "unit": ["type": "string", "description": "New dataset: unit (needed before step 9 may name it)"],
            "period": ["type": "string", "description": "New dataset: year / period (needed before step 9 may name it)"],
            "access": ["type": "string", "enum": ["terbuka", "terbatas", "dikecualikan"], "description": "New dataset: access class; default terbatas"],
        ], required: []),
        "Attachment": object([
            "id": ["type": "string", "format": "uuid"], "filename": string, "mediaType": string, "size": ["type": "integer"], "sha256": string,
            "note": string, "uploadedBy": nullableString, "uploadedAt": dateTime, "downloadURL": string,
            "stored": ["type": "boolean", "description": "Whether the IT officer has stored it as a dataset version"],
            "datasetID": ["type": ["string", "null"], "format": "uuid"], "datasetSlug": nullableString, "versionNumber": ["type": ["integer", "null"]],
            "versionStatus": ["type": ["string", "null"], "enum": ["accepted", "stored", "rejected", NSNull()]], "versionURL": nullableString,
            "storedBy": nullableString, "storedAt": nullableDateTime,
        ], required: ["id", "filename", "size", "sha256", "uploadedAt", "downloadURL", "stored"]),
        "AttachmentList": list("Attachment"),
        "RecoverIn": object(["version": ["type": "integer"]], required: ["version"]),
        "Task": object([
            "caseID": ["type": "string", "format": "uuid"], "number": string, "title": string, "step": ["type": "integer"], "round": ["type": "integer"],
            "activity": string, "openedAt": dateTime, "dueAt": dateTime, "status": ["type": "string", "enum": ["on_time", "near_limit", "late"]],
        ], required: ["caseID", "number", "step", "round", "dueAt", "status"]),
        "TaskList": list("Task"),
        "Notification": object([
            "id": ["type": "string", "format": "uuid"], "kind": ["type": "string", "enum": ["step_late"]],
            "caseID": ["type": "string", "format": "uuid"], "caseNumber": string, "caseTitle": string, "step": ["type": "integer"], "round": ["type": "integer"],
            "activity": string, "lane": string, "dueAt": dateTime, "completedAt": nullableDateTime,
            "lateSeconds": ["type": "number", "description": "Working seconds past the due instant"], "late": ["type": "boolean", "description": "False when the deadline has since moved past the completion or past now"],
            "createdAt": dateTime, "readAt": nullableDateTime,
        ], required: ["id", "kind", "caseID", "caseNumber", "step", "round", "dueAt", "lateSeconds", "late", "createdAt"]),
        "NotificationList": list("Notification", extra: ["unread": ["type": "integer"]]),
        "ReadAll": object(["marked": ["type": "integer"]], required: ["marked"]),
        "Dashboard": object([
            "from": ["type": "string", "format": "date"], "to": ["type": "string", "format": "date"], "generatedAt": dateTime,
            "openByStep": ["type": "array", "items": object(["step": ["type": "integer"], "activity": string, "count": ["type": "integer"], "cases": ["type": "array", "items": string]], required: ["step", "count", "cases"])],
            "late": ["type": "array", "items": object([
                "caseID": ["type": "string", "format": "uuid"], "number": string, "title": string, "step": ["type": "integer"], "round": ["type": "integer"],
                "activity": string, "lane": string, "dueAt": dateTime, "lateSeconds": ["type": "number"],
            ], required: ["caseID", "number", "step", "round", "dueAt", "lateSeconds"])],
            "steps": ["type": "array", "items": object([
                "step": ["type": "integer"], "activity": string, "standard": string, "completed": ["type": "integer"],
                "medianSeconds": ["type": ["number", "null"]], "percentile90Seconds": ["type": ["number", "null"]], "onTimeShare": ["type": ["number", "null"], "minimum": 0, "maximum": 1],
            ], required: ["step", "standard", "completed"])],
        ], required: ["from", "to", "generatedAt", "openByStep", "late", "steps"]),
        "SOPFormPeriod": input(["from": ["type": "string", "format": "date"], "to": ["type": "string", "format": "date"], "lane": string], required: []),
        "SOPMonitoringForm": object([
            "id": ["type": "string", "format": "uuid"], "periodFrom": ["type": "string", "format": "date"], "periodTo": ["type": "string", "format": "date"],
            "lane": string, "sopRevision": ["type": "integer"], "status": ["type": "string", "enum": ["draft", "completed"]], "createdAt": dateTime,
            "completedAt": nullableDateTime, "monitorName": nullableString, "monitorNIP": nullableString, "measuredAt": dateTime,
            "lines": ["type": "array", "items": object([
                "step": ["type": "integer"], "activity": string, "lane": string, "laneName": string, "standard": string, "output": string,
                "completed": ["type": "integer"], "medianSeconds": ["type": ["number", "null"]], "percentile90Seconds": ["type": ["number", "null"]],
                "onTimeShare": ["type": ["number", "null"], "minimum": 0, "maximum": 1], "overdue": ["type": "integer"],
                "suggested": ["type": "string", "enum": ["ya", "tidak", "tidak_berjalan"]], "assessment": ["type": "string", "enum": ["", "ya", "tidak", "tidak_berjalan"]],
                "note": string, "action": string,
            ], required: ["step", "activity", "lane", "standard", "completed", "overdue", "suggested", "assessment", "note", "action"])],
        ], required: ["id", "periodFrom", "periodTo", "lane", "sopRevision", "status", "createdAt", "measuredAt", "lines"]),
        "SOPMonitoringFormList": list("SOPMonitoringFormSummary"),
        "SOPMonitoringFormSummary": object([
            "id": ["type": "string", "format": "uuid"], "periodFrom": ["type": "string", "format": "date"], "periodTo": ["type": "string", "format": "date"],
            "lane": string, "status": ["type": "string", "enum": ["draft", "completed"]], "createdAt": dateTime, "completedAt": nullableDateTime, "monitorName": nullableString,
        ], required: ["id", "periodFrom", "periodTo", "lane", "status", "createdAt"]),
        "SOPMonitoringPatch": object(["entries": ["type": "array", "items": input([
            "step": ["type": "integer"], "assessment": ["type": "string", "enum": ["", "ya", "tidak", "tidak_berjalan"]], "note": string, "action": string,
        ], required: ["step"])]], required: ["entries"]),
        "SOPEvaluation": object([
            "id": ["type": "string", "format": "uuid"], "periodFrom": ["type": "string", "format": "date"], "periodTo": ["type": "string", "format": "date"],
            "sopRevision": ["type": "integer"], "status": ["type": "string", "enum": ["draft", "completed"]],
            "answers": ["type": "array", "items": object(["criterion": ["type": "integer", "minimum": 1, "maximum": 7], "text": string,
                                                          "answer": ["type": "string", "enum": ["", "ya", "tidak"]], "note": string],
                                                         required: ["criterion", "text", "answer", "note"])],
            "recommendation": string, "createdAt": dateTime, "completedAt": nullableDateTime, "evaluatorName": nullableString, "evaluatorNIP": nullableString,
            "revisionDraft": ["type": ["integer", "null"]],
        ], required: ["id", "periodFrom", "periodTo", "sopRevision", "status", "answers", "recommendation", "createdAt"]),
        "SOPEvaluationList": list("SOPEvaluation"),
        "SOPEvaluationPatch": input([
            "answers": ["type": "array", "items": input(["criterion": ["type": "integer", "minimum": 1, "maximum": 7], "answer": ["type": "string", "enum": ["", "ya", "tidak"]], "note": string],
                                                        required: ["criterion"])],
            "recommendation": string,
        ], required: []),
        "Due": object(["start": dateTime, "standard": string, "due": dateTime, "workingSeconds": ["type": "number"]], required: ["start", "standard", "due", "workingSeconds"]),
    ] }
}
