import Fluent
import Vapor
import WalidataCore

/// `/admin/channels`: the Facebook Page and WhatsApp connection settings (secrets write-only),
/// a connection test, and the WhatsApp recipient list with its opt-in record. Admin only
/// (`OfficePolicy.channels`).
enum ChannelsController {
    static func register(_ app: Application) {
        let admin = Access.roles(OfficePolicy.roles(for: .channels))
        app.get("admin", "channels", access: admin, use: show)
        app.post("admin", "channels", access: admin, use: save)
        app.post("admin", "channels", "facebook", "test", access: admin, use: testFacebook)
        app.post("admin", "channels", "recipients", access: admin, use: addRecipient)
        app.route(.POST, ["admin", "channels", "recipients", "import"], access: admin, body: .collect(maxSize: "1mb"), use: importRecipients)
        app.post("admin", "channels", "recipients", SiteURL.Route.recipientID, "opt-out", access: admin, use: optOut)
        // The picture's own limit is checked in words (`ShareImage.maxBytes`); the body may be a little larger.
        app.route(.POST, ["admin", "channels", "share-image"], access: admin, body: .collect(maxSize: "3mb"), use: ShareImage.upload)
        app.post("admin", "channels", "share-image", "remove", access: admin, use: ShareImage.removeUpload)
    }

    @Sendable static func show(_ req: Request) async throws -> HTML {
        try await page(req, problems: [])
    }

    static func page(_ req: Request, problems: [Problem], status: HTTPStatus = .ok) async throws -> HTML {
        let settings = try await ChannelSettings.load(on: req.db, box: req.application.secretBox)
        let saved = try await ChannelSettings.storedSecrets(on: req.db)
        let recipients = try await WhatsAppRecipient.query(on: req.db).with(\.$organization).sort(\.$name).all()
        let organizations = try await Organization.query(on: req.db).sort(\.$name).all()
        let image = try await ShareImage.custom(dataDirectory: req.application.walidata.dataDirectory, on: req.db)
        return await ChannelsViews.page(req, settings: settings, savedSecrets: saved, recipients: recipients, organizations: organizations,
                                        shareImage: image, problems: problems)
    }

    struct SettingsForm: Content {
        var facebookPageID: String?, facebookToken: String?, facebookVersion: String?, facebookBaseURL: String?
        var whatsappPhoneNumberID: String?, whatsappToken: String?, whatsappTemplate: String?, whatsappLanguage: String?
        var whatsappAppSecret: String?, whatsappVerifyToken: String?, whatsappVersion: String?, whatsappBaseURL: String?
    }

