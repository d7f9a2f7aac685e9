import Foundation
import Testing
@testable import WalidataTables

@Suite("Encodings and non-text files")
struct EncodingTests {
    @Test func plainUTF8IsReadAsIs() throws {
        let scratch = try Scratch()
        let check = try scratch.check("desa,keterangan\nSaibi Samukop,Jalan rusak – perlu perbaikan\nMuntei,Curah hujan ≥ 200 mm\n")
        #expect(check.accepted)
        #expect(check.encoding == .utf8)
        #expect(check.preview == [["Saibi Samukop", "Jalan rusak – perlu perbaikan"], ["Muntei", "Curah hujan ≥ 200 mm"]])
    }

    @Test func byteOrderMarkIsDroppedAndReported() throws {
        let scratch = try Scratch()
        let check = try scratch.check(bytes: [0xEF, 0xBB, 0xBF] + Array("kode,nama\n1,Sikakap\n".utf8))
        #expect(check.accepted)
        #expect(check.encoding == .utf8WithBOM)
        #expect(check.header == ["kode", "nama"])
        #expect(check.column("kode")?.type == .integer)
    }

    @Test func windows1252IsConvertedToUTF8() throws {
        let scratch = try Scratch()
        // "café" with 0xE9, an en dash 0x96 and a euro sign 0x80, as old Excel saves them.
        let bytes = Array("nama;catatan\nKantor ".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array(";2019 ".utf8) + [0x96]
            + Array(" 2020 ".utf8) + [0x80] + Array(" 5\n".utf8)
        let check = try scratch.check(bytes: bytes)
        #expect(check.accepted)
        #expect(check.encoding == .windows1252)
        #expect(check.preview == [["Kantor Café", "2019 – 2020 € 5"]])
    }

    @Test func windows1252FoundLateInALargeFileStillConverts() throws {
        let scratch = try Scratch()
        var bytes = Array("no,nama\n".utf8)
        for i in 1...3000 { bytes += Array("\(i),baris biasa\n".utf8) }
        bytes += Array("3001,Jos".utf8) + [0xE9] + Array("\n".utf8)
        let check = try scratch.check(bytes: bytes, options: { var o = IngestOptions(); o.chunkSize = 4096; return o }())
        #expect(check.encoding == .windows1252)
        #expect(check.rowCount == 3001)
        #expect(check.column("nama")?.maximum == "baris biasa")
        #expect(check.column("nama")?.minimum == "José")
    }

    @Test func binaryFileNamedCSVIsRejectedWithItsKind() throws {
        let scratch = try Scratch()
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52] + Array(repeating: 0, count: 64)
        let check = try scratch.check(bytes: png)
        #expect(!check.accepted)
        #expect(check.codes == [.binaryFile])
        #expect(check.problems[0].parameters["kind"] == "PNG")
        #expect(check.problems[0].indonesianMessage.contains("bukan teks CSV"))
    }

    @Test func excelWorkbookRenamedToCSVIsNamed() throws {
        let scratch = try Scratch()
        let check = try scratch.check(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8))
        #expect(check.codes == [.binaryFile])
        #expect(check.problems[0].parameters["kind"]?.contains("xlsx") == true)
    }

    @Test func zeroBytesWithoutASignatureAreBinary() throws {
        let scratch = try Scratch()
        let check = try scratch.check(bytes: Array("a,b\n1,2\n".utf8) + [0, 0, 7, 0, 0x13, 0])
        #expect(!check.accepted)
        #expect(check.codes == [.binaryFile])
        #expect(check.problems[0].parameters["byteOffset"] == "8")
    }

    @Test func zeroByteAfterTheFirstChunkIsStillFoundAndNoTableIsLeft() throws {
        let scratch = try Scratch()
        var bytes = Array("no,nama\n".utf8)
        for i in 1...2000 { bytes += Array("\(i),baris\n".utf8) }
        bytes += [0x00]
        let csv = try scratch.file(bytes: bytes)
        var options = IngestOptions()
        options.chunkSize = 1024
        let check = try TableIngest.ingest(csvFile: csv, tableFile: scratch.url("t.sqlite"), options: options)
        #expect(check.codes == [.binaryFile])
        #expect(scratch.contents == ["data.csv"])
    }

    @Test func utf16IsRefusedWithAnExplanation() throws {
        let scratch = try Scratch()
        let check = try scratch.check(bytes: [0xFF, 0xFE] + Array("a,b\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(check.codes == [.unsupportedEncoding])
        #expect(check.problems[0].parameters["encoding"] == "UTF-16")
    }

    @Test func emptyAndBlankFilesAreRejected() throws {
        let scratch = try Scratch()
        for content in ["", "\n\n  \n", "\u{FEFF}"] {
            let check = try scratch.check(content)
            #expect(!check.accepted)
            #expect(check.codes == [.emptyFile])
            #expect(check.problems[0].indonesianMessage.hasPrefix("Berkas kosong"))
        }
    }
}
