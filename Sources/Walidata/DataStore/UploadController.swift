import Fluent
import MultipartKit
import NIOConcurrencyHelpers
import Vapor
import WalidataCore

/// Receiving a file for a dataset. The body is streamed to the blob store, never held whole
/// in memory. Two forms arrive here: the raw file as the body (the page's upload script and
/// the API; name and note in the query), or a multipart form (the same page without script).
enum UploadController {
    struct Received: Sendable {
        var blob: BlobStore.Received
        var filename: String
        var note: String
    }

    /// Streams the request's file to the blob store and returns it with its name and note.
    static func receive(_ req: Request) async throws -> Received {
        let limit = req.application.walidata.maxUploadBytes
        if let declared = req.headers.first(name: .contentLength).flatMap(Int64.init), declared > limit {
            throw tooLarge(limit)
        }
        let blobs = req.application.blobs
        do {
            if let boundary = req.headers.contentType.flatMap({ $0.type == "multipart" ? $0.parameters["boundary"] : nil }) {
                return try await receiveMultipart(req, boundary: boundary, limit: limit, blobs: blobs)
            }
            let blob = try await blobs.receive(req.body, limit: limit, io: req.application.fileio)
            return Received(
                blob: blob,
                filename: DatasetRules.safeFilename(req.query[String.self, at: "filename"] ?? "berkas"),
                note: (req.query[String.self, at: "note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            )
        } catch BlobStore.ReceiveError.tooLarge {
            throw tooLarge(limit)
        } catch BlobStore.ReceiveError.empty {
            throw UserError(.unprocessableEntity, "upload.error.empty")
        }
    }

    private static func tooLarge(_ limit: Int64) -> UserError {
        UserError(.payloadTooLarge, "upload.error.too_large", ByteCountText.format(limit))
    }

    /// Multipart without buffering: the parser runs over the body as it arrives and hands the
    /// `file` part's bytes straight to the blob store; other parts are small text fields.
    private static func receiveMultipart(_ req: Request, boundary: String, limit: Int64, blobs: BlobStore) async throws -> Received {
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        let state = MultipartState()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name: name, value: value) }
        parser.onBody = { buffer in
            if state.inFilePart { continuation.yield(buffer) } else { state.appendField(buffer) }
        }
        parser.onPartComplete = {
            if state.inFilePart { continuation.finish() }
            state.partComplete()
        }
        let body = req.body
        let producer = Task { [parser = UncheckedBox(parser)] in
            do {
                for try await chunk in body { try parser.value.execute(chunk) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
                throw error
            }
        }
        let blob: BlobStore.Received
        do {
            blob = try await blobs.receive(stream, limit: limit, io: req.application.fileio)
        } catch {
            producer.cancel()
            throw error
        }
        try await producer.value
        guard let filename = state.filename else { throw UserError(.badRequest, "upload.error.no_file") }
        // The multipart note is read here, not by a body decoder, so it is checked here.
        let note = state.fields["note"] ?? ""
        try StoredText.check(note, field: "note")
        return Received(blob: blob, filename: DatasetRules.safeFilename(filename), note: note)
    }
}

/// What the multipart callbacks have seen so far. The parser calls them one at a time.
private final class MultipartState: @unchecked Sendable {
    private(set) var fields: [String: String] = [:]
    private(set) var filename: String?
    private var currentName: String?
    private var currentIsFile = false
    private var fieldBytes: [UInt8] = []

    var inFilePart: Bool { currentIsFile }

    func header(name: String, value: String) {
        guard name.lowercased() == "content-disposition" else { return }
        // Parsed properly: `filename="a;b.csv"` is `a;b.csv`, and `filename*=UTF-8''…` wins.
        let disposition = DispositionHeader(value)
        currentName = disposition.name
        if currentName == "file", let file = disposition.filename {
            currentIsFile = true
            filename = file
        }
    }

    func appendField(_ buffer: ByteBuffer) {
        // Text fields are capped; anything longer is not a note.
        if fieldBytes.count < 10_000 { fieldBytes += buffer.readableBytesView.prefix(10_000 - fieldBytes.count) }
    }

    func partComplete() {
        if let name = currentName, !currentIsFile {
            fields[name] = String(decoding: fieldBytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        currentName = nil
        currentIsFile = false
        fieldBytes = []
    }
}

private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
