/// What a completion carries for the step's output document: the ticked checklist items and
/// the note of what was conveyed to the requester (step 1). Step 2's letter is edited before
/// completion, so it needs nothing here.
struct StepOutputInput: Sendable {
    var checklist: [String]?
    var conveyed: String?

    init(checklist: [String]? = nil, conveyed: String? = nil) {
        self.checklist = checklist
        self.conveyed = conveyed
    }
}
