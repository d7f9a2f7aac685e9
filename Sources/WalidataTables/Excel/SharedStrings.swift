import Foundation

/// The workbook's table of shared strings (`xl/sharedStrings.xml`), which every text cell of
/// an `.xlsx` points into. A sheet of a million distinct names has a table of tens of MB; it
/// is written to an unlinked temporary file and mapped, so its pages are file-backed (the
/// kernel may drop them under pressure) instead of adding to the process's own memory. Only
/// the offsets (8 bytes a string) stay on the heap.
final class SharedStrings {
    private var offsets: [Int] = [0]
    private var handle: FileHandle?
    private var fileBuffer: [UInt8] = []
    private var mapped: UnsafeRawPointer?
    private var mappedLength = 0

    var count: Int { offsets.count - 1 }

    init() {}

    deinit {
        if let mapped { munmap(UnsafeMutableRawPointer(mutating: mapped), mappedLength) }
        try? handle?.close()
    }

    /// Reads the table from the archive (absent: a workbook without text cells).
    static func read(_ archive: WorkbookArchive, path: String?) throws -> SharedStrings {
        let strings = SharedStrings()
        if let path {
            var handler = Handler(strings: strings)
            try archive.read(path, into: &handler)
        }
        try strings.seal()
        return strings
    }

    func append(_ bytes: [UInt8]) throws {
        if handle == nil { try open() }
        fileBuffer.append(contentsOf: bytes)
        offsets.append(offsets[offsets.count - 1] + bytes.count)
        if fileBuffer.count >= 1 << 20 { try flush() }
    }

    /// The string's UTF-8 bytes, valid while this table lives; nil for a bad index.
    func bytes(_ index: Int) -> XMLBytes? {
        guard index >= 0, index < count else { return nil }
        let start = offsets[index], end = offsets[index + 1]
        guard let mapped else { return XMLBytes(start: nil, count: 0) }
        return XMLBytes(start: mapped.assumingMemoryBound(to: UInt8.self) + start, count: end - start)
    }

    private func open() throws {
        let path = NSTemporaryDirectory() + "walidata-sst-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw TablesError.fileNotWritable(path, reason: "temporary file")
        }
        handle = FileHandle(forUpdatingAtPath: path)
        unlink(path)
    }

    private func flush() throws {
        guard !fileBuffer.isEmpty else { return }
        try handle?.write(contentsOf: fileBuffer)
        fileBuffer.removeAll(keepingCapacity: true)
    }

    private func seal() throws {
        try flush()
        fileBuffer = []
        let length = offsets[offsets.count - 1]
        guard let handle, length > 0 else { return }
        let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, handle.fileDescriptor, 0)
        guard let p, p != MAP_FAILED else { throw TablesError.fileNotWritable("shared strings", reason: "mmap") }
        mapped = UnsafeRawPointer(p)
        mappedLength = length
    }

    /// `<si>` is one string: plain `<t>`, or rich-text runs `<r><t>…</t></r>` joined; the
    /// phonetic guides `<rPh>` are not part of the value.
    private struct Handler: XMLHandler {
        let strings: SharedStrings
        var inText = false
        var inPhonetic = false
        var value: [UInt8] = []

        mutating func start(_ name: XMLBytes, _ tag: XMLTag) throws {
            if XMLName.local(name, is: "t") { inText = !inPhonetic }
            else if XMLName.local(name, is: "rPh") { inPhonetic = true }
            else if XMLName.local(name, is: "si") { value.removeAll(keepingCapacity: true) }
        }

        mutating func end(_ name: XMLBytes) throws {
            if XMLName.local(name, is: "t") { inText = false }
            else if XMLName.local(name, is: "rPh") { inPhonetic = false }
            else if XMLName.local(name, is: "si") {
                let text = value.contains(0x26) || value.contains(0x5F) ? Array(XMLText.decode(value).utf8) : value
                try strings.append(Array(text.prefix(ExcelLimits.maximumCellBytes)))
            }
        }

        mutating func text(_ bytes: XMLBytes) throws {
            if inText, value.count < ExcelLimits.maximumCellBytes * 2 { value.append(contentsOf: bytes) }
        }
    }
}

enum ExcelLimits {
    /// Excel keeps at most 32,767 characters in a cell; UTF-8 may need up to 3 bytes each.
    static let maximumCellBytes = 32_767 * 3
    /// XFD, Excel's last column.
    static let maximumColumn = 16_384
}
