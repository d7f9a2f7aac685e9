import Crypto
import Fluent
import Foundation
import Vapor
import WalidataCore

/// The office's own share image, replacing the default on `/publik/share.png`: a PNG or JPEG
/// of at least 1200×630 (smaller ones look blurred or are dropped by Facebook's card), kept in
/// the data directory like the kop's arms (so a backup carries it), its SHA-256 in the setting
/// `share.image`, which `og:image` adds as `?v=` so a new picture is a new address for the
/// channels' caches.
extension ShareImage {
    static let fileName = "share-image"
    static let settingKey = "share.image"
    /// WhatsApp drops previews of large pictures and island links are slow: 1 MB is plenty for
    /// a 1200×630 photo.
    static let maxBytes = 1024 * 1024
    static let maxSide = 4000

    static func path(dataDirectory: String) -> String {
        (dataDirectory as NSString).appendingPathComponent(fileName)
    }

    /// Why an upload is refused, in words the admin can act on; nil when it may be used.
    static func problem(with bytes: [UInt8]) -> Problem? {
        guard !bytes.isEmpty else { return Problem("share.error.empty") }
        guard bytes.count <= maxBytes else {
            return Problem("share.error.size", ByteCountText.format(Int64(bytes.count)), ByteCountText.format(Int64(maxBytes)))
        }
        guard let header = ImageHeader(bytes) else { return Problem("share.error.type") }
        guard header.width >= width, header.height >= height else {
            return Problem("share.error.small", String(header.width), String(header.height))
        }
        guard header.width <= maxSide, header.height <= maxSide else {
            return Problem("share.error.large", String(header.width), String(header.height), String(maxSide))
        }
        return nil
    }

    /// The stored picture: its hash and header, or nil for the default.
    struct Custom: Sendable, Equatable {
        var hash: String
        var header: ImageHeader
    }

    static func custom(dataDirectory: String, on db: any Database) async throws -> Custom? {
        guard let hash = try await Setting.get(settingKey, on: db), LetterheadArms.isHash(hash),
              let data = FileManager.default.contents(atPath: path(dataDirectory: dataDirectory)),
              let header = ImageHeader(Array(data)) else { return nil }
        return Custom(hash: hash, header: header)
    }

    /// Stores a checked picture; a failure leaves the old one (`SettingFile.store`).
    static func store(_ bytes: [UInt8], dataDirectory: String, by user: User, on db: any Database) async throws {
        try await SettingFile.store(bytes, at: path(dataDirectory: dataDirectory), settingKey: settingKey, by: user, on: db)
    }

    /// Back to the default picture.
    static func remove(dataDirectory: String, by user: User, on db: any Database) async throws {
        try await SettingFile.remove(at: path(dataDirectory: dataDirectory), settingKey: settingKey, by: user, on: db)
    }

    /// The address `og:image` names: with the stored picture's hash, so a replaced picture is
    /// fetched again.
    static func address(_ config: AppConfig, custom: Custom?) -> String {
        config.publicURL(SiteURL.shareImage.path) + (custom.map { "?v=" + $0.hash.prefix(16) } ?? "")
    }

    struct UploadForm: Content { var image: File? }

    @Sendable static func upload(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let bytes = (try? req.content.decode(UploadForm.self))?.image.map { Array(buffer: $0.data) } ?? []
        if let problem = problem(with: bytes) {
            let status: HTTPResponseStatus = problem.key == "share.error.size" ? .payloadTooLarge : .unprocessableEntity
            return try await ChannelsController.page(req, problems: [problem]).encodeResponse(status: status, for: req)
        }
        try await store(bytes, dataDirectory: req.application.walidata.dataDirectory, by: user, on: req.db)
        req.flash(.ok, "share.saved")
        return req.redirect(to: SiteURL.channels.path + "#share-image")
    }

    @Sendable static func removeUpload(_ req: Request) async throws -> Response {
        try await remove(dataDirectory: req.application.walidata.dataDirectory, by: try req.requireUser(), on: req.db)
        req.flash(.ok, "share.removed")
        return req.redirect(to: SiteURL.channels.path + "#share-image")
    }
}
