#if canImport(zlib)
import zlib
#else
import CZlib
#endif

/// A ZIP archive written front to back into a chunk consumer, each entry deflated as it comes
/// and its CRC and sizes put in a data descriptor after it (general purpose flag bit 3), so
/// nothing is held back and nothing is ever rewritten.
///
/// ZIPFoundation's `Archive` cannot do this: it writes through a seekable file or an in-memory
/// buffer and goes back to patch each local header once the entry's sizes are known, so a
/// download would either wait for the whole workbook on disk or hold it in memory. Its
/// deflate (`Data.encode`) is internal and pulls its input from a provider, while rows are
/// pushed. The zlib it links (the `CZlib` module) is used directly instead.
///
/// Plain ZIP, not ZIP64 (Excel for Mac warns about ZIP64 in small files, and a streamed
/// entry has to choose before its size is known): an entry or the archive past 4 GiB throws
/// `TablesError.xlsxTooLarge`.
final class ZipStreamWriter {
    private struct Entry {
        var name: [UInt8]
        var offset: UInt64
        var crc: UInt32 = 0
        var compressedSize: UInt64 = 0
        var size: UInt64 = 0
    }

    static let outputChunk = 64 * 1024
    private static let limit: UInt64 = 0xFFFF_FFFF

    private let sink: (UnsafeRawBufferPointer) throws -> Void
    private var output: [UInt8] = []
    private var written: UInt64 = 0
    private var entries: [Entry] = []
    private var current: Entry?
    private var stream = z_stream()
    private var streamOpen = false
    private let dosTime: UInt16
    private let dosDate: UInt16
    private var deflateBuffer = [UInt8](repeating: 0, count: outputChunk)

    /// `year…second` is the entries' modification time (local time, as ZIP has it).
    init(modified: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int),
         sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
        let year = min(max(modified.year, 1980), 2107)
        dosDate = UInt16((year - 1980) << 9 | modified.month << 5 | modified.day)
        dosTime = UInt16(modified.hour << 11 | modified.minute << 5 | modified.second / 2)
        output.reserveCapacity(Self.outputChunk * 2)
    }

    deinit {
        if streamOpen { deflateEnd(&stream) }
    }

    func beginEntry(_ name: String) throws {
        precondition(current == nil, "an entry is already open")
        // Where its header starts: what went out, plus what is still in the buffer.
        let entry = Entry(name: Array(name.utf8), offset: written + UInt64(output.count))
        guard entry.offset < Self.limit else { throw TablesError.xlsxTooLarge() }
        // Local file header: sizes and CRC are zero here and follow in the data descriptor.
        append32(0x0403_4B50)
        append16(20)
        append16(0x0808) // bit 3: data descriptor; bit 11: the name is UTF-8
        append16(8)
        append16(dosTime)
        append16(dosDate)
        append32(0)
        append32(0)
        append32(0)
        append16(UInt16(entry.name.count))
        append16(0)
        output.append(contentsOf: entry.name)
        stream = z_stream()
        let result = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard result == Z_OK else { throw TablesError.exportAborted(ZipFailure(code: result)) }
        streamOpen = true
        current = entry
        try emitIfFull()
    }

    /// Deflates `bytes` into the open entry.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var entry = current else { preconditionFailure("no entry is open") }
        guard bytes.count > 0, let base = bytes.baseAddress else { return }
        entry.crc = UInt32(crc32(uLong(entry.crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
        entry.size += UInt64(bytes.count)
        guard entry.size <= Self.limit else { throw TablesError.xlsxTooLarge() }
        current = entry
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(bytes.count)
        try deflateAll(flush: Z_NO_FLUSH)
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func endEntry() throws {
        guard var entry = current else { preconditionFailure("no entry is open") }
        stream.next_in = nil
        stream.avail_in = 0
        try deflateAll(flush: Z_FINISH)
        entry.compressedSize = stream.total_out_64
        deflateEnd(&stream)
        streamOpen = false
        guard entry.compressedSize <= Self.limit else { throw TablesError.xlsxTooLarge() }
        append32(0x0807_4B50)
        append32(entry.crc)
        append32(UInt32(entry.compressedSize))
        append32(UInt32(entry.size))
        entries.append(entry)
        current = nil
        try emitIfFull()
    }

    /// A whole entry at once, for the workbook's small parts.
    func entry(_ name: String, _ text: String) throws {
        try beginEntry(name)
        try write(Array(text.utf8))
        try endEntry()
    }

    /// The central directory and its end record; the archive is complete after this.
    func finish() throws {
        precondition(current == nil, "an entry is still open")
        let directoryStart = written + UInt64(output.count)
        for entry in entries {
            append32(0x0201_4B50)
            append16(20)
            append16(20)
            append16(0x0808)
            append16(8)
            append16(dosTime)
            append16(dosDate)
            append32(entry.crc)
            append32(UInt32(entry.compressedSize))
            append32(UInt32(entry.size))
            append16(UInt16(entry.name.count))
            append16(0)
            append16(0)
            append16(0)
            append16(0)
            append32(0)
            append32(UInt32(entry.offset))
            output.append(contentsOf: entry.name)
        }
        let directorySize = written + UInt64(output.count) - directoryStart
        guard directoryStart + directorySize < Self.limit, entries.count < 0xFFFF else { throw TablesError.xlsxTooLarge() }
        append32(0x0605_4B50)
        append16(0)
        append16(0)
        append16(UInt16(entries.count))
        append16(UInt16(entries.count))
        append32(UInt32(directorySize))
        append32(UInt32(directoryStart))
        append16(0)
        try emit()
    }

    private func deflateAll(flush: Int32) throws {
        try deflateBuffer.withUnsafeMutableBufferPointer { buffer in
            repeat {
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                let result = deflate(&stream, flush)
                guard result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR else {
                    throw TablesError.exportAborted(ZipFailure(code: result))
                }
                let produced = buffer.count - Int(stream.avail_out)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<produced]))
                try emitIfFull()
                if flush == Z_FINISH, result == Z_STREAM_END { return }
            } while stream.avail_out == 0 || (flush == Z_FINISH)
        }
    }

    private func emitIfFull() throws {
        if output.count >= Self.outputChunk { try emit() }
    }

    private func emit() throws {
        guard !output.isEmpty else { return }
        do {
            try output.withUnsafeBytes { try sink($0) }
        } catch let error as TablesError {
            throw error
        } catch {
            throw TablesError.exportAborted(error)
        }
        written += UInt64(output.count)
        output.removeAll(keepingCapacity: true)
    }

    private func append16(_ value: UInt16) {
        output.append(UInt8(value & 0xFF))
        output.append(UInt8(value >> 8))
    }

    private func append32(_ value: UInt32) {
        append16(UInt16(value & 0xFFFF))
        append16(UInt16(value >> 16))
    }

    struct ZipFailure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "zlib error \(code)" }
    }
}

private extension z_stream {
    /// `total_out` is a `uLong`: 64 bits on the platforms Walidata runs on.
    var total_out_64: UInt64 { UInt64(total_out) }
}
