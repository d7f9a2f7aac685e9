import Fluent
import Vapor
import WalidataCore

/// `/admin/settings`: the few run-time settings the SOP documents depend on (checklist,
/// numbering patterns, letter defaults, kop surat), so an admin changes them without SQL. Every
/// field shows the value in force (the stored one, else the built-in default), so changing one
/// checklist item is one edit. A value equal to the default, an empty field, or "kembalikan ke
/// bawaan" removes the row, so the default applies again (and follows it if a later version
/// changes it). Numbering patterns are checked before anything is saved, because a broken
/// pattern would stop every registration.
enum SettingsController {
    struct Key: Sendable {
        enum Group: String, Sendable, CaseIterable { case checklist, numbering, letter, letterhead }
        var key: String
        var group: Group
        var multiline = false
        /// The built-in value; empty when there is none (the signer comes from the Kepala Dinas account).
        var defaultValue: String
    }

    static let keys: [Key] = [
        Key(key: Checklist.settingKey, group: .checklist, multiline: true, defaultValue: Checklist.standardText),
        Key(key: CaseNumbering.settingKey, group: .numbering, defaultValue: CaseNumbering.defaultPattern),
        Key(key: LetterNumbering.settingKey, group: .numbering, defaultValue: LetterNumbering.defaultPattern),
        Key(key: LetterNumbering.unitKey, group: .numbering, defaultValue: LetterNumbering.defaultUnit),
        Key(key: LetterDraft.keys.place, group: .letter, defaultValue: LetterDraft.defaultPlace),
        Key(key: LetterDraft.keys.title, group: .letter, defaultValue: LetterDraft.defaultTitle),
        Key(key: LetterDraft.keys.name, group: .letter, defaultValue: ""),
        Key(key: LetterDraft.keys.nip, group: .letter, defaultValue: ""),
        Key(key: LetterDraft.keys.copies, group: .letter, multiline: true, defaultValue: LetterDraft.defaultCopies),
        Key(key: Letterhead.keys.government, group: .letterhead, defaultValue: Letterhead.standard.government),
        Key(key: Letterhead.keys.office, group: .letterhead, defaultValue: Letterhead.standard.office),
        Key(key: Letterhead.keys.address, group: .letterhead, defaultValue: Letterhead.standard.address),
        Key(key: Letterhead.keys.postalCode, group: .letterhead, defaultValue: ""),
        Key(key: Letterhead.keys.phone, group: .letterhead, defaultValue: ""),
        Key(key: Letterhead.keys.email, group: .letterhead, defaultValue: ""),
        Key(key: Letterhead.keys.website, group: .letterhead, defaultValue: ""),
    ]

    /// The form's name for a field's "kembalikan ke bawaan" box.
    static func resetName(_ key: String) -> String { "reset." + key }

    /// Line ends as stored: a browser sends a textarea's lines with CR LF.
    static func clean(_ value: String?) -> String {
        (value ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What the page shows: each key's stored value, and whether it differs from the default.
    static func stored(on db: any Database) async throws -> [String: String] {
        let rows = try await Setting.query(on: db).filter(\.$key ~~ keys.map(\.key)).all()
        return Dictionary(rows.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    @Sendable static func show(_ req: Request) async throws -> HTML {
        let stored = try await stored(on: req.db)
        var values: [String: String] = [:]
        for key in keys { values[key.key] = stored[key.key] ?? key.defaultValue }
        return await SettingsViews.page(req, keys: keys, values: values, stored: stored, letterhead: try await Letterhead.load(on: req.db), problems: [])
    }

    @Sendable static func save(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode([String: String].self)
        var values: [String: String] = [:]
        for key in keys {
            let value = clean(form[key.key])
            values[key.key] = form[resetName(key.key)] != nil || value.isEmpty ? key.defaultValue : value
        }
        var problems: [Problem] = []
        for key in [CaseNumbering.settingKey, LetterNumbering.settingKey] {
            guard let raw = values[key], !raw.isEmpty, !raw.hasPrefix("{\"") else { continue }
            do { _ = try NumberingPattern(raw) } catch {
                problems.append(Problem("settings.error.pattern", raw, error.indonesianDescription))
            }
        }
        if let email = values[Letterhead.keys.email], !email.isEmpty, !email.contains("@") || email.contains(" ") {
            problems.append(Problem("settings.error.email", email))
        }
        guard problems.isEmpty else {
            let page = await SettingsViews.page(req, keys: keys, values: values, stored: try await stored(on: req.db),
                                                letterhead: try await Letterhead.load(on: req.db), problems: problems)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        }
        let checked = values
        try await EventLog.transaction(on: req.db) { tx in
            var changed: [String] = []
            for key in keys {
                let old = try await Setting.get(key.key, on: tx)
                let new = checked[key.key] ?? key.defaultValue
                // Only a value other than the default is stored; the default is no row at all.
                let wanted: String? = new == key.defaultValue ? nil : new
                guard old != wanted else { continue }
                if let wanted {
                    try await Setting.set(key.key, wanted, on: tx)
                } else {
                    try await Setting.query(on: tx).filter(\.$key == key.key).delete()
                }
                changed.append(key.key)
            }
            if !changed.isEmpty {
                try await EventLog.append(.init(action: "settings.change", details: ["keys": changed.joined(separator: ",")]), by: .init(user), on: tx)
            }
        }
        req.flash(.ok, "settings.saved")
        return req.redirect(to: SiteURL.settings.path)
    }

    struct ArmsForm: Content { var arms: File? }

    /// The regency's arms for the kop surat: a PNG or JPEG, checked by its bytes; a refusal
    /// re-shows the page with the reason and changes nothing.
    @Sendable static func uploadArms(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let file = (try? req.content.decode(ArmsForm.self))?.arms
        let bytes = file.map { Array(buffer: $0.data) } ?? []
        if let problem = LetterheadArms.problem(with: bytes) {
            let stored = try await stored(on: req.db)
            var values: [String: String] = [:]
            for key in keys { values[key.key] = stored[key.key] ?? key.defaultValue }
            let page = await SettingsViews.page(req, keys: keys, values: values, stored: stored, letterhead: try await Letterhead.load(on: req.db), problems: [problem])
            let status: HTTPResponseStatus = problem.key == "settings.arms.error.size" ? .payloadTooLarge : .unprocessableEntity
            return try await HTMLPage(status: status, page).encodeResponse(for: req)
        }
        try await LetterheadArms.store(bytes, dataDirectory: req.application.walidata.dataDirectory, by: user, on: req.db)
        req.flash(.ok, "settings.arms.saved")
        return req.redirect(to: SiteURL.settings.path + "#arms")
    }

    @Sendable static func removeArms(_ req: Request) async throws -> Response {
        try await LetterheadArms.remove(dataDirectory: req.application.walidata.dataDirectory, by: try req.requireUser(), on: req.db)
        req.flash(.ok, "settings.arms.removed")
        return req.redirect(to: SiteURL.settings.path + "#arms")
    }

    @Sendable static func arms(_ req: Request) async throws -> Response {
        try await LetterheadArms.response(req)
    }
}
