import Foundation

/// A feed of announcements or of updated datasets, written as RSS 2.0 or Atom (RFC 4287).
/// Every link is absolute; the caller makes it from the configured public address.
public struct Feed: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var title: String
        public var link: String
        public var summary: String
        public var published: Date
        public var updated: Date

        public init(id: String, title: String, link: String, summary: String, published: Date, updated: Date) {
            self.id = id
            self.title = title
            self.link = link
            self.summary = summary
            self.published = published
            self.updated = updated
        }
    }

    public var title: String
    public var description: String
    /// The portal page the feed follows.
    public var link: String
    /// The feed's own address (`rel="self"`).
    public var selfLink: String
    public var language: String
    /// When nothing is in it: a fixed date, so the document (and its ETag) does not change by itself.
    public var updated: Date
    public var entries: [Entry]

    public init(title: String, description: String, link: String, selfLink: String, language: String, updated: Date, entries: [Entry]) {
        self.title = title
        self.description = description
        self.link = link
        self.selfLink = selfLink
        self.language = language
        self.updated = entries.map(\.updated).max() ?? updated
        self.entries = entries
    }

    public func rss() -> String {
        let items = entries.map { e in
            """
              <item>
                <title>\(XMLText.escape(e.title))</title>
                <link>\(XMLText.escape(e.link))</link>
                <guid isPermaLink="false">\(XMLText.escape(e.id))</guid>
                <pubDate>\(FeedDate.rfc822(e.updated))</pubDate>
                <description>\(XMLText.escape(e.summary))</description>
              </item>
            """
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>
          <title>\(XMLText.escape(title))</title>
          <link>\(XMLText.escape(link))</link>
          <description>\(XMLText.escape(description))</description>
          <language>\(XMLText.escape(language))</language>
          <lastBuildDate>\(FeedDate.rfc822(updated))</lastBuildDate>
          <atom:link href="\(XMLText.escape(selfLink))" rel="self" type="application/rss+xml"/>
        \(items.joined(separator: "\n"))
        </channel>
        </rss>

        """
    }

    public func atom() -> String {
        let items = entries.map { e in
            """
              <entry>
                <id>\(XMLText.escape(e.id))</id>
                <title>\(XMLText.escape(e.title))</title>
                <link rel="alternate" type="text/html" href="\(XMLText.escape(e.link))"/>
                <published>\(FeedDate.rfc3339(e.published))</published>
                <updated>\(FeedDate.rfc3339(e.updated))</updated>
                <summary>\(XMLText.escape(e.summary))</summary>
              </entry>
            """
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(language))">
          <id>\(XMLText.escape(selfLink))</id>
          <title>\(XMLText.escape(title))</title>
          <subtitle>\(XMLText.escape(description))</subtitle>
          <link rel="self" type="application/atom+xml" href="\(XMLText.escape(selfLink))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escape(link))"/>
          <updated>\(FeedDate.rfc3339(updated))</updated>
          <author><name>\(XMLText.escape(title))</name></author>
        \(items.joined(separator: "\n"))
        </feed>

        """
    }
}

/// `sitemap.xml` (sitemaps.org 0.9): each address with its last change where known.
public enum Sitemap {
    public static func write(_ urls: [(loc: String, lastmod: Date?)]) -> String {
        let items = urls.map { url in
            "  <url><loc>\(XMLText.escape(url.loc))</loc>" + (url.lastmod.map { "<lastmod>\(FeedDate.rfc3339($0))</lastmod>" } ?? "") + "</url>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + items.joined(separator: "\n") + "\n</urlset>\n"
    }
}

public enum XMLText {
    /// Text for an XML 1.0 element or attribute: the five markup characters as entities, and
    /// the control characters XML 1.0 cannot carry at all dropped (a typed title cannot break the feed).
    /// `apostrophe` is the entity for `'`: `&apos;` in XML; inline SVG in HTML uses `&#39;`.
    public static func escape(_ text: String, apostrophe: String = "&apos;") -> String {
        // Most text (numbers, names) has nothing to change: one pass over the bytes says so.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == 0xEF }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

public enum FeedDate {
    /// RSS 2.0's date (RFC 822 with a four-digit year), always in GMT.
    public static func rfc822(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: date)
    }

    /// Atom's, DCAT's and the sitemap's date-time (RFC 3339, UTC).
    public static func rfc3339(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
