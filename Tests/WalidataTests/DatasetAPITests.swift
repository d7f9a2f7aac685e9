import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Datasets through the API")
struct DatasetAPITests {
    func bearer(_ token: String, json: Bool = true) -> HTTPHeaders {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        if json { headers.contentType = .json }
        return headers
    }

    @Test("create, upload, read, download, restore and delete with a token", arguments: TestDatabase.all)
    func lifecycle(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let org = try await app.makeOrganization("DINKES")
            let user = try await app.makeUser("pengelola", role: .pengelolaTI)
            let (_, token) = try await AccountController.issueToken(for: user, name: "skrip", on: app.db)
            let tester = try app.testing()

            let bad = try await tester.sendRequest(.POST, "/api/v1/datasets", headers: bearer(token), body: ByteBuffer(string: #"{"title":"","frequency":"kadang","access":"terbuka"}"#))
            #expect(bad.status == .unprocessableEntity)
            let message = try bad.content.decode(APIErrorBody.self).error.message
            #expect(message.contains("judul") || message.contains("title"))

            let body = #"{"title":"Jumlah Sekolah 2025","organizationID":"\#(org.id!.uuidString)","frequency":"tahunan","access":"terbuka","tags":"sekolah, pendidikan"}"#
            let created = try await tester.sendRequest(.POST, "/api/v1/datasets", headers: bearer(token), body: ByteBuffer(string: body))
            #expect(created.status == .created)
            let dataset = try created.content.decode(DatasetAPI.DatasetOut.self)
            #expect(dataset.slug == "jumlah-sekolah-2025")
            #expect(dataset.tags == ["sekolah", "pendidikan"])

            for text in ["pertama", "kedua"] {
                let upload = try await tester.sendRequest(.POST, "/api/v1/datasets/\(dataset.slug)/versions?filename=\(text).pdf&note=\(text)", headers: bearer(token, json: false), body: ByteBuffer(string: text))
                #expect(upload.status == .created)
            }
            let versions = try await tester.sendRequest(.GET, "/api/v1/datasets/\(dataset.slug)/versions", headers: bearer(token))
            let list = try versions.content.decode(APIModels.ListOut<DatasetAPI.VersionOut>.self)
            #expect(list.items.map(\.number) == [2, 1])
            #expect(list.items[0].current)
            let download = try await tester.sendRequest(.GET, "/api/v1/datasets/\(dataset.slug)/versions/1/download", headers: bearer(token))
            #expect(download.body.string == "pertama")

            let restored = try await tester.sendRequest(.POST, "/api/v1/datasets/\(dataset.slug)/versions/1/restore", headers: bearer(token), body: ByteBuffer(string: #"{"note":"kembali"}"#))
            #expect(restored.status == .created)
            let version = try restored.content.decode(DatasetAPI.VersionOut.self)
            #expect(version.number == 3)
            #expect(version.recoveredFrom == 1)
            #expect(version.current)

            let noReason = try await tester.sendRequest(.DELETE, "/api/v1/datasets/\(dataset.slug)", headers: bearer(token), body: ByteBuffer(string: "{}"))
            #expect(noReason.status == .unprocessableEntity)
            let deleted = try await tester.sendRequest(.DELETE, "/api/v1/datasets/\(dataset.slug)", headers: bearer(token), body: ByteBuffer(string: #"{"note":"salah"}"#))
            #expect(deleted.status == .noContent)
            #expect(try await tester.sendRequest(.GET, "/api/v1/datasets/\(dataset.slug)", headers: bearer(token)).status == .notFound)
        }
    }

    @Test("a produsen's token sees only its agency and cannot create datasets", arguments: TestDatabase.all)
    func produsenToken(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let own = try await app.makeOrganization("DINKES")
            let other = try await app.makeOrganization("DISDIK")
            let curator = try await app.makeUser("pengelola", role: .pengelolaTI)
            for (title, org) in [("Data Puskesmas", own), ("Data Sekolah", other)] {
                _ = try await app.makeDataset(title, organization: org, by: curator)
            }
            let produsen = try await app.makeUser("siska", role: .produsen, organization: own)
            let (_, token) = try await AccountController.issueToken(for: produsen, name: "t", on: app.db)
            let tester = try app.testing()
            let list = try await tester.sendRequest(.GET, "/api/v1/datasets", headers: bearer(token)).content.decode(APIModels.ListOut<DatasetAPI.DatasetOut>.self)
            #expect(list.items.map(\.title) == ["Data Puskesmas"])
            #expect(try await tester.sendRequest(.GET, "/api/v1/datasets/data-sekolah", headers: bearer(token)).status == .notFound)
            #expect(try await tester.sendRequest(.POST, "/api/v1/datasets/data-sekolah/versions?filename=x.pdf", headers: bearer(token, json: false), body: ByteBuffer(string: "x")).status == .notFound)
            #expect(try await tester.sendRequest(.POST, "/api/v1/datasets", headers: bearer(token), body: ByteBuffer(string: "{}")).status == .forbidden)
            #expect(try await DatasetVersion.query(on: app.db).count() == 0)
        }
    }

    @Test("an API upload over the limit gets 413 JSON and stores nothing", arguments: TestDatabase.all)
    func tooLarge(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.walidata.maxUploadBytes = 100
            let org = try await app.makeOrganization("DINKES")
            let user = try await app.makeUser("pengelola", role: .pengelolaTI)
            let dataset = try await app.makeDataset("Data", organization: org, by: user)
            let (_, token) = try await AccountController.issueToken(for: user, name: "t", on: app.db)
            let response = try await app.testing().sendRequest(.POST, "/api/v1/datasets/\(dataset.slug)/versions?filename=a.csv", headers: bearer(token, json: false), body: ByteBuffer(repeating: 65, count: 1000))
            #expect(response.status == .payloadTooLarge)
            #expect(try response.content.decode(APIErrorBody.self).error.code == "upload.error.too_large")
            #expect(try await DatasetVersion.query(on: app.db).count() == 0)
        }
    }
}
