/// The `limit` smallest row numbers offered, each with a payload, kept in bounded memory:
/// examples of a change are shown in file order although they are found in key order.
struct FirstRows<Payload> {
    let limit: Int
    private(set) var entries: [(row: Int, payload: Payload)] = []

    init(limit: Int) {
        self.limit = limit
    }

    var rows: [Int] { entries.map(\.row) }

    mutating func offer(_ row: Int, _ payload: Payload) {
        guard limit > 0 else { return }
        if entries.count == limit, let last = entries.last, row >= last.row { return }
        let index = entries.firstIndex { $0.row > row } ?? entries.count
        entries.insert((row, payload), at: index)
        if entries.count > limit { entries.removeLast() }
    }
}

extension FirstRows where Payload == Void {
    mutating func offer(_ row: Int) { offer(row, ()) }
}
