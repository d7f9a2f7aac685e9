import Vapor

/// The machine-readable formats of the portal's harvesting addresses.
enum HarvestFormat: String, CaseIterable, Sendable {
    case jsonld, ttl, rss, atom

    var contentType: String {
        switch self {
        case .jsonld: "application/ld+json; charset=utf-8"
        case .ttl: "text/turtle; charset=utf-8"
        case .rss: "application/rss+xml; charset=utf-8"
        case .atom: "application/atom+xml; charset=utf-8"
        }
    }

    static let dcat: [HarvestFormat] = [.jsonld, .ttl]
    static let feeds: [HarvestFormat] = [.rss, .atom]
}

/// The two feeds: published announcements, and public datasets as they are updated.
enum HarvestFeed: String, CaseIterable, Sendable {
    case announcements = "pengumuman"
    case datasets = "data"
}