    @Sendable static func save(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(SettingsForm.self)
        var problems: [Problem] = []
        for (value, field) in [(form.facebookBaseURL, "facebookBaseURL"), (form.whatsappBaseURL, "whatsappBaseURL")] {
            let v = (value ?? "").trimmingCharacters(in: .whitespaces)
            if !v.isEmpty, !(v.hasPrefix("https://") || v.hasPrefix("http://")) || URL(string: v)?.host == nil {
                problems.append(Problem("channels.error.base_url", field))
            }
        }
        for (value, field) in [(form.facebookVersion, "facebookVersion"), (form.whatsappVersion, "whatsappVersion")] {
            let v = (value ?? "").trimmingCharacters(in: .whitespaces)
            if !v.isEmpty, v.range(of: #"^v\d{1,3}\.\d{1,2}$"#, options: .regularExpression) == nil { problems.append(Problem("channels.error.version", v)) }
        }
        guard problems.isEmpty else {
            return try await page(req, problems: problems).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let values: [ChannelSettings.Key: String?] = [
            .facebookPageID: form.facebookPageID, .facebookToken: form.facebookToken, .facebookVersion: form.facebookVersion,
            .facebookBaseURL: form.facebookBaseURL, .whatsappPhoneNumberID: form.whatsappPhoneNumberID, .whatsappToken: form.whatsappToken,
            .whatsappTemplate: form.whatsappTemplate, .whatsappLanguage: form.whatsappLanguage, .whatsappAppSecret: form.whatsappAppSecret,
            .whatsappVerifyToken: form.whatsappVerifyToken, .whatsappVersion: form.whatsappVersion, .whatsappBaseURL: form.whatsappBaseURL,
        ]
        let given = values.compactMapValues { $0 }
        try await EventLog.transaction(on: req.db) { tx in
            try await ChannelSettings.save(given, on: tx, box: req.application.secretBox)
            // A new token lets what waited for one go again.
            for (key, channel) in [(ChannelSettings.Key.facebookToken, Delivery.Channel.facebook), (.whatsappToken, .whatsapp)]
            where !(given[key] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                try await Delivery.query(on: tx).filter(\.$channelRaw == channel.rawValue).filter(\.$stateRaw == Delivery.State.needsLogin.rawValue)
                    .set(\.$stateRaw, to: Delivery.State.pending.rawValue).set(\.$nextAttemptAt, to: nil).update()
            }
            // Which settings changed is logged; never their values (secrets stay out of every log).
            let changed = given.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty || !$0.key.isSecret }.keys.map(\.rawValue).sorted()
            try await EventLog.append(.init(action: "channels.settings", details: ["keys": changed.joined(separator: ",")]), by: .init(user), on: tx)
        }
        req.flash(.ok, "channels.saved")
        return req.redirect(to: SiteURL.channels.path)
    }

    /// Reads the Page's name with the saved token: proves the page ID, the token and the address.
    @Sendable static func testFacebook(_ req: Request) async throws -> Response {
        let fb = try await ChannelSettings.load(on: req.db, box: req.application.secretBox).facebook
        guard fb.isConfigured else {
            req.flash(.error, "channels.test.not_configured")
            return req.redirect(to: SiteURL.channels.path)
        }
        let graph = GraphClient(client: req.client, baseURL: fb.graphBaseURL, version: fb.graphVersion, token: fb.accessToken, timeout: .seconds(15))
        switch await graph.get(fb.pageID, query: [("fields", "name")]) {
        case .ok(let data):
            let name = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["name"] as? String ?? "?"
            req.flash(.ok, "channels.test.ok", name)
        case .refused(let failure, _):
            let key = failure.kind == .reauthenticate ? "channels.test.token" : "channels.test.refused"
            req.flash(.error, key, DeliverySender.describe(failure))
        case .unreachable(let text, _):
            req.flash(.error, "channels.test.unreachable", String(text.prefix(200)))
        }
        return req.redirect(to: SiteURL.channels.path)
    }

    struct RecipientForm: Content {
        var name: String?, phone: String?, organizationID: String?, optInMethod: String?, optInDate: String?
    }

    @Sendable static func addRecipient(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(RecipientForm.self)
        let row = RecipientRow(name: form.name ?? "", phone: form.phone ?? "", organization: form.organizationID ?? "",
                               optInMethod: form.optInMethod ?? "", optInDate: form.optInDate ?? "")
        let organizations = try await Organization.query(on: req.db).all()
        switch row.validated(organizations: organizations) {
        case .failure(let problem):
            return try await page(req, problems: [problem]).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let valid):
            if try await WhatsAppRecipient.query(on: req.db).filter(\.$phone == valid.phone.e164).first() != nil {
                return try await page(req, problems: [Problem("channels.recipient.error.duplicate", valid.phone.e164)]).encodeResponse(status: .conflict, for: req)
            }
            try await EventLog.transaction(on: req.db) { tx in
                try await valid.model(at: Date()).create(on: tx)
                try await EventLog.append(.init(action: "channels.recipient.add", note: valid.name, details: ["phone": valid.phone.e164]), by: .init(user), on: tx)
            }
            req.flash(.ok, "channels.recipient.added", valid.name)
            return req.redirect(to: SiteURL.channels.path + "#recipients")
        }
    }

    /// A CSV `nama,nomor,instansi,cara_persetujuan,tanggal_persetujuan` (header required; the
    /// agency by its code or name, may be empty). All rows are checked first; one bad row stops
    /// the import with its line number and nothing is added. Numbers already listed are skipped.
    @Sendable static func importRecipients(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        struct Upload: Content { var file: File? }
        let upload = try? req.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return try await page(req, problems: [Problem("channels.import.error.empty")]).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let text = String(decoding: Data(buffer: file.data), as: UTF8.self)
        let organizations = try await Organization.query(on: req.db).all()
        let parsed = RecipientRow.parseCSV(text)
        var valid: [RecipientRow.Valid] = []
        switch parsed {
        case .failure(let problem):
            return try await page(req, problems: [problem]).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let rows):
            for (line, row) in rows {
                switch row.validated(organizations: organizations) {
                case .failure(let problem):
                    let lineProblem = Problem("channels.import.error.line", String(line))
                    return try await page(req, problems: [lineProblem, problem]).encodeResponse(status: .unprocessableEntity, for: req)
                case .success(let v): valid.append(v)
                }
            }
        }
        let existing = Set(try await WhatsAppRecipient.query(on: req.db).all().map(\.phone))
        var seen = existing
        let fresh = valid.filter { seen.insert($0.phone.e164).inserted }
        let skipped = valid.count - fresh.count
        try await EventLog.transaction(on: req.db) { tx in
            for v in fresh { try await v.model(at: Date()).create(on: tx) }
            try await EventLog.append(.init(action: "channels.recipient.import", details: ["added": String(fresh.count), "skipped": String(skipped)]),
                                      by: .init(user), on: tx)
        }
        req.flash(.ok, "channels.import.done", String(fresh.count), String(skipped))
        return req.redirect(to: SiteURL.channels.path + "#recipients")
    }

    @Sendable static func optOut(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let recipient = try await WhatsAppRecipient.find(try req.uuidParameter("recipientID"), on: req.db) else {
            throw UserError(.notFound, "error.404")
        }
        if recipient.optedOutAt == nil {
            try await EventLog.transaction(on: req.db) { tx in
                recipient.optedOutAt = Date()
                recipient.updatedAt = Date()
                try await recipient.save(on: tx)
                try await EventLog.append(.init(action: "channels.recipient.opt_out", note: recipient.name, details: ["phone": recipient.phone]), by: .init(user), on: tx)
            }
        }
        req.flash(.ok, "channels.recipient.opted_out", recipient.name)
        return req.redirect(to: SiteURL.channels.path + "#recipients")
    }
}

