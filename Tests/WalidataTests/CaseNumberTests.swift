import Fluent
import Foundation
import Testing
import Vapor
@testable import Walidata
import WalidataCore

@Suite("Cases: registration numbers")
struct CaseNumberTests {
    @Test("cases created at the same time get distinct numbers without gaps", arguments: TestDatabase.all)
    func concurrentNumbers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let officer = f.users["administrasi"]!
            let at = CaseFixture.wib(2030, 3, 1, 10, 0)
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<12 {
                    group.addTask { try await CaseStore.create(f.newCase("Permohonan \(index)"), by: officer, at: at, on: app.db).number }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(numbers.sorted() == (1...12).map { String(format: "PD/2030/%04d", $0) })
            #expect(try await Case.query(on: app.db).count() == 12)
        }
    }

    @Test("the pattern comes from the setting, and the sequence restarts each year", arguments: TestDatabase.all)
    func patternAndYearlyReset(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await CaseFixture(app)
            let officer = f.users["administrasi"]!
            try await Setting.set(CaseNumbering.settingKey, "REG-{org}/{seq:3}/{year}", on: app.db)
            let a = try await CaseStore.create(f.newCase(), by: officer, at: CaseFixture.wib(2030, 12, 31, 23, 0), on: app.db)
            let b = try await CaseStore.create(f.newCase(), by: officer, at: CaseFixture.wib(2030, 12, 31, 23, 30), on: app.db)
            // 00:30 WIB on 1 January is still 31 December in UTC; the office year has turned.
            let c = try await CaseStore.create(f.newCase(), by: officer, at: CaseFixture.wib(2031, 1, 1, 0, 30), on: app.db)
            #expect([a.number, b.number, c.number] == ["REG-DINKES/001/2030", "REG-DINKES/002/2030", "REG-DINKES/001/2031"])
        }
    }
}
