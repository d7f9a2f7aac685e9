import Vapor
import WalidataCore

/// Step 9's routes and the public portal, each with its access.
enum PublicationRoutes {
    static func register(_ app: Application) {
        typealias R = SiteURL.Route
        let editors = Access.roles(CasePolicy.announcementEditors)
        app.post("cases", R.caseID, "announcement", access: editors, use: CaseRefusal.guarding(PublicationController.save))
        let resenders = Access.roles(DeliveryPolicy.resenders)
        app.post("cases", R.caseID, "deliveries", R.deliveryID, "resend", access: resenders, use: CaseRefusal.guarding(PublicationController.resend))
        app.get("cases", R.caseID, "final-report", access: .signedIn, use: PublicationController.finalReport)

        app.get("publik", access: .anyone, use: PortalController.home)
        app.get("publik", "pengumuman", R.announcementID, access: .anyone, use: PortalController.announcement)
        app.get("publik", "share.png", access: .anyone, use: ShareImage.serve)
        app.get("publik", "data", access: .anyone, use: PortalController.datasets)
        app.get("publik", "data", R.slug, access: .anyone, use: PortalController.dataset)
        app.get("publik", "data", R.slug, R.file, access: .anyone, use: PortalController.download)
        ExplorerRoutes.register(app)

        CKANAction.register(app)

        let api = app.grouped("api", "v1").grouped(APITokenAuthMiddleware())
        api.get("cases", R.caseID, "announcement", access: .signedIn, use: PublicationAPI.show)
        api.get("cases", R.caseID, "final-report", "document", access: .signedIn, use: PublicationController.finalReportDocument)
        api.route(.PUT, ["cases", R.caseID, "announcement"], access: editors, use: PublicationAPI.save)
        api.post("cases", R.caseID, "deliveries", R.deliveryID, "resend", access: resenders, use: PublicationAPI.resend)
        api.get("public", "announcements", access: .anyone, use: PublicationAPI.publicList)
    }
}
