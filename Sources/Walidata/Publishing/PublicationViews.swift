import Vapor
import WalidataCore

/// The case page's parts about step 9: the announcement fields in the step's form, and the
/// card that shows the announcement and where it went.
enum PublicationViews {
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
    static func card(_ req: Request, user: User, detail: CaseDetail) -> HTML {
        let t = req.t
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
        \(deliveries(req, user: user, record: detail.record, view: view))
        </div>
        """
    }

    /// Where it went: one row per channel once published (`DeliveryViews`), else the channels chosen so far.
    static func deliveries(_ req: Request, user: User, record: Case, view: PublicationStore.View) -> HTML {
        let t = req.t
        guard view.announcement.published else {
            let chosen = view.announcement.channels.map { t("publication.channel." + $0.rawValue) }.joined(separator: ", ")
            return "<p>\(t("publication.field.channels")): \(chosen.isEmpty ? "–" : chosen)</p>"
        }
        return DeliveryViews.table(req, user: user, record: record, outcomes: ChannelOutcome.of(view.deliveries))
    }
}
