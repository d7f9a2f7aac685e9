/// A WhatsApp message's state as its status webhooks tell it. Webhooks come in any order and
/// sometimes twice, so a status only ever moves forward: `sent` < `delivered` < `read`; a
/// `failed` ends it unless the message was already delivered or read (a late failure from
/// another device says nothing about this one).
public enum MessageStatus: String, Sendable, Codable, CaseIterable, Comparable {
    /// Accepted by the Cloud API (it returned a `wamid`), no webhook yet.
    case accepted
    case sent
    case delivered
    case read
    case failed

    private var rank: Int {
        switch self {
        case .accepted: 0
        case .sent: 1
        case .failed: 2
        case .delivered: 3
        case .read: 4
        }
    }

    public static func < (a: MessageStatus, b: MessageStatus) -> Bool { a.rank < b.rank }

    /// The state after a webhook reporting `incoming`.
    public func applying(_ incoming: MessageStatus) -> MessageStatus {
        if self == .failed { return incoming == .delivered || incoming == .read ? incoming : self }
        return max(self, incoming)
    }
}
