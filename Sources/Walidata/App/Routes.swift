import Fluent
import Vapor
import WalidataCore

/// Every route, with the roles that may use it.
func routes(_ app: Application) throws {
    typealias R = SiteURL.Route

    app.get("healthz", access: .anyone, use: HealthController.check)
    app.get("static", "walidata.css", access: .anyone) { req in Stylesheet.response(req) }
    app.get("favicon.ico", access: .anyone) { req in Favicon.response(req) }

    app.get("login", access: .anyone, use: LoginController.show)
    app.post("login", access: .anyone, use: LoginController.submit)
    app.post("logout", access: .signedIn, use: LoginController.logout)
    app.get("lang", R.lang, access: .anyone, use: LoginController.setLanguage)

    app.get(access: .signedIn, use: HomeController.show)

    app.get("account", access: .signedIn, use: AccountController.show)
    app.post("account", "language", access: .signedIn, use: AccountController.setLanguage)
    app.post("account", "password", access: .signedIn, use: AccountController.changePassword)
    app.get("account", "tokens", access: .signedIn, use: AccountController.tokens)
    app.post("account", "tokens", access: .signedIn, use: AccountController.createToken)
    app.post("account", "tokens", R.tokenID, "revoke", access: .signedIn, use: AccountController.revokeToken)

    func office(_ resource: OfficePolicy.Resource) -> Access { .roles(OfficePolicy.roles(for: resource)) }
    app.get("admin", "users", access: office(.users), use: UserAdminController.list)
    app.get("admin", "users", "new", access: office(.users), use: UserAdminController.newForm)
    app.post("admin", "users", "new", access: office(.users), use: UserAdminController.create)
    app.get("admin", "users", R.userID, access: office(.users), use: UserAdminController.edit)
    app.post("admin", "users", R.userID, access: office(.users), use: UserAdminController.update)
    app.post("admin", "users", R.userID, "password", access: office(.users), use: UserAdminController.resetPassword)
    app.post("admin", "users", R.userID, "active", access: office(.users), use: UserAdminController.setActive)
    app.get("admin", "organizations", access: office(.organizations), use: OrganizationController.list)
    app.get("admin", "organizations", "new", access: office(.organizations), use: OrganizationController.newForm)
    app.post("admin", "organizations", "new", access: office(.organizations), use: OrganizationController.create)
    app.get("admin", "organizations", R.organizationID, access: office(.organizations), use: OrganizationController.edit)
    app.post("admin", "organizations", R.organizationID, access: office(.organizations), use: OrganizationController.update)

    app.get("sop", access: .signedIn, use: SOPController.sheet)
    app.get("sop", "print", access: .signedIn, use: SOPController.printSheet)
    app.get("sop", "revisions", access: .signedIn, use: SOPController.revisions)
    app.post("sop", "revisions", "new", access: office(.sopDrafts), use: SOPController.openDraft)
    app.get("sop", "revisions", R.revision, access: .signedIn, use: SOPController.revisionSheet)
    app.get("sop", "revisions", R.revision, "print", access: .signedIn, use: SOPController.printRevision)
    app.get("sop", "revisions", R.revision, "edit", access: office(.sopDrafts), use: SOPController.editDraft)
    app.post("sop", "revisions", R.revision, "edit", access: office(.sopDrafts), use: SOPController.saveDraft)
    app.post("sop", "revisions", R.revision, "discard", access: office(.sopDrafts), use: SOPController.discardDraft)
    app.post("sop", "revisions", R.revision, "approve", access: office(.sopApproval), use: SOPController.approve)

    app.get("calendar", access: .signedIn, use: CalendarController.show)
    app.post("calendar", "hours", access: office(.calendar), use: CalendarController.updateHours)
    app.post("calendar", "days", access: office(.calendar), use: CalendarController.addDay)
    app.post("calendar", "days", R.dayID, "delete", access: office(.calendar), use: CalendarController.deleteDay)
    app.route(.POST, ["calendar", "import"], access: office(.calendar), body: .collect(maxSize: "2mb"), use: CalendarController.importCSV)

    app.get("static", "upload.js", access: .anyone) { req in UploadScript.response(req) }

    let curators = Access.roles(DatasetPolicy.curators)
    let readers = Access.roles(DatasetPolicy.readers)
    app.get("datasets", access: readers, use: DatasetController.list)
    app.get("datasets", "new", access: curators, use: DatasetController.newForm)
    app.post("datasets", "new", access: curators, use: DatasetController.create)
    app.get("datasets", R.slug, access: readers, use: DatasetController.show)
    app.get("datasets", R.slug, "edit", access: readers, use: DatasetController.editForm)
    app.post("datasets", R.slug, "edit", access: readers, use: DatasetController.update)
    app.route(.POST, ["datasets", R.slug, "upload"], access: readers, body: .stream, use: DatasetController.upload)
    app.post("datasets", R.slug, "delete", access: curators, use: DatasetController.delete)
    let publishers = Access.roles(DatasetPolicy.publishers)
    app.post("datasets", R.slug, "publish", access: publishers, use: DatasetController.publish)
    app.post("datasets", R.slug, "withdraw", access: publishers, use: DatasetController.withdraw)
    app.get("datasets", R.slug, "log", access: readers, use: StorageLogController.forDataset)
    app.get("datasets", R.slug, "versions", R.number, access: readers, use: VersionController.show)
    app.get("datasets", R.slug, "versions", R.number, "download", access: readers, use: VersionController.download)
    app.post("datasets", R.slug, "versions", R.number, "restore", access: curators, use: VersionController.restore)
    app.get("datasets", R.slug, "versions", R.number, R.file, access: readers, use: TableController.download)
    app.get("datasets", R.slug, "compare", access: readers, use: TableController.comparePage)
    app.get("trash", access: curators, use: DatasetController.trash)
    app.post("trash", R.slug, "restore", access: curators, use: DatasetController.untrash)
    app.post("trash", R.slug, "purge", access: .roles(DatasetPolicy.purgers), use: DatasetController.purge)
    app.get("storage-log", access: readers, use: StorageLogController.show)
    app.get("storage-log", "print", access: readers, use: StorageLogController.printView)
    app.get("admin", "audit", access: office(.audit), use: StorageLogController.audit)
    app.get("admin", "settings", access: office(.settings), use: SettingsController.show)
    app.post("admin", "settings", access: office(.settings), use: SettingsController.save)
    // The arms' own limit is checked in words (`LetterheadArms.maxBytes`); the body may be a
    // little larger so that a file just over it gets that message, not a bare 413.
    app.route(.POST, ["admin", "settings", "arms"], access: office(.settings), body: .collect(maxSize: "2mb"), use: SettingsController.uploadArms)
    app.post("admin", "settings", "arms", "remove", access: office(.settings), use: SettingsController.removeArms)
    app.get("kop", "lambang", access: .signedIn, use: SettingsController.arms)
    try BackupRoutes.register(app)
    CaseRoutes.register(app)
    PublicationRoutes.register(app)
    try WhatsAppWebhook.register(app)
    ChannelsController.register(app)
    try MonitoringRoutes.register(app)

    let api = app.grouped("api", "v1").grouped(APITokenAuthMiddleware())
    app.get("api", "v1", "openapi.json", access: .anyone, use: APIController.openAPI)
    api.get("me", access: .signedIn, use: APIController.me)
    api.get("sop", access: .signedIn, use: APIController.sopInForce)
    api.get("sop", "revisions", access: .signedIn, use: APIController.sopRevisions)
    api.get("sop", "revisions", R.revision, access: .signedIn, use: APIController.sopRevision)
    api.get("organizations", access: .signedIn, use: APIController.organizations)
    api.get("users", access: office(.users), use: APIController.users)
    api.get("calendar", access: .signedIn, use: APIController.calendar)
    api.get("calendar", "due", access: .signedIn, use: APIController.due)
    api.get("datasets", access: readers, use: DatasetAPI.list)
    api.post("datasets", access: curators, use: DatasetAPI.create)
    api.get("datasets", R.slug, access: readers, use: DatasetAPI.show)
    api.route(.DELETE, ["datasets", R.slug], access: curators, use: DatasetAPI.delete)
    api.route(.PATCH, ["datasets", R.slug], access: readers, use: DatasetAPI.update)
    api.post("datasets", R.slug, "publish", access: publishers, use: DatasetAPI.publish)
    api.post("datasets", R.slug, "withdraw", access: publishers, use: DatasetAPI.withdraw)
    api.get("datasets", R.slug, "versions", access: readers, use: DatasetAPI.versions)
    api.route(.POST, ["datasets", R.slug, "versions"], access: readers, body: .stream, use: DatasetAPI.upload)
    api.get("datasets", R.slug, "versions", R.number, access: readers, use: DatasetAPI.version)
    api.get("datasets", R.slug, "versions", R.number, "download", access: readers, use: VersionController.download)
    api.post("datasets", R.slug, "versions", R.number, "restore", access: curators, use: DatasetAPI.restore)
    api.get("datasets", R.slug, "versions", R.number, "data", access: readers, use: DatasetAPI.data)
    api.get("datasets", R.slug, "versions", R.number, "export", access: readers, use: DatasetAPI.export)
    api.get("datasets", R.slug, "compare", access: readers, use: DatasetAPI.compare)
}
