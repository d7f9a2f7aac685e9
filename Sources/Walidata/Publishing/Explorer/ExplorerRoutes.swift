import Vapor

/// The public explorer's routes (issue 11). `/publik/data/{slug}` itself and its downloads are
/// registered with the portal (`PublicationRoutes`); their handlers read `.json` twins too.
enum ExplorerRoutes {
    static func register(_ app: Application) {
        typealias R = SiteURL.Route
        let data = app.grouped("publik", "data", R.slug)
        data.get("grafik.svg", access: .anyone, use: ExplorerController.chart)
        data.get("grafik.json", access: .anyone, use: ExplorerController.chart)
        data.get("versi", access: .anyone, use: PortalController.cachedPage(ExplorerController.versions))
        data.get("versi.json", access: .anyone, use: PortalController.cachedPage(ExplorerController.versions))
        // `{n}` or `{n}.json`.
        data.get("versi", R.number, access: .anyone, use: PortalController.cachedPage(ExplorerController.version))
        data.get("versi", R.number, "perubahan", access: .anyone, use: PortalController.cachedPage(ExplorerController.changes))
        data.get("versi", R.number, "perubahan.json", access: .anyone, use: PortalController.cachedPage(ExplorerController.changes))
        // `data.csv`, `data-excel.csv`, `data.json`, `grafik.svg`, `grafik.json` of that version.
        data.get("versi", R.number, R.file, access: .anyone, use: ExplorerController.versionFile)
    }
}
