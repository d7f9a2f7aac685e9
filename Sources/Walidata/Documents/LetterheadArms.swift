import Crypto
import Fluent
import Foundation
import Vapor
import WalidataCore

/// The regency's arms for the kop surat, uploaded by the admin: one PNG or JPEG file in the data
/// directory (so a backup carries it, `BackupLayout.dataDirectoryFiles`), its SHA-256 in the
/// setting `letterhead.arms` so prints can name the current picture. Until one is uploaded the
/// prints show the generic emblem.
enum LetterheadArms {
    static let fileName = "kop-lambang"
    /// A kop needs a picture about 2.5 cm tall; 512 KB is a generous PNG of that.
    static let maxBytes = 512 * 1024
    static let maxSide = 4000

    static func path(dataDirectory: String) -> String {
        (dataDirectory as NSString).appendingPathComponent(fileName)
    }

    static func isHash(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// Why an upload is refused, in words the admin can act on; nil when it may be used.
    static func problem(with bytes: [UInt8]) -> Problem? {
        guard !bytes.isEmpty else { return Problem("settings.arms.error.empty") }
        guard bytes.count <= maxBytes else {
            return Problem("settings.arms.error.size", ByteCountText.format(Int64(bytes.count)), ByteCountText.format(Int64(maxBytes)))
        }
        guard let header = ImageHeader(bytes) else { return Problem("settings.arms.error.type") }
        guard header.width <= maxSide, header.height <= maxSide else {
            return Problem("settings.arms.error.pixels", String(header.width), String(header.height), String(maxSide))
        }
        return nil
    }

    /// Stores a checked picture; a failure leaves the old one (`SettingFile.store`).
    static func store(_ bytes: [UInt8], dataDirectory: String, by user: User, on db: any Database) async throws {
        try await SettingFile.store(bytes, at: path(dataDirectory: dataDirectory), settingKey: Letterhead.keys.arms, by: user, on: db)
    }

    /// Back to the generic emblem.
    static func remove(dataDirectory: String, by user: User, on db: any Database) async throws {
        try await SettingFile.remove(at: path(dataDirectory: dataDirectory), settingKey: Letterhead.keys.arms, by: user, on: db)
    }

    /// `/kop/lambang`: the stored picture with its own media type, or the generic emblem. The
    /// prints add `?v=` with the picture's hash, so a new upload is a new address and the old
    /// one may be cached.
    static func response(_ req: Request) async throws -> Response {
        let file = path(dataDirectory: req.application.walidata.dataDirectory)
        let response: Response
        if let data = FileManager.default.contents(atPath: file), let header = ImageHeader(Array(data)) {
            response = Response(status: .ok, body: .init(data: data))
            response.headers.contentType = HTTPMediaType(type: "image", subType: header.kind == .png ? "png" : "jpeg")
        } else {
            response = Response(status: .ok, body: .init(string: SOPSheet.emblem))
            response.headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: req.query[String.self, at: "v"] == nil ? "private, no-cache" : "private, max-age=86400")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}
