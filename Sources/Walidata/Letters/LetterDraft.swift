import Fluent
import Foundation
import WalidataCore

/// The letter the system proposes from the case before the officer edits it. The signer
/// comes from the `letter.signer_*` settings, else from the active Kepala Dinas account,
/// because the head of the office signs registration letters unless the office says otherwise.
enum LetterDraft {
    static let keys = (place: "letter.place", title: "letter.signer_title", name: "letter.signer_name", nip: "letter.signer_nip", copies: "letter.copies")
    static let defaultPlace = "Tuapeijat"
    static let defaultTitle = "Kepala Dinas Komunikasi dan Informatika"
    static let defaultCopies = "Bupati Kepulauan Mentawai (sebagai laporan)\nArsip"

    static func make(for record: Case, organization: Organization, datasets: [Dataset], at instant: Date = Date(), on db: any Database) async throws -> LetterFields {
        let head = try await User.query(on: db).filter(\.$roleRaw == Role.kepalaDinas.rawValue).filter(\.$active == true).sort(\.$createdAt).first()
        func setting(_ key: String) async throws -> String? {
            try await Setting.get(key, on: db).flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        }
        let kind: String = switch record.kind {
        case .simpanBaru: "penyimpanan data baru"
        case .update: "pembaruan data"
        case .recovery: "pemulihan data"
        }
        let list = datasets.isEmpty ? "" : " untuk " + datasets.map(\.title).joined(separator: ", ")
        let body = """
            Menindaklanjuti permohonan Saudara tentang \(record.title), bersama ini kami sampaikan bahwa permohonan \(kind)\(list) telah kami terima dan terdaftar dengan nomor registrasi \(record.number).

            Selanjutnya permohonan tersebut akan diproses sesuai Standar Operasional Prosedur Pengelolaan Data pada Dinas Komunikasi dan Informatika. Berkas data dapat disampaikan kepada Pengelola Teknologi Informasi untuk diterima dan diperiksa.

            Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.
            """
        return LetterFields(
            place: try await setting(keys.place) ?? defaultPlace,
            date: instant,
            nature: "Biasa",
            attachment: "-",
            subject: "Pendaftaran Permohonan Pengelolaan Data",
            recipient: "Kepala \(organization.name)\ndi\nTempat",
            body: body,
            signerTitle: try await setting(keys.title) ?? defaultTitle,
            signerName: try await setting(keys.name) ?? head?.fullName ?? "",
            signerNIP: try await setting(keys.nip) ?? head?.nip ?? "",
            copies: try await setting(keys.copies) ?? defaultCopies)
    }
}
