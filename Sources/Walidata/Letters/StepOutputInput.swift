/// What a completion carries for the step's output document: the ticked checklist items and
/// the note of what was conveyed to the requester (step 1), and the announcement's fields
/// (step 9, when the kabid publishes from the form without saving the draft first). Step 2's
/// letter is edited before completion, so it needs nothing here.
struct StepOutputInput: Sendable {
    var checklist: [String]?
    var conveyed: String?
    var announcement: AnnouncementInput?

    init(checklist: [String]? = nil, conveyed: String? = nil, announcement: AnnouncementInput? = nil) {
        self.checklist = checklist
        self.conveyed = conveyed
        self.announcement = announcement
    }
}
