import Foundation

extension CaseEngine {
    /// The case's history in order: each step opened, then completed, approved or returned,
    /// and finally closed.
    public var timeline: [TimelineEntry] {
        var entries: [TimelineEntry] = []
        for instance in steps {
            entries.append(TimelineEntry(kind: .opened, step: instance.step, round: instance.round, at: instance.openedAt))
            guard let completedAt = instance.completedAt else { continue }
            let kind: TimelineEntry.Kind = switch instance.outcome {
            case .yes: .approved
            case .no: .returned
            case .done, nil: .completed
            }
            entries.append(TimelineEntry(
                kind: kind, step: instance.step, round: instance.round, at: completedAt,
                role: instance.completedBy, note: instance.note, overrideReason: instance.overrideReason))
        }
        if isClosed, let last = steps.last, let closedAt {
            entries.append(TimelineEntry(kind: .closed, step: last.step, round: last.round, at: closedAt))
        }
        return entries
    }
}
