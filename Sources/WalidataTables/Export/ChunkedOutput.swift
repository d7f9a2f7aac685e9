/// Collects output bytes and hands them on in chunks of about 64 KiB, so an export of any size
/// holds one chunk in memory and calls its writer a few times per megabyte.
struct ChunkedOutput {
    static let chunkSize = 64 * 1024
    private var buffer: [UInt8] = []
    private let write: (UnsafeRawBufferPointer) throws -> Void

    init(_ write: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.write = write
        buffer.reserveCapacity(Self.chunkSize + 1024)
    }

    /// Bytes held and not passed on yet.
    var count: Int { buffer.count }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// Takes back the last byte written when it is `byte` (and has not been passed on yet).
    mutating func dropLast(ifEqualTo byte: UInt8) {
        if buffer.last == byte { buffer.removeLast() }
    }

    /// Passes the buffer on once it holds a chunk.
    mutating func rowDone() throws {
        if buffer.count >= Self.chunkSize { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try buffer.withUnsafeBytes { try write($0) }
        } catch let error as TablesError where error.code == .exportAborted || error.code == .xlsxTooLarge {
            // Already in words (an `.xlsx` writer's own limit, or its consumer's failure).
            throw error
        } catch {
            throw TablesError.exportAborted(error)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Where a writer shared by the export and `JSONOut` puts its bytes.
protocol ByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func append(_ text: String)
}

extension ChunkedOutput: ByteSink {}

extension Array: ByteSink where Element == UInt8 {
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
    mutating func append(_ text: String) { append(contentsOf: text.utf8) }
}
