import Foundation
import Vapor
import WalidataCore

/// The printed outputs of steps 1 and 2 inside the A4 `PrintDocument` frame: the registration
/// letter laid out as an Indonesian official letter (naskah dinas), and the tanda terima.
/// The letter is always in Indonesian, whatever the reader's interface language, because it
/// is an official document of the regency.
enum LetterPrint {
    static let letterStyle: HTML = """
    <style>
    .letter{font-family:"Times New Roman","Liberation Serif",serif;font-size:12pt;line-height:1.4}
    .letter .head{display:flex;justify-content:space-between;align-items:flex-start;margin-bottom:14px}
    .letter table.ref td{padding:0 4px 0 0;vertical-align:top}
    .letter .to{margin:10px 0 14px 0}
    .letter .to p{margin:0}
    .letter .body p{text-align:justify;text-indent:12mm;margin:0 0 8px}
    .letter .sign{margin:18px 0 0 auto;width:80mm;text-align:left}
    .letter .sign .space{height:22mm}
    .letter .sign .name{font-weight:700;text-decoration:underline;margin:0}
    .letter .sign p{margin:0}
    .letter .copies{margin-top:18px;font-size:11pt}
    .letter .copies ol{margin:2px 0 0 18px;padding:0}
    .receipt table.meta td,.receipt table.meta th{text-align:left;padding:2px 6px 2px 0;vertical-align:top}
    .receipt .tick{font-size:13px;text-align:center;width:18mm}
    .receipt .signs{font-size:12px}
    </style>
    """

    static func letter(_ fields: LetterFields, number: String?, calendar: WorkingCalendar) -> HTML {
        let day = calendar.localDate(of: fields.date)
        let date = DateText.longDate(year: day.year, month: day.month, day: day.day, lang: .id)
        let recipient = fields.recipient.split(whereSeparator: \.isNewline).map { "<p>\(String($0))</p>" as HTML }
        let paragraphs = paragraphs(fields.body).map { "<p>\($0)</p>" as HTML }
        let copies = fields.copies.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return """
        \(letterStyle)
        <div class="letter" id="letter">
        <div class="head">
        <table class="ref"><tr><td>Nomor</td><td>:</td><td id="print-number">\(number ?? "…………")</td></tr>
        <tr><td>Sifat</td><td>:</td><td>\(fields.nature)</td></tr>
        <tr><td>Lampiran</td><td>:</td><td>\(fields.attachment.isEmpty ? "-" : fields.attachment)</td></tr>
        <tr><td>Hal</td><td>:</td><td><strong>\(fields.subject)</strong></td></tr></table>
        <div id="place-date">\(fields.place), \(date)</div>
        </div>
        <div class="to"><p>Yth.</p>\(recipient)</div>
        <div class="body">\(paragraphs)</div>
        <div class="sign" id="signer"><p>\(fields.signerTitle),</p><div class="space"></div>
        <p class="name">\(fields.signerName)</p>\(HTML.when(!fields.signerNIP.isEmpty, "<p>NIP. \(fields.signerNIP)</p>"))</div>
        \(HTML.when(!copies.isEmpty, "<div class=\"copies\" id=\"copies\">Tembusan:<ol>\(copies.map { "<li>\($0)</li>" as HTML })</ol></div>"))
        </div>
        """
    }

    /// Paragraphs are separated by blank lines; single line breaks inside one are kept as spaces.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
            .filter { !$0.isEmpty }
    }

    /// The tanda terima as it was issued (`CaseReceipt.Issued`), whatever changed since.
    static func receipt(_ t: Translator, issued: CaseReceipt.Issued, receipt: CaseReceipt) -> HTML {
        let rows = receipt.lines.enumerated().map { index, line -> HTML in
            """
            <tr><td class="num">\(index + 1)</td><td>\(line.text)\(HTML.when(line.optional, " <em>(opsional)</em>"))</td>\
            <td class="tick">\(line.checked ? "✔" : "–")</td></tr>
            """
        }
        let datasets = issued.datasets.joined(separator: "; ")
        let requester = PrintDocument.Signer(
            lines: ["Yang menyerahkan,", t("docs.receipt.requester")], name: issued.requester, nip: nil, id: "signer-requester", under: issued.organization)
        let officer = PrintDocument.Signer(
            placeDate: t("record.sign.place_date", issued.place, issued.date), lines: ["Yang menerima,", "Petugas Administrasi"],
            name: issued.officerName, nip: issued.officerNIP, id: "signer")
        return """
        \(letterStyle)
        <div class="receipt" id="receipt">
        <h1>Tanda Terima Berkas</h1>
        <p class="sub">Permohonan Pengelolaan Data</p>
        <table class="meta">
        <tr><th>Nomor registrasi</th><td>:</td><td id="receipt-number">\(issued.number)</td></tr>
        <tr><th>Tanggal</th><td>:</td><td>\(issued.date)</td></tr>
        <tr><th>Pemohon</th><td>:</td><td>\(issued.requester)</td></tr>
        <tr><th>Perangkat Daerah</th><td>:</td><td>\(issued.organization)</td></tr>
        <tr><th>Jenis permohonan</th><td>:</td><td>\(issued.kind)</td></tr>
        <tr><th>Judul</th><td>:</td><td>\(issued.title)</td></tr>
        <tr><th>Dataset</th><td>:</td><td id="receipt-datasets">\(datasets.isEmpty ? "–" : datasets)</td></tr>
        </table>
        <p>Kelengkapan berkas yang diterima:</p>
        <table class="doc-table" id="receipt-checklist"><thead><tr><th class="num">No</th><th>Berkas</th><th>Ada</th></tr></thead><tbody>\(rows)</tbody></table>
        \(HTML.when(!receipt.conveyed.isEmpty, "<p><strong>Disampaikan kepada pemohon:</strong> \(receipt.conveyed)</p>"))
        <div class="signs">\(PrintDocument.signatures(requester, officer, id: "receipt-signers"))</div>
        </div>
        """
    }
}
