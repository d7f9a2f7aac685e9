/// Where the fields of the current record lie in the input buffer. Reused for every record so
/// parsing allocates nothing per row; the ranges are valid until the buffer is refilled.
struct FieldList: ~Copyable {
    enum Kind: UInt8 {
        case plain
        case quoted
        /// Quoted with doubled quotes inside: the range starts at the opening quote and the
        /// text is unescaped in place once the whole record has been seen.
        case quotedEscaped
        /// Like `quotedEscaped`, with text after the closing quote that is kept literally.
        case quotedWithTrailingText
    }

    private(set) var starts: UnsafeMutablePointer<Int>
    private(set) var ends: UnsafeMutablePointer<Int>
    /// For the escaped kinds: where the closing quote is.
    private(set) var closings: UnsafeMutablePointer<Int>
    private(set) var kinds: UnsafeMutablePointer<Kind>
    var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
        closings = .allocate(capacity: capacity)
        kinds = .allocate(capacity: capacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        closings.deallocate()
        kinds.deallocate()
    }

    @inline(__always)
    mutating func append(_ start: Int, _ end: Int, _ kind: Kind, closing: Int = 0) {
        if count == capacity { grow() }
        starts[count] = start
        ends[count] = end
        kinds[count] = kind
        closings[count] = closing
        count += 1
    }

    mutating func setRange(_ index: Int, start: Int, end: Int) {
        starts[index] = start
        ends[index] = end
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        func moved<T>(_ old: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let new = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
            new.moveInitialize(from: old, count: count)
            old.deallocate()
            return new
        }
        starts = moved(starts)
        ends = moved(ends)
        closings = moved(closings)
        kinds = moved(kinds)
        capacity = newCapacity
    }
}
