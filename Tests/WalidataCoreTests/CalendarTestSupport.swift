import Foundation
@testable import WalidataCore

/// Builds instants from explicit UTC offsets with `ISO8601DateFormatter`, independently of the
/// code under test and of the machine's zone, so expectations cannot share a bug with it.
enum CalendarFixture {
    static func instant(_ text: String, offset: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let parts = text.split(separator: " ")
        precondition(parts.count == 2, "expected \"YYYY-MM-DD HH:MM[:SS]\", got \(text)")
        let time = parts[1].count == 5 ? "\(parts[1]):00" : String(parts[1])
        guard let date = formatter.date(from: "\(parts[0])T\(time)\(offset)") else {
            preconditionFailure("bad fixture instant \(text)")
        }
        return date
    }

    static func date(_ iso: String) -> LocalDate {
        LocalDate(iso: iso)!
    }

    /// The 2026 national holidays and collective leave (SKB 3 Menteri), as in shared/data/libur-2026.csv.
    static let libur2026CSV = """
        tanggal,jenis,keterangan
        2026-01-01,libur_nasional,Tahun Baru 2026 Masehi
        2026-01-16,libur_nasional,Isra Mikraj Nabi Muhammad SAW
        2026-02-16,cuti_bersama,Cuti bersama Tahun Baru Imlek
        2026-02-17,libur_nasional,Tahun Baru Imlek 2577 Kongzili
        2026-03-18,cuti_bersama,Cuti bersama Hari Suci Nyepi
        2026-03-19,libur_nasional,Hari Suci Nyepi (Tahun Baru Saka 1948)
        2026-03-20,cuti_bersama,Cuti bersama Idulfitri 1447 H
        2026-03-21,libur_nasional,Idulfitri 1447 H
        2026-03-22,libur_nasional,Idulfitri 1447 H
        2026-03-23,cuti_bersama,Cuti bersama Idulfitri 1447 H
        2026-03-24,cuti_bersama,Cuti bersama Idulfitri 1447 H
        2026-04-03,libur_nasional,Wafat Yesus Kristus
        2026-04-05,libur_nasional,Kebangkitan Yesus Kristus (Paskah)
        2026-05-01,libur_nasional,Hari Buruh Internasional
        2026-05-14,libur_nasional,Kenaikan Yesus Kristus
        2026-05-15,cuti_bersama,Cuti bersama Kenaikan Yesus Kristus
        2026-05-27,libur_nasional,Iduladha 1447 H
        2026-05-28,cuti_bersama,Cuti bersama Iduladha 1447 H
        2026-05-31,libur_nasional,Hari Raya Waisak 2570 BE
        2026-06-01,libur_nasional,Hari Lahir Pancasila
        2026-06-16,libur_nasional,1 Muharam Tahun Baru Islam 1448 H
        2026-08-17,libur_nasional,Hari Proklamasi Kemerdekaan RI
        2026-08-25,libur_nasional,Maulid Nabi Muhammad SAW
        2026-12-24,cuti_bersama,Cuti bersama Kelahiran Yesus Kristus
        2026-12-25,libur_nasional,Kelahiran Yesus Kristus

        """

    static let holidays2026: [NonWorkingDay] = try! HolidayCSV.parse(libur2026CSV)

    /// The office calendar for 2026 with the national list.
    static let office2026 = WorkingCalendar.standard(nonWorkingDays: holidays2026)
}

/// `wib("2026-11-24 10:00")`: that wall-clock time in Western Indonesia Time (UTC+7).
func wib(_ text: String) -> Date {
    CalendarFixture.instant(text, offset: "+07:00")
}

/// That wall-clock time in Eastern Indonesia Time (UTC+9, Jayapura).
func wit(_ text: String) -> Date {
    CalendarFixture.instant(text, offset: "+09:00")
}
