import Crypto
import Foundation

/// One entry of the append-only event log as it is hashed. Every field that says who did what,
/// when, to what, is part of the hash, so changing any of them afterwards breaks the chain.
public struct ChainedEvent: Sendable, Equatable, Codable {
    public var sequence: Int
    /// Milliseconds since 1970, so the hash does not depend on how a database rounds dates.
    public var atMillis: Int64
    public var actorID: String
    public var actorName: String
    public var actorRole: String
    public var action: String
    public var datasetID: String
    public var versionID: String
    public var blobHash: String
    public var size: Int64
    public var rowCount: Int64
    public var note: String
    /// Extra facts as canonical JSON (sorted keys), e.g. the source version of a recovery.
    public var details: String
    public var previousHash: String

    public init(
        sequence: Int, atMillis: Int64, actorID: String, actorName: String, actorRole: String, action: String,
        datasetID: String = "", versionID: String = "", blobHash: String = "", size: Int64 = 0, rowCount: Int64 = 0,
        note: String = "", details: String = "", previousHash: String
    ) {
        self.sequence = sequence
        self.atMillis = atMillis
        self.actorID = actorID
        self.actorName = actorName
        self.actorRole = actorRole
        self.action = action
        self.datasetID = datasetID
        self.versionID = versionID
        self.blobHash = blobHash
        self.size = size
        self.rowCount = rowCount
        self.note = note
        self.details = details
        self.previousHash = previousHash
    }
}

/// The hash chain over the event log: each entry's hash covers its fields and the hash of the
/// entry before it, so an edited, removed or reordered entry is found by recomputing.
public enum EventChain {
    /// The "previous hash" of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// Length-prefixed fields, so no choice of field contents can make two entries serialise alike.
    public static func canonical(_ event: ChainedEvent) -> Data {
        var out = Data()
        func put(_ text: String) {
            let bytes = Array(text.utf8)
            out.append(contentsOf: Array(String(bytes.count).utf8))
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: ";"))
        }
        put("walidata-event-v1")
        put(String(event.sequence))
        put(String(event.atMillis))
        put(event.actorID)
        put(event.actorName)
        put(event.actorRole)
        put(event.action)
        put(event.datasetID)
        put(event.versionID)
        put(event.blobHash)
        put(String(event.size))
        put(String(event.rowCount))
        put(event.note)
        put(event.details)
        put(event.previousHash)
        return out
    }

    public static func hash(_ event: ChainedEvent) -> String {
        SHA256.hash(data: canonical(event)).map { String(format: "%02x", $0) }.joined()
    }

    public enum Break: Equatable, Sendable, CustomStringConvertible {
        /// The stored hash is not the hash of the stored fields: the entry was changed.
        case alteredEntry(sequence: Int)
        /// The entry does not point at the hash of the one before it: something was removed or inserted.
        case brokenLink(sequence: Int)
        /// Sequence numbers are not 1, 2, 3, … without gaps.
        case gap(expected: Int, found: Int)

        public var description: String {
            switch self {
            case .alteredEntry(let s): "entry \(s) was altered: its hash does not match its contents"
            case .brokenLink(let s): "entry \(s) does not follow the entry before it: an entry was removed or inserted"
            case .gap(let e, let f): "entry \(e) is missing (found \(f) next)"
            }
        }
    }

    /// Checks entries in sequence order, each paired with the hash stored for it.
    public static func verify(_ entries: [(event: ChainedEvent, storedHash: String)]) -> [Break] {
        var breaks: [Break] = []
        var expectedPrevious = genesis
        var expectedSequence = 1
        for (event, stored) in entries {
            if event.sequence != expectedSequence { breaks.append(.gap(expected: expectedSequence, found: event.sequence)) }
            if event.previousHash != expectedPrevious { breaks.append(.brokenLink(sequence: event.sequence)) }
            if hash(event) != stored { breaks.append(.alteredEntry(sequence: event.sequence)) }
            expectedPrevious = stored
            expectedSequence = event.sequence + 1
        }
        return breaks
    }
}
