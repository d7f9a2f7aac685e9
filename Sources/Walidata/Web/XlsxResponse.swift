import Vapor
import WalidataTables

/// A small workbook made in memory (a dashboard, a log) as a signed-in user's download.
enum XlsxResponse {
    static func make(_ bytes: [UInt8], filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: XlsxWriter.mediaType)
        headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(filename: filename))
        headers.replaceOrAdd(name: .cacheControl, value: DownloadCaching.privateValue)
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }
}
