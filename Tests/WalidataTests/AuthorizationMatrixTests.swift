import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// Every route × every role × own agency / other agency / anonymous, from one table. A route
/// missing from the table (or a table row without a route) fails; so does any answer that
/// differs from the table, and any refusal after which the database or the data directory is
/// not exactly as before.
@Suite("Authorization matrix: every route, every role, own and other agency, anonymous")
struct AuthorizationMatrixTests {
    /// Who asks, in the order of the table's letters.
    enum Who: Int, CaseIterable {
        case admin, administrasi, pengelola, kasi, kabid, kadis, produsenOwn, produsenOther, anonymous

        var role: String? {
            switch self {
            case .admin: "admin"
            case .administrasi: "administrasi"
            case .pengelola: "pengelola_ti"
            case .kasi: "kasi"
            case .kabid: "kabid"
            case .kadis: "kepala_dinas"
            case .produsenOwn, .produsenOther: "produsen"
            case .anonymous: nil
            }
        }
    }

    /// The table. One letter per `Who`, in order:
    ///   admin, administrasi, pengelola_ti, kasi, kabid, kepala_dinas, produsen on its own
    ///   agency's thing, produsen on another agency's thing, anonymous.
    /// A = allowed (any answer but 401, 403, 404 or the way to the login page),
    /// F = 403, H = 404 (its existence is not revealed),
    /// L = not signed in: sent to the login page (pages) or 401 (API, posts); a post without a
    ///     session may also meet the CSRF check first (403).
    static let table: [(route: String, expect: String)] = [
        ("GET /healthz", "AAAAAAAAA"),
        ("GET /static/walidata.css", "AAAAAAAAA"),
        ("GET /favicon.ico", "AAAAAAAAA"),
        ("GET /static/upload.js", "AAAAAAAAA"),
        ("GET /login", "AAAAAAAAA"),
        ("POST /login", "AAAAAAAAA"),
        ("POST /logout", "AAAAAAAAL"),
        ("GET /lang/:lang", "AAAAAAAAA"),
        ("GET /", "AAAAAAAAL"),
        ("GET /account", "AAAAAAAAL"),
        ("POST /account/language", "AAAAAAAAL"),
        ("POST /account/password", "AAAAAAAAL"),
        ("GET /account/tokens", "AAAAAAAAL"),
        ("POST /account/tokens", "AAAAAAAAL"),
        ("POST /account/tokens/:tokenID/revoke", "AAAAAAAAL"),

        ("GET /admin/users", "AFFFFFFFL"),
        ("GET /admin/users/new", "AFFFFFFFL"),
        ("POST /admin/users/new", "AFFFFFFFL"),
        ("GET /admin/users/:userID", "AFFFFFFFL"),
        ("POST /admin/users/:userID", "AFFFFFFFL"),
        ("POST /admin/users/:userID/password", "AFFFFFFFL"),
        ("POST /admin/users/:userID/active", "AFFFFFFFL"),
        ("GET /admin/organizations", "AFFFFFFFL"),
        ("GET /admin/organizations/new", "AFFFFFFFL"),
        ("POST /admin/organizations/new", "AFFFFFFFL"),
        ("GET /admin/organizations/:organizationID", "AFFFFFFFL"),
        ("POST /admin/organizations/:organizationID", "AFFFFFFFL"),
        ("GET /admin/audit", "AFFFFFFFL"),
        ("GET /admin/settings", "AFFFFFFFL"),
        ("POST /admin/settings", "AFFFFFFFL"),
        ("POST /admin/settings/arms", "AFFFFFFFL"),
        ("POST /admin/settings/arms/remove", "AFFFFFFFL"),
        ("GET /admin/channels", "AFFFFFFFL"),
        ("POST /admin/channels", "AFFFFFFFL"),
        ("POST /admin/channels/facebook/test", "AFFFFFFFL"),
        ("POST /admin/channels/recipients", "AFFFFFFFL"),
        ("POST /admin/channels/recipients/import", "AFFFFFFFL"),
        ("POST /admin/channels/recipients/:recipientID/opt-out", "AFFFFFFFL"),
        ("POST /admin/channels/share-image", "AFFFFFFFL"),
        ("POST /admin/channels/share-image/remove", "AFFFFFFFL"),
        ("GET /kop/lambang", "AAAAAAAAL"),
        ("GET /admin/backups", "AFFFFFFFL"),
        ("POST /admin/backups/create", "AFFFFFFFL"),
        ("POST /admin/backups/verify", "AFFFFFFFL"),
        ("GET /admin/backups/download/:name", "AFFFFFFFL"),

        ("GET /sop", "AAAAAAAAL"),
        ("GET /sop/print", "AAAAAAAAL"),
        ("GET /sop/revisions", "AAAAAAAAL"),
        ("POST /sop/revisions/new", "AFFFFFFFL"),
        ("GET /sop/revisions/:revision", "AAAAAAAAL"),
        ("GET /sop/revisions/:revision/print", "AAAAAAAAL"),
        ("GET /sop/revisions/:revision/edit", "AFFFFFFFL"),
        ("POST /sop/revisions/:revision/edit", "AFFFFFFFL"),
        ("POST /sop/revisions/:revision/discard", "AFFFFFFFL"),
        ("POST /sop/revisions/:revision/approve", "FFFFFAFFL"),

        ("GET /calendar", "AAAAAAAAL"),
        ("POST /calendar/hours", "AFFFFFFFL"),
        ("POST /calendar/days", "AFFFFFFFL"),
        ("POST /calendar/days/:dayID/delete", "AFFFFFFFL"),
        ("POST /calendar/import", "AFFFFFFFL"),

        ("GET /datasets", "AAAAAAAAL"),
        ("GET /datasets/new", "AFAFFFFFL"),
        ("POST /datasets/new", "AFAFFFFFL"),
        ("GET /datasets/:slug", "AAAAAAAHL"),
        ("GET /datasets/:slug/edit", "AFAFFFAHL"),
        ("POST /datasets/:slug/edit", "AFAFFFAHL"),
        ("POST /datasets/:slug/columns", "AFAFFFAHL"),
        ("POST /datasets/:slug/upload", "AFAFFFAHL"),
        ("POST /datasets/:slug/delete", "AFAFFFFFL"),
        ("POST /datasets/:slug/publish", "AFFFAFFFL"),
        ("POST /datasets/:slug/withdraw", "AFFFAFFFL"),
        ("GET /datasets/:slug/log", "AAAAAAAHL"),
        ("GET /datasets/:slug/log.xlsx", "AAAAAAAHL"),
        ("GET /datasets/:slug/versions/:number", "AAAAAAAHL"),
        ("GET /datasets/:slug/versions/:number/download", "AAAAAAAHL"),
        ("POST /datasets/:slug/versions/:number/restore", "AFAFFFFFL"),
        ("POST /datasets/:slug/versions/:number/reading", "AFAFFFAHL"),
        ("GET /datasets/:slug/versions/:number/:file", "AAAAAAAHL"),
        ("GET /datasets/:slug/compare", "AAAAAAAHL"),
        ("GET /trash", "AFAFFFFFL"),
        ("POST /trash/:slug/restore", "AFAFFFFFL"),
        ("POST /trash/:slug/purge", "AFFFFFFFL"),
        ("GET /storage-log", "AAAAAAAAL"),
        ("GET /storage-log/print", "AAAAAAAAL"),
        ("GET /storage-log.xlsx", "AAAAAAAAL"),

        ("GET /cases", "AAAAAAAAL"),
        ("GET /cases/new", "AAFFFFAAL"),
        ("POST /cases/new", "AAFFFFAAL"),
        ("GET /cases/:caseID", "AAAAAAAHL"),
        ("POST /cases/:caseID/steps/:step/complete", "AAAAAFFFL"),
        ("GET /tasks", "AAAAAAAAL"),
        ("GET /cases/:caseID/receipt", "AAAAAAAHL"),
        ("GET /cases/:caseID/letter", "AAFFFFFFL"),
        ("POST /cases/:caseID/letter", "AAFFFFFFL"),
        ("GET /cases/:caseID/letter/print", "AAAAAAAHL"),
        ("POST /cases/:caseID/datasets", "AFAFFFFFL"),
        ("POST /cases/:caseID/datasets/:slug/recover", "AFAFFFFFL"),
        ("POST /cases/:caseID/datasets/:slug/untrash", "AFAFFFFFL"),
        ("GET /cases/:caseID/storage-log", "AAAAAAAHL"),
        ("POST /cases/:caseID/attachments/upload", "AAFFFFAHL"),
        ("GET /cases/:caseID/attachments/:attachmentID", "AAAAAAAHL"),
        ("POST /cases/:caseID/attachments/:attachmentID/store", "AFAFFFFFL"),
        ("POST /cases/:caseID/report", "AFAFFFFFL"),
        ("GET /cases/:caseID/report/:round", "AAAAAAAHL"),
        ("POST /cases/:caseID/report/final", "AFFAFFFFL"),
        ("GET /cases/:caseID/record", "AAAAAAAHL"),
        ("POST /cases/:caseID/announcement", "AFFFAFFFL"),
        ("POST /cases/:caseID/deliveries/:deliveryID/resend", "AFFFAFFFL"),
        ("GET /cases/:caseID/final-report", "AAAAAAAHL"),

        ("GET /publik", "AAAAAAAAA"),
        ("GET /publik/pengumuman/:announcementID", "AAAAAAAAA"),
        ("GET /publik/share.png", "AAAAAAAAA"),
        // Meta, not a person: without the verify token or a valid signature, 403 for everyone.
        ("GET /webhooks/whatsapp", "FFFFFFFFF"),
        ("POST /webhooks/whatsapp", "FFFFFFFFF"),
        ("GET /publik/data", "AAAAAAAAA"),
        ("GET /publik/data/:slug", "AAAAAAAAA"),
        ("GET /publik/data/:slug/:file", "AAAAAAAAA"),
        ("GET /publik/data/:slug/grafik.svg", "AAAAAAAAA"),
        ("GET /publik/data/:slug/grafik.json", "AAAAAAAAA"),
        ("GET /publik/data/:slug/versi", "AAAAAAAAA"),
        ("GET /publik/data/:slug/versi.json", "AAAAAAAAA"),
        ("GET /publik/data/:slug/versi/:number", "AAAAAAAAA"),
        ("GET /publik/data/:slug/versi/:number/perubahan", "AAAAAAAAA"),
        ("GET /publik/data/:slug/versi/:number/perubahan.json", "AAAAAAAAA"),
        ("GET /publik/data/:slug/versi/:number/:file", "AAAAAAAAA"),
        ("GET /publik/catalog.jsonld", "AAAAAAAAA"),
        ("GET /publik/catalog.ttl", "AAAAAAAAA"),
        ("GET /publik/data/:slug/dcat.jsonld", "AAAAAAAAA"),
        ("GET /publik/data/:slug/dcat.ttl", "AAAAAAAAA"),
        ("GET /publik/pengumuman.rss", "AAAAAAAAA"),
        ("GET /publik/pengumuman.atom", "AAAAAAAAA"),
        ("GET /publik/data.rss", "AAAAAAAAA"),
        ("GET /publik/data.atom", "AAAAAAAAA"),
        ("GET /sitemap.xml", "AAAAAAAAA"),
        ("GET /robots.txt", "AAAAAAAAA"),

        ("GET /notifications", "AAAAAAAAL"),
        ("POST /notifications/read-all", "AAAAAAAAL"),
        ("POST /notifications/:notificationID/read", "AAAAAAAAL"),
        ("GET /dashboard", "AFFAAAFFL"),
        ("GET /dashboard/steps.csv", "AFFAAAFFL"),
        ("GET /sop/monitoring", "AFFAAAFFL"),
        ("POST /sop/monitoring/new", "FFFAAFFFL"),
        ("GET /sop/monitoring/:formID", "AFFAAAFFL"),
        ("POST /sop/monitoring/:formID", "FFFAAFFFL"),
        ("POST /sop/monitoring/:formID/complete", "FFFAAFFFL"),
        ("GET /sop/monitoring/:formID/print", "AFFAAAFFL"),
        ("GET /sop/monitoring/:formID/formulir.xlsx", "AFFAAAFFL"),
        ("POST /sop/evaluations/new", "FFFAAFFFL"),
        ("GET /sop/evaluations/:evaluationID", "AFFAAAFFL"),
        ("POST /sop/evaluations/:evaluationID", "FFFAAFFFL"),
        ("POST /sop/evaluations/:evaluationID/complete", "FFFAAFFFL"),
        ("GET /sop/evaluations/:evaluationID/print", "AFFAAAFFL"),
        ("GET /sop/evaluations/:evaluationID/evaluasi.xlsx", "AFFAAAFFL"),
        ("POST /sop/evaluations/:evaluationID/revision", "AFFFFFFFL"),
        ("GET /dashboard/steps.xlsx", "AFFAAAFFL"),

        ("GET /api/v1/openapi.json", "AAAAAAAAA"),
        ("GET /api/v1/me", "AAAAAAAAL"),
        ("GET /api/v1/sop", "AAAAAAAAL"),
        ("GET /api/v1/sop/revisions", "AAAAAAAAL"),
        ("GET /api/v1/sop/revisions/:revision", "AAAAAAAAL"),
        ("GET /api/v1/organizations", "AAAAAAAAL"),
        ("GET /api/v1/users", "AFFFFFFFL"),
        ("GET /api/v1/calendar", "AAAAAAAAL"),
        ("GET /api/v1/calendar/due", "AAAAAAAAL"),
        ("GET /api/v1/datasets", "AAAAAAAAL"),
        ("POST /api/v1/datasets", "AFAFFFFFL"),
        ("GET /api/v1/datasets/:slug", "AAAAAAAHL"),
        ("PATCH /api/v1/datasets/:slug", "AFAFFFAHL"),
        ("GET /api/v1/datasets/:slug/columns", "AAAAAAAHL"),
        ("PUT /api/v1/datasets/:slug/columns", "AFAFFFAHL"),
        ("DELETE /api/v1/datasets/:slug", "AFAFFFFFL"),
        ("POST /api/v1/datasets/:slug/publish", "AFFFAFFFL"),
        ("POST /api/v1/datasets/:slug/withdraw", "AFFFAFFFL"),
        ("GET /api/v1/datasets/:slug/versions", "AAAAAAAHL"),
        ("POST /api/v1/datasets/:slug/versions", "AFAFFFAHL"),
        ("GET /api/v1/datasets/:slug/versions/:number", "AAAAAAAHL"),
        ("GET /api/v1/datasets/:slug/versions/:number/download", "AAAAAAAHL"),
        ("POST /api/v1/datasets/:slug/versions/:number/restore", "AFAFFFFFL"),
        ("POST /api/v1/datasets/:slug/versions/:number/reading", "AFAFFFAHL"),
        ("GET /api/v1/datasets/:slug/versions/:number/data", "AAAAAAAHL"),
        ("GET /api/v1/datasets/:slug/versions/:number/export", "AAAAAAAHL"),
        ("GET /api/v1/datasets/:slug/compare", "AAAAAAAHL"),

        ("GET /api/v1/cases", "AAAAAAAAL"),
        ("POST /api/v1/cases", "AAFFFFAAL"),
        ("GET /api/v1/cases/:caseID", "AAAAAAAHL"),
        ("POST /api/v1/cases/:caseID/steps/:step/complete", "AAAAAFFFL"),
        ("GET /api/v1/tasks", "AAAAAAAAL"),
        ("GET /api/v1/cases/:caseID/timeline", "AAAAAAAHL"),
        ("GET /api/v1/cases/:caseID/reports", "AAAAAAAHL"),
        ("GET /api/v1/cases/:caseID/reports/:round", "AAAAAAAHL"),
        ("PUT /api/v1/cases/:caseID/report", "AFAFFFFFL"),
        ("PUT /api/v1/cases/:caseID/report/final", "AFFAFFFFL"),
        ("GET /api/v1/cases/:caseID/letter", "AAAAAAAHL"),
        ("GET /api/v1/cases/:caseID/letter/document", "AAAAAAAHL"),
        ("GET /api/v1/cases/:caseID/reports/:round/document", "AAAAAAAHL"),
        ("GET /api/v1/cases/:caseID/final-report/document", "AAAAAAAHL"),
        ("PUT /api/v1/cases/:caseID/letter", "AAFFFFFFL"),
        ("POST /api/v1/cases/:caseID/datasets", "AFAFFFFFL"),
        ("POST /api/v1/cases/:caseID/datasets/:slug/recover", "AFAFFFFFL"),
        ("POST /api/v1/cases/:caseID/datasets/:slug/untrash", "AFAFFFFFL"),
        ("GET /api/v1/cases/:caseID/attachments", "AAAAAAAHL"),
        ("POST /api/v1/cases/:caseID/attachments", "AAFFFFAHL"),
        ("GET /api/v1/cases/:caseID/attachments/:attachmentID/download", "AAAAAAAHL"),
        ("POST /api/v1/cases/:caseID/attachments/:attachmentID/store", "AFAFFFFFL"),
        ("GET /api/v1/cases/:caseID/announcement", "AAAAAAAHL"),
        ("PUT /api/v1/cases/:caseID/announcement", "AFFFAFFFL"),
        ("POST /api/v1/cases/:caseID/deliveries/:deliveryID/resend", "AFFFAFFFL"),
        ("GET /api/v1/public/announcements", "AAAAAAAAA"),
        ("GET /api/3/action/:action", "AAAAAAAAA"),
        ("POST /api/3/action/:action", "AAAAAAAAA"),
        ("GET /api/action/:action", "AAAAAAAAA"),
        ("POST /api/action/:action", "AAAAAAAAA"),
        ("GET /api/v1/notifications", "AAAAAAAAL"),
        ("POST /api/v1/notifications/read-all", "AAAAAAAAL"),
        ("POST /api/v1/notifications/:notificationID/read", "AAAAAAAAL"),
        ("GET /api/v1/dashboard", "AFFAAAFFL"),
        ("GET /api/v1/sop/monitoring-forms", "AFFAAAFFL"),
        ("POST /api/v1/sop/monitoring-forms", "FFFAAFFFL"),
        ("GET /api/v1/sop/monitoring-forms/:formID", "AFFAAAFFL"),
        ("PATCH /api/v1/sop/monitoring-forms/:formID", "FFFAAFFFL"),
        ("POST /api/v1/sop/monitoring-forms/:formID/complete", "FFFAAFFFL"),
        ("GET /api/v1/sop/evaluations", "AFFAAAFFL"),
        ("POST /api/v1/sop/evaluations", "FFFAAFFFL"),
        ("GET /api/v1/sop/evaluations/:evaluationID", "AFFAAAFFL"),
        ("PATCH /api/v1/sop/evaluations/:evaluationID", "FFFAAFFFL"),
        ("POST /api/v1/sop/evaluations/:evaluationID/complete", "FFFAAFFFL"),
        ("POST /api/v1/sop/evaluations/:evaluationID/revision", "AFFFFFFFL"),
    ]

