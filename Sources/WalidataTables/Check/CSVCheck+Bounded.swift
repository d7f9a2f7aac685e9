extension CSVCheck {
    /// Characters a cell, a header name or a problem's value keeps in a stored report.
    public static let reportTextLimit = 500

    /// The report as it is stored with a version and shown on its page: every text taken
    /// from the file (header names, preview cells, profile names and ranges, problem values
    /// and messages) cut to a bounded prefix ending in `…`, so a file with a 12 MB cell gives
    /// a report of kilobytes. The table and the downloads keep the full values; counts and
    /// line numbers are untouched.
    public func bounded(limit: Int = CSVCheck.reportTextLimit) -> CSVCheck {
        func cut(_ text: String) -> String { Self.cut(text, limit: limit) }
        var copy = self
        copy.header = header.map(cut)
        copy.preview = preview.map { $0.map(cut) }
        copy.workbook = workbook.map { book in
            var book = book
            book.sheets = book.sheets.map(cut)
            book.titles = book.titles.map(cut)
            book.notes = book.notes.map(cut)
            return book
        }
        copy.columns = columns.map { column in
            var column = column
            column.name = cut(column.name)
            column.minimum = column.minimum.map(cut)
            column.maximum = column.maximum.map(cut)
            return column
        }
        // Messages quote values (a duplicate header name, the first cells): a larger bound,
        // so the sentence around the value survives.
        copy.problems = problems.map { problem in
            var problem = problem
            problem.parameters = problem.parameters.mapValues(cut)
            problem.indonesianMessage = Self.cut(problem.indonesianMessage, limit: limit * 4)
            problem.englishMessage = Self.cut(problem.englishMessage, limit: limit * 4)
            return problem
        }
        return copy
    }

    static func cut(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }
}
