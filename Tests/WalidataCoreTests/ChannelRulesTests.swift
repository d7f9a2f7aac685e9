import Foundation
import Testing
@testable import WalidataCore

/// Issue 10: the rules the Facebook and WhatsApp sender lives by, without a network.
@Suite("Channel rules: errors, retries, numbers, signatures, statuses")
struct ChannelRulesTests {
    @Test("Graph errors are classed by their code, not the HTTP status", arguments: [
        (400, 4, GraphFailure.Kind.transient), (400, 17, .transient), (400, 32, .transient), (400, 613, .transient),
        (400, 80001, .transient), (400, 130429, .transient), (400, 131056, .transient), (500, 131000, .transient),
        (503, 131016, .transient), (500, 1, .transient), (500, 2, .transient), (400, 341, .transient),
        (400, 190, .reauthenticate), (401, 190, .reauthenticate),
        (400, 10, .permanent), (400, 100, .permanent), (403, 200, .permanent), (403, 299, .permanent), (400, 368, .permanent),
        (400, 131026, .permanent), (400, 131047, .permanent), (400, 132001, .permanent), (400, 132015, .permanent),
        (400, 506, .duplicate),
    ])
    func classification(_ status: Int, _ code: Int, _ kind: GraphFailure.Kind) {
        let body = #"{"error":{"message":"x","type":"OAuthException","code":\#(code),"error_subcode":463,"fbtrace_id":"AbC123"}}"#
        let failure = GraphFailure.parse(status: status, body: Data(body.utf8))
        #expect(failure?.kind == kind)
        #expect(failure?.code == code && failure?.subcode == 463 && failure?.fbtraceID == "AbC123")
    }

    @Test("without a Graph error body: network failures, 5xx, 429 and 408 are retried; other statuses are not")
    func noErrorBody() {
        #expect(GraphFailure.parse(status: 502, body: Data("<html>Bad gateway</html>".utf8)) == nil)
        #expect(GraphFailure.network("connection reset").kind == .transient)
        #expect(GraphFailure(httpStatus: 502, code: nil, message: "").kind == .transient)
        #expect(GraphFailure(httpStatus: 429, code: nil, message: "").kind == .transient)
        #expect(GraphFailure(httpStatus: 404, code: nil, message: "").kind == .permanent)
        // An unknown code: its status decides.
        #expect(GraphFailure(httpStatus: 500, code: 99999, message: "").kind == .transient)
        #expect(GraphFailure(httpStatus: 400, code: 99999, message: "").kind == .permanent)
    }

    @Test("backoff is exponential with full jitter, capped, and never sooner than the channel asked")
    func backoff() {
        let policy = RetryPolicy(base: 30, cap: 3600, maxAttempts: 5)
        #expect(policy.ceiling(afterAttempts: 1) == 30 && policy.ceiling(afterAttempts: 2) == 60 && policy.ceiling(afterAttempts: 4) == 240)
        #expect(policy.ceiling(afterAttempts: 20) == 3600)
        #expect(policy.delay(afterAttempts: 3, random: 0) == 0)
        #expect(policy.delay(afterAttempts: 3, random: 0.5) == 60)
        #expect(policy.delay(afterAttempts: 3, hint: 900, random: 0.5) == 900)
        #expect(policy.delay(afterAttempts: 3, hint: 999_999, random: 0.5) == 3600, "a hint is bounded by the cap")
        #expect(!policy.givesUp(afterAttempts: 4) && policy.givesUp(afterAttempts: 5))
        var generator = SystemRandomNumberGenerator()
        let delays = (0..<200).map { _ in policy.delay(afterAttempts: 6, random: Double.random(in: 0..<1, using: &generator)) }
        #expect(delays.allSatisfy { $0 >= 0 && $0 <= 960 })
        #expect(Set(delays.map { Int($0 / 96) }).count >= 5, "spread over the range, not bunched")
    }

