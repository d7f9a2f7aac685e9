import Vapor
import WalidataCore

/// The shared page frame: header with navigation for the user's role, language switch,
/// one-time message, content. No script and no third-party host.
enum Layout {
    static func render(_ request: Request, title: String, head: HTML = .empty, body: HTML) async -> HTML {
        let t = request.t
        let user = request.currentUser
        let flash = Flash.take(from: request)
        var unread = 0
        if let id = user?.id {
            // A page still renders when the count cannot be read (an error page, say).
            unread = (try? await NotificationStore.unreadCount(for: id, on: request.db)) ?? 0
        }
        return """
        <!doctype html>
        <html lang="\(t.lang.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Walidata</title>
        <link rel="stylesheet" href="\(SiteURL.stylesheet.path)">
        <link rel="icon" href="\(SiteURL.favicon.path)" sizes="32x32">
        \(HarvestLinks.head(request))\(head)
        </head>
        <body>
        <header class="top">
        <div class="brand"><a href="\(user == nil ? SiteURL.publicHome.path : SiteURL.home.path)">Walidata</a><span>\(t("app.office"))</span></div>
        \(nav(request, user: user, unread: unread, t: t))
        </header>
        <main>
        \(HTML.when(!request.application.walidata.baseURLConfigured && OfficePolicy.may(.settings, user),
            "<p class=\"flash flash-error\" id=\"base-url-warning\">\(t("config.base_url_missing", request.application.walidata.baseURL))</p>"))
        \(flash.map { flashBox($0) })
        \(body)
        </main>
        <footer class="foot">\(t("app.footer"))</footer>
        </body>
        </html>
        """
    }

    private static func flashBox(_ flash: Flash) -> HTML {
        "<p class=\"flash flash-\(flash.kind.rawValue)\" role=\"status\">\(flash.message)</p>"
    }

    private static func nav(_ request: Request, user: User?, unread: Int, t: Translator) -> HTML {
        guard let user else { return visitorNav(request, t: t) }
        var items: [(id: String, url: SiteURL, key: String)] = [
            ("nav-home", .home, "nav.home"),
            ("nav-datasets", .datasets, "nav.datasets"),
            ("nav-sop", .sop, "nav.sop"),
            ("nav-calendar", .calendar, "nav.calendar"),
        ]
        items.insert(contentsOf: CaseViews.navItems(for: user) + DashboardViews.navItems(for: user), at: 1)
        let office: [(OfficePolicy.Resource, String, SiteURL, String)] = [
            (.users, "nav-users", .users, "nav.users"), (.organizations, "nav-organizations", .organizations, "nav.organizations"),
            (.audit, "nav-audit", .audit, "nav.audit"), (.settings, "nav-settings", .settings, "nav.settings"),
            (.channels, "nav-channels", .channels, "nav.channels"),
            (.backups, "nav-backups", .backups, "nav.backups"),
        ]
        for (resource, id, url, key) in office where OfficePolicy.may(resource, user) { items.append((id, url, key)) }
        items.append(("nav-portal", .publicHome, "nav.portal"))
        let current = request.url.path
        func link(_ item: (id: String, url: SiteURL, key: String), extra: HTML = .empty) -> HTML {
            let here = item.url.path == "/" ? current == "/" : current.hasPrefix(item.url.path)
            return "<a id=\"\(item.id)\" href=\"\(item.url.path)\"\(HTML.when(here, " aria-current=\"page\""))>\(t(item.key))\(extra)</a>"
        }
        let other: Lang = t.lang == .id ? .en : .id
        // Two rows: the person's own things beside the brand, the work below.
        return """
        <div class="tools">\(link(("nav-notifications", .notifications, "nav.notifications"), extra: NotificationViews.navBadge(t, unread: unread)))
        <a id="nav-account" class="who" title="\(t("nav.account"))" href="\(SiteURL.account.path)"\(HTML.when(current.hasPrefix(SiteURL.account.path), " aria-current=\"page\""))>\(user.fullName) · \(t("role." + user.role.rawValue))</a>
        <form method="post" action="\(SiteURL.accountLanguage.path)" class="inline">\(csrfField(request))<input type="hidden" name="language" value="\(other.rawValue)"><input type="hidden" name="next" value="\(request.url.string)"><button class="link" id="lang-switch" type="submit">\(t("lang.switch_to." + other.rawValue))</button></form>
        <form method="post" action="\(SiteURL.logout.path)" class="inline">\(csrfField(request))<button class="link" id="logout" type="submit">\(t("nav.logout"))</button></form>
        </div>
        <nav class="nav" aria-label="\(t("nav.menu"))">\(items.map { link($0) })</nav>
        """
    }

    /// For visitors without an account: the public portal, and the way in for office staff.
    private static func visitorNav(_ request: Request, t: Translator) -> HTML {
        let current = request.url.path
        let items: [(id: String, url: SiteURL, key: String)] = [
            ("nav-portal", .publicHome, "nav.portal_home"),
            ("nav-open-data", .publicDatasets, "nav.open_data"),
            ("nav-login", .login(next: nil), "nav.login"),
        ]
        let links = items.map { item -> HTML in
            let here = item.id == "nav-portal" ? current == item.url.path : current.hasPrefix(item.url.path)
            return "<a id=\"\(item.id)\" href=\"\(item.url.path)\"\(HTML.when(here, " aria-current=\"page\""))>\(t(item.key))</a>"
        }
        return "<nav class=\"nav\">\(links)\(languageLinks(request, t: t))</nav>"
    }

    static func languageLinks(_ request: Request, t: Translator) -> HTML {
        let next = request.url.string
        let links = Lang.allCases.map { lang -> HTML in
            let url = SiteURL.language(lang).path + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
            return "<a id=\"lang-\(lang.rawValue)\" href=\"\(url)\" hreflang=\"\(lang.rawValue)\" lang=\"\(lang.rawValue)\"\(HTML.when(lang == t.lang, " aria-current=\"true\""))>\(t("lang.name." + lang.rawValue))</a>"
        }
        return "<span class=\"langs\">\(HTML.join(links, separator: " · "))</span>"
    }

    static func csrfField(_ request: Request) -> HTML {
        guard request.hasWebSession else { return .empty }
        return "<input type=\"hidden\" name=\"\(CSRF.fieldName)\" value=\"\(request.csrfToken)\">"
    }
}
