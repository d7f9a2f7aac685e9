import Foundation

/// The controlled vocabularies DCAT-AP 3 asks for, from the Satu Data values Walidata keeps.
public enum DCATVocabulary {
    public static let prefixes: [(String, String)] = [
        ("dcat", "http://www.w3.org/ns/dcat#"),
        ("dct", "http://purl.org/dc/terms/"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("freq", "http://publications.europa.eu/resource/authority/frequency/"),
        ("filetype", "http://publications.europa.eu/resource/authority/file-type/"),
        ("theme", "http://publications.europa.eu/resource/authority/data-theme/"),
        ("licence", "http://publications.europa.eu/resource/authority/licence/"),
    ]

    /// Satu Data's update frequency (`Dataset.Frequency` raw value) → the EU frequency authority table.
    public static func frequency(_ raw: String) -> String? {
        let code: String? = switch raw {
        case "harian": "DAILY"
        case "mingguan": "WEEKLY"
        case "bulanan": "MONTHLY"
        case "triwulanan": "QUARTERLY"
        case "semesteran": "ANNUAL_2"
        case "tahunan": "ANNUAL"
        case "lima_tahunan": "QUINQUENNIAL"
        case "tidak_tetap": "IRREG"
        default: nil
        }
        return code.map { "http://publications.europa.eu/resource/authority/frequency/" + $0 }
    }

    /// A licence as typed on the dataset form → an IRI of the EU licence table, a URL as given,
    /// or nil (then the licence travels as a labelled `dct:LicenseDocument`).
    public static func licence(_ raw: String) -> String? {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let known = ["CC-BY-4.0": "CC_BY_4_0", "CC-BY-SA-4.0": "CC_BYSA_4_0", "CC0-1.0": "CC0", "ODbL-1.0": "ODBL"]
        if let code = known[value] { return "http://publications.europa.eu/resource/authority/licence/" + code }
        if value.hasPrefix("https://") || value.hasPrefix("http://"), !value.contains(where: \.isWhitespace) { return value }
        return nil
    }

    /// The EU data theme of a topic typed in Indonesian (or English), when a word of it is known.
    public static func theme(_ topic: String) -> String? {
        let words = topic.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let table: [(String, [String])] = [
            ("HEAL", ["kesehatan", "health", "gizi", "stunting"]),
            ("EDUC", ["pendidikan", "education", "kebudayaan", "olahraga", "pemuda", "sekolah"]),
            ("AGRI", ["pertanian", "perikanan", "kelautan", "peternakan", "perkebunan", "kehutanan", "pangan", "agriculture", "fisheries"]),
            ("ECON", ["ekonomi", "keuangan", "perdagangan", "industri", "koperasi", "umkm", "pariwisata", "economy", "finance"]),
            ("ENVI", ["lingkungan", "environment", "iklim", "bencana"]),
            ("ENER", ["energi", "energy", "listrik"]),
            ("TRAN", ["perhubungan", "transportasi", "transport"]),
            ("GOVE", ["pemerintahan", "government", "kepegawaian", "anggaran"]),
            ("JUST", ["hukum", "keamanan", "ketertiban", "justice"]),
            ("SOCI", ["kependudukan", "penduduk", "sosial", "kemiskinan", "population", "social", "ketenagakerjaan"]),
            ("REGI", ["wilayah", "pertanahan", "tata", "infrastruktur", "perumahan", "region"]),
            ("TECH", ["teknologi", "komunikasi", "informatika", "statistik", "technology"]),
        ]
        for (code, keys) in table where words.contains(where: keys.contains) {
            return "http://publications.europa.eu/resource/authority/data-theme/" + code
        }
        return nil
    }

    /// The years a period names ("2019–2023", "Tahun 2024") → its first and last day.
    public static func years(in period: String) -> (start: String, end: String)? {
        var years: [Int] = []
        var digits = ""
        for ch in period + " " {
            if ch.isASCII && ch.isNumber { digits.append(ch); continue }
            if digits.count == 4, let year = Int(digits), (1800...2200).contains(year) { years.append(year) }
            digits = ""
        }
        guard let first = years.min(), let last = years.max() else { return nil }
        return (String(format: "%04d-01-01", first), String(format: "%04d-12-31", last))
    }
}
