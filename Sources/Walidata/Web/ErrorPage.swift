import Vapor

struct ErrorPage {
    var status: HTTPResponseStatus
    var message: String

    func title(_ t: Translator) -> String { t("error.title", String(status.code)) }

    func body(_ t: Translator) -> HTML {
        """
        <div class="card error-page">
        <p class="code">\(Int(status.code))</p>
        <h1>\(title(t))</h1>
        <p>\(message)</p>
        <p><a href="\(SiteURL.home.path)">\(t("error.back_home"))</a></p>
        </div>
        """
    }
}
