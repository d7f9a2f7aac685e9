import Fluent
import Foundation

/// The office's letterhead (kop surat) printed on every document: the regency's arms, the
/// government and office, and the office's full address and contacts. Kept in settings (the
/// arms as a file in the data directory, `LetterheadArms`) so a regency that is not Mentawai
/// changes it without code.
struct Letterhead: Sendable {
    var government: String
    var office: String
    var address: String
    var postalCode = ""
    var phone = ""
    var email = ""
    var website = ""
    /// The uploaded arms' SHA-256, or nil while the generic emblem stands in for them.
    var armsHash: String? = nil

    static let keys = (
        government: "letterhead.government", office: "letterhead.office", address: "letterhead.address",
        postalCode: "letterhead.postal_code", phone: "letterhead.phone", email: "letterhead.email", website: "letterhead.website",
        arms: "letterhead.arms"
    )

    /// Contacts have no default: an address or number the office does not have must not be printed.
    static let standard = Letterhead(
        government: "PEMERINTAH KABUPATEN KEPULAUAN MENTAWAI",
        office: "DINAS KOMUNIKASI DAN INFORMATIKA",
        address: "Tuapeijat, Kecamatan Sipora Utara, Kabupaten Kepulauan Mentawai, Sumatera Barat"
    )

    static func load(on db: any Database) async throws -> Letterhead {
        var letterhead = standard
        let fields: [(String, WritableKeyPath<Letterhead, String>)] = [
            (keys.government, \.government), (keys.office, \.office), (keys.address, \.address), (keys.postalCode, \.postalCode),
            (keys.phone, \.phone), (keys.email, \.email), (keys.website, \.website),
        ]
        let names = fields.map(\.0) + [keys.arms]
        let rows = try await Setting.query(on: db).filter(\.$key ~~ names).all()
        for row in rows {
            if let field = fields.first(where: { $0.0 == row.key }) { letterhead[keyPath: field.1] = row.value }
            if row.key == keys.arms, LetterheadArms.isHash(row.value) { letterhead.armsHash = row.value }
        }
        return letterhead
    }

    /// The address line as naskah dinas write it: the address, then "Kode Pos …".
    var addressLine: String {
        postalCode.isEmpty ? address : "\(address) Kode Pos \(postalCode)"
    }

    /// "Telepon … · Pos-el … · Laman …", only what is filled in.
    var contactLine: String {
        [phone.isEmpty ? nil : "Telepon \(phone)", email.isEmpty ? nil : "Pos-el \(email)", website.isEmpty ? nil : "Laman \(website)"]
            .compactMap { $0 }.joined(separator: " · ")
    }
}
