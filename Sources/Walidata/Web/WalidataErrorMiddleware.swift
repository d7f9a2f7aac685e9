import Vapor

/// Turns errors into a page a person can act on (HTML) or a JSON body for API clients.
/// Internal errors are logged in full but shown only as a generic message.
struct WalidataErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await render(error, for: request)
        }
    }

    private func render(_ error: any Error, for request: Request) async -> Response {
        let status: HTTPResponseStatus
        let key: String
        var arguments: [String] = []
        var headers = HTTPHeaders()
        switch error {
        case let error as UserError:
            status = error.status
            key = error.key
            arguments = error.arguments
        case let error as StoredText.Refusal:
            status = error.status
            (key, arguments) = error.message(Translator(lang: request.preferredLanguage), byKey: request.isAPI)
        case let error as ValidationFailure:
            status = error.status
            key = "error.422_details"
            arguments = [error.problems.map { $0.text(Translator(lang: request.preferredLanguage)) }.joined(separator: " ")]
        case let error as any AbortError:
            status = error.status
            key = Self.key(for: status)
            headers = error.headers
        default:
            status = .internalServerError
            key = Self.key(for: status)
        }
        if status.code >= 500 {
            request.logger.report(error: error)
        }
        let lang = request.preferredLanguage
        let message = Translator(lang: lang)(key, arguments)
        // The API, and a page's script that asks for JSON (the upload), get the message as JSON.
        if request.isAPI || request.prefersJSON || request.isJSONTwin {
            let body = APIErrorBody(error: .init(status: Int(status.code), code: key, message: message))
            let response = Response(status: status, headers: headers)
            try? response.content.encode(body, as: .json)
            return response
        }
        let page = ErrorPage(status: status, message: message)
        let html = await Layout.render(request, title: page.title(Translator(lang: lang)), body: page.body(Translator(lang: lang)))
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html.raw))
    }

    static func key(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: "error.400"
        case 401: "error.401"
        case 403: "error.403"
        case 404: "error.404"
        case 405: "error.405"
        case 409: "error.409"
        case 413: "error.413"
        case 422: "error.422"
        case 429: "error.429"
        default: status.code >= 500 ? "error.500" : "error.generic"
        }
    }
}

struct APIErrorBody: Content {
    struct Detail: Content {
        var status: Int
        var code: String
        var message: String
    }
    var error: Detail
}

extension Request {
    var isAPI: Bool { url.path.hasPrefix("/api/") }
    /// A portal page's machine-readable twin (`/publik/data/{slug}.json`): its errors are JSON too.
    var isJSONTwin: Bool { url.path.hasPrefix("/publik/") && url.path.hasSuffix(".json") }
}
