extension SOPDefinition {
    /// Everything that would make the workflow engine or the flowchart misbehave;
    /// empty means the definition can be put into use.
    ///
    /// Reachability is only checked when the numbering is sound, because with gaps or
    /// duplicates every later step would also be reported and hide the real mistake.
    public func validate() -> [SOPValidationIssue] {
        var issues: [SOPValidationIssue] = []

        if lanes.isEmpty { issues.append(.noLanes) }
        var seenLanes: Set<String> = []
        var reportedLanes: Set<String> = []
        for lane in lanes where !seenLanes.insert(lane.code).inserted {
            if reportedLanes.insert(lane.code).inserted { issues.append(.duplicateLane(code: lane.code)) }
        }

        guard !steps.isEmpty else { return issues + [.noSteps] }

        let misnumbered = steps.enumerated().first { $0.element.number != $0.offset + 1 }
        if let misnumbered {
            issues.append(.stepNumbering(expected: misnumbered.offset + 1, found: misnumbered.element.number))
        }

        let numbers = Set(steps.map(\.number))
        for (index, step) in steps.enumerated() {
            if step.activity.allSatisfy(\.isWhitespace) { issues.append(.emptyActivity(step: step.number)) }
            if step.time.amount <= 0 { issues.append(.invalidTime(step: step.number)) }
            if !seenLanes.contains(step.lane) { issues.append(.unknownLane(step: step.number, lane: step.lane)) }
            switch step.kind {
            case .decision:
                if !hasValidDecisionTargets(step, numbers: numbers) { issues.append(.decisionTargets(step: step.number)) }
            case .process:
                let isLast = index == steps.count - 1
                if !hasValidProcessTarget(step, isLast: isLast, numbers: numbers) {
                    issues.append(.processTarget(step: step.number))
                }
            }
        }

        if misnumbered == nil {
            let reached = reachableFromFirstStep()
            issues += steps.filter { !reached.contains($0.number) }.map { .unreachable(step: $0.number) }
        }

        if !steps.contains(where: { $0.kind == .process && $0.next == nil }) { issues.append(.noEnd) }
        return issues
    }

    /// Step numbers reachable from step 1 along next, yes and no.
    func reachableFromFirstStep() -> Set<Int> {
        let byNumber = Dictionary(steps.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        guard byNumber[1] != nil else { return [] }
        var reached: Set<Int> = [1]
        var queue = [1]
        while let number = queue.popLast() {
            for target in byNumber[number]?.successors ?? [] where byNumber[target] != nil {
                if reached.insert(target).inserted { queue.append(target) }
            }
        }
        return reached
    }

    private func hasValidDecisionTargets(_ step: SOPStep, numbers: Set<Int>) -> Bool {
        guard step.next == nil, let yes = step.yes, let no = step.no else { return false }
        return yes != no && yes != step.number && no != step.number
            && numbers.contains(yes) && numbers.contains(no)
    }

    private func hasValidProcessTarget(_ step: SOPStep, isLast: Bool, numbers: Set<Int>) -> Bool {
        guard step.yes == nil, step.no == nil else { return false }
        guard let next = step.next else { return isLast }
        return next != step.number && numbers.contains(next)
    }
}
