import Foundation
import Vapor
import WalidataCore

/// The server side of `StoredTextRule`: every text a request brings (query parameters, URL-encoded
/// forms, JSON bodies) is checked field by field before a handler sees it, so no handler can store
/// a NUL or an over-long title by forgetting a check. Streamed uploads carry their note in the
/// query (checked here) or in a multipart part (checked by `UploadController`).
///
/// A field's kind comes from its name, the last part of its form key or its JSON key
/// (`steps[3][activity]` → `activity`); a name not listed below is a document (`long`), so an
/// unforeseen field is still bounded and may have lines.
enum StoredText {
    static let kinds: [String: StoredTextRule.Kind] = {
        var kinds: [String: StoredTextRule.Kind] = [:]
        for name in lineFields { kinds[name] = .line }
        for name in noteFields { kinds[name] = .note }
        return kinds
    }()

    /// One-line fields: names, titles, codes, numbers, people, places, search words, passwords.
    static let lineFields = [
        "title", "name", "code", "username", "fullName", "nip", "email", "phone", "subject", "nomor", "number",
        "namaSOP", "signerName", "signerNIP", "signerTitle", "contact", "contactName", "tags", "topic", "unit",
        "source", "place", "requesterName", "disahkanJabatan", "key", "q", "slug", "password", "current",
        "confirm", "coverage", "period", "nature", "standard", "language", "state", "role", "from", "to", "date", "start",
    ]

    /// A few paragraphs: notes, reasons, the SOP's step and header texts, letter addressees.
    static let noteFields = [
        "note", "reason", "overrideReason", "changeNote", "activity", "activityEnglish", "requirement", "output", "time", "recipient",
        "copies", "conveyed", "dasarHukum", "keterkaitan", "kualifikasiPelaksana", "pencatatan", "peralatan",
        "peringatan", "address", "attachment",
    ]

    static func kind(of field: String) -> StoredTextRule.Kind { kinds[field] ?? .long }

    /// `steps[3][activity]` → `activity`; `note` → `note`.
    static func fieldName(_ key: String) -> String {
        let parts = key.split(whereSeparator: { $0 == "[" || $0 == "]" }).filter { Int($0) == nil }
        return parts.last.map(String.init) ?? key
    }

    /// Refuses `value` with 422 and a message naming `field` when it may not be stored.
    static func check(_ value: String, field key: String, kind: StoredTextRule.Kind? = nil) throws {
        let field = fieldName(key)
        if let problem = StoredTextRule.problem(in: value, kind: kind ?? self.kind(of: field)) {
            throw Refusal(field: field, problem: problem)
        }
    }

    /// Not checked here: the CSRF token (never stored), and upload file names, which come from the
    /// sender's file system rather than their typing and are cleaned instead of refused
    /// (`DatasetRules.safeFilename` drops control characters and keeps at most 200 characters).
    static let uncheckedKeys: Set<String> = [CSRF.fieldName, "filename"]

    static func check(_ pairs: [(String, String)]) throws {
        for (key, value) in pairs where !uncheckedKeys.contains(key) { try check(value, field: key) }
    }

    /// A text that may not be stored; the message names the field (in the page's language) and
    /// says what to do. `WalidataErrorMiddleware` renders it like a `UserError`.
    struct Refusal: AbortError {
        var field: String
        var problem: StoredTextRule.Problem

        var status: HTTPResponseStatus { .unprocessableEntity }
        var reason: String {
            let t = Translator(lang: .en), (key, arguments) = message(t)
            return t(key, arguments)
        }

        /// The message's key and arguments for a reader of `t`'s language. A page names the field by
        /// its label; the API (`byKey`) by the key the client sent.
        func message(_ t: Translator, byKey: Bool = false) -> (String, [String]) {
            let label = !byKey && Strings.table["field." + field] != nil ? t("field." + field) : field
            switch problem {
            case .forbidden(let scalar, let position):
                return ("text.error.forbidden", [label, StoredTextRule.codePoint(scalar), String(position)])
            case .lineBreak:
                return ("text.error.line_break", [label])
            case .tooLong(let count, let limit):
                return ("text.error.too_long", [label, String(limit), String(count)])
            }
        }
    }

