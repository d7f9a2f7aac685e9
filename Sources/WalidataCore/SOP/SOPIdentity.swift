/// The identity sheet ("lembar identitas") that heads every administrative SOP
/// in the Permenpan RB 35/2012 format; printed verbatim on the SOP document.
public struct SOPIdentity: Codable, Sendable, Equatable, Hashable {
    public var instansi: String
    public var dinas: String
    public var unit: String
    public var nomor: String
    public var tanggalPembuatan: String
    /// The format has three revision slots; "-" marks an unused one.
    public var tanggalRevisi: [String]
    public var tanggalEfektif: String
    public var disahkanJabatan: String
    public var disahkanNama: String
    public var disahkanNIP: String
    public var namaSOP: String
    public var dasarHukum: [String]
    public var kualifikasiPelaksana: [String]
    public var keterkaitan: [String]
    public var peralatan: [String]
    public var peringatan: String
    public var pencatatan: String

    public init(
        instansi: String,
        dinas: String,
        unit: String,
        nomor: String,
        tanggalPembuatan: String,
        tanggalRevisi: [String],
        tanggalEfektif: String,
        disahkanJabatan: String,
        disahkanNama: String,
        disahkanNIP: String,
        namaSOP: String,
        dasarHukum: [String],
        kualifikasiPelaksana: [String],
        keterkaitan: [String],
        peralatan: [String],
        peringatan: String,
        pencatatan: String
    ) {
        self.instansi = instansi
        self.dinas = dinas
        self.unit = unit
        self.nomor = nomor
        self.tanggalPembuatan = tanggalPembuatan
        self.tanggalRevisi = tanggalRevisi
        self.tanggalEfektif = tanggalEfektif
        self.disahkanJabatan = disahkanJabatan
        self.disahkanNama = disahkanNama
        self.disahkanNIP = disahkanNIP
        self.namaSOP = namaSOP
        self.dasarHukum = dasarHukum
        self.kualifikasiPelaksana = kualifikasiPelaksana
        self.keterkaitan = keterkaitan
        self.peralatan = peralatan
        self.peringatan = peringatan
        self.pencatatan = pencatatan
    }
}
