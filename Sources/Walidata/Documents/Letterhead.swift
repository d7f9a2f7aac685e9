import Fluent
import Foundation

/// The office's letterhead (kop surat) printed on every document. Kept in settings so a
/// regency that is not Mentawai changes it without code.
struct Letterhead: Sendable {
    var government: String
    var office: String
    var address: String

    static let keys = (government: "letterhead.government", office: "letterhead.office", address: "letterhead.address")

    static let standard = Letterhead(
        government: "PEMERINTAH KABUPATEN KEPULAUAN MENTAWAI",
        office: "DINAS KOMUNIKASI DAN INFORMATIKA",
        address: "Tuapeijat, Kecamatan Sipora Utara, Kabupaten Kepulauan Mentawai, Sumatera Barat"
    )

    static func load(on db: any Database) async throws -> Letterhead {
        var letterhead = standard
        if let value = try await Setting.get(keys.government, on: db) { letterhead.government = value }
        if let value = try await Setting.get(keys.office, on: db) { letterhead.office = value }
        if let value = try await Setting.get(keys.address, on: db) { letterhead.address = value }
        return letterhead
    }
}
