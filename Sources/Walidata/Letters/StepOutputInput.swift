/// What a completion carries for the step's output document: the ticked checklist items and
/// the note of what was conveyed to the requester (step 1), at step 7 the section of the round a
/// return note is about, and the announcement's fields (step 9, when the kabid publishes from
/// the form without saving the draft first). Step 2's letter is edited before completion, so it
/// needs nothing here.
struct StepOutputInput: Sendable {
    var checklist: [String]?
    var conveyed: String?
    /// Step 7: the raw section code as sent; checked when the step completes.
    var section: String?
    var announcement: AnnouncementInput?

    init(checklist: [String]? = nil, conveyed: String? = nil, section: String? = nil, announcement: AnnouncementInput? = nil) {
        self.checklist = checklist
        self.conveyed = conveyed
        self.section = section
        self.announcement = announcement
    }
}
