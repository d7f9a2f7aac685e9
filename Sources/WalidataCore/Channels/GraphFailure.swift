import Foundation

/// What a Facebook Graph or WhatsApp Cloud API call answered, as the sender decides on it.
///
/// Meta's APIs say what went wrong in the body's `error.code` (and `error_subcode`), not in the
/// HTTP status: a rate limit can come as 400, a bad token as 400 or 401. So the sender reads
/// the code, and only falls back to the status when the body has none (a proxy's 502 page).
public struct GraphFailure: Sendable, Equatable, Codable {
    public var httpStatus: Int?
    public var code: Int?
    public var subcode: Int?
    public var message: String
    public var fbtraceID: String?

    public init(httpStatus: Int?, code: Int?, subcode: Int? = nil, message: String, fbtraceID: String? = nil) {
        self.httpStatus = httpStatus
        self.code = code
        self.subcode = subcode
        self.message = message
        self.fbtraceID = fbtraceID
    }

    /// A network failure: no answer at all (refused, reset, timed out).
    public static func network(_ message: String) -> GraphFailure {
        GraphFailure(httpStatus: nil, code: nil, message: message)
    }

    /// Reads `{"error": {"message", "code", "error_subcode", "fbtrace_id"}}`; nil when the body
    /// is not such an object.
    public static func parse(status: Int, body: Data) -> GraphFailure? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return nil }
        func int(_ key: String) -> Int? {
            if let n = error[key] as? Int { return n }
            if let s = error[key] as? String { return Int(s) }
            return nil
        }
        return GraphFailure(httpStatus: status, code: int("code"), subcode: int("error_subcode"),
                            message: (error["message"] as? String) ?? "", fbtraceID: error["fbtrace_id"] as? String)
    }

    public enum Kind: String, Sendable, Equatable, Codable {
        /// Try again later (rate limits, temporary outages, network errors).
        case transient
        /// The access token is invalid or expired: nothing goes until an admin saves a new one.
        case reauthenticate
        /// The request itself is refused (permission, parameter, policy): retrying cannot help.
        case permanent
        /// Facebook refused a post as a duplicate of one already on the page (506): the earlier
        /// attempt did get through.
        case duplicate
    }

    /// Codes Meta documents as temporary: API unknown/service (1, 2), app/user/page rate limits
    /// (4, 17, 32, 341, 613, 80001), WhatsApp throughput and spam limits (130429, 131056) and
    /// its "something went wrong" / "service unavailable" (131000, 131016).
    public static let transientCodes: Set<Int> = [1, 2, 4, 17, 32, 341, 613, 80001, 130429, 131056, 131000, 131016]
    /// Codes that fail for good: permission (10, 200–299), parameter (100), policy (368),
    /// WhatsApp recipient and 24-hour-window refusals (131026, 131047) and template errors (132xxx).
    public static func isPermanent(_ code: Int) -> Bool {
        code == 10 || code == 100 || (200...299).contains(code) || code == 368 || code == 131026 || code == 131047
            || (132000...132999).contains(code)
    }

    public var kind: Kind {
        guard let code else {
            // No Graph error object: a network failure, or a proxy's page. Server-side and
            // throttling statuses are worth another try; anything else is not.
            guard let httpStatus else { return .transient }
            return httpStatus >= 500 || httpStatus == 429 || httpStatus == 408 ? .transient : .permanent
        }
        if code == 190 { return .reauthenticate }
        if code == 506 { return .duplicate }
        if Self.transientCodes.contains(code) { return .transient }
        if Self.isPermanent(code) { return .permanent }
        // An unknown code with a server-side status is most likely temporary.
        return (httpStatus ?? 500) >= 500 ? .transient : .permanent
    }
}
