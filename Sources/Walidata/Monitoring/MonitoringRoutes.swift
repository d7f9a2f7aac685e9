import Vapor

/// Notifications (everyone signed in, each their own), the monitoring dashboard (supervisors,
/// head of office, admin), their API, and the late-step scan.
enum MonitoringRoutes {
    static func register(_ app: Application) throws {
        typealias R = SiteURL.Route
        app.lateStepSettings = try LateStepSettings.fromEnvironment()
        if let interval = app.lateStepSettings.interval, app.environment != .testing, BackupScheduler.isServeCommand(app.environment.arguments) {
            app.lifecycle.use(LateStepScheduler(interval: interval))
        }
        let dashboard = Access.roles(OfficePolicy.dashboardReaders)
        app.get("notifications", access: .signedIn, use: NotificationController.list)
        app.post("notifications", "read-all", access: .signedIn, use: NotificationController.markAllRead)
        app.post("notifications", R.notificationID, "read", access: .signedIn, use: NotificationController.markRead)
        app.get("dashboard", access: dashboard, use: DashboardController.show)
        app.get("dashboard", "steps.csv", access: dashboard, use: DashboardController.csv)
        app.get("dashboard", "steps.xlsx", access: dashboard, use: DashboardController.xlsx)

        let api = app.grouped("api", "v1").grouped(APITokenAuthMiddleware())
        api.get("notifications", access: .signedIn, use: MonitoringAPI.notifications)
        api.post("notifications", "read-all", access: .signedIn, use: MonitoringAPI.markAllRead)
        api.post("notifications", R.notificationID, "read", access: .signedIn, use: MonitoringAPI.markRead)
        api.get("dashboard", access: dashboard, use: MonitoringAPI.dashboard)
        SOPFormRoutes.register(app)
    }
}

extension Application {
    private struct LateStepSettingsKey: StorageKey { typealias Value = LateStepSettings }

    var lateStepSettings: LateStepSettings {
        get { storage[LateStepSettingsKey.self] ?? LateStepSettings() }
        set { storage[LateStepSettingsKey.self] = newValue }
    }
}
