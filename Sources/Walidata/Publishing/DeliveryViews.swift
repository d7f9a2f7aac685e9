import Vapor
import WalidataCore

/// Where a published announcement went, one small table row per channel: its state, what came
/// of it (the post, the recipients' counts, the next try, the reason in words), and *Kirim ulang
/// sekarang* where `DeliveryPolicy` allows it. No script: each button is its own small form.
enum DeliveryViews {
    static func badge(_ t: Translator, _ status: ChannelOutcome.Status) -> HTML {
        let cls = switch status {
        case .sent: "ok"
        case .waiting, .notConfigured: "draft"
        case .rescheduled: "warn"
        case .failed, .needsLogin: "off"
        }
        return "<span class=\"badge \(cls)\" data-state=\"\(status.rawValue)\">\(t("delivery.status." + status.rawValue))</span>"
    }

    /// The case page's table; `req` and `user` decide the resend buttons.
    static func table(_ req: Request, user: User, record: Case, outcomes: [ChannelOutcome]) -> HTML {
        let t = req.t
        let rows = outcomes.map { outcome -> HTML in
            let action: HTML = outcome.channel == .whatsapp ? .empty
                : outcome.problem.map { resendButton(req, user: user, record: record, delivery: $0) } ?? .empty
            return """
            <tr id="delivery-\(outcome.channel.rawValue)" data-state="\(outcome.status.rawValue)">\
            <td data-label="\(t("publication.col.channel"))">\(t("publication.channel." + outcome.channel.rawValue))</td>\
            <td data-label="\(t("publication.col.state"))">\(badge(t, outcome.status))</td>\
            <td data-label="\(t("publication.col.at"))">\(outcome.deliveredAt.map { DateText.dateTime($0, t: t) } ?? "–")</td>\
            <td data-label="\(t("publication.col.answer"))">\(details(t, outcome))\(outcome.channel == .whatsapp ? recipients(req, user: user, record: record, outcome) : .empty)\(action)</td></tr>
            """
        }
        return """
        <div class="table-wrap"><table class="list stack" id="deliveries">
        <thead><tr><th>\(t("publication.col.channel"))</th><th>\(t("publication.col.state"))</th><th>\(t("publication.col.at"))</th><th>\(t("publication.col.answer"))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    /// What came of a channel, in words.
    static func details(_ t: Translator, _ outcome: ChannelOutcome) -> HTML {
        var parts: [HTML] = []
        if outcome.channel == .whatsapp, outcome.counts.recipients > 0 {
            let c = outcome.counts
            parts.append("<span class=\"wa-counts\">\(t("delivery.wa_counts", String(c.recipients), String(c.sent), String(c.delivered), String(c.read), String(c.failed)))</span>")
        }
        if outcome.status == .sent || outcome.channel == .whatsapp {
            switch outcome.channel {
            case .website:
                if let path = outcome.externalID, path.hasPrefix("/") { parts.append("<a href=\"\(path)\">\(path)</a>") }
            case .facebook:
                if let id = outcome.externalID, !id.isEmpty {
                    let link: HTML = ChannelOutcome.postURL(id).map { " · <a href=\"\($0)\" id=\"facebook-post-link\" rel=\"noopener\">\(t("delivery.see_post"))</a>" } ?? .empty
                    parts.append("\(t("delivery.post_id", id))\(link)")
                }
            case .whatsapp:
                break
            }
        }
        switch outcome.status {
        case .sent:
            break
        case .waiting:
            parts.append("\(t("delivery.waiting_hint"))")
        case .rescheduled:
            parts.append("\(t("delivery.rescheduled", String(outcome.attempts), DateText.dateTime(outcome.nextAttemptAt, t: t)))")
            if let problem = outcome.problem { parts.append(reason(t, problem)) }
        case .failed, .needsLogin:
            if let problem = outcome.problem { parts.append(reason(t, problem)) }
        case .notConfigured:
            let why = outcome.problem?.answer ?? ""
            parts.append(why.isEmpty ? "\(t("publication.not_configured_note"))" : "\(why)")
        }
        return HTML.join(parts.map { "<div>\($0)</div>" as HTML })
    }

    /// The reason of a refusal in the officer's words, with the code, and Meta's own message and
    /// trace ID small (what Meta's support asks for).
    static func reason(_ t: Translator, _ delivery: Delivery) -> HTML {
        let key = delivery.state == .needsLogin ? "delivery.words.token" : GraphFailure.wordsKey(code: delivery.errorCode)
        let code: HTML = delivery.errorCode.map { "\(t("delivery.code", String($0))): " } ?? .empty
        let raw: HTML = HTML.when(!metaMessage(delivery).isEmpty, " <small class=\"muted raw-answer\">\(metaMessage(delivery))</small>")
        let trace: HTML = delivery.fbtraceID.map { " <small class=\"muted fbtrace\">fbtrace_id \($0)</small>" } ?? .empty
        return "<span class=\"delivery-reason\">\(code)\(t(key))</span>\(raw)\(trace)"
    }

    /// Meta's own words from the stored answer, without the code and trace ID shown beside them.
    static func metaMessage(_ delivery: Delivery) -> String {
        var text = delivery.answer
        if let code = delivery.errorCode, text.hasPrefix("kode \(code)") { text = String(text.dropFirst("kode \(code)".count)) }
        if let trace = delivery.fbtraceID, text.hasSuffix(" (fbtrace \(trace))") { text = String(text.dropLast(" (fbtrace \(trace))".count)) }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: ": ").union(.whitespaces))
    }

    /// WhatsApp: the recipients whose message has not gone out, each with its reason and button,
    /// folded so a long list does not push the page down.
    private static func recipients(_ req: Request, user: User, record: Case, _ outcome: ChannelOutcome) -> HTML {
        let t = req.t
        let open = outcome.deliveries.filter(DeliveryPolicy.isResendable)
        guard !open.isEmpty else { return .empty }
        let items = open.prefix(100).map { d -> HTML in
            """
            <li><strong>\(d.recipient)</strong> \(badge(t, ChannelOutcome(channel: .whatsapp, rows: [d]).status))<br>\(reason(t, d))\
            \(resendButton(req, user: user, record: record, delivery: d))</li>
            """
        }
        return """
        <details class="wa-open" id="whatsapp-open"><summary>\(t("delivery.wa_open", String(open.count)))</summary>
        <ul>\(items)</ul></details>
        """
    }

    static func resendButton(_ req: Request, user: User, record: Case, delivery: Delivery) -> HTML {
        guard DeliveryPolicy.decideResend(user, record, delivery).isAllowed, let caseID = record.id, let id = delivery.id else { return .empty }
        return """
        <form method="post" action="\(SiteURL.deliveryResend(caseID: caseID, deliveryID: id).path)" class="inline resend">\(Layout.csrfField(req))\
        <button type="submit" class="secondary small" id="resend-\(id.uuidString)">\(req.t("delivery.resend"))</button></form>
        """
    }
}
