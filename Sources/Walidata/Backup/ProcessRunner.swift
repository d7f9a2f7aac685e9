import Foundation

/// Runs an external program to completion without blocking a thread while it runs. Its output
/// goes to temporary files rather than pipes, so a chatty program can never fill a pipe buffer
/// and stall.
enum ProcessRunner {
    struct Failed: Error, CustomStringConvertible {
        var program: String
        var status: Int32
        var message: String
        var description: String {
            "\((program as NSString).lastPathComponent) failed (exit \(status)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
        }
    }

    /// Returns what the program printed on standard output; throws with its error output when
    /// it exits non-zero.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) async throws -> String {
        let dir = FileManager.default.temporaryDirectory.path
        let outPath = "\(dir)/walidata-run-\(UUID().uuidString).out"
        let errPath = "\(dir)/walidata-run-\(UUID().uuidString).err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try? out.close()
        try? err.close()
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failed(program: executable, status: status, message: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
        }
        return output
    }
}
