import Foundation
import Vapor

/// Every page's address in one place: routes are registered from `SiteURL.Route` components
/// and links are built from the cases, so a link cannot point at a page that does not exist.
enum SiteURL {
    case home
    case login(next: String?)
    case logout
    case language(Lang)
    case healthz
    case stylesheet
    case favicon
    case account
    case accountPassword
    case accountLanguage
    case tokens
    case tokenRevoke(UUID)
    case users
    case userNew
    case user(UUID)
    case userPassword(UUID)
    case userActive(UUID)
    case organizations
    case organizationNew
    case organization(UUID)
    case sop
    case sopPrint
    case sopRevisions
    case sopRevision(Int)
    case sopRevisionPrint(Int)
    case sopRevisionEdit(Int)
    case sopRevisionApprove(Int)
    case sopRevisionDiscard(Int)
    case sopRevisionNew
    case calendar
    case calendarHours
    case calendarDays
    case calendarDayDelete(UUID)
    case calendarImport
    case datasets
    case datasetNew
    case dataset(String)
    case datasetEdit(String)
    case datasetColumns(String)
    case datasetUpload(String)
    case datasetDelete(String)
    case datasetPublish(String)
    case datasetWithdraw(String)
    case datasetLog(String)
    case datasetCompare(String)
    case version(String, Int)
    case versionDownload(String, Int)
    case versionRestore(String, Int)
    case versionReading(String, Int)
    case versionData(String, Int, String)
    case versionDataFile(String, Int, String)
    case trash
    case trashRestore(String)
    case trashPurge(String)
    case storageLog
    case storageLogPrint
    case uploadScript
    case audit
    case settings
    case settingsArms
    case settingsArmsRemove
    case channels
    case channelsFacebookTest
    case recipients
    case recipientsImport
    case recipientOptOut(UUID)
    case letterheadArms
    case backups
    case cases
    case caseNew
    case caseDetail(UUID)
    case caseStepComplete(UUID, Int)
    case caseReceipt(UUID)
    case caseLetter(UUID)
    case caseLetterPrint(UUID)
    case caseStorageLog(UUID)
    case caseReport(UUID)
    case caseReportPrint(UUID, String)
    case caseReportFinal(UUID)
    case caseAttach(UUID)
    case caseRecover(UUID, String)
    case caseUntrash(UUID, String)
    case caseRecord(UUID)
    case caseAttachmentUpload(UUID)
    case caseAttachment(UUID, UUID)
    case caseAttachmentStore(UUID, UUID)
    case tasks
    case caseAnnouncement(UUID)
    case deliveryResend(caseID: UUID, deliveryID: UUID)
    case shareImageUpload
    case shareImageRemove
    case caseFinalReport(UUID)
    case publicHome
    case publicAnnouncement(UUID)
    case shareImage
    case publicDatasets
    case publicDataset(String)
    case publicDatasetFile(String, String)
    /// The table explorer, earlier versions and their changes (`ExplorerPath`), each with a `.json` twin.
    case publicExplorer(String, ExplorerPath)
    /// `catalog.jsonld` / `catalog.ttl`: the public catalogue as DCAT-AP.
    case publicCatalog(HarvestFormat)
    case publicDatasetDCAT(String, HarvestFormat)
    case publicFeed(HarvestFeed, HarvestFormat)
    case sitemap
    case robots
    case notifications
    case notificationRead(UUID)
    case notificationsReadAll
    case dashboard
    case dashboardCSV
    case sopForms
    case sopMonitoringNew
    case sopMonitoring(UUID)
    case sopMonitoringPrint(UUID)
    case sopEvaluationNew
    case sopEvaluation(UUID)
    case sopEvaluationPrint(UUID)
    case sopEvaluationRevision(UUID)
    case sopMonitoringXlsx(UUID)
    case sopEvaluationXlsx(UUID)
    case dashboardXlsx
    case storageLogXlsx
    case datasetLogXlsx(String)

