#!/usr/bin/env python3
"""Makes the workbook fixtures of the Excel intake tests, with the programs officers use.

openpyxl builds each workbook; LibreOffice headless (`soffice --headless --convert-to`) then
opens and saves it again as .xlsx, .xls and .ods, so the committed files are written by a
real spreadsheet program (cached formula values, its shared strings and styles). The
malformed files are written by hand with zipfile. The outputs are committed, so `swift test`
needs neither LibreOffice nor openpyxl; run this again only to change them:

    python3 Tests/Fixtures/xlsx/make-fixtures.py      (needs soffice, openpyxl, msoffcrypto-tool)
"""
import datetime as dt
import io
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))


def soffice(src, fmt, outname):
    """Opens `src` in LibreOffice and saves it as `fmt` under `outname` here."""
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--calc",
                        "--convert-to", fmt, "--outdir", out, src], check=True, capture_output=True)
        made = [f for f in os.listdir(out)]
        assert len(made) == 1, made
        shutil.move(os.path.join(out, made[0]), os.path.join(HERE, outname))


def messy(path):
    """Three sheets: instructions only, the regency's messy table, a clean second table."""
    wb = openpyxl.Workbook()
    info = wb.active
    info.title = "Petunjuk"
    info["A1"] = "Petunjuk pengisian"
    info["A2"] = "Isi lembar Tabel 3.1 setiap triwulan."

    ws = wb.create_sheet("Tabel 3.1")
    ws["A1"] = "Tabel 3.1 Jumlah Penduduk Menurut Kecamatan dan Jenis Kelamin, 2024"
    ws["A1"].font = Font(bold=True)
    ws["A2"] = "Kabupaten Contoh"
    for cell, text in {"A4": "No", "B4": "Kode", "C4": "Kecamatan", "D4": "Jumlah Penduduk", "F4": "Tanggal\nPendataan",
                       "D5": "Laki-laki", "E5": "Perempuan"}.items():
        ws[cell] = text
        ws[cell].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for merged in ("A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:F5"):
        ws.merge_cells(merged)
    rows = [
        (1, "001", "Teluk Dalam", 1200, 1310, dt.date(2024, 1, 31)),
        (2, "002", "Sungai Raya", 980, 1002, dt.date(2024, 2, 29)),
        (3, "010", "Bukit Batu", 15004, 14990, dt.date(2024, 3, 1)),
        (4, "011", "Pulau Kecil", 310, 295, dt.date(2024, 12, 31)),
    ]
    for i, row in enumerate(rows):
        r = 6 + i
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if c == 2:
                cell.number_format = "@"
            if c == 6:
                cell.number_format = "dd/mm/yyyy"
    ws["A10"] = "Jumlah"
    ws.merge_cells("A10:C10")
    ws["D10"] = "=SUM(D6:D9)"
    ws["E10"] = "=SUM(E6:E9)"
    ws["A12"] = "Sumber: BPS Kabupaten Contoh"
    ws["A13"] = "Catatan: angka sementara"

    clean = wb.create_sheet("Rasio")
    clean.append(["Kecamatan", "Rasio Jenis Kelamin", "Padat", "Luas (km2)"])
    clean.append(["Teluk Dalam", "='Tabel 3.1'!D6/'Tabel 3.1'!E6*100", True, 12.5])
    clean.append(["Sungai Raya", 97.8, False, 0.1 + 0.2])
    wb.save(path)


def dates(path, mac):
    wb = openpyxl.Workbook()
    if mac:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Tanggal"
    ws.append(["Kejadian", "Tanggal", "Tanggal ISO", "Jam", "Waktu", "Angka"])
    values = [
        ("Awal", dt.date(2024, 1, 31), dt.date(2024, 1, 31), dt.time(8, 30), dt.datetime(2024, 1, 31, 8, 30), 45322),
        ("Kabisat", dt.date(2024, 2, 29), dt.date(2024, 2, 29), dt.time(23, 59, 59), dt.datetime(2024, 2, 29, 0, 0), 1.5),
        ("Lama", dt.date(1905, 3, 1), dt.date(1905, 3, 1), dt.time(0, 0, 1), dt.datetime(1999, 12, 31, 12, 0), -3),
    ]
    for row in values:
        ws.append(row)
    for r in range(2, 5):
        ws.cell(row=r, column=2).number_format = "d mmmm yyyy"
        ws.cell(row=r, column=3).number_format = "yyyy-mm-dd"
        ws.cell(row=r, column=4).number_format = "hh:mm:ss"
        ws.cell(row=r, column=5).number_format = "dd/mm/yyyy hh:mm"
    wb.save(path)