    @Test("the table names every route, and every route answers every role as the table says; refusals change nothing",
          arguments: TestDatabase.all)
    func matrix(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let routed = Set(app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })
            let tabled = Set(Self.table.map(\.route))
            #expect(routed.subtracting(tabled).sorted() == [], "routes missing from the authorization table")
            #expect(tabled.subtracting(routed).sorted() == [], "table rows without a route")
            #expect(Self.table.count == tabled.count, "a route is in the table twice")
            #expect(Self.table.allSatisfy { $0.expect.count == Who.allCases.count })

            let world = try await MatrixWorld(app)
            var mismatches: [String] = []
            for (route, expect) in Self.table {
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = HTTPMethod(rawValue: String(parts[0]))
                for who in Who.allCases {
                    let expected = Array(expect)[who.rawValue]
                    let own = who != .produsenOther
                    let path = try world.path(String(parts[1]), own: own, who: who)
                    let before = expected == "A" ? nil : try await world.fingerprint()
                    let response = try await world.send(method, path, as: who)
                    let status = response.status.code
                    let toLogin = (status == 302 || status == 303) && (response.headers.first(name: .location) ?? "").hasPrefix("/login")
                    let ok: Bool = switch expected {
                    // Signing out ends at the login page, as it should.
                    case "A": ![401, 403, 404].contains(status) && (!toLogin || route == "POST /logout") && status < 500
                    case "F": status == 403
                    case "H": status == 404
                    default: toLogin || status == 401 || (status == 403 && method != .GET && !route.contains("/api/"))
                    }
                    if !ok { mismatches.append("\(route) as \(who) (\(path)): expected \(expected), got \(status) \(response.body.string.prefix(120))") }
                    if let before {
                        let after = try await world.fingerprint()
                        if after != before { mismatches.append("\(route) as \(who): refused (\(status)) but something changed: \(MatrixWorld.difference(before, after))") }
                    }
                    if route == "POST /logout", let role = who.role { try await world.signIn(who, role: role) }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
        }
    }
}

