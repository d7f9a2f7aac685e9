import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Walidata
import WalidataCore

/// One agency with a produsen, and one account with an API token per office role, for the case tests.
struct CaseFixture {
    let app: Application
    let organization: Organization
    var users: [String: User] = [:]
    var tokens: [String: String] = [:]

    /// The SOP's executor for each step of the Mentawai seed, by the fixture's user names.
    static let executor = [1: "administrasi", 2: "administrasi", 3: "pengelola_ti", 4: "pengelola_ti", 5: "pengelola_ti", 6: "pengelola_ti", 7: "kasi", 8: "kasi", 9: "kabid"]

    init(_ app: Application) async throws {
        self.app = app
        organization = try await app.makeOrganization("DINKES", name: "Dinas Kesehatan")
        let roles: [(String, Role)] = [("produsen", .produsen), ("administrasi", .administrasi), ("pengelola_ti", .pengelolaTI), ("kasi", .kasi), ("kabid", .kabid), ("kepala_dinas", .kepalaDinas), ("admin", .admin)]
        for (name, role) in roles {
            let user = try await app.makeUser(name.replacingOccurrences(of: "_", with: ""), role: role, organization: role == .produsen ? organization : nil)
            users[name] = user
            tokens[name] = try await AccountController.issueToken(for: user, name: "test", on: app.db).1
        }
    }

    func headers(_ who: String) -> HTTPHeaders {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(tokens[who]!)"]
        headers.contentType = .json
        return headers
    }

    func send(_ method: HTTPMethod, _ path: String, as who: String, json: [String: Any]? = nil) async throws -> TestingHTTPResponse {
        let body = try json.map { ByteBuffer(data: try JSONSerialization.data(withJSONObject: $0)) }
        return try await app.testing().sendRequest(method, path, headers: headers(who), body: body)
    }

    /// Submits a request through the API as the produsen.
    func submit(_ title: String = "Data stunting 2026") async throws -> CaseAPI.CaseOut {
        let response = try await send(.POST, "/api/v1/cases", as: "produsen", json: ["kind": "update", "title": title, "description": "Pembaruan data triwulan III"])
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.decode(CaseAPI.CaseOut.self)
    }

    /// Step 1 gets the whole standard checklist ticked and step 9 an announcement unless the
    /// payload says otherwise, so tests about other rules need not repeat them.
    func complete(_ caseID: UUID, step: Int, as who: String, _ payload: [String: Any] = [:]) async throws -> TestingHTTPResponse {
        var payload = payload
        if step == 1, payload["checklist"] == nil { payload["checklist"] = Checklist.standard.required }
        // Steps 2 and 5 produce documents that must not be empty: pass `"ownLetter": true` or
        // `"ownReport": true` to complete them with exactly what the test saved (or nothing).
        // Only while that step is open, so a test of an out-of-order completion changes nothing.
        let open = try await CaseStore.steps(of: caseID, on: app.db).last.flatMap { $0.completedAt == nil ? $0.step : nil }
        if step == 2, payload.removeValue(forKey: "ownLetter") == nil, open == 2 { try await saveLetter(caseID) }
        if step == 3, payload.removeValue(forKey: "ownData") == nil { try await provideData(caseID) }
        if step == 5, payload.removeValue(forKey: "ownReport") == nil, open == 5 { try await writeReport(caseID) }
        // Step 9 publishes an announcement, which needs a title and a text; pass
        // `"ownAnnouncement": true` to publish exactly what the draft and the payload say.
        if step == 9, payload.removeValue(forKey: "ownAnnouncement") == nil {
            if payload["title"] == nil { payload["title"] = "Pengumuman data" }
            if payload["body"] == nil { payload["body"] = "Data telah diperbarui." }
        }
        return try await send(.POST, "/api/v1/cases/\(caseID)/steps/\(step)/complete", as: who, json: payload)
    }

    /// Step 2's output: the system's draft of the letter, saved by the administration officer
    /// (once; a letter already saved is kept).
    func saveLetter(_ caseID: UUID, at instant: Date = Date()) async throws {
        guard try await LetterStore.letter(of: caseID, on: app.db) == nil, let record = try await Case.find(caseID, on: app.db) else { return }
        let fields = try await LetterStore.draft(for: record, at: instant, on: app.db)
        _ = try await LetterStore.save(fields, for: caseID, by: users["administrasi"]!, at: instant, on: app.db)
    }

    /// Step 5's output: a narrative in the round being written, unless it has one already.
    func writeReport(_ caseID: UUID, at instant: Date = Date()) async throws {
        guard let record = try await Case.find(caseID, on: app.db) else { return }
        let round = try await CaseReportStore.draft(record, at: instant, on: app.db)
        guard round.narrative.isEmpty else { return }
        try await CaseReportStore.saveNarrative("Data diterima, diperiksa dan disimpan.", caseID: caseID, by: users["pengelola_ti"]!, at: instant, on: app.db)
    }

    /// Step 3 needs a file stored for the case: tests about other rules get one dataset with a
    /// stored (unchecked, non-CSV) file, once. Pass `"ownData": true` to supply it yourself.
    func provideData(_ caseID: UUID) async throws {
        guard try await CaseDataset.query(on: app.db).filter(\.$caseRecord.$id == caseID).count() == 0 else { return }
        let officer = users["pengelola_ti"]!
        let dataset = try await app.makeDataset("Data permohonan", organization: organization, by: officer)
        // Complete Satu Data metadata, so step 9 may name it.
        (dataset.topic, dataset.source, dataset.unit, dataset.period) = ("Kesehatan", "Dinas Kesehatan", "orang", "2026")
        try await dataset.save(on: app.db)
        try await CaseDataset(caseID: caseID, datasetID: dataset.requireID()).create(on: app.db)
        let blob = try await app.blobs.store(Data("laporan".utf8), io: app.fileio)
        _ = try await DatasetStore.addVersion(
            to: dataset, blob: blob, filename: "laporan.pdf", note: "", intake: .init(status: .stored), by: officer, caseID: caseID, on: app.db)
    }

    func read(_ caseID: UUID, as who: String = "kasi") async throws -> CaseAPI.CaseOut {
        try await send(.GET, "/api/v1/cases/\(caseID)", as: who).content.decode(CaseAPI.CaseOut.self)
    }

    /// An instant given in office time (WIB).
    static func wib(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkingCalendar.jakarta
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    func newCase(_ title: String = "Data penduduk") -> NewCase {
        NewCase(kind: .simpanBaru, title: title, description: "", organizationID: organization.id!, datasetIDs: [], requesterName: "Budi")
    }
}
