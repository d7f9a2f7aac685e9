import Foundation
import Testing
@testable import WalidataCore

@Suite("HolidayCSV")
struct HolidayCSVTests {
    @Test func parsesThe2026List() throws {
        let days = try HolidayCSV.parse(CalendarFixture.libur2026CSV)
        #expect(days.count == 25)
        #expect(days.first == NonWorkingDay(date: CalendarFixture.date("2026-01-01"), kind: .liburNasional, description: "Tahun Baru 2026 Masehi"))
        #expect(days.last == NonWorkingDay(date: CalendarFixture.date("2026-12-25"), kind: .liburNasional, description: "Kelahiran Yesus Kristus"))
        #expect(days.filter { $0.kind == .cutiBersama }.count == 8)
        #expect(days.filter { $0.kind == .liburNasional }.count == 17)
        #expect(days[5].description == "Hari Suci Nyepi (Tahun Baru Saka 1948)")
    }

    @Test func toleratesBOMAndCRLF() throws {
        let text = "\u{FEFF}tanggal,jenis,keterangan\r\n2026-08-17,libur_nasional,Hari Proklamasi Kemerdekaan RI\r\n2026-08-25,libur_nasional,Maulid Nabi Muhammad SAW\r\n"
        let days = try HolidayCSV.parse(text)
        #expect(days.map(\.date.iso) == ["2026-08-17", "2026-08-25"])
        #expect(days[0].description == "Hari Proklamasi Kemerdekaan RI")
    }

    @Test func toleratesBareCarriageReturnsAndNoFinalNewline() throws {
        let days = try HolidayCSV.parse("tanggal,jenis,keterangan\r2026-08-17,libur_nasional,A\r2026-08-25,cuti_bersama,B")
        #expect(days.map(\.description) == ["A", "B"])
    }

    @Test func quotedFields() throws {
        let text = """
            tanggal,jenis,keterangan
            2026-03-19,libur_nasional,"Hari Suci Nyepi, Tahun Baru Saka 1948"
            "2026-06-01",libur_nasional,"Hari ""Lahir"" Pancasila"
            2026-07-01 , "penutupan_kantor" ,  "  spasi dipertahankan "

            """
        let days = try HolidayCSV.parse(text)
        #expect(days.map(\.description) == ["Hari Suci Nyepi, Tahun Baru Saka 1948", "Hari \"Lahir\" Pancasila", "  spasi dipertahankan "])
        #expect(days[2].kind == .penutupanKantor)
        #expect(days[1].date == CalendarFixture.date("2026-06-01"))
    }

    @Test func quotedLineBreakKeepsLineNumbersRight() throws {
        let text = "tanggal,jenis,keterangan\n2026-07-01,penutupan_kantor,\"Pindah\ngedung\"\n2026-07-02,libur,x\n"
        #expect(throws: HolidayCSVError.unknownKind(line: 4, value: "libur")) { try HolidayCSV.parse(text) }
        let days = try HolidayCSV.parse("tanggal,jenis,keterangan\r\n2026-07-01,penutupan_kantor,\"Pindah\r\ngedung\"\r\n")
        #expect(days[0].description == "Pindah\r\ngedung")
    }

    @Test func lenientWhereMeaningIsClear() throws {
        let text = """
            Tanggal, Jenis, Keterangan

            2026-09-01,Libur Nasional,Tanpa kutip, dengan koma
            2026-09-02,cuti-bersama
            2026-09-03,PENUTUPAN_KANTOR,

            """
        let days = try HolidayCSV.parse(text)
        #expect(days.map(\.kind) == [.liburNasional, .cutiBersama, .penutupanKantor])
        #expect(days.map(\.description) == ["Tanpa kutip, dengan koma", "", ""])
    }

