"""Official documents as an office expects them (issue 9).

The admin sets the kop surat (contacts, the regency's arms as a PNG) on the settings page; one
case is walked through its nine steps over the API (the admin acting for each lane, with a
reason); then every print is printed to PDF and each page rendered to PNG:
  - in English mode the documents are still Indonesian;
  - no page of the report prints ends with a lone heading ("Uraian"), wherever the facts above
    push it (the facts are padded from 0 to a page's height, a print each);
  - the case record's signature block never starts a page on its own;
  - the receipt's two names stand on the same line.

Pages and ids used:
  /admin/settings   #settings-form, textarea[name='checklist.step1'], input[name='letterhead.*'],
                    #arms-form (#arms-file, #arms-submit), #arms-preview
  /account/tokens   [name=name], #create-token, #token-value
  /account          [name=language], #save-language
"""

import json
import struct
import subprocess
import tempfile
import urllib.request
import zlib
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import print_pdf

pytestmark = pytest.mark.browser

ADMIN_PASSWORD = "Rahasia-Admin-1"
REASON = "Uji cetak dokumen"
NARRATIVE = "\n\n".join(
    f"Paragraf {n}: data stunting per kecamatan diterima dari Dinas Kesehatan, diperiksa kelengkapannya, "
    "disimpan sebagai versi baru, dan dicatat pada catatan penyimpanan data." for n in range(1, 7)
)


def arms_png(path: Path) -> None:
    """A 120 × 140 shield-ish picture: green with a gold disc, written as a real PNG."""
    w, h = 120, 140
    rows = []
    for y in range(h):
        row = bytearray(b"\x00")
        for x in range(w):
            inside = (x - 60) ** 2 + (y - 60) ** 2 < 35 ** 2
            row += bytes((230, 180, 30) if inside else (20, 110, 60))
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))


class API:
    def __init__(self, server, token):
        self.server, self.token = server, token

    def __call__(self, method, path, body=None, raw=None, content_type="application/json"):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.server.url(path), data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Content-Type": content_type, "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                text = response.read()
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"{method} {path}: {exc.code} {exc.read()[:600]!r}") from exc
        return json.loads(text) if text else None