    // MARK: Reading what a request brings

    /// The fields of a URL-encoded string (a query or a form body), decoded, in order.
    static func formPairs(_ encoded: String) -> [(String, String)] {
        encoded.split(separator: "&", omittingEmptySubsequences: true).compactMap { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? { FormText.decode(s) }
            guard let key = decode(pieces[0]) else { return nil }
            // Undecodable text is left to the real decoder, which refuses it.
            guard let value = pieces.count > 1 ? decode(pieces[1]) : "" else { return nil }
            return (key, value)
        }
    }

    /// Every string in a JSON document with the key it stands under (array items: the array's key).
    static func jsonPairs(_ data: Data) -> [(String, String)] {
        guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return [] }
        var pairs: [(String, String)] = []
        func walk(_ value: Any, key: String) {
            if let string = value as? String {
                pairs.append((key, string))
            } else if let object = value as? [String: Any] {
                for (childKey, child) in object { walk(child, key: childKey) }
            } else if let array = value as? [Any] {
                for child in array { walk(child, key: key) }
            }
        }
        walk(root, key: "")
        return pairs
    }

    /// A body decoder that checks every text before handing the body to `base`.
    struct CheckingDecoder: ContentDecoder {
        enum Format: Sendable { case form, json }
        let base: any ContentDecoder
        let format: Format

        func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
            try decode(decodable, from: body, headers: headers, userInfo: [:])
        }

        func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
            switch format {
            case .form: try StoredText.check(formPairs(String(buffer: body)))
            case .json: try StoredText.check(jsonPairs(Data(buffer: body)))
            }
            return try base.decode(decodable, from: body, headers: headers, userInfo: userInfo)
        }
    }

    /// Checks every query parameter of every request, pages and API alike. (Handlers read the query
    /// with `req.query[…]`, which turns a decoding error into "absent", so the check cannot live there.)
    struct QueryGuard: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            if let query = request.url.query, !query.isEmpty {
                try StoredText.check(StoredText.formPairs(query))
            }
            return try await next.respond(to: request)
        }
    }
}

extension StoredText.Refusal {
    /// The refusal as a form problem, for a page that shows the form again.
    func problem(_ t: Translator) -> Problem {
        let (key, arguments) = message(t)
        var problem = Problem(key)
        problem.arguments = arguments
        return problem
    }
}

extension Request {
    /// Decodes a page's URL-encoded form. Text that may not be stored does not end the request here:
    /// the form comes back as typed with the refusal as a problem, so the page can show the form
    /// again with the message and keep what was typed. (The handler must not store it then.)
    func decodeForm<T: Decodable>(_ type: T.Type) throws -> (T, [Problem]) {
        do {
            return (try content.decode(T.self), [])
        } catch let refusal as StoredText.Refusal {
            guard let body = body.data, headers.contentType == .urlEncodedForm else { throw refusal }
            return (try URLEncodedFormDecoder().decode(T.self, from: body, headers: headers), [refusal.problem(t)])
        }
    }
}

extension Request {
    /// `try? content.decode(T.self)` for optional bodies, except that text which may not be stored is
    /// still refused: swallowing the refusal would drop the text silently (a step completed without its note).
    func decodeIfPresent<T: Decodable>(_ type: T.Type) throws -> T? {
        do {
            return try content.decode(T.self)
        } catch let refusal as StoredText.Refusal {
            throw refusal
        } catch {
            return nil
        }
    }
}

extension UserError {
    /// A form problem as an error, for handlers that show a refusal beside their form.
    init(_ status: HTTPResponseStatus, _ problem: Problem) {
        self.init(status, problem.key)
        arguments = problem.arguments
    }
}
