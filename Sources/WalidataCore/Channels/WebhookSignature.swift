import Crypto
import Foundation

/// Meta signs every webhook POST with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw
/// body, keyed with the app secret>`. A request whose signature does not match is not from Meta
/// (or was altered) and is ignored whole.
public enum WebhookSignature {
    public static func sign(_ body: [UInt8], secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// True only when `header` is `sha256=` and the right 64 hex digits; compared in constant
    /// time (`HMAC.isValidAuthenticationCode`), so the answer's timing says nothing.
    public static func isValid(_ header: String?, body: [UInt8], secret: String) -> Bool {
        guard !secret.isEmpty, let header, header.hasPrefix("sha256=") else { return false }
        let hex = Array(header.utf8.dropFirst(7))
        guard hex.count == 64 else { return false }
        var mac: [UInt8] = []
        mac.reserveCapacity(32)
        var i = 0
        while i < 64 {
            guard let high = nibble(hex[i]), let low = nibble(hex[i + 1]) else { return false }
            mac.append(high << 4 | low)
            i += 2
        }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: SymmetricKey(data: Data(secret.utf8)))
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
