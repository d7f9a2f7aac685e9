import Foundation

/// One line of a case's history as the case page and the printed case record show it.
/// The app builds these from its event log (which also knows who acted); `CaseEngine.timeline`
/// builds the same lines from step instances alone.
public struct TimelineEntry: Codable, Sendable, Equatable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case opened
        case completed
        /// A decision answered "Ya".
        case approved
        /// A decision answered "Tidak": the work went back, with a note.
        case returned
        /// The last step was completed.
        case closed
    }

    public var kind: Kind
    public var step: Int
    public var round: Int
    public var at: Date
    /// The role that acted; nil for what the system did (opening a step, closing the case).
    public var role: Role?
    /// Who acted, as the app names them (the engine does not know users).
    public var actor: String?
    public var note: String?
    public var overrideReason: String?
    /// For a return: the part of the report the note is about, as the app names it (the
    /// engine does not know reports).
    public var section: String?

    public init(
        kind: Kind,
        step: Int,
        round: Int,
        at: Date,
        role: Role? = nil,
        actor: String? = nil,
        note: String? = nil,
        overrideReason: String? = nil,
        section: String? = nil
    ) {
        self.kind = kind
        self.step = step
        self.round = round
        self.at = at
        self.role = role
        self.actor = actor
        self.note = note
        self.overrideReason = overrideReason
        self.section = section
    }
}