/// One recipient as typed in the form or a CSV line, checked.
struct RecipientRow: Sendable {
    var name: String, phone: String, organization: String, optInMethod: String, optInDate: String

    struct Valid: Sendable {
        var name: String, phone: PhoneNumber, organizationID: UUID?, optInMethod: String, optInAt: Date

        func model(at instant: Date) -> WhatsAppRecipient {
            WhatsAppRecipient(name: name, phone: phone, organizationID: organizationID, optInAt: optInAt, optInMethod: optInMethod, at: instant)
        }
    }

    func validated(organizations: [Organization]) -> Result<Valid, Problem> {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 200 else { return .failure(Problem("channels.recipient.error.name")) }
        let number: PhoneNumber
        do { number = try PhoneNumber(phone) } catch {
            return .failure(Problem("channels.recipient.error.phone." + String(describing: error), phone))
        }
        var organizationID: UUID?
        let agency = organization.trimmingCharacters(in: .whitespaces)
        if !agency.isEmpty {
            guard let match = organizations.first(where: { $0.id?.uuidString == agency || $0.code.lowercased() == agency.lowercased() || $0.name.lowercased() == agency.lowercased() })
            else { return .failure(Problem("channels.recipient.error.organization", agency)) }
            organizationID = match.id
        }
        let method = optInMethod.trimmingCharacters(in: .whitespaces)
        // Consent is recorded, not assumed: how and when it was given.
        guard !method.isEmpty, method.count <= 200 else { return .failure(Problem("channels.recipient.error.opt_in")) }
        guard let day = DateTimeInput.date(optInDate.trimmingCharacters(in: .whitespaces)) else {
            return .failure(Problem("channels.recipient.error.opt_in_date", optInDate))
        }
        let instant = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: TimeZone(identifier: "Asia/Jakarta"), year: day.year, month: day.month, day: day.day, hour: 12)) ?? Date()
        guard instant <= Date().addingTimeInterval(86_400) else { return .failure(Problem("channels.recipient.error.opt_in_date", optInDate)) }
        return .success(Valid(name: name, phone: number, organizationID: organizationID, optInMethod: method, optInAt: instant))
    }

    /// Lines of `nama,nomor,instansi,cara_persetujuan,tanggal_persetujuan` after the header,
    /// with their line numbers. Quoted fields may hold commas.
    static func parseCSV(_ text: String) -> Result<[(Int, RecipientRow)], Problem> {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        guard let header = lines.first.map(fields), header.map({ $0.lowercased() }).starts(with: ["nama", "nomor"]) else {
            return .failure(Problem("channels.import.error.header"))
        }
        var rows: [(Int, RecipientRow)] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let f = fields(line) + Array(repeating: "", count: 5)
            rows.append((index + 1, RecipientRow(name: f[0], phone: f[1], organization: f[2], optInMethod: f[3], optInDate: f[4])))
        }
        guard !rows.isEmpty else { return .failure(Problem("channels.import.error.empty")) }
        guard rows.count <= 5000 else { return .failure(Problem("channels.import.error.too_many")) }
        return .success(rows)
    }

    private static func fields(_ line: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { current.append("\""); chars.removeFirst() } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," || c == ";" { out.append(current); current = "" } else { current.append(c) }
        }
        out.append(current)
        return out.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// A form's refusal carried through a `Result`.
extension Problem: Error {}
