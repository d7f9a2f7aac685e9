import Fluent
import Foundation
import Vapor

/// The connection settings of the Facebook Page and the WhatsApp Cloud API, kept in the
/// `settings` table under `channels.*`; the secrets sealed by `SecretBox`. An admin sees a
/// secret only as "tersimpan" (saved) and may replace it, never read it back.
struct ChannelSettings: Sendable, Equatable {
    struct Facebook: Sendable, Equatable {
        var pageID = ""
        var accessToken = ""
        var graphVersion = ChannelSettings.defaultGraphVersion
        var graphBaseURL = ChannelSettings.defaultGraphBaseURL

        var isConfigured: Bool { !pageID.isEmpty && !accessToken.isEmpty }
    }

    struct WhatsApp: Sendable, Equatable {
        var phoneNumberID = ""
        var accessToken = ""
        /// An approved message template: business-initiated messages must use one (free text
        /// outside the 24-hour customer window fails with 131047).
        var templateName = ""
        var templateLanguage = "id"
        var appSecret = ""
        var verifyToken = ""
        var graphVersion = ChannelSettings.defaultGraphVersion
        var graphBaseURL = ChannelSettings.defaultGraphBaseURL

        var isConfigured: Bool { !phoneNumberID.isEmpty && !accessToken.isEmpty && !templateName.isEmpty }
    }

    static let defaultGraphVersion = "v25.0"
    static let defaultGraphBaseURL = "https://graph.facebook.com"

    var facebook = Facebook()
    var whatsapp = WhatsApp()

    /// Setting names; the secret ones are sealed.
    enum Key: String, CaseIterable, Sendable {
        case facebookPageID = "channels.facebook.page_id"
        case facebookToken = "channels.facebook.access_token"
        case facebookVersion = "channels.facebook.graph_version"
        case facebookBaseURL = "channels.facebook.graph_base_url"
        case whatsappPhoneNumberID = "channels.whatsapp.phone_number_id"
        case whatsappToken = "channels.whatsapp.access_token"
        case whatsappTemplate = "channels.whatsapp.template_name"
        case whatsappLanguage = "channels.whatsapp.template_language"
        case whatsappAppSecret = "channels.whatsapp.app_secret"
        case whatsappVerifyToken = "channels.whatsapp.verify_token"
        case whatsappVersion = "channels.whatsapp.graph_version"
        case whatsappBaseURL = "channels.whatsapp.graph_base_url"

        var isSecret: Bool { [.facebookToken, .whatsappToken, .whatsappAppSecret, .whatsappVerifyToken].contains(self) }
    }

    static func load(on db: any Database, box: SecretBox) async throws -> ChannelSettings {
        let rows = try await Setting.query(on: db).filter(\.$key ~~ Key.allCases.map(\.rawValue)).all()
        var values: [Key: String] = [:]
        for row in rows {
            guard let key = Key(rawValue: row.key) else { continue }
            // A secret that no longer opens (the database restored without its server key)
            // reads as not set: the admin sees the channel as not configured and saves it again.
            values[key] = key.isSecret ? ((try? box.open(row.value, name: key.rawValue)) ?? "") : row.value
        }
        var s = ChannelSettings()
        func v(_ key: Key, _ fallback: String) -> String { values[key].flatMap { $0.isEmpty ? nil : $0 } ?? fallback }
        s.facebook = Facebook(pageID: v(.facebookPageID, ""), accessToken: v(.facebookToken, ""),
                              graphVersion: v(.facebookVersion, defaultGraphVersion), graphBaseURL: v(.facebookBaseURL, defaultGraphBaseURL))
        s.whatsapp = WhatsApp(phoneNumberID: v(.whatsappPhoneNumberID, ""), accessToken: v(.whatsappToken, ""),
                              templateName: v(.whatsappTemplate, ""), templateLanguage: v(.whatsappLanguage, "id"),
                              appSecret: v(.whatsappAppSecret, ""), verifyToken: v(.whatsappVerifyToken, ""),
                              graphVersion: v(.whatsappVersion, defaultGraphVersion), graphBaseURL: v(.whatsappBaseURL, defaultGraphBaseURL))
        return s
    }

    /// Saves the given values; a secret given as "" keeps the stored one (the form never shows
    /// it, so an empty field means "unchanged").
    static func save(_ values: [Key: String], on db: any Database, box: SecretBox) async throws {
        for (key, raw) in values {
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if key.isSecret {
                guard !value.isEmpty else { continue }
                try await Setting.set(key.rawValue, try box.seal(value, name: key.rawValue), on: db)
            } else {
                try await Setting.set(key.rawValue, value, on: db)
            }
        }
    }

    /// Which secrets are stored, for the form's "tersimpan" marks.
    static func storedSecrets(on db: any Database) async throws -> Set<Key> {
        let secretKeys = Key.allCases.filter(\.isSecret)
        let rows = try await Setting.query(on: db).filter(\.$key ~~ secretKeys.map(\.rawValue)).all()
        return Set(rows.filter { !$0.value.isEmpty }.compactMap { Key(rawValue: $0.key) })
    }
}

extension Application {
    var secretBox: SecretBox { SecretBox(serverSecret) }
}
