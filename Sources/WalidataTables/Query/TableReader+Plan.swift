import Foundation

extension TableReader {
    /// How a query is answered. Equality and empty-cell filters on columns with row lists
    /// (`PostingIndex`) are answered from the lists, intersected; the other filters and any sort
    /// then run in SQL over just those rows (`_row IN (…)`, one rowid lookup each), or over the
    /// whole table when no filter has a list.
    struct Plan {
        var compiled: QueryCompiler.Compiled
        /// The rows every listed filter allows, ascending; nil when no filter has a list.
        var rows: [Int32]?
        /// Filters the lists do not answer.
        var remaining: [QueryCompiler.Condition]

        /// The plan as SQL, for the reads the lists do not answer alone (built only then: the
        /// list of a common value is tens of thousands of numbers).
        var whereClause: String {
            rows == nil ? compiled.whereClause : QueryCompiler.whereClause(["_row IN (SELECT value FROM json_each(?))"] + remaining.map(\.sql))
        }

        var bindings: [SQLiteValue] {
            guard let rows else { return compiled.bindings }
            return [.text("[" + rows.lazy.map { String($0) }.joined(separator: ",") + "]")] + remaining.flatMap(\.bindings)
        }
    }

    func plan(_ compiled: QueryCompiler.Compiled) throws -> Plan {
        var rows: [Int32]?
        var remaining: [QueryCompiler.Condition] = []
        for condition in compiled.conditions {
            guard let equality = condition.equality, postings.contains(equality.column) else {
                remaining.append(condition)
                continue
            }
            let listed = try PostingIndex.rows(equality.column, equality.operand, connection)
            rows = rows.map { PostingIndex.intersect($0, listed) } ?? listed
        }
        return Plan(compiled: compiled, rows: rows, remaining: remaining)
    }

    /// The number of rows a plan selects: the table's row count, the length of the list, or a
    /// count in SQL, remembered per file and filters (`TableReader.counts`).
    func count(_ plan: Plan) throws -> Int {
        if plan.compiled.conditions.isEmpty { return rowCount }
        if let rows = plan.rows, plan.remaining.isEmpty { return rows.count }
        let key = "\(countKey)\u{0}\(plan.compiled.whereClause)\u{0}\(plan.compiled.bindings)"
        if let known = Self.counts.value(key) { return known }
        let counted = Int(try connection.scalarInt("SELECT count(*) FROM data \(plan.whereClause)", plan.bindings))
        Self.counts.set(key, counted)
        return counted
    }
}