    @Test("Retry-After and X-Business-Use-Case-Usage give the wait; the longer one counts")
    func hints() {
        #expect(RetryHint.retryAfter("120") == 120 && RetryHint.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == nil && RetryHint.retryAfter(nil) == nil)
        let usage = #"{"1234567890":[{"type":"pages","call_count":100,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":7},{"type":"pages","call_count":3,"estimated_time_to_regain_access":0}]}"#
        #expect(RetryHint.businessUseCaseUsage(usage) == 420)
        #expect(RetryHint.businessUseCaseUsage("not json") == nil)
        #expect(RetryHint.from(retryAfter: "60", businessUseCaseUsage: usage) == 420)
        #expect(RetryHint.from(retryAfter: "600", businessUseCaseUsage: usage) == 600)
        #expect(RetryHint.from(retryAfter: nil, businessUseCaseUsage: nil) == nil)
    }

    @Test("numbers are read into E.164: 08… and 62… are Indonesian, +… as written", arguments: [
        ("0812-3456-7890", "+6281234567890"), ("+62 812 3456 7890", "+6281234567890"), ("6281234567890", "+6281234567890"),
        ("812 3456 7890", "+6281234567890"), ("(0759) 320123", "+62759320123"), ("0062 812 3456 7890", "+6281234567890"),
        ("+1 (415) 555-0100", "+14155550100"),
    ])
    func phoneNumbers(_ raw: String, _ e164: String) throws {
        let number = try PhoneNumber(raw)
        #expect(number.e164 == e164 && number.digits == String(e164.dropFirst()))
    }

    @Test("a number that is not one is refused with the reason", arguments: [
        ("", PhoneNumber.Problem.empty), ("0812 abc", .characters), ("+62 812", .length), ("081234567890123456", .length),
        ("44 20 7946 0958", .country), ("08123'; DROP", .characters), ("+62+812", .characters),
    ])
    func badNumbers(_ raw: String, _ problem: PhoneNumber.Problem) {
        #expect(throws: problem) { try PhoneNumber(raw) }
    }

    @Test("a webhook signature is accepted only when it is the body's HMAC-SHA256 under the app secret")
    func signatures() {
        let body = Array(#"{"object":"whatsapp_business_account"}"#.utf8)
        let header = WebhookSignature.sign(body, secret: "rahasia-aplikasi")
        #expect(header.hasPrefix("sha256=") && header.count == 71)
        #expect(WebhookSignature.isValid(header, body: body, secret: "rahasia-aplikasi"))
        #expect(WebhookSignature.isValid(header.uppercased().replacingOccurrences(of: "SHA256=", with: "sha256="), body: body, secret: "rahasia-aplikasi"))
        #expect(!WebhookSignature.isValid(header, body: body + [0x20], secret: "rahasia-aplikasi"), "an altered body")
        #expect(!WebhookSignature.isValid(header, body: body, secret: "rahasia-lain"), "another secret")
        #expect(!WebhookSignature.isValid(nil, body: body, secret: "rahasia-aplikasi"))
        #expect(!WebhookSignature.isValid(String(header.dropLast()), body: body, secret: "rahasia-aplikasi"))
        #expect(!WebhookSignature.isValid(header.replacingOccurrences(of: "sha256=", with: "sha1="), body: body, secret: "rahasia-aplikasi"))
        #expect(!WebhookSignature.isValid("sha256=" + String(repeating: "zz", count: 32), body: body, secret: "rahasia-aplikasi"))
        #expect(!WebhookSignature.isValid(header, body: body, secret: ""), "no secret configured: nothing is valid")
    }

    @Test("a message status only moves forward, whatever order and how often the webhooks come")
    func statusesMoveForward() {
        let orders: [[MessageStatus]] = [[.sent, .delivered, .read], [.read, .delivered, .sent], [.delivered, .sent, .read, .read], [.sent, .sent]]
        let finals = orders.map { $0.reduce(MessageStatus.accepted) { $0.applying($1) } }
        #expect(finals == [.read, .read, .read, .sent])
        #expect(MessageStatus.sent.applying(.failed) == .failed)
        #expect(MessageStatus.failed.applying(.sent) == .failed)
        #expect(MessageStatus.delivered.applying(.failed) == .delivered, "a late failure does not undo a delivery")
        #expect(MessageStatus.failed.applying(.read) == .read)
    }
}
