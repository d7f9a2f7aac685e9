import Vapor
import WalidataCore

/// The case page's parts about step 9: the announcement fields in the step's form, and the
/// card that shows the announcement and where it went.
enum PublicationViews {
    static func stateBadge(_ t: Translator, _ state: Delivery.State) -> HTML {
        let cls = switch state { case .published: "ok"; case .pending, .notConfigured: "draft"; case .failed, .needsLogin: "off" }
        return "<span class=\"badge \(cls)\" data-state=\"\(state.rawValue)\">\(t("publication.state." + state.rawValue))</span>"
    }

    /// Inside step 9's completion form: title, text, datasets, channels. The empty hidden
    /// entries make an all-unticked list arrive as an empty list rather than as "unchanged".
    static func fields(_ t: Translator, detail: CaseDetail) -> HTML {
        guard let view = detail.publication else { return .empty }
        let announcement = view.announcement
        let datasets = detail.datasets.map { dataset -> HTML in
            let id = dataset.id!.uuidString
            let hidden = HTML.when(!PublicationStore.isPublic(dataset), " <span class=\"muted\">(\(t("publication.dataset_not_public")))</span>")
            return """
            <label class="check"><input type="checkbox" name="datasetIDs[]" value="\(id)"\(HTML.when(view.datasetIDs.contains(dataset.id!), " checked"))> \
            \(dataset.title) \(DatasetViews.accessBadge(dataset, t: t))\(hidden)</label>
            """
        }
        let channels = Delivery.Channel.allCases.map { channel -> HTML in
            let later = HTML.when(channel != .website, " <span class=\"muted\">(\(t("publication.channel_not_configured")))</span>")
            return """
            <label class="check"><input type="checkbox" name="channels[]" value="\(channel.rawValue)" id="channel-\(channel.rawValue)"\(HTML.when(announcement.channels.contains(channel), " checked"))> \
            \(t("publication.channel." + channel.rawValue))\(later)</label>
            """
        }
        return """
        <div id="announcement-fields">
        <p class="hint">\(t("publication.form_intro"))</p>
        \(HTML.when(view.stored, "<p class=\"muted\" id=\"announcement-saved\">\(t("publication.saved_at", DateText.dateTime(announcement.updatedAt, t: t), detail.name(announcement.updatedBy) ?? ""))</p>"))
        \(FormField.text("title", label: t("publication.field.title"), value: announcement.title))
        \(FormField.textarea("body", label: t("publication.field.body"), value: announcement.body, rows: 8, hint: t("publication.field.body_hint")))
        <fieldset id="announcement-datasets"><legend>\(t("publication.field.datasets"))</legend><input type="hidden" name="datasetIDs[]" value="">\
        \(datasets)\(HTML.when(detail.datasets.isEmpty, "<p class=\"muted\">\(t("publication.no_datasets"))</p>"))</fieldset>
        <fieldset id="announcement-channels"><legend>\(t("publication.field.channels"))</legend><input type="hidden" name="channels[]" value="">\(channels)</fieldset>
        </div>
        """
    }

    /// The extra button of step 9's form: saves the draft without publishing (no script: the
    /// button posts the same form to the draft address).
    static func saveButton(_ t: Translator, detail: CaseDetail) -> HTML {
        "<button type=\"submit\" class=\"secondary\" id=\"save-announcement\" formaction=\"\(SiteURL.caseAnnouncement(detail.record.id!).path)\">\(t("publication.save_draft"))</button>"
    }

    /// The announcement as published (or as a saved draft, for those who do not edit it).
    static func card(_ t: Translator, user: User, detail: CaseDetail) -> HTML {
        guard let view = detail.publication, view.stored else { return .empty }
        let announcement = view.announcement
        guard announcement.published || !(detail.openStep?.step == 9 && detail.canAct(user)) else { return .empty }
        let names = detail.datasets.filter { view.datasetIDs.contains($0.id!) }.map { dataset -> HTML in
            "<li>\(dataset.title) \(DatasetViews.accessBadge(dataset, t: t))\(HTML.when(announcement.published && PublicationStore.isPublic(dataset), " · <a href=\"\(SiteURL.publicDataset(dataset.slug).path)\">\(t("publication.public_page"))</a>"))</li>"
        }
        let status: HTML = if let at = announcement.publishedAt {
            "<p id=\"announcement-status\">\(t("publication.published_at", DateText.dateTime(at, t: t), detail.name(announcement.publishedBy) ?? "")) · <a id=\"announcement-public-link\" href=\"\(SiteURL.publicAnnouncement(announcement.id!).path)\">\(t("publication.public_page"))</a></p>"
        } else {
            "<p id=\"announcement-status\">\(t("publication.draft_state", DateText.dateTime(announcement.updatedAt, t: t)))</p>"
        }
        return """
        <div class="card" id="announcement">
        <h2>\(t("publication.title"))</h2>
        \(status)
        <h3 id="announcement-title">\(announcement.title)</h3>
        <div class="narrative">\(CaseReportViews.paragraphs(announcement.body))</div>
        <h4>\(t("publication.field.datasets"))</h4>
        \(names.isEmpty ? "<p class=\"muted\">–</p>" as HTML : "<ul>\(names)</ul>")
        \(deliveries(t, view: view))
        </div>
        """
    }

    /// Where it went: each delivery once published, else the channels chosen so far.
    static func deliveries(_ t: Translator, view: PublicationStore.View) -> HTML {
        guard view.announcement.published else {
            let chosen = view.announcement.channels.map { t("publication.channel." + $0.rawValue) }.joined(separator: ", ")
            return "<p>\(t("publication.field.channels")): \(chosen.isEmpty ? "–" : chosen)</p>"
        }
        let rows = view.deliveries.map { delivery -> HTML in
            """
            <tr id="delivery-\(delivery.channel.rawValue)"><td>\(t("publication.channel." + delivery.channel.rawValue))</td><td>\(stateBadge(t, delivery.state))</td>\
            <td>\(delivery.deliveredAt.map { DateText.dateTime($0, t: t) } ?? "–")</td><td>\(answer(t, delivery))</td></tr>
            """
        }
        return """
        <div class="table-wrap"><table class="list" id="deliveries">
        <thead><tr><th>\(t("publication.col.channel"))</th><th>\(t("publication.col.state"))</th><th>\(t("publication.col.at"))</th><th>\(t("publication.col.answer"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    /// The website's answer is the portal address: a link. Other channels' answers are text.
    private static func answer(_ t: Translator, _ delivery: Delivery) -> HTML {
        if delivery.state == .notConfigured { return "\(t("publication.not_configured_note"))" }
        if delivery.channel == .website, delivery.answer.hasPrefix("/") { return "<a href=\"\(delivery.answer)\">\(delivery.answer)</a>" }
        return "\(delivery.answer)"
    }
}