def page_texts(pdf: Path) -> list[list[str]]:
    """Each page's non-empty text lines, without the page-number footer."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True)
    pages = []
    for page in out.stdout.split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        lines = [line for line in lines if not line.startswith("Halaman ")]
        if lines:
            pages.append(lines)
    return pages


def render_pages(pdf: Path) -> None:
    """Every page as <stem>-N.png, to be looked at."""
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))], check=True, timeout=120)


def lone_heading(pdf: Path, headings: set[str]) -> str | None:
    for number, lines in enumerate(page_texts(pdf)[:-1], start=1):
        if lines[-1] in headings:
            return f"page {number} ends with the heading {lines[-1]!r}"
    return None


def test_documents_print_as_an_office_expects(ui, server, shot):
    server.cli("demo")
    ui.login("admin", ADMIN_PASSWORD)

    # The kop surat and a one-item checklist, set on the settings page.
    ui.go("/admin/settings")
    assert "(checklist.step1)" not in ui.text()
    checklist = ui.el("textarea[name='checklist.step1']")
    assert "Surat" in checklist.get_attribute("value"), "the value in force is shown, editable"
    checklist.clear()
    checklist.send_keys("Surat permohonan")
    for name, value in [("letterhead.address", "Jalan Raya Tuapeijat KM 4, Sipora Utara"), ("letterhead.postal_code", "25392"),
                        ("letterhead.phone", "(0759) 320000"), ("letterhead.email", "diskominfo@mentawaikab.go.id"),
                        ("letterhead.website", "mentawaikab.go.id")]:
        field = ui.el(f"input[name='{name}']")
        field.clear()
        field.send_keys(value)
    ui.click_and_wait_navigation("#settings-form button[type=submit]")
    assert ui.exists("input[name='reset.checklist.step1']"), "a changed value offers the way back to the default"
    png = Path(tempfile.mkdtemp()) / "lambang.png"
    arms_png(png)
    ui.el("#arms-file").send_keys(str(png))
    ui.click_and_wait_navigation("#arms-submit")
    assert ui.exists("#arms-preview img"), ui.text()[:500]
    for width in (1280, 390):
        ui.driver.set_window_size(width, 900)
        ui.go("/admin/settings")
        shot(f"settings-id-{width}", full_page=True)

    # A token for the API, then one case through its nine steps.
    ui.go("/account/tokens")
    ui.fill("name", "uji cetak")
    ui.click_and_wait_navigation("#create-token")
    api = API(server, ui.el("#token-value").text.strip())
    organization = api("GET", "/api/v1/organizations")["items"][0]["id"]
    case = api("POST", "/api/v1/cases", {"kind": "update", "title": "Data stunting per kecamatan 2026", "description": "Pembaruan",
                                          "organizationID": organization, "requesterName": "Budi Santoso"})
    cid = case["id"]

    def complete(step, **extra):
        api("POST", f"/api/v1/cases/{cid}/steps/{step}/complete", {"overrideReason": REASON, **extra})

    complete(1, checklist=["Surat permohonan"])
    # Step 2 needs the letter saved (the system's draft is not enough).
    letter = api("GET", f"/api/v1/cases/{cid}/letter")
    fields = {k: letter[k] for k in ("place", "date", "nature", "attachment", "subject", "recipient", "body", "signerTitle", "signerName",
                                     "signerNIP", "copies") if k in letter}
    api("PUT", f"/api/v1/cases/{cid}/letter", fields)
    complete(2)
    csv = "kecamatan,jumlah\nSipora Utara,120\nSiberut Selatan,98\n".encode()
    attachment = api("POST", f"/api/v1/cases/{cid}/attachments?filename=stunting.csv", raw=csv, content_type="text/csv")
    api("POST", f"/api/v1/cases/{cid}/attachments/{attachment['id']}/store", {"title": "Stunting per kecamatan 2026", "topic": "Kesehatan", "source": "Dinas Kesehatan",
                                                                           "unit": "anak", "period": "2026", "access": "terbuka"})
    complete(3)
    complete(4)
    api("PUT", f"/api/v1/cases/{cid}/report", {"narrative": NARRATIVE})
    for step in (5, 6):
        complete(step)
    complete(7, decision="ya", note="Sudah benar.")
    complete(8)
    complete(9, title="Data stunting 2026 terbuka", body="Data stunting per kecamatan 2026 dapat diunduh.")

    prints = {
        "receipt": (f"/cases/{cid}/receipt", False), "letter": (f"/cases/{cid}/letter/print", False),
        "report-1": (f"/cases/{cid}/report/1", False), "report-final": (f"/cases/{cid}/report/final", False),
        "final-report": (f"/cases/{cid}/final-report", False), "record": (f"/cases/{cid}/record", True),
        "case-log": (f"/cases/{cid}/storage-log?print=1", True), "storage-log": ("/storage-log/print", True),
        "sop": ("/sop/print", True),
    }
    ui.driver.set_window_size(1280, 900)
    indonesian = {}
    for name, (path, landscape) in prints.items():
        ui.go(path)
        indonesian[name] = ui.el("body").text
        assert ui.exists("#kop-arms"), f"{name} prints the uploaded arms"
        if name != "sop":  # the SOP's identity sheet has its own layout: the arms, no contacts
            assert "Telepon (0759) 320000" in ui.text() and "Kode Pos 25392" in ui.text(), name
        pdf, _ = print_pdf(ui.driver, ui.shot.next_path(name, ".pdf"), landscape=landscape)
        render_pages(pdf)

    # English mode: the interface is English, the documents are not.
    ui.go("/account")
    Select(ui.el("select[name='language']")).select_by_value("en")
    ui.click_and_wait_navigation("#save-language")
    for name, (path, landscape) in prints.items():
        ui.go(path)
        text = ui.el("body").text
        for phrase in ("Printed from", "Store new data", "STANDARD OPERATING PROCEDURE", "Record of data storage", "Printed by"):
            assert phrase not in text, f"{name} says {phrase!r} in English mode"
        assert ui.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id", name
    ui.go("/admin/settings")
    shot("settings-en-1280", full_page=True)
    ui.driver.set_window_size(390, 900)
    ui.go("/admin/settings")
    shot("settings-en-390", full_page=True)
    ui.driver.set_window_size(1280, 900)

    # No heading ends a page, wherever the facts above push it: pad the facts a step at a time.
    work = Path(tempfile.mkdtemp(prefix="walidata-breaks-"))
    pads = range(0, 1040, 13)
    # The control: without the print rule some padding does leave "Uraian" alone at a page's foot,
    # so the sweep below can see what it looks for.
    ui.go(prints["report-1"][0])
    ui.driver.execute_script(
        "const s = document.createElement('style'); s.textContent = 'h4{break-after:auto!important;page-break-after:auto!important}';"
        "document.head.appendChild(s)")
    for pad in pads:
        ui.driver.execute_script("document.querySelector('.facts').style.paddingBottom = arguments[0] + 'px'", pad)
        pdf, _ = print_pdf(ui.driver, work / f"control-{pad}.pdf", landscape=False, render_png=False)
        if lone_heading(pdf, {"Uraian"}):
            break
    else:
        pytest.fail("the control never left a heading alone: the sweep would not notice a missing rule")
    for name in ("report-1", "report-final"):
        ui.go(prints[name][0])
        headings = {e.text.strip() for e in ui.driver.find_elements(By.CSS_SELECTOR, "h1,h2,h3,h4") if e.text.strip()}
        assert "Uraian" in headings
        for pad in pads:
            ui.driver.execute_script("document.querySelector('.facts').style.paddingBottom = arguments[0] + 'px'", pad)
            pdf, _ = print_pdf(ui.driver, work / f"{name}-{pad}.pdf", landscape=False, render_png=False)
            problem = lone_heading(pdf, headings)
            if problem:
                render_pages(pdf)
                pytest.fail(f"{name} padded {pad}px: {problem} (pages in {work})")

    # The record's signature block never starts a page alone.
    ui.go(prints["record"][0])
    for pad in range(0, 700, 20):
        ui.driver.execute_script("document.querySelector('#record-log').style.marginTop = arguments[0] + 'px'", pad)
        pdf, _ = print_pdf(ui.driver, work / f"record-{pad}.pdf", landscape=True, render_png=False)
        for number, lines in enumerate(page_texts(pdf), start=1):
            starts = [i for i, line in enumerate(lines) if line.startswith("Dicetak oleh")]
            assert not starts or starts[0] > 0, f"record padded {pad}px: the signatures start page {number} alone"

    # The receipt's two signers stand level: both names on one line of the PDF's text.
    receipt_pdf = sorted(ui.shot.folder.glob("*-receipt.pdf"))[0]
    lines = [line for page in page_texts(receipt_pdf) for line in page]
    officer_name = "Administrator Sistem"
    assert any("Budi Santoso" in line and officer_name in line for line in lines), "\n".join(lines[-12:])