/// Two agencies' worth of things for the matrix: for each, a dataset with two checked versions,
/// a dataset in the trash, a case run through all nine steps (so its letter, report rounds,
/// announcement and final report exist) with an attachment; and per person a notification, a
/// spare API token, a signed-in browser.
final class MatrixWorld: @unchecked Sendable {
    let app: Application
    let fixture: CaseFixture
    var browsers: [String: TestBrowser] = [:]
    var csrf: [String: String] = [:]
    var anonymous: TestBrowser
    var things: [Bool: [String: String]] = [true: [:], false: [:]]
    var spareTokens: [String: String] = [:]
    var notifications: [String: String] = [:]
    var backupName = ""

    init(_ app: Application) async throws {
        self.app = app
        fixture = try await CaseFixture(app)
        anonymous = TestBrowser(app)
        let other = try await app.makeOrganization("DISDIK", name: "Dinas Pendidikan")
        let spareOrganization = try await app.makeOrganization("DISHUB", name: "Dinas Perhubungan")
        let officer = fixture.users["pengelola_ti"]!
        let days = try await NonWorkingDayRow.query(on: app.db).sort(\.$date).all()
        for (own, organization) in [(true, fixture.organization), (false, other)] {
            let suffix = own ? "a" : "b"
            var t: [String: String] = [:]
            let dataset = try await app.makeDataset("Data matriks \(suffix)", organization: organization, by: officer)
            for rows in ["kode,jumlah\n01,5\n", "kode,jumlah\n01,5\n02,7\n"] {
                let response = try await fixture.send(.POST, "/api/v1/datasets/\(dataset.slug)/versions?filename=data.csv", as: "pengelola_ti", body: rows)
                #expect(response.status == .created)
            }
            t["slug"] = dataset.slug
            // On the portal only through a publication act.
            try await DatasetStore.publish(dataset, reason: "uji matriks", by: fixture.users["kabid"]!, on: app.db)
            let trashed = try await app.makeDataset("Data sampah \(suffix)", organization: organization, by: officer)
            try await DatasetStore.trash(trashed, note: "uji", by: officer, on: app.db)
            t["trashSlug"] = trashed.slug
            let created = try await fixture.send(.POST, "/api/v1/cases", as: "administrasi", json: [
                "kind": "update", "title": "Permohonan \(suffix)", "description": "Uji", "organizationID": organization.id!.uuidString,
                "requesterName": "Budi",
            ])
            #expect(created.status == .created, "\(created.body.string)")
            let caseID = try created.content.decode(CaseAPI.CaseOut.self).id
            for step in 1...9 {
                let done = try await fixture.complete(caseID, step: step, as: CaseFixture.executor[step]!, step == 7 ? ["decision": "ya"] : [:])
                #expect(done.status == .created, "step \(step): \(done.body.string)")
            }
            t["caseID"] = caseID.uuidString
            let blob = try await app.blobs.store(Data("lampiran".utf8), io: app.fileio)
            let attachment = CaseAttachment(
                caseID: caseID, blobHash: blob.hash, filename: "lampiran.pdf", mediaType: "application/pdf", size: blob.size, note: "",
                uploadedBy: fixture.users["produsen"]!.id, uploadedAt: Date())
            try await attachment.create(on: app.db)
            t["attachmentID"] = attachment.id!.uuidString
            t["announcementID"] = try await Announcement.query(on: app.db).filter(\.$caseRecord.$id == caseID).first()!.id!.uuidString
            // A Facebook delivery that failed: what Kirim ulang sekarang acts on (it stays resendable after a resend).
            let failed = Delivery(announcementID: UUID(uuidString: t["announcementID"]!)!, channel: .facebook, state: .failed, answer: "kode 100", at: Date())
            failed.attempts = 1
            failed.errorCode = 100
            try await failed.create(on: app.db)
            t["deliveryID"] = failed.id!.uuidString
            let victim = try await app.makeUser("korban\(suffix)", role: .kasi)
            t["userID"] = victim.id!.uuidString
            t["organizationID"] = spareOrganization.id!.uuidString
            t["dayID"] = days[own ? 0 : 1].id!.uuidString
            let recipient = WhatsAppRecipient(name: "Penerima \(suffix)", phone: try PhoneNumber(own ? "081211112222" : "081233334444"),
                                              organizationID: nil, optInAt: Date(), optInMethod: "formulir", at: Date())
            try await recipient.create(on: app.db)
            t["recipientID"] = recipient.id!.uuidString
            let monitor = fixture.users["kasi"]!
            t["formID"] = try await SOPFormStore.openMonitoring(from: "2026-01-01", to: "2026-01-31", lane: nil, by: monitor, on: app.db).requireID().uuidString
            t["evaluationID"] = try await SOPFormStore.openEvaluation(from: "2026-01-01", to: "2026-01-31", by: monitor, on: app.db).requireID().uuidString
            things[own] = t
        }
        let step = try await CaseStep.query(on: app.db).first()!
        for (name, user) in fixture.users {
            spareTokens[name] = try await AccountController.issueToken(for: user, name: "cadangan", on: app.db).0.id!.uuidString
            let note = UserNotification()
            note.$user.id = user.id!
            note.kindRaw = UserNotification.Kind.stepLate.rawValue
            note.$caseRecord.id = step.$caseRecord.id
            note.$caseStep.id = step.id!
            note.caseNumber = "PD/2026/0001"
            note.step = step.step
            note.round = 1
            note.dueAt = Date()
            note.createdAt = Date()
            try await note.create(on: app.db)
            notifications[name] = note.id!.uuidString
            try await signIn(name)
        }
        backupName = ((try await BackupWriter(app: app).create(by: .system)).path as NSString).lastPathComponent
    }

