import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

@Suite("Excel workbooks through the API: the same intake as a CSV")
struct ExcelUploadTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xlsx")

    func bearer(_ token: String, json: Bool = true) -> HTTPHeaders {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        if json { headers.contentType = .json }
        return headers
    }

    func fixture(_ name: String) throws -> ByteBuffer {
        ByteBuffer(data: try Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
    }

    func csv(_ response: TestingHTTPResponse) -> String {
        var text = response.body.string.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    @Test("a messy .xlsx is accepted, its rows are queryable and export as the sheet's table; reading it again with another sheet makes a new version", arguments: TestDatabase.all)
    func uploadQueryExportReread(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let org = try await app.makeOrganization("DUKCAPIL")
            let user = try await app.makeUser("pengelola", role: .pengelolaTI)
            let dataset = try await app.makeDataset("Jumlah Penduduk", organization: org, by: user)
            let (_, token) = try await AccountController.issueToken(for: user, name: "t", on: app.db)
            let tester = try app.testing()
            let base = "/api/v1/datasets/\(dataset.slug)/versions"

            let upload = try await tester.sendRequest(.POST, "\(base)?filename=penduduk.xlsx", headers: bearer(token, json: false), body: fixture("messy.xlsx"))
            #expect(upload.status == .created)
            let v1 = try upload.content.decode(DatasetAPI.VersionOut.self)
            #expect(v1.status == "accepted")
            #expect(v1.rowCount == 4)
            #expect(v1.report?.workbook?.headerRows == [4, 5])
            #expect(v1.report?.workbook?.totalRow == 10)

            let page = try await tester.sendRequest(.GET, "\(base)/1/data?c1=Kecamatan&o1=equals&v1=Bukit%20Batu", headers: bearer(token))
            #expect(page.status == .ok)
            #expect(page.body.string.contains("\"totalCount\":1"))
            let export = try await tester.sendRequest(.GET, "\(base)/1/export?format=csv", headers: bearer(token))
            #expect(csv(export) == """
                No,Kode,Kecamatan,Jumlah Penduduk - Laki-laki,Jumlah Penduduk - Perempuan,Tanggal Pendataan
                1,001,Teluk Dalam,1200,1310,2024-01-31
                2,002,Sungai Raya,980,1002,2024-02-29
                3,010,Bukit Batu,15004,14990,2024-03-01
                4,011,Pulau Kecil,310,295,2024-12-31

                """)

            let reread = try await tester.sendRequest(.POST, "\(base)/1/reading", headers: bearer(token), body: ByteBuffer(string: #"{"sheet":3}"#))
            #expect(reread.status == .created)
            let v2 = try reread.content.decode(DatasetAPI.VersionOut.self)
            #expect(v2.number == 2 && v2.status == "accepted" && v2.reading == "s3")
            #expect(v2.sha256 == v1.sha256, "the same stored file")
            #expect(v2.report?.header == ["Kecamatan", "Rasio Jenis Kelamin", "Padat", "Luas (km2)"])
            #expect(v2.changeNote.contains("Rasio"))
            let export2 = try await tester.sendRequest(.GET, "\(base)/2/export?format=csv", headers: bearer(token))
            #expect(csv(export2).hasPrefix("Kecamatan,Rasio Jenis Kelamin,Padat,Luas (km2)\nTeluk Dalam,91.6030534351145,"))
            // Version 1 and its table are untouched.
            #expect(csv(try await tester.sendRequest(.GET, "\(base)/1/export?format=csv", headers: bearer(token))) == csv(export))
            let stored = try await DatasetVersion.query(on: app.db).sort(\.$number).all()
            #expect(stored.map(\.reading) == [nil, "s3"])

            let wrongRow = try await tester.sendRequest(.POST, "\(base)/1/reading", headers: bearer(token), body: ByteBuffer(string: #"{"sheet":2,"headerRow":3}"#))
            #expect(wrongRow.status == .created)
            let v3 = try wrongRow.content.decode(DatasetAPI.VersionOut.self)
            #expect(v3.status == "rejected")
            #expect(v3.report?.problems.first?.code == .headerRowNotFound)
            let bad = try await tester.sendRequest(.POST, "\(base)/1/reading", headers: bearer(token), body: ByteBuffer(string: #"{"headerRow":0}"#))
            #expect(bad.status == .unprocessableEntity)

            // A backup carries the table of every reading, and a restore puts it back.
            let rereadTable = "tables/" + TableFiles.key(hash: v1.sha256, reading: "s3").prefix(2) + "/" + TableFiles.key(hash: v1.sha256, reading: "s3").dropFirst(2) + ".sqlite"
            #expect(BackupLayout.tableHash(of: rereadTable) == v1.sha256)
            #expect(BackupLayout.tableHash(of: rereadTable.replacingOccurrences(of: "-s3", with: "-x/")) == nil)
            if db == .sqlite {
                let target = NSTemporaryDirectory() + "walidata-excel-restore-" + UUID().uuidString
                defer { try? FileManager.default.removeItem(atPath: target) }
                let created = try await BackupWriter(app: app).create(by: .system)
                _ = try await BackupRestorer(verifier: BackupVerifier(app: app)).restore(created.path, into: target, config: AppConfig(dataDirectory: target))
                #expect(FileManager.default.fileExists(atPath: target + "/" + rereadTable), "the re-read version's table is in the backup")
                #expect(FileManager.default.fileExists(atPath: target + "/tables/" + v1.sha256.prefix(2) + "/" + v1.sha256.dropFirst(2) + ".sqlite"))
            }
        }
    }

    @Test("an .xls, a password-protected and a truncated workbook are kept as rejected versions that say how to save as .xlsx; a CSV cannot be read again as a workbook", arguments: TestDatabase.all)
    func refusedWorkbooksLoseNothing(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let org = try await app.makeOrganization("DUKCAPIL")
            let user = try await app.makeUser("pengelola", role: .pengelolaTI)
            let dataset = try await app.makeDataset("Jumlah Penduduk", organization: org, by: user)
            let (_, token) = try await AccountController.issueToken(for: user, name: "t", on: app.db)
            let tester = try app.testing()
            let base = "/api/v1/datasets/\(dataset.slug)/versions"
            for (i, (file, code)) in [("messy.xls", "legacyExcel"), ("password.xlsx", "encryptedWorkbook"), ("truncated.xlsx", "notAWorkbook")].enumerated() {
                let upload = try await tester.sendRequest(.POST, "\(base)?filename=\(file)", headers: bearer(token, json: false), body: fixture(file))
                #expect(upload.status == .created)
                let version = try upload.content.decode(DatasetAPI.VersionOut.self)
                #expect(version.status == "rejected")
                #expect(version.report?.problems.map(\.code.rawValue) == [code])
                #expect(version.report?.problems.first?.indonesianMessage.contains(".xlsx") == true)
                #expect(!app.tables.exists(version.sha256), "no table for a refused file")
                let download = try await tester.sendRequest(.GET, "\(base)/\(i + 1)/download", headers: bearer(token))
                #expect(Data(buffer: download.body) == (try Data(contentsOf: Self.fixtures.appendingPathComponent(file))), "the file is kept as handed over")
            }
            let csv = try await tester.sendRequest(.POST, "\(base)?filename=data.csv", headers: bearer(token, json: false), body: ByteBuffer(string: "a,b\n1,2\n"))
            #expect(csv.status == .created)
            let reread = try await tester.sendRequest(.POST, "\(base)/4/reading", headers: bearer(token), body: ByteBuffer(string: "{}"))
            #expect(reread.status == .conflict)
            #expect(try await DatasetVersion.query(on: app.db).count() == 4)
        }
    }
}
