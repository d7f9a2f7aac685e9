import Foundation

/// Reads a file with plain `read(2)` into caller-owned memory, so no chunk is ever copied
/// through `Data`.
final class FileChunkReader {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw TablesError.fileNotReadable(path, errno: errno) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw TablesError.fileNotReadable(path, errno: EISDIR)
        }
    }

    deinit { close(fd) }

    /// Fills up to `count` bytes; returns fewer only at the end of the file, 0 after it.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        var total = 0
        while total < count {
            let n = Glibc.read(fd, buffer + total, count - total)
            if n < 0 {
                if errno == EINTR { continue }
                throw TablesError.fileNotReadable(path, errno: errno)
            }
            if n == 0 { break }
            total += n
        }
        return total
    }
}
