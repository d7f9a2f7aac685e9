import Fluent
import Vapor
import WalidataCore

/// `/admin/settings`: the few run-time settings the SOP documents depend on (checklist,
/// numbering patterns, letter defaults, kop surat), so an admin changes them without SQL. An
/// empty field removes the row, so the built-in default applies again. Numbering patterns are
/// checked before anything is saved, because a broken pattern would stop every registration.
enum SettingsController {
    struct Key: Sendable {
        var key: String
        var multiline: Bool
        var placeholder: String
    }

    static let keys: [Key] = [
        Key(key: Checklist.settingKey, multiline: true, placeholder: Checklist.standardText),
        Key(key: CaseNumbering.settingKey, multiline: false, placeholder: CaseNumbering.defaultPattern),
        Key(key: LetterNumbering.settingKey, multiline: false, placeholder: LetterNumbering.defaultPattern),
        Key(key: LetterNumbering.unitKey, multiline: false, placeholder: LetterNumbering.defaultUnit),
        Key(key: LetterDraft.keys.place, multiline: false, placeholder: LetterDraft.defaultPlace),
        Key(key: LetterDraft.keys.title, multiline: false, placeholder: LetterDraft.defaultTitle),
        Key(key: LetterDraft.keys.name, multiline: false, placeholder: ""),
        Key(key: LetterDraft.keys.nip, multiline: false, placeholder: ""),
        Key(key: LetterDraft.keys.copies, multiline: true, placeholder: LetterDraft.defaultCopies),
        Key(key: Letterhead.keys.government, multiline: false, placeholder: Letterhead.standard.government),
        Key(key: Letterhead.keys.office, multiline: false, placeholder: Letterhead.standard.office),
        Key(key: Letterhead.keys.address, multiline: false, placeholder: Letterhead.standard.address),
    ]

    @Sendable static func show(_ req: Request) async throws -> HTML {
        var values: [String: String] = [:]
        for key in keys { values[key.key] = try await Setting.get(key.key, on: req.db) ?? "" }
        return await SettingsViews.page(req, keys: keys, values: values, problems: [])
    }

    @Sendable static func save(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode([String: String].self)
        var values: [String: String] = [:]
        for key in keys { values[key.key] = (form[key.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var problems: [Problem] = []
        for key in [CaseNumbering.settingKey, LetterNumbering.settingKey] {
            guard let raw = values[key], !raw.isEmpty, !raw.hasPrefix("{\"") else { continue }
            do { _ = try NumberingPattern(raw) } catch {
                problems.append(Problem("settings.error.pattern", key, error.indonesianDescription))
            }
        }
        guard problems.isEmpty else {
            let page = await SettingsViews.page(req, keys: keys, values: values, problems: problems)
            return try await HTMLPage(status: .unprocessableEntity, page).encodeResponse(for: req)
        }
        let checked = values
        try await EventLog.transaction(on: req.db) { tx in
            var changed: [String] = []
            for key in keys {
                let old = try await Setting.get(key.key, on: tx) ?? ""
                let new = checked[key.key] ?? ""
                guard old != new else { continue }
                if new.isEmpty {
                    try await Setting.query(on: tx).filter(\.$key == key.key).delete()
                } else {
                    try await Setting.set(key.key, new, on: tx)
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
}
