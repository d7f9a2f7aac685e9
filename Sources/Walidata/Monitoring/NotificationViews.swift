import Vapor
import WalidataCore

/// The notifications page and the header link with its unread count.
enum NotificationViews {
    /// "Notifikasi" in the header, with a badge while something is unread.
    static func navBadge(_ t: Translator, unread: Int) -> HTML {
        HTML.when(unread > 0, " <span class=\"count\" id=\"unread-count\" title=\"\(t("notifications.unread_n", String(unread)))\">\(unread)</span>")
    }

    static func page(_ req: Request, items: [NotificationStore.Item], unread: Int, total: Int, window: PageWindow, dayLength: TimeInterval) async -> HTML {
        let t = req.t
        let list = items.map { item(req, $0, dayLength: dayLength) }
        let readAll: HTML = HTML.when(unread > 0, """
        <form method="post" action="\(SiteURL.notificationsReadAll.path)" class="actions" id="read-all">\(Layout.csrfField(req))<button type="submit" class="secondary">\(t("notifications.mark_all_read"))</button></form>
        """)
        let body: HTML = """
        <h1>\(t("notifications.title"))</h1>
        <p class="muted">\(t("notifications.intro"))</p>
        <p id="notifications-summary">\(t("notifications.summary", String(unread), String(total)))</p>
        \(readAll)
        \(items.isEmpty ? "<p class=\"muted\" id=\"no-notifications\">\(t("notifications.empty"))</p>" as HTML : "<ul class=\"notices\" id=\"notifications\">\(list)</ul>")
        \(Pager(window: window, total: total).html(req, id: "notifications-pager"))
        """
        return await Layout.render(req, title: t("notifications.title"), body: body)
    }

    private static func item(_ req: Request, _ item: NotificationStore.Item, dayLength: TimeInterval) -> HTML {
        let t = req.t
        let n = item.notification
        let id = n.id?.uuidString ?? ""
        let round: HTML = HTML.when(n.round > 1, " (\(t("cases.round_n", String(n.round))))")
        let late = DurationText.working(item.late, dayLength: dayLength, t: t)
        let state: String
        if let completedAt = item.completedAt {
            state = item.isLate ? t("notifications.done_late", DateText.dateTime(completedAt, t: t), late) : t("notifications.done_on_time", DateText.dateTime(completedAt, t: t))
        } else {
            state = item.isLate ? t("notifications.open_late", late) : t("notifications.no_longer_late", DateText.dateTime(item.dueAt, t: t))
        }
        let mark: HTML = n.isRead
            ? "<span class=\"muted\">\(t("notifications.read_at", DateText.dateTime(n.readAt, t: t)))</span>"
            : "<form method=\"post\" action=\"\(SiteURL.notificationRead(n.id ?? UUID()).path)\" class=\"inline\">\(Layout.csrfField(req))<button type=\"submit\" class=\"secondary small\">\(t("notifications.mark_read"))</button></form>"
        if n.isDelivery {
            // A step-9 channel that needs someone: the case page says which rows and why.
            return """
            <li class="notice\(n.isRead ? "" : " unread")" id="notification-\(id)" data-kind="\(n.kindRaw)">
            <p class="notice-head">\(HTML.when(!n.isRead, "<span class=\"badge new\">\(t("notifications.new"))</span> "))<strong>\(t("notifications.kind.\(n.kindRaw)"))</strong> · \
            <a href="\(SiteURL.caseDetail(item.caseID).path)#announcement">\(n.caseNumber)</a> · \(item.caseTitle)</p>
            <p>\(t("notifications.delivery_hint.\(n.kind == .facebookLogin || n.kind == .whatsappLogin ? "login" : "failed")"))</p>
            <div class="notice-foot"><span class="muted">\(t("notifications.created_at", DateText.dateTime(n.createdAt, t: t)))</span> \(mark)</div>
            </li>
            """
        }
        return """
        <li class="notice\(n.isRead ? "" : " unread")" id="notification-\(id)">
        <p class="notice-head">\(HTML.when(!n.isRead, "<span class=\"badge new\">\(t("notifications.new"))</span> "))<strong>\(t("notifications.kind.\(n.kindRaw)"))</strong> · \
        <a href="\(SiteURL.caseDetail(item.caseID).path)">\(n.caseNumber)</a> · \(item.caseTitle)</p>
        <p>\(t("sop.step_n", String(n.step)))\(round): \(CaseStepViews.stepName(t, item.step))</p>
        <p class="muted">\(t("cases.executor", item.laneName)) · \(t("cases.due", DateText.dateTime(item.dueAt, t: t)))</p>
        <p class="notice-state\(item.isLate && item.completedAt == nil ? " still-late" : "")">\(state)</p>
        <div class="notice-foot"><span class="muted">\(t("notifications.created_at", DateText.dateTime(n.createdAt, t: t)))</span> \(mark)</div>
        </li>
        """
    }
}
