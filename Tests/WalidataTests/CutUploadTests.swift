import Fluent
import Foundation
import Testing
import Vapor
@testable import Walidata

#if canImport(Glibc)
import Glibc
#endif

@Suite("An upload cut off mid-stream")
struct CutUploadTests {
    /// A TCP connection to the test server, as a raw file descriptor.
    func connectLoopback(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    /// Sends the request head and part of the body over a real socket, then closes it.
    func sendHalf(port: Int, path: String, token: String, declared: Int, sent: Int) throws {
        let fd = try connectLoopback(port: port)
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/octet-stream\r\nContent-Length: \(declared)\r\n\r\n"
        _ = head.withCString { send(fd, $0, strlen($0), 0) }
        let body = [UInt8](repeating: 0x41, count: sent)
        _ = body.withUnsafeBytes { send(fd, $0.baseAddress, sent, 0) }
        usleep(200_000)
        close(fd)
    }

    /// Sends a chunked body (no declared length) and returns the status line of the answer.
    func sendChunked(port: Int, path: String, token: String, chunks: Int, chunkSize: Int) throws -> String {
        let fd = try connectLoopback(port: port)
        defer { close(fd) }
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
        _ = head.withCString { send(fd, $0, strlen($0), 0) }
        let chunk = Array(String(chunkSize, radix: 16).utf8) + [13, 10] + [UInt8](repeating: 0x41, count: chunkSize) + [13, 10]
        for _ in 0..<chunks {
            if chunk.withUnsafeBytes({ send(fd, $0.baseAddress, chunk.count, Int32(MSG_NOSIGNAL)) }) < 0 { break }
        }
        _ = "0\r\n\r\n".withCString { send(fd, $0, 5, Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        return String(decoding: buffer.prefix(max(0, n)), as: UTF8.self).components(separatedBy: "\r\n").first ?? ""
    }

    @Test("a streamed upload without a declared length is stopped at the limit with 413, leaving nothing", arguments: [TestDatabase.sqlite])
    func limitWhileStreaming(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.walidata.maxUploadBytes = 100_000
            let org = try await app.makeOrganization("DINKES")
            let user = try await app.makeUser("pengelola", role: .pengelolaTI)
            let dataset = try await app.makeDataset("Data", organization: org, by: user)
            let (_, token) = try await AccountController.issueToken(for: user, name: "t", on: app.db)
            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = 0
            try await app.server.start()
            let port = try #require(app.http.server.shared.localAddress?.port)
            let status = try sendChunked(port: port, path: "/api/v1/datasets/\(dataset.slug)/versions?filename=besar.csv", token: token, chunks: 40, chunkSize: 10_000)
            await app.server.shutdown()
            #expect(status.contains("413"), "answer: \(status)")
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: (app.walidata.dataDirectory as NSString).appendingPathComponent("tmp"))) ?? []
            #expect(leftovers.isEmpty)
            #expect(try await DatasetVersion.query(on: app.db).count() == 0)
        }
    }

    @Test("leaves no file, no temporary file and no version behind", arguments: TestDatabase.all)
    func nothingLeftBehind(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let org = try await app.makeOrganization("DINKES")
            let user = try await app.makeUser("pengelola", role: .pengelolaTI)
            let dataset = try await app.makeDataset("Data", organization: org, by: user)
            let (_, token) = try await AccountController.issueToken(for: user, name: "t", on: app.db)

            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = 0
            try await app.server.start()
            let port = try #require(app.http.server.shared.localAddress?.port)
            try sendHalf(port: port, path: "/api/v1/datasets/\(dataset.slug)/versions?filename=data.csv", token: token, declared: 5_000_000, sent: 300_000)
            // Give the server a moment to notice the closed connection and clean up.
            var leftovers: [String] = []
            for _ in 0..<50 {
                leftovers = (try? FileManager.default.contentsOfDirectory(atPath: (app.walidata.dataDirectory as NSString).appendingPathComponent("tmp"))) ?? []
                if leftovers.isEmpty { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            await app.server.shutdown()
            #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
            let blobs = (try? FileManager.default.subpathsOfDirectory(atPath: (app.walidata.dataDirectory as NSString).appendingPathComponent("blobs"))) ?? []
            #expect(blobs.isEmpty)
            #expect(try await DatasetVersion.query(on: app.db).count() == 0)
            #expect(try await EventRecord.query(on: app.db).filter(\.$action ~~ ["version.store", "version.reject", "version.store_unchecked"]).count() == 0)
        }
    }
}