    var path: String {
        switch self {
        case .home: "/"
        case .login(let next):
            if let next, next.hasPrefix("/"), !next.hasPrefix("//"), next != "/" {
                "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            } else {
                "/login"
            }
        case .logout: "/logout"
        case .language(let lang): "/lang/\(lang.rawValue)"
        case .healthz: "/healthz"
        case .stylesheet: "/static/walidata.css"
        case .favicon: "/favicon.ico"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountLanguage: "/account/language"
        case .tokens: "/account/tokens"
        case .tokenRevoke(let id): "/account/tokens/\(id)/revoke"
        case .users: "/admin/users"
        case .userNew: "/admin/users/new"
        case .user(let id): "/admin/users/\(id)"
        case .userPassword(let id): "/admin/users/\(id)/password"
        case .userActive(let id): "/admin/users/\(id)/active"
        case .organizations: "/admin/organizations"
        case .organizationNew: "/admin/organizations/new"
        case .organization(let id): "/admin/organizations/\(id)"
        case .sop: "/sop"
        case .sopPrint: "/sop/print"
        case .sopRevisions: "/sop/revisions"
        case .sopRevision(let n): "/sop/revisions/\(n)"
        case .sopRevisionPrint(let n): "/sop/revisions/\(n)/print"
        case .sopRevisionEdit(let n): "/sop/revisions/\(n)/edit"
        case .sopRevisionApprove(let n): "/sop/revisions/\(n)/approve"
        case .sopRevisionDiscard(let n): "/sop/revisions/\(n)/discard"
        case .sopRevisionNew: "/sop/revisions/new"
        case .calendar: "/calendar"
        case .calendarHours: "/calendar/hours"
        case .calendarDays: "/calendar/days"
        case .calendarDayDelete(let id): "/calendar/days/\(id)/delete"
        case .calendarImport: "/calendar/import"
        case .datasets: "/datasets"
        case .datasetNew: "/datasets/new"
        case .dataset(let slug): "/datasets/\(slug)"
        case .datasetEdit(let slug): "/datasets/\(slug)/edit"
        case .datasetColumns(let slug): "/datasets/\(slug)/columns"
        case .datasetUpload(let slug): "/datasets/\(slug)/upload"
        case .datasetDelete(let slug): "/datasets/\(slug)/delete"
        case .datasetPublish(let slug): "/datasets/\(slug)/publish"
        case .datasetWithdraw(let slug): "/datasets/\(slug)/withdraw"
        case .datasetLog(let slug): "/datasets/\(slug)/log"
        case .datasetCompare(let slug): "/datasets/\(slug)/compare"
        case .version(let slug, let n): "/datasets/\(slug)/versions/\(n)"
        case .versionDownload(let slug, let n): "/datasets/\(slug)/versions/\(n)/download"
        case .versionRestore(let slug, let n): "/datasets/\(slug)/versions/\(n)/restore"
        case .versionReading(let slug, let n): "/datasets/\(slug)/versions/\(n)/reading"
        case .versionData(let slug, let n, let format): "/datasets/\(slug)/versions/\(n)/data.\(format)"
        case .versionDataFile(let slug, let n, let file): "/datasets/\(slug)/versions/\(n)/\(file)"
        case .trash: "/trash"
        case .trashRestore(let slug): "/trash/\(slug)/restore"
        case .trashPurge(let slug): "/trash/\(slug)/purge"
        case .storageLog: "/storage-log"
        case .storageLogPrint: "/storage-log/print"
        case .uploadScript: "/static/upload.js"
        case .audit: "/admin/audit"
        case .settings: "/admin/settings"
        case .settingsArms: "/admin/settings/arms"
        case .settingsArmsRemove: "/admin/settings/arms/remove"
        case .channels: "/admin/channels"
        case .channelsFacebookTest: "/admin/channels/facebook/test"
        case .recipients: "/admin/channels/recipients"
        case .recipientsImport: "/admin/channels/recipients/import"
        case .recipientOptOut(let id): "/admin/channels/recipients/\(id)/opt-out"
        case .letterheadArms: "/kop/lambang"
        case .backups: "/admin/backups"
        case .cases: "/cases"
        case .caseNew: "/cases/new"
        case .caseDetail(let id): "/cases/\(id)"
        case .caseStepComplete(let id, let step): "/cases/\(id)/steps/\(step)/complete"
        case .caseReceipt(let id): "/cases/\(id)/receipt"
        case .caseLetter(let id): "/cases/\(id)/letter"
        case .caseLetterPrint(let id): "/cases/\(id)/letter/print"
        case .caseStorageLog(let id): "/cases/\(id)/storage-log"
        case .caseReport(let id): "/cases/\(id)/report"
        case .caseReportPrint(let id, let round): "/cases/\(id)/report/\(round)"
        case .caseReportFinal(let id): "/cases/\(id)/report/final"
        case .caseAttach(let id): "/cases/\(id)/datasets"
        case .caseRecover(let id, let slug): "/cases/\(id)/datasets/\(slug)/recover"
        case .caseUntrash(let id, let slug): "/cases/\(id)/datasets/\(slug)/untrash"
        case .caseRecord(let id): "/cases/\(id)/record"
        case .caseAttachmentUpload(let id): "/cases/\(id)/attachments/upload"
        case .caseAttachment(let id, let attachment): "/cases/\(id)/attachments/\(attachment)"
        case .caseAttachmentStore(let id, let attachment): "/cases/\(id)/attachments/\(attachment)/store"
        case .tasks: "/tasks"
        case .caseAnnouncement(let id): "/cases/\(id)/announcement"
        case .deliveryResend(let caseID, let deliveryID): "/cases/\(caseID)/deliveries/\(deliveryID)/resend"
        case .shareImageUpload: "/admin/channels/share-image"
        case .shareImageRemove: "/admin/channels/share-image/remove"
        case .caseFinalReport(let id): "/cases/\(id)/final-report"
        case .publicHome: "/publik"
        case .publicAnnouncement(let id): "/publik/pengumuman/\(id)"
        case .shareImage: "/publik/share.png"
        case .publicDatasets: "/publik/data"
        case .publicDataset(let slug): "/publik/data/\(slug)"
        case .publicDatasetFile(let slug, let file): "/publik/data/\(slug)/\(file)"
        case .publicExplorer(let slug, let page): page.path(slug)
        case .publicCatalog(let format): "/publik/catalog.\(format.rawValue)"
        case .publicDatasetDCAT(let slug, let format): "/publik/data/\(slug)/dcat.\(format.rawValue)"
        case .publicFeed(let feed, let format): "/publik/\(feed.rawValue).\(format.rawValue)"
        case .sitemap: "/sitemap.xml"
        case .robots: "/robots.txt"
        case .notifications: "/notifications"
        case .notificationRead(let id): "/notifications/\(id)/read"
        case .notificationsReadAll: "/notifications/read-all"
        case .dashboard: "/dashboard"
        case .dashboardCSV: "/dashboard/steps.csv"
        case .sopForms: "/sop/monitoring"
        case .sopMonitoringNew: "/sop/monitoring/new"
        case .sopMonitoring(let id): "/sop/monitoring/\(id.uuidString)"
        case .sopMonitoringPrint(let id): "/sop/monitoring/\(id.uuidString)/print"
        case .sopEvaluationNew: "/sop/evaluations/new"
        case .sopEvaluation(let id): "/sop/evaluations/\(id.uuidString)"
        case .sopEvaluationPrint(let id): "/sop/evaluations/\(id.uuidString)/print"
        case .sopEvaluationRevision(let id): "/sop/evaluations/\(id.uuidString)/revision"
        case .sopMonitoringXlsx(let id): "/sop/monitoring/\(id.uuidString)/formulir.xlsx"
        case .sopEvaluationXlsx(let id): "/sop/evaluations/\(id.uuidString)/evaluasi.xlsx"
        case .dashboardXlsx: "/dashboard/steps.xlsx"
        case .storageLogXlsx: "/storage-log.xlsx"
        case .datasetLogXlsx(let slug): "/datasets/\(slug)/log.xlsx"
        }
    }

