import Vapor
import WalidataCore

/// The admin's channels page: the two connections (a secret is never shown, only whether one is
/// saved), the test button, and the recipients with their consent.
enum ChannelsViews {
    static func page(_ req: Request, settings: ChannelSettings, savedSecrets: Set<ChannelSettings.Key>, recipients: [WhatsAppRecipient],
                     organizations: [Organization], shareImage: ShareImage.Custom? = nil, problems: [Problem]) async -> HTML {
        let t = req.t
        func secret(_ name: String, _ key: ChannelSettings.Key, _ label: String) -> HTML {
            let saved = savedSecrets.contains(key)
            return FormField.text(name, label: t(label), type: "password", hint: t(saved ? "channels.secret_saved" : "channels.secret_empty"),
                                  extra: " autocomplete=\"new-password\"")
        }
        let fb = settings.facebook, wa = settings.whatsapp
        let rows = recipients.map { r -> HTML in
            let state: HTML = r.isSubscribed
                ? "<span class=\"badge ok\">\(t("channels.recipient.subscribed"))</span>"
                : "<span class=\"badge off\">\(t(r.optedOutAt != nil ? "channels.recipient.opted_out_state" : "channels.recipient.no_consent"))</span>"
            let action: HTML = r.isSubscribed ? """
                <form method="post" action="\(SiteURL.recipientOptOut(r.id!).path)">\(Layout.csrfField(req))<button type="submit" class="secondary">\(t("channels.recipient.opt_out"))</button></form>
                """ : .empty
            return """
            <tr><td>\(r.name)</td><td class="sha">\(r.phone)</td><td>\(r.organization?.name ?? "–")</td>\
            <td>\(r.optInMethod)\(r.optInAt.map { " · " + DateText.date($0, t: t) } ?? "")</td><td>\(state)\(r.optedOutAt.map { " " + DateText.date($0, t: t) } ?? "")</td><td>\(action)</td></tr>
            """
        }
        let agencyOptions = [("", "–")] + organizations.map { ($0.id!.uuidString, $0.name) }
        let body: HTML = """
        <h1>\(t("channels.title"))</h1>
        <p class="muted">\(t("channels.intro"))</p>
        \(FormField.errors(problems, t: t))
        <form method="post" action="\(SiteURL.channels.path)" id="channels-form">
        \(Layout.csrfField(req))
        <section class="card" id="facebook-settings"><h2>\(t("channels.facebook"))</h2>
        <p class="hint">\(t(fb.isConfigured ? "channels.configured" : "channels.not_configured"))</p>
        \(FormField.text("facebookPageID", label: t("channels.field.page_id"), value: fb.pageID))
        \(secret("facebookToken", .facebookToken, "channels.field.page_token"))
        <details><summary>\(t("channels.advanced"))</summary>
        \(FormField.text("facebookVersion", label: t("channels.field.version"), value: fb.graphVersion))
        \(FormField.text("facebookBaseURL", label: t("channels.field.base_url"), value: fb.graphBaseURL, hint: t("channels.field.base_url_hint")))
        </details>
        </section>
        <section class="card" id="whatsapp-settings"><h2>\(t("channels.whatsapp"))</h2>
        <p class="hint">\(t(wa.isConfigured ? "channels.configured" : "channels.not_configured"))</p>
        \(FormField.text("whatsappPhoneNumberID", label: t("channels.field.phone_number_id"), value: wa.phoneNumberID))
        \(secret("whatsappToken", .whatsappToken, "channels.field.wa_token"))
        \(FormField.text("whatsappTemplate", label: t("channels.field.template"), value: wa.templateName, hint: t("channels.field.template_hint")))
        \(FormField.text("whatsappLanguage", label: t("channels.field.language"), value: wa.templateLanguage))
        \(secret("whatsappAppSecret", .whatsappAppSecret, "channels.field.app_secret"))
        \(secret("whatsappVerifyToken", .whatsappVerifyToken, "channels.field.verify_token"))
        <details><summary>\(t("channels.advanced"))</summary>
        \(FormField.text("whatsappVersion", label: t("channels.field.version"), value: wa.graphVersion))
        \(FormField.text("whatsappBaseURL", label: t("channels.field.base_url"), value: wa.graphBaseURL, hint: t("channels.field.base_url_hint")))
        </details>
        <p class="hint">\(t("channels.webhook_hint", req.application.walidata.publicURL("/webhooks/whatsapp")))</p>
        </section>
        <p><button type="submit" id="channels-save">\(t("channels.save"))</button></p>
        </form>
        <form method="post" action="\(SiteURL.channelsFacebookTest.path)" class="actions" id="facebook-test">\(Layout.csrfField(req))\
        <button type="submit" class="secondary">\(t("channels.test"))</button></form>

        <section class="card" id="recipients"><h2>\(t("channels.recipients"))</h2>
        <p class="hint">\(t("channels.recipients_intro"))</p>
        \(recipients.isEmpty ? "<p class=\"muted\" id=\"no-recipients\">\(t("channels.recipients_empty"))</p>" as HTML : """
        <div class="table-wrap"><table class="list" id="recipients-table"><thead><tr><th>\(t("channels.recipient.name"))</th><th>\(t("channels.recipient.phone"))</th>\
        <th>\(t("channels.recipient.organization"))</th><th>\(t("channels.recipient.opt_in"))</th><th>\(t("channels.recipient.state"))</th><th></th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """)
        <h3>\(t("channels.recipient.add"))</h3>
        <form method="post" action="\(SiteURL.recipients.path)" id="recipient-form">\(Layout.csrfField(req))
        \(FormField.text("name", label: t("channels.recipient.name"), required: true))
        \(FormField.text("phone", label: t("channels.recipient.phone"), required: true, hint: t("channels.recipient.phone_hint"), extra: " inputmode=\"tel\""))
        \(FormField.select("organizationID", label: t("channels.recipient.organization"), options: agencyOptions, selected: ""))
        \(FormField.text("optInMethod", label: t("channels.recipient.opt_in_method"), required: true, hint: t("channels.recipient.opt_in_method_hint")))
        \(FormField.date("optInDate", label: t("channels.recipient.opt_in_date"), required: true, t: t))
        <p><button type="submit">\(t("channels.recipient.add_button"))</button></p>
        </form>
        <h3>\(t("channels.import"))</h3>
        <form method="post" action="\(SiteURL.recipientsImport.path)" enctype="multipart/form-data" id="recipient-import">\(Layout.csrfField(req))
        <p class="hint">\(t("channels.import_hint"))</p>
        <input type="file" name="file" accept=".csv,text/csv" id="recipient-file">
        <p><button type="submit">\(t("channels.import_button"))</button></p>
        </form>
        </section>
        \(shareImageCard(req, custom: shareImage))
        """
        return await Layout.render(req, title: t("channels.title"), body: body)
    }

