/// Issue 10: the Facebook and WhatsApp channels, their settings, recipients and deliveries.
extension Strings {
    static let channels: [(String, String, String)] = [
        ("publication.state.needs_login", "perlu login ulang", "needs a new login"),
    ]
}