    /// Path components for registering routes; parameters are named after what they hold.
    enum Route {
        static let userID: PathComponent = ":userID"
        static let organizationID: PathComponent = ":organizationID"
        static let tokenID: PathComponent = ":tokenID"
        static let revision: PathComponent = ":revision"
        static let dayID: PathComponent = ":dayID"
        static let lang: PathComponent = ":lang"
        static let slug: PathComponent = ":slug"
        static let number: PathComponent = ":number"
        static let file: PathComponent = ":file"
        static let caseID: PathComponent = ":caseID"
        static let step: PathComponent = ":step"
        static let round: PathComponent = ":round"
        static let attachmentID: PathComponent = ":attachmentID"
        static let announcementID: PathComponent = ":announcementID"
        static let notificationID: PathComponent = ":notificationID"
        static let recipientID: PathComponent = ":recipientID"
        static let deliveryID: PathComponent = ":deliveryID"
        static let formID: PathComponent = ":formID"
        static let evaluationID: PathComponent = ":evaluationID"
    }
}

extension Request {
    func uuidParameter(_ name: String) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else {
            throw UserError(.notFound, "error.404")
        }
        return id
    }

    func intParameter(_ name: String) throws -> Int {
        guard let raw = parameters.get(name), let value = Int(raw) else {
            throw UserError(.notFound, "error.404")
        }
        return value
    }
}
