import Vapor

/// `<link rel="alternate">` in the head of every portal page, so feed readers and harvesters
/// find the feeds and the DCAT documents from any public page; a dataset's page names its own.
enum HarvestLinks {
    static func head(_ req: Request) -> HTML {
        guard req.url.path == SiteURL.publicHome.path || req.url.path.hasPrefix(SiteURL.publicHome.path + "/") else { return .empty }
        let t = req.t
        let url = HarvestController.publicURL(req)
        var links: [(type: String, title: String, href: String)] = [
            ("application/rss+xml", t("harvest.link.announcements_rss"), url(SiteURL.publicFeed(.announcements, .rss).path)),
            ("application/atom+xml", t("harvest.link.announcements_atom"), url(SiteURL.publicFeed(.announcements, .atom).path)),
            ("application/rss+xml", t("harvest.link.datasets_rss"), url(SiteURL.publicFeed(.datasets, .rss).path)),
            ("application/atom+xml", t("harvest.link.datasets_atom"), url(SiteURL.publicFeed(.datasets, .atom).path)),
        ]
        if req.route?.path.map(\.description) == ["publik", "data", ":slug"], let slug = req.parameters.get("slug") {
            links.append(("application/ld+json", "DCAT (JSON-LD)", url(SiteURL.publicDatasetDCAT(slug, .jsonld).path)))
            links.append(("text/turtle", "DCAT (Turtle)", url(SiteURL.publicDatasetDCAT(slug, .ttl).path)))
        } else {
            links.append(("application/ld+json", "DCAT (JSON-LD)", url(SiteURL.publicCatalog(.jsonld).path)))
            links.append(("text/turtle", "DCAT (Turtle)", url(SiteURL.publicCatalog(.ttl).path)))
        }
        let tags = links.map { "<link rel=\"alternate\" type=\"\($0.type)\" title=\"\($0.title)\" href=\"\($0.href)\">\n" as HTML }
        return "\(tags)"
    }
}