    func signIn(_ who: AuthorizationMatrixTests.Who, role: String) async throws { try await signIn(role) }

    func signIn(_ name: String) async throws {
        let browser = TestBrowser(app)
        let response = try await browser.login(fixture.users[name]!.username)
        #expect(response.status == .seeOther || response.status == .found, "login \(name): \(response.status)")
        try await browser.get("/account")
        csrf[name] = browser.csrf
        browsers[name] = browser
    }

    /// The route's pattern with its parameters filled for the asker and the agency.
    func path(_ pattern: String, own: Bool, who: AuthorizationMatrixTests.Who) throws -> String {
        let t = things[own]!
        let name = who.role ?? "admin"
        return pattern.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            guard part.hasPrefix(":") else { return String(part) }
            switch part.dropFirst() {
            case "slug": return pattern.hasPrefix("/trash") || pattern.contains("/untrash") ? t["trashSlug"]! : t["slug"]!
            case "number": return "1"
            case "file": return "data.csv"
            case "step": return "9"
            case "round": return "1"
            case "revision": return "1"
            case "lang": return "id"
            case "action": return "package_search"
            case "name": return backupName
            case "tokenID": return spareTokens[name] ?? UUID().uuidString
            case "notificationID": return notifications[name] ?? UUID().uuidString
            case let key: return t[String(key)]!
            }
        }.joined(separator: "/")
    }

    func send(_ method: HTTPMethod, _ path: String, as who: AuthorizationMatrixTests.Who) async throws -> TestingHTTPResponse {
        let api = path.hasPrefix("/api/")
        if api {
            var headers = HTTPHeaders()
            if let role = who.role { headers = fixture.headers(role) } else { headers.contentType = .json }
            let body: ByteBuffer? = method == .GET ? nil : ByteBuffer(string: "{}")
            return try await app.testing().sendRequest(method, path, headers: headers, body: body)
        }
        let browser = who.role.flatMap { browsers[$0] } ?? anonymous
        var headers = HTTPHeaders()
        if method != .GET {
            if let role = who.role, let token = csrf[role] {
                headers.replaceOrAdd(name: "X-CSRF-Token", value: token)
            } else {
                try await anonymous.get("/login")
                if let token = anonymous.csrf { headers.replaceOrAdd(name: "X-CSRF-Token", value: token) }
            }
            headers.contentType = .urlEncodedForm
        }
        return try await browser.send(method, path, headers: headers, body: method == .GET ? nil : ByteBuffer(string: ""))
    }

    /// Columns that record use, not a change: a token's `last_used_at` is refreshed at most every
    /// five minutes by whichever request comes, refused or not, so a slow run saw it move.
    static let bookkeeping: [String: Set<String>] = ["api_tokens": ["last_used_at"]]

    /// Every table's rows (but the sessions' and the bookkeeping columns) and the data
    /// directory's files (but the database's own), as text: equal before and after exactly when
    /// nothing was written.
    func fingerprint() async throws -> [String: String] {
        let sql = app.db as! any SQLDatabase
        var result: [String: String] = [:]
        let postgres = sql.dialect.name == "postgresql"
        let tables: [String] = postgres
            ? try await sql.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()").all().map { try $0.decode(column: "name", as: String.self) }
            : try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all().map { try $0.decode(column: "name", as: String.self) }
        for table in tables where !["_fluent_sessions", "_fluent_migrations"].contains(table) {
            let columns = try await (postgres
                ? sql.raw("SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table)")
                : sql.raw("SELECT name FROM pragma_table_info(\(bind: table))"))
                .all().map { try $0.decode(column: "name", as: String.self) }
                .filter { !(Self.bookkeeping[table] ?? []).contains($0) }.sorted()
            let quote = postgres ? "quote_nullable(\"%@\"::text)" : "quote(\"%@\")"
            let expression = columns.map { String(format: quote, $0) }.joined(separator: " || ',' || ")
            let aggregate = postgres ? "string_agg(x, '|' ORDER BY x)" : "group_concat(x, '|')"
            result[table] = try await sql.raw("SELECT coalesce(\(unsafeRaw: aggregate), '') AS x FROM (SELECT \(unsafeRaw: expression) AS x FROM \(ident: table) ORDER BY 1) s")
                .first()!.decode(column: "x", as: String.self)
        }
        let root = app.walidata.dataDirectory
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { !$0.hasPrefix("walidata.sqlite") }.sorted()
        result["(files)"] = files.joined(separator: "\n")
        return result
    }

    static func difference(_ a: [String: String], _ b: [String: String]) -> String {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted().joined(separator: ", ")
    }
}

extension CaseFixture {
    func send(_ method: HTTPMethod, _ path: String, as who: String, body: String) async throws -> TestingHTTPResponse {
        var headers = headers(who)
        headers.contentType = .binary
        return try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(string: body))
    }
}