def part(z, name, text):
    z.writestr(name, text)


def minimal_xlsx(path, sheet_xml, compress=zipfile.ZIP_DEFLATED):
    """A workbook of one sheet written by hand, for what no spreadsheet program writes."""
    with zipfile.ZipFile(path, "w", compress) as z:
        part(z, "[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/></Types>')
        part(z, "_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        part(z, "xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
             '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
        part(z, "xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)


def sheet(rows_xml):
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + rows_xml + "</sheetData></worksheet>")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "messy.xlsx")
        messy(src)
        shutil.copy(src, os.path.join(HERE, "messy-openpyxl.xlsx"))
        soffice(src, "xlsx", "messy.xlsx")
        soffice(src, "xls", "messy.xls")
        soffice(src, "ods", "messy.ods")
        for mac, name in ((False, "dates-1900"), (True, "dates-1904")):
            dsrc = os.path.join(tmp, name + ".xlsx")
            dates(dsrc, mac)
            soffice(dsrc, "xlsx", name + ".xlsx")
        # A password-protected workbook, encrypted the way Office does (an OLE2 file holding
        # EncryptionInfo and EncryptedPackage).
        import msoffcrypto
        from msoffcrypto.format.ooxml import OOXMLFile
        with open(os.path.join(HERE, "messy.xlsx"), "rb") as plain, open(os.path.join(HERE, "password.xlsx"), "wb") as out:
            OOXMLFile(plain).encrypt("rahasia", out)

    # Malformed files, by hand.
    data = open(os.path.join(HERE, "messy.xlsx"), "rb").read()
    open(os.path.join(HERE, "truncated.xlsx"), "wb").write(data[: len(data) // 2])
    with zipfile.ZipFile(os.path.join(HERE, "not-a-workbook.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("laporan.txt", "Ini bukan buku kerja.\n")
    # 20,000 columns: far past Excel's last column XFD (16,384).
    cells = "".join(f'<c t="inlineStr"><is><t>K{i}</t></is></c>' for i in range(1, 20_001))
    minimal_xlsx(os.path.join(HERE, "wide.xlsx"), sheet(f'<row r="1">{cells}</row>'))
    # A zip bomb: 64 MB of XML that deflates to a few dozen KB.
    bomb = io.StringIO()
    bomb.write('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    bomb.write('<row r="1"><c t="inlineStr"><is><t>Nama</t></is></c></row>')
    bomb.write(" " * (64 << 20))
    bomb.write("</sheetData></worksheet>")
    minimal_xlsx(os.path.join(HERE, "bomb.xlsx"), bomb.getvalue())
    # Inline strings, str formula results, booleans, errors and gaps in the cell references.
    minimal_xlsx(os.path.join(HERE, "cell-types.xlsx"), sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Kode</t></is></c><c r="B1" t="inlineStr"><is><t>Nama &amp; Alamat</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>Aktif</t></is></c><c r="D1" t="inlineStr"><is><t>Nilai</t></is></c>'
        '<c r="E1" t="inlineStr"><is><t>Rumus</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>007</t></is></c><c r="B2" t="str"><f>"A"&amp;"B"</f><v>AB</v></c>'
        '<c r="C2" t="b"><v>1</v></c><c r="D2"><v>0.30000000000000004</v></c><c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>010</t></is></c><c r="C3" t="b"><v>0</v></c><c r="D3"><v>1234567</v></c>'
        '<c r="E3"><f>D3*2</f><v>2469134</v></c></row>'
        '<row r="5"><c r="A5" t="inlineStr"><is><t>100</t></is></c><c r="B5" t="inlineStr"><is><t>Baris&#10;dua</t></is></c>'
        '<c r="D5"><v>1E-3</v></c></row>'))


if __name__ == "__main__":
    main()
