import Crypto
import Foundation
import NIOCore
import NIOPosix
import Vapor

/// Files live outside the database, named by their SHA-256: `blobs/ab/cdef…`. An upload is
/// streamed to a temporary file while it is hashed, synced, then renamed into place; only then
/// may a database row point at it. A file is never half-visible, and the same content is
/// stored once.
struct BlobStore: Sendable {
    let root: String
    let temporary: String

    init(dataDirectory: String) {
        root = (dataDirectory as NSString).appendingPathComponent("blobs")
        temporary = (dataDirectory as NSString).appendingPathComponent("tmp")
    }

    struct Received: Sendable {
        var hash: String
        var size: Int64
        var path: String
    }

    enum ReceiveError: Error {
        case tooLarge(limit: Int64)
        case empty
    }

    func path(for hash: String) -> String {
        precondition(hash.count == 64 && hash.allSatisfy(\.isHexDigit), "not a SHA-256 hex digest")
        return "\(root)/\(hash.prefix(2))/\(hash.dropFirst(2))"
    }

    func exists(_ hash: String) -> Bool { FileManager.default.fileExists(atPath: path(for: hash)) }

    /// Streams `chunks` to disk. Anything that goes wrong (too large, connection cut, disk
    /// full) removes the temporary file before the error is passed on.
    func receive<Chunks: AsyncSequence>(_ chunks: Chunks, limit: Int64, io: NonBlockingFileIO) async throws -> Received where Chunks.Element == ByteBuffer {
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let tempPath = "\(temporary)/upload-\(UUID().uuidString)"
        var hasher = SHA256()
        var size: Int64 = 0
        do {
            try await io.withFileHandle(_deprecatedPath: tempPath, mode: .write, flags: .allowFileCreation(posixMode: 0o640)) { handle in
                for try await chunk in chunks {
                    size += Int64(chunk.readableBytes)
                    if size > limit { throw ReceiveError.tooLarge(limit: limit) }
                    chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
                    try await io.write(fileHandle: handle, buffer: chunk)
                }
                guard size > 0 else { throw ReceiveError.empty }
                try Self.sync(handle)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: tempPath)
            throw error
        }
        let hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let final = path(for: hash)
        do {
            try FileManager.default.createDirectory(atPath: (final as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // Reusing a stored copy: touching it first tells a sweep running now that it is
            // wanted again (see `OrphanSweep`); if the sweep took it even so, ours goes in place.
            if utime(final, nil) == 0, FileManager.default.fileExists(atPath: final) {
                try FileManager.default.removeItem(atPath: tempPath)
            } else {
                guard rename(tempPath, final) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
                Self.syncDirectory((final as NSString).deletingLastPathComponent)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: tempPath)
            throw error
        }
        return Received(hash: hash, size: size, path: final)
    }

    /// Stores bytes already in memory (small files made by Walidata itself).
    func store(_ data: Data, io: NonBlockingFileIO) async throws -> Received {
        let buffer = ByteBuffer(data: data)
        return try await receive(SingleChunk(buffer: buffer), limit: .max, io: io)
    }

    /// Recomputes a stored file's SHA-256, reading it in chunks.
    func rehash(_ hash: String) throws -> String? {
        guard let handle = FileHandle(forReadingAtPath: path(for: hash)) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            hasher.update(data: data)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func sync(_ handle: NIOFileHandle) throws {
        try handle.withUnsafeFileDescriptor { fd in
            guard fsync(fd) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        }
    }

    /// After a rename, the directory entry itself must reach the disk too.
    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

/// An async sequence of one buffer, for `BlobStore.store`.
private struct SingleChunk: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let buffer: ByteBuffer

    struct AsyncIterator: AsyncIteratorProtocol {
        var buffer: ByteBuffer?
        mutating func next() async throws -> ByteBuffer? {
            defer { buffer = nil }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(buffer: buffer) }
}

extension Application {
    var blobs: BlobStore { BlobStore(dataDirectory: walidata.dataDirectory) }
}
