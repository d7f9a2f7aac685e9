/// Comparing a secret someone sent with the one we hold, in time that does not depend on where
/// they first differ, so the answer's timing tells an attacker nothing. Used for signed links
/// (`ServerSecret.verify`) and the WhatsApp webhook's verify token.
public enum ConstantTime {
    public static func equals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
