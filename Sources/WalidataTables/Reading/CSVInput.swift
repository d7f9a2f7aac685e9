import Foundation

/// The decoded bytes of a CSV file, one window at a time: reads chunks with `read(2)`, checks
/// the first one for binary content, drops a UTF-8 byte order mark, and either validates UTF-8
/// or converts Windows-1252 to UTF-8. Memory stays at one chunk plus the longest record.
final class CSVInput {
    enum Mode {
        case utf8
        case windows1252
    }

    /// Why reading stopped before the end of the file.
    enum Stop: Error {
        case notText(ContentSniffer.Verdict)
        /// The bytes are not UTF-8; the caller starts again in `.windows1252` mode.
        case notUTF8
        case zeroByte(offset: Int)
    }

    let mode: Mode
    let chunkSize: Int
    private let source: FileChunkReader
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// First byte not yet consumed by the parser.
    var start = 0
    private(set) var end = 0
    private(set) var eof = false
    private(set) var sawByteOrderMark = false
    /// The last byte of the decoded text so far.
    private(set) var lastByte: UInt8?
    /// Bytes read from the file so far (before conversion).
    private(set) var bytesRead = 0
    private var validator = UTF8Validator()
    private var rawChunk: UnsafeMutablePointer<UInt8>?

    init(path: String, mode: Mode, chunkSize: Int) throws {
        source = try FileChunkReader(path: path)
        self.mode = mode
        self.chunkSize = chunkSize
        capacity = 2 * (mode == .utf8 ? 1 : 3) * max(chunkSize, ContentSniffer.sampleSize)
        buffer = .allocate(capacity: capacity)
        if mode == .windows1252 { rawChunk = .allocate(capacity: max(chunkSize, ContentSniffer.sampleSize)) }
    }

    deinit {
        buffer.deallocate()
        rawChunk?.deallocate()
    }

    var pendingBytes: Int { end - start }

    /// Moves the unconsumed bytes to the front and reads the next chunk after them, growing the
    /// buffer when one record does not fit. Throws `Stop` for binary or non-UTF-8 input.
    func fill() throws {
        guard !eof else { return }
        if start > 0 {
            if end > start { memmove(buffer, buffer + start, end - start) }
            end -= start
            start = 0
        }
        let isFirst = bytesRead == 0
        // The first read covers the whole sample that sniffing and delimiter detection look at.
        let count = isFirst ? max(chunkSize, ContentSniffer.sampleSize) : chunkSize
        let perByte = mode == .utf8 ? 1 : 3
        if capacity - end < count * perByte { grow(to: end + count * perByte) }
        let target = mode == .utf8 ? buffer + end : rawChunk!
        let n = try source.read(into: target, count: count)
        if n < count { eof = true }
        defer { bytesRead += n }
        if isFirst {
            let verdict = ContentSniffer.sniff(target, count: n)
            if verdict != .text { throw Stop.notText(verdict) }
        }
        var skip = 0
        if isFirst, n >= 3, target[0] == 0xEF, target[1] == 0xBB, target[2] == 0xBF {
            sawByteOrderMark = true
            skip = 3
        }
        switch mode {
        case .utf8:
            switch validator.validate(target + skip, count: n - skip, offset: bytesRead + skip) {
            case .valid: break
            case .invalid: throw Stop.notUTF8
            case .zeroByte(let offset): throw Stop.zeroByte(offset: offset)
            }
            if eof, !validator.isComplete { throw Stop.notUTF8 }
            if skip > 0 { memmove(buffer + end, buffer + end + skip, n - skip) }
            end += n - skip
            if n > skip { lastByte = buffer[end - 1] }
        case .windows1252:
            let (written, zero) = Windows1252.transcode(target + skip, count: n - skip, into: buffer + end)
            if let zero { throw Stop.zeroByte(offset: bytesRead + skip + zero) }
            end += written
            if written > 0 { lastByte = buffer[end - 1] }
        }
    }

    private func grow(to minimum: Int) {
        var newCapacity = capacity
        while newCapacity < minimum { newCapacity *= 2 }
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        new.update(from: buffer, count: end)
        buffer.deallocate()
        buffer = new
        capacity = newCapacity
    }
}
