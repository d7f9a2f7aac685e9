/// Counts distinct values exactly up to a cap, then stops: a small open-addressing set of
/// 64-bit hashes (FNV-1a), so memory stays bounded whatever the column holds. Two different
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
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in 0..<n { hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01B3 }
        insert(hash == 0 ? 1 : hash)
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
