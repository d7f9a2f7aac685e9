import Foundation

/// When to try a delivery again: exponential backoff with full jitter (a random wait between
/// zero and the exponential ceiling, so many deliveries failing together do not return
/// together), never sooner than the channel asked for (`Retry-After`, or the
/// `estimated_time_to_regain_access` of `X-Business-Use-Case-Usage`).
public struct RetryPolicy: Sendable, Equatable {
    public var base: TimeInterval
    public var cap: TimeInterval
    public var maxAttempts: Int

    public init(base: TimeInterval = 30, cap: TimeInterval = 6 * 3600, maxAttempts: Int = 8) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The exponential ceiling after `attempts` failed attempts (1 for the first failure).
    public func ceiling(afterAttempts attempts: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempts - 1, 30)))
        return min(cap, base * pow(2, exponent))
    }

    /// The wait before the next attempt; `random` is a number in [0, 1).
    public func delay(afterAttempts attempts: Int, hint: TimeInterval? = nil, random: Double) -> TimeInterval {
        let jittered = ceiling(afterAttempts: attempts) * min(max(random, 0), 1)
        return max(jittered, min(hint ?? 0, cap))
    }

    public func givesUp(afterAttempts attempts: Int) -> Bool { attempts >= maxAttempts }
}

/// The channel's own word on when to come back.
public enum RetryHint {
    /// `Retry-After`: seconds (an HTTP date is not used by Meta and is ignored).
    public static func retryAfter(_ value: String?) -> TimeInterval? {
        guard let value, let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return seconds
    }

    /// `X-Business-Use-Case-Usage`: `{"<business id>": [{"type": "pages", "call_count": 100, …,
    /// "estimated_time_to_regain_access": 7}]}`, the wait in minutes; the largest entry counts.
    public static func businessUseCaseUsage(_ value: String?) -> TimeInterval? {
        guard let value, let object = try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: Any] else { return nil }
        var minutes: Double?
        for case let entries as [[String: Any]] in object.values {
            for entry in entries {
                let m = (entry["estimated_time_to_regain_access"] as? NSNumber)?.doubleValue
                if let m, m > (minutes ?? 0) { minutes = m }
            }
        }
        return minutes.map { $0 * 60 }
    }

    /// The longer of the two headers' waits.
    public static func from(retryAfter: String?, businessUseCaseUsage usage: String?) -> TimeInterval? {
        let hints = [Self.retryAfter(retryAfter), businessUseCaseUsage(usage)].compactMap { $0 }
        return hints.max()
    }
}
