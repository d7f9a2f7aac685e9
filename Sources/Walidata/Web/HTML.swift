import Vapor
import WalidataCore

/// A fragment of HTML. Interpolating a `String` escapes it; interpolating `HTML` inserts it
/// as is. So text from users is escaped unless code deliberately says otherwise.
public struct HTML: Sendable, CustomStringConvertible, ExpressibleByStringInterpolation, Equatable {
    public private(set) var raw: String

    public init(raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { self.raw = value }
    public init(stringInterpolation: Interpolation) { self.raw = stringInterpolation.raw }

    public var description: String { raw }

    public static let empty = HTML(raw: "")

    public struct Interpolation: StringInterpolationProtocol {
        var raw = ""
        public init(literalCapacity: Int, interpolationCount: Int) { raw.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { raw += literal }
        public mutating func appendInterpolation(_ text: String) { raw += HTML.escape(text) }
        public mutating func appendInterpolation(_ text: String?) { raw += HTML.escape(text ?? "") }
        public mutating func appendInterpolation(_ value: Int) { raw += String(value) }
        public mutating func appendInterpolation(_ html: HTML) { raw += html.raw }
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { raw += part.raw } }
        public mutating func appendInterpolation(_ html: HTML?) { raw += html?.raw ?? "" }
    }

    /// The same escaping as the SOP drawing's SVG (one function for all markup): the five
    /// special characters become entities and control characters are dropped.
    public static func escape(_ text: String) -> String { SVGText.escape(text) }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(raw: lhs.raw + rhs.raw) }

    /// Joins fragments, e.g. rows built with `map`.
    public static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        HTML(raw: parts.map(\.raw).joined(separator: separator.raw))
    }

    /// `condition ? html : nothing`, for optional bits of markup.
    public static func when(_ condition: Bool, _ html: @autoclosure () -> HTML) -> HTML {
        condition ? html() : .empty
    }
}

extension HTML: AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: raw))
    }
}

/// A page with a status other than 200 (errors, forms re-shown with problems).
public struct HTMLPage: AsyncResponseEncodable {
    public var status: HTTPResponseStatus
    public var html: HTML

    public init(status: HTTPResponseStatus, _ html: HTML) {
        self.status = status
        self.html = html
    }

    public func encodeResponse(for request: Request) async throws -> Response {
        let response = try await html.encodeResponse(for: request)
        response.status = status
        return response
    }
}
