import Vapor

/// The harvesting addresses, all open to anyone (they show only what the portal shows).
///
/// A dataset's DCAT lives at `/publik/data/{slug}/dcat.jsonld` (and `.ttl`), beside its
/// downloads `/publik/data/{slug}/data.csv`: the router matches whole path segments, so
/// `{slug}.jsonld` would have to be cut apart inside the dataset page's handler, and a slug may
/// itself contain a dot. Constant segments win over `:file` in Vapor's router.
enum HarvestRoutes {
    static func register(_ app: Application) {
        for format in HarvestFormat.dcat {
            app.get("publik", "catalog.\(format.rawValue)", access: .anyone) { try await HarvestController.catalog($0, format) }
            app.get("publik", "data", SiteURL.Route.slug, "dcat.\(format.rawValue)", access: .anyone) { try await HarvestController.dataset($0, format) }
        }
        for format in HarvestFormat.feeds {
            app.get("publik", "\(HarvestFeed.announcements.rawValue).\(format.rawValue)", access: .anyone) {
                try await HarvestController.announcementFeed($0, format)
            }
            app.get("publik", "\(HarvestFeed.datasets.rawValue).\(format.rawValue)", access: .anyone) { try await HarvestController.datasetFeed($0, format) }
        }
        app.get("sitemap.xml", access: .anyone, use: HarvestController.sitemap)
        app.get("robots.txt", access: .anyone, use: HarvestController.robots)
    }
}
