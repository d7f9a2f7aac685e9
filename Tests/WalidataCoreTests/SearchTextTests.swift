import Testing
@testable import WalidataCore

@Suite("Catalogue search words: folding and Indonesian stems")
struct SearchTextTests {
    /// Each row: word forms that must reach the same stem, and that stem.
    static let families: [([String], String)] = [
        (["pendidikan", "mendidik", "pendidik", "dididik", "didik", "berpendidikan"], "didik"),
        (["kependudukan", "penduduk", "penduduknya"], "duduk"),
        (["pertanian", "tani"], "tani"),
        (["kesehatan", "sehat"], "sehat"),
        (["perikanan", "ikan"], "ikan"),
        (["peternakan", "ternak"], "ternak"),
        (["terbuka", "keterbukaan", "buka"], "buka"),
        (["penggunaan", "menggunakan", "pengguna", "guna"], "guna"),
        (["penyusunan", "menyusun", "susun"], "susun"),
        (["penerimaan", "terima"], "terima"),
        (["pemerintah", "pemerintahan"], "perintah"),
        (["pelayanan", "layanan"], "layan"),
        (["pekerjaan", "bekerja", "kerja"], "kerja"),
        (["bulanan", "bulan"], "bulan"),
        (["tahunan", "tahun"], "tahun"),
        (["diperbaiki", "perbaikan", "baik"], "baik"),
        (["berdasarkan", "dasar"], "dasar"),
        (["pembangunan", "membangun", "bangunan", "bangun"], "bangun"),
    ]

    @Test("word forms of one root meet at one stem", arguments: families)
    func family(forms: [String], stem: String) {
        for form in forms { #expect(IndonesianStemmer.stem(form) == stem, "\(form)") }
    }

    @Test("short and root words are left alone rather than cut too short")
    func roots() {
        for word in ["dinas", "didik", "data", "sekolah", "jumlah", "informasi", "statistik", "ekonomi", "ikan", "bulan", "jalan", "badan", "2024"] {
            #expect(IndonesianStemmer.stem(word) == word, "\(word)")
        }
    }

    /// Limits a reader should know: guesses without a dictionary that do not meet.
    @Test("known limits: men- before a vowel is read as t-, and -an is kept on short bare words")
    func knownLimits() {
        #expect(IndonesianStemmer.stem("penilaian") == "tilai")  // not "nilai"
        #expect(IndonesianStemmer.stem("harian") == "harian")    // not "hari"
    }

    @Test("typing without diacritics finds text with them, and case does not matter")
    func folding() {
        #expect(SearchText.fold("Ekonomí Kreatif") == "ekonomi kreatif")
        #expect(SearchText.words("Café — SÃO Tomé, naïve") == ["cafe", "sao", "tome", "naive"])
        #expect(SearchText.terms("PENDIDIKAN dasar") == ["didik", "dasar"])
    }

    @Test("search operators and punctuation never survive: only words reach the database")
    func hostile() {
        #expect(SearchText.queryTerms(#""pendidikan" OR NEAR(a b) -sekolah* kolom:nilai ^"#)
            == ["didik", "or", "near", "a", "b", "sekolah", "kolom", "nilai"])
        #expect(SearchText.queryTerms("\"\"\" *** --- ::: ()") == [])
        #expect(SearchText.queryTerms(String(repeating: "kata ", count: 100) + String(repeating: "x", count: 500)).count == 2)
        #expect(SearchText.words(String(repeating: "y", count: 500)).first?.count == SearchText.maxWordLength)
        #expect(SearchText.queryTerms((1...40).map { "w\($0)" }.joined(separator: " ")).count == SearchText.maxQueryWords)
    }
}