    @Test func badDateNamesTheLine() {
        let text = "tanggal,jenis,keterangan\n2026-01-01,libur_nasional,A\n2026-02-30,libur_nasional,B\n"
        #expect(throws: HolidayCSVError.invalidDate(line: 3, value: "2026-02-30")) { try HolidayCSV.parse(text) }
        for bad in ["26-01-01", "2026-1-01", "01/01/2026", "2026-13-01", ""] {
            #expect(throws: HolidayCSVError.invalidDate(line: 2, value: bad)) {
                try HolidayCSV.parse("tanggal,jenis,keterangan\n\(bad),libur_nasional,A\n")
            }
        }
    }

    @Test func unknownKindNamesTheLine() throws {
        let text = "tanggal,jenis,keterangan\n\n2026-01-01,libur_daerah,Hari jadi kabupaten\n"
        let error = try #require(throws: HolidayCSVError.self) { try HolidayCSV.parse(text) }
        #expect(error == .unknownKind(line: 3, value: "libur_daerah"))
        #expect(error.line == 3)
        #expect(error.description.contains("Baris 3"))
        #expect(error.description.contains("penutupan_kantor"))
        #expect(error.localizedDescription == error.description)
    }

    @Test func duplicateDateIsRejected() {
        let text = "tanggal,jenis,keterangan\n2026-01-01,libur_nasional,A\n2026-01-02,cuti_bersama,B\n2026-01-01,cuti_bersama,C\n"
        #expect(throws: HolidayCSVError.duplicateDate(line: 4, date: CalendarFixture.date("2026-01-01"), firstLine: 2)) {
            try HolidayCSV.parse(text)
        }
    }

    @Test func structuralErrors() {
        #expect(throws: HolidayCSVError.missingHeader) { try HolidayCSV.parse("") }
        #expect(throws: HolidayCSVError.missingHeader) { try HolidayCSV.parse("\u{FEFF}\r\n\n") }
        #expect(throws: HolidayCSVError.unexpectedHeader(line: 1, found: "date,kind,description")) {
            try HolidayCSV.parse("date,kind,description\n2026-01-01,libur_nasional,A\n")
        }
        #expect(throws: HolidayCSVError.unexpectedHeader(line: 1, found: "2026-01-01,libur_nasional,A")) {
            try HolidayCSV.parse("2026-01-01,libur_nasional,A\n")
        }
        #expect(throws: HolidayCSVError.missingFields(line: 2, found: 1)) {
            try HolidayCSV.parse("tanggal,jenis,keterangan\n2026-01-01\n")
        }
        #expect(throws: HolidayCSVError.unterminatedQuote(line: 3)) {
            try HolidayCSV.parse("tanggal,jenis,keterangan\n2026-01-01,libur_nasional,A\n2026-01-02,libur_nasional,\"B\n2026-01-03,libur_nasional,C\n")
        }
        #expect(throws: HolidayCSVError.textAfterClosingQuote(line: 2)) {
            try HolidayCSV.parse("tanggal,jenis,keterangan\n2026-01-01,libur_nasional,\"A\"B\n")
        }
    }

    @Test func renderRoundTrips() throws {
        let days = try HolidayCSV.parse(CalendarFixture.libur2026CSV)
        let rendered = HolidayCSV.render(days)
        #expect(rendered == CalendarFixture.libur2026CSV)
        #expect(try HolidayCSV.parse(rendered) == days)
    }

    @Test func renderQuotesWhereNeeded() throws {
        let days = [
            NonWorkingDay(date: CalendarFixture.date("2026-07-01"), kind: .penutupanKantor, description: "Pindah gedung, lantai 2"),
            NonWorkingDay(date: CalendarFixture.date("2026-07-02"), kind: .penutupanKantor, description: "Rapat \"besar\""),
            NonWorkingDay(date: CalendarFixture.date("2026-07-03"), kind: .cutiBersama, description: "Dua\nbaris"),
            NonWorkingDay(date: CalendarFixture.date("2026-07-06"), kind: .liburNasional, description: ""),
        ]
        let rendered = HolidayCSV.render(days)
        #expect(rendered == """
            tanggal,jenis,keterangan
            2026-07-01,penutupan_kantor,"Pindah gedung, lantai 2"
            2026-07-02,penutupan_kantor,"Rapat ""besar\"\"\"
            2026-07-03,cuti_bersama,"Dua
            baris"
            2026-07-06,libur_nasional,

            """)
        #expect(try HolidayCSV.parse(rendered) == days)
    }

    @Test func kindsKeepTheirFileSpelling() {
        #expect(NonWorkingKind.allCases.map(\.rawValue) == ["libur_nasional", "cuti_bersama", "penutupan_kantor"])
    }
}
