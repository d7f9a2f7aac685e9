import Vapor

/// Which of HTML and JSON a request asks for, read from the `Accept` header by quality
/// (RFC 9110 §12.5.1): each type takes the `q` of the most specific range that names it, so a
/// browser's `text/html,…,*/*;q=0.8` prefers HTML and `application/json` prefers JSON. A tie
/// (`*/*`, or no header) goes to HTML, the answer a person can read.
extension Request {
    var prefersJSON: Bool {
        AcceptPreference(header: headers[.accept].joined(separator: ",")).prefersJSON
    }
}

struct AcceptPreference {
    struct Range {
        var type: String
        var subType: String
        var q: Double
    }

    var ranges: [Range]

    init(header: String) {
        ranges = header.split(separator: ",").compactMap { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let media = parts.first?.split(separator: "/", maxSplits: 1).map(String.init) ?? []
            guard media.count == 2 else { return nil }
            var q = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)).map { min(max($0, 0), 1) } ?? 0
            }
            return Range(type: media[0], subType: media[1], q: q)
        }
    }

    /// The quality given to `type/subType`: from the exact range, else `type/*`, else `*/*`, else 0.
    func quality(_ type: String, _ subType: String) -> Double {
        if let exact = ranges.first(where: { $0.type == type && $0.subType == subType }) { return exact.q }
        if let family = ranges.first(where: { $0.type == type && $0.subType == "*" }) { return family.q }
        return ranges.first(where: { $0.type == "*" && $0.subType == "*" })?.q ?? 0
    }

    var prefersJSON: Bool {
        quality("application", "json") > quality("text", "html")
    }
}
