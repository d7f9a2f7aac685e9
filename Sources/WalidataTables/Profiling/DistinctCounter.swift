/// Counts distinct values exactly up to a cap, then stops: a small open-addressing set of
/// 64-bit hashes, so memory stays bounded whatever the column holds. Two different
/// values colliding in 64 bits among 10,000 is not a practical concern for a profile.
struct DistinctCounter: ~Copyable {
    let cap: Int
    private(set) var count = 0
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int

    init(cap: Int) {
        self.cap = cap
        mask = 63
        slots = .allocate(capacity: 64)
        slots.initialize(repeating: 0, count: 64)
    }

    deinit { slots.deallocate() }

    /// True once more than `cap` distinct values were seen; `count` is then `cap + 1`.
    var isCapped: Bool { count > cap }

    @inline(__always)
    mutating func add(_ bytes: UnsafePointer<UInt8>, count n: Int) {
        guard count <= cap else { return }
        let hash = Self.hash(bytes, n)
        insert(hash == 0 ? 1 : hash)
    }

    /// Eight bytes at a time, each word folded in with a multiply and rotate (a wyhash-like
    /// mix); the length is mixed in so that `a` and `a\0` differ.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(bytes)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h = (h << 27) | (h >> 37)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    private mutating func insert(_ hash: UInt64) {
        var i = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let slot = slots[i]
            if slot == hash { return }
            if slot == 0 { break }
            i = (i + 1) & mask
        }
        slots[i] = hash
        count += 1
        if count * 2 > mask + 1, count <= cap { grow() }
    }

    private mutating func grow() {
        let oldSlots = slots, oldSize = mask + 1
        mask = oldSize * 2 - 1
        slots = .allocate(capacity: oldSize * 2)
        slots.initialize(repeating: 0, count: oldSize * 2)
        for k in 0..<oldSize where oldSlots[k] != 0 {
            var i = Int(truncatingIfNeeded: oldSlots[k] ^ (oldSlots[k] >> 29)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = oldSlots[k]
        }
        oldSlots.deallocate()
    }
}
