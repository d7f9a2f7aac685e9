import Foundation
import Testing
@testable import WalidataCore

@Suite("Event hash chain")
struct EventChainTests {
    func chain(_ count: Int) -> [(event: ChainedEvent, storedHash: String)] {
        var entries: [(event: ChainedEvent, storedHash: String)] = []
        var previous = EventChain.genesis
        for i in 1...count {
            let event = ChainedEvent(sequence: i, atMillis: 1_764_000_000_000 + Int64(i), actorID: "u1", actorName: "Yohanes", actorRole: "pengelola_ti",
                                     action: "version.store", datasetID: "d1", versionID: "v\(i)", blobHash: String(repeating: "a", count: 64), size: 100, rowCount: 10, previousHash: previous)
            let hash = EventChain.hash(event)
            entries.append((event, hash))
            previous = hash
        }
        return entries
    }

    @Test("an untouched chain verifies")
    func intact() {
        #expect(EventChain.verify(chain(5)).isEmpty)
        #expect(EventChain.hash(chain(1)[0].event).count == 64)
    }

    @Test("changing any field of an entry is found")
    func altered() {
        var entries = chain(5)
        entries[2].event.size = 101
        #expect(EventChain.verify(entries) == [.alteredEntry(sequence: 3)])
        entries = chain(5)
        entries[1].event.note = "diubah"
        #expect(EventChain.verify(entries) == [.alteredEntry(sequence: 2)])
    }

    @Test("a removed entry is found")
    func removed() {
        var entries = chain(5)
        entries.remove(at: 2)
        #expect(EventChain.verify(entries) == [.gap(expected: 3, found: 4), .brokenLink(sequence: 4)])
    }

    @Test("rehashing an edited entry still breaks the link to the next one")
    func rehashed() {
        var entries = chain(4)
        entries[1].event.actorName = "orang lain"
        entries[1].storedHash = EventChain.hash(entries[1].event)
        #expect(EventChain.verify(entries) == [.brokenLink(sequence: 3)])
    }

    @Test("field boundaries cannot be shifted to forge the same hash")
    func boundaries() {
        var a = chain(1)[0].event
        var b = a
        a.note = "ab"; a.details = "c"
        b.note = "a"; b.details = "bc"
        #expect(EventChain.hash(a) != EventChain.hash(b))
    }
}
