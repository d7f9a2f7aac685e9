/// Which columns two versions share (names matched ignoring surrounding spaces and case), and
/// how each shared column's values are compared: as stored when both versions gave it the same
/// type (so `1.234,5` equals `1234.5`), by their text as uploaded when the type changed.
struct ColumnPairing {
    struct Pair {
        var old: Int
        var new: Int
        var sameType: Bool
    }

    let pairs: [Pair]
    let added: [String]
    let removed: [String]
    let retyped: [TableComparison.TypeChange]

    init(old: TableReader, new: TableReader) {
        func key(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces).lowercased() }
        let oldByKey = Dictionary(old.columns.map { (key($0.name), $0.index) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.columns.map { key($0.name) })
        var pairs: [Pair] = [], retyped: [TableComparison.TypeChange] = []
        for column in new.columns {
            guard let o = oldByKey[key(column.name)] else { continue }
            let oldType = old.columns[o].type
            pairs.append(Pair(old: o, new: column.index, sameType: oldType == column.type))
            if oldType != column.type { retyped.append(.init(column: column.name, oldType: oldType, newType: column.type)) }
        }
        self.pairs = pairs
        self.retyped = retyped
        added = new.columns.filter { oldByKey[key($0.name)] == nil }.map(\.name)
        removed = old.columns.filter { !newKeys.contains(key($0.name)) }.map(\.name)
    }

    /// SQL for one side of a pair: `alias` is `o` for the old table, `n` for the new one.
    func expression(_ pair: Pair, old: TableReader, new: TableReader, side: ComparisonProblem.Version) -> String {
        let reader = side == .old ? old : new
        let index = side == .old ? pair.old : pair.new
        let alias = side == .old ? "o" : "n"
        return pair.sameType ? reader.valueExpression(index, alias: alias) : reader.textExpression(index, alias: alias)
    }

    /// Whether the values of a pair differ in two rows, by the same rule as the SQL.
    static func differ(_ pair: Pair, old: TableRow, new: TableRow) -> Bool {
        guard pair.sameType else { return old.texts[pair.old] != new.texts[pair.new] }
        switch (old.values[pair.old], new.values[pair.new]) {
        case (.integer(let a), .decimal(let b)): return Double(a) != b
        case (.decimal(let a), .integer(let b)): return a != Double(b)
        case (let a, let b): return a != b
        }
    }
}
