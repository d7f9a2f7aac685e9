import Foundation

/// A signed note of the event log's head (sequence number and hash) kept outside the database.
/// The hash chain alone proves an entry was not changed, but someone who can write the database
/// can delete the newest entries or recompute the whole chain; a checkpoint signed with a key
/// the database does not hold says how far the log reached and what it said there.
public struct EventCheckpoint: Sendable, Equatable, Codable {
    public var sequence: Int
    public var hash: String
    public var atMillis: Int64
    /// HMAC-SHA256 of `message` under the server key for purpose `"event-log"`, hex.
    public var signature: String

    public init(sequence: Int, hash: String, atMillis: Int64, signature: String = "") {
        self.sequence = sequence
        self.hash = hash
        self.atMillis = atMillis
        self.signature = signature
    }

    /// What is signed: every field, with a version tag.
    public var message: String { "walidata-checkpoint-v1:\(sequence):\(hash):\(atMillis)" }

    /// One line of the checkpoint file (without the newline).
    public var line: String { "\(sequence) \(hash) \(atMillis) \(signature)" }

    /// Reads a line written by `line`; nil for anything else (a torn or edited line).
    public init?(line: Substring) {
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 4, let sequence = Int(parts[0]), sequence > 0, let at = Int64(parts[2]),
              parts[1].count == 64, parts[1].allSatisfy(\.isHexDigit), parts[3].count == 64, parts[3].allSatisfy(\.isHexDigit)
        else { return nil }
        self.init(sequence: sequence, hash: String(parts[1]), atMillis: at, signature: String(parts[3]))
    }
}

/// What comparing the checkpoints with the stored log can find.
public enum CheckpointProblem: Equatable, Sendable, CustomStringConvertible {
    /// The file is gone (or empty) although the log has entries.
    case noCheckpoints(events: Int)
    /// A line that is not a checkpoint (line numbers from 1).
    case unreadableLine(Int)
    /// A checkpoint whose signature is not the server key's: written by someone else, or edited.
    case badSignature(line: Int, sequence: Int)
    /// A checkpoint names an entry beyond the end of the log: entries were deleted.
    case truncated(checkpoint: Int, lastEntry: Int)
    /// The entry a checkpoint names exists but has another hash: the chain was rewritten.
    case rewritten(sequence: Int)

    public var description: String {
        switch self {
        case .noCheckpoints(let events):
            "the checkpoint file is missing or empty although the log has \(events) entries"
        case .unreadableLine(let line):
            "checkpoint line \(line) cannot be read"
        case .badSignature(let line, let sequence):
            "checkpoint line \(line) (entry \(sequence)) is not signed by this server's key"
        case .truncated(let checkpoint, let last):
            "the log was cut short: a checkpoint names entry \(checkpoint), but the log ends at entry \(last)"
        case .rewritten(let sequence):
            "entry \(sequence) is not the entry the checkpoint recorded: the log was rewritten"
        }
    }
}

public enum EventCheckpoints {
    /// Compares the checkpoint file's lines with the stored log (`hashes[sequence]`).
    /// `isSigned` checks a checkpoint's signature with the server key.
    public static func check(
        lines: [Substring], hashes: [Int: String], isSigned: (EventCheckpoint) -> Bool
    ) -> (checked: Int, problems: [CheckpointProblem]) {
        var problems: [CheckpointProblem] = []
        var checked = 0
        // Every checkpoint past the end says the same thing; the furthest one says it best.
        var furthest: Int?
        let lastEntry = hashes.keys.max() ?? 0
        for (index, raw) in lines.enumerated() where !raw.isEmpty {
            guard let checkpoint = EventCheckpoint(line: raw) else {
                problems.append(.unreadableLine(index + 1))
                continue
            }
            checked += 1
            guard isSigned(checkpoint) else {
                problems.append(.badSignature(line: index + 1, sequence: checkpoint.sequence))
                continue
            }
            if let hash = hashes[checkpoint.sequence] {
                if hash != checkpoint.hash { problems.append(.rewritten(sequence: checkpoint.sequence)) }
            } else if checkpoint.sequence > lastEntry {
                furthest = max(furthest ?? 0, checkpoint.sequence)
            } else {
                // A hole inside the log; the chain check reports the gap, this says it was checkpointed.
                problems.append(.rewritten(sequence: checkpoint.sequence))
            }
        }
        if let furthest { problems.append(.truncated(checkpoint: furthest, lastEntry: lastEntry)) }
        if checked == 0, !hashes.isEmpty { problems.append(.noCheckpoints(events: hashes.count)) }
        return (checked, problems)
    }
}
