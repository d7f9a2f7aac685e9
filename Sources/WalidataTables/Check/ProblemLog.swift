/// Collects problems while a file is read, keeping the report short: ragged rows are listed up
/// to a limit and then only counted, and repeated warnings become one entry.
struct ProblemLog {
    let listLimit: Int
    private(set) var problems: [CSVProblem] = []
    private(set) var raggedRows = 0
    private var trailingTextLines: [Int] = []
    private var trailingTextCount = 0

    init(listLimit: Int) {
        self.listLimit = listLimit
    }

    /// Asked once per row, so kept rather than computed.
    private(set) var hasErrors = false

    mutating func add(_ problem: CSVProblem) {
        problems.append(problem)
        if problem.severity == .error { hasErrors = true }
    }

    mutating func raggedRow(line: Int, found: Int, expected: Int) {
        raggedRows += 1
        hasErrors = true
        if raggedRows <= listLimit { problems.append(.raggedRow(line: line, found: found, expected: expected)) }
    }

    mutating func textAfterClosingQuote(line: Int, count: Int) {
        trailingTextCount += count
        if trailingTextLines.count < listLimit, trailingTextLines.last != line { trailingTextLines.append(line) }
    }

    /// Everything found, errors before warnings, with the summaries appended.
    func report() -> [CSVProblem] {
        var all = problems
        if raggedRows > listLimit { all.append(.moreRaggedRows(total: raggedRows, shown: listLimit)) }
        if trailingTextCount > 0 { all.append(.textAfterClosingQuote(lines: trailingTextLines, total: trailingTextCount)) }
        return all.filter { $0.severity == .error } + all.filter { $0.severity == .warning }
    }
}
