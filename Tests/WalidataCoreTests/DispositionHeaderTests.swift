import Testing
import WalidataCore

@Suite("Content-Disposition of a multipart part")
struct DispositionHeaderTests {
    @Test func aSemicolonInsideQuotesBelongsToTheName() {
        let header = DispositionHeader(#"form-data; name="file"; filename="a;b.csv""#)
        #expect(header.type == "form-data")
        #expect(header.name == "file")
        #expect(header.filename == "a;b.csv")
    }

    @Test func escapedQuotesAndEqualsSignsStayInTheName() {
        #expect(DispositionHeader(#"form-data; name="file"; filename="laporan \"final\"=2.csv""#).filename == #"laporan "final"=2.csv"#)
    }

    @Test func aBackslashThatEscapesNothingStaysAsInAWindowsPath() {
        #expect(DispositionHeader(#"form-data; name="file"; filename="C:\data\rekap.csv""#).filename == #"C:\data\rekap.csv"#)
    }

    @Test func theExtendedUTF8NameWinsOverThePlainOneInEitherOrder() {
        let after = DispositionHeader(#"form-data; name="file"; filename="Data_Kab.csv"; filename*=UTF-8''Data%20Kab%C3%A9%3B%20Sipora.csv"#)
        #expect(after.filename == "Data Kabé; Sipora.csv")
        let before = DispositionHeader(#"form-data; filename*=utf-8'id'Rekap%20%E2%80%93%20Mentawai.csv; name="file"; filename="Rekap.csv""#)
        #expect(before.filename == "Rekap – Mentawai.csv")
        #expect(before.name == "file")
    }

    @Test func aBrokenExtendedValueFallsBackToThePlainName() {
        #expect(DispositionHeader(#"form-data; name="file"; filename="rekap.csv"; filename*=UTF-8''%E2%ZZ"#).filename == "rekap.csv")
        #expect(DispositionHeader(#"form-data; name="file"; filename="rekap.csv"; filename*=koi8-r''x.csv"#).filename == "rekap.csv")
    }

    @Test func namesAreCaseInsensitiveAndTokensNeedNoQuotes() {
        let header = DispositionHeader("Form-Data; NAME=file; FileName=rekap 2025.csv")
        #expect(header.type == "form-data")
        #expect(header.name == "file")
        #expect(header.filename == "rekap 2025.csv")
    }

    @Test func aFieldWithoutFileNameHasNone() {
        let header = DispositionHeader(#"form-data; name="note""#)
        #expect(header.name == "note")
        #expect(header.filename == nil)
    }
}