    /// The picture a post or message shows beside the link: the one in use, the upload, and the way back to the default.
    private static func shareImageCard(_ req: Request, custom: ShareImage.Custom?) -> HTML {
        let t = req.t
        let current = SiteURL.shareImage.path + (custom.map { "?v=" + $0.hash.prefix(16) } ?? "")
        let state = custom.map { t("share.custom", String($0.header.width), String($0.header.height)) } ?? t("share.default")
        let remove: HTML = HTML.when(custom != nil, """
        <form method="post" action="\(SiteURL.shareImageRemove.path)" id="share-image-remove">\(Layout.csrfField(req))\
        <button type="submit" class="secondary" id="share-image-default">\(t("share.use_default"))</button></form>
        """)
        return """
        <section class="card" id="share-image"><h2>\(t("share.title"))</h2>
        <p class="hint">\(t("share.intro", String(ShareImage.width), String(ShareImage.height), ByteCountText.format(Int64(ShareImage.maxBytes))))</p>
        <p><img src="\(current)" alt="\(t("share.alt"))" width="300" height="158" id="share-image-preview" style="max-width:100%;height:auto;border:1px solid #ccc"></p>
        <p class="muted" id="share-image-state">\(state)</p>
        <form method="post" action="\(SiteURL.shareImageUpload.path)" enctype="multipart/form-data" id="share-image-form">\(Layout.csrfField(req))
        <input type="file" name="image" accept="image/png,image/jpeg" id="share-image-file">
        <p><button type="submit">\(t("share.upload"))</button></p>
        </form>
        \(remove)
        </section>
        """
    }
}
