"""The official documents as Word and PDF files, opened by real readers: a fresh `walidata serve`
with the demo accounts, one case walked through all nine steps through the API (as the admin,
with an override reason), then the letter, report round 1, the final concept and the final
report downloaded as .docx and .pdf. The .docx is read with python-docx and converted by
LibreOffice headless (its pages counted with pdfinfo); our own PDF is read with pdftotext and
pdfinfo.

    WALIDATA_BIN=$(swift build --show-bin-path)/walidata python3 -m pytest tests/api/test_docs_out.py -q

Set DOCS_OUT_KEEP=/some/dir to keep the files (and the PNG pages with DOCS_OUT_PNG=1) to look at.
"""
import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest
import requests

from conftest import serve


CSV = "kecamatan,jumlah_murid\nSiberut Selatan,120\nSikakap,80\nSipora Utara,95\n"
CHECKLIST = ["Surat permohonan dari Perangkat Daerah", "Identitas pemohon", "Daftar data yang akan dikelola"]
OVERRIDE = "Uji unduhan Word dan PDF"



@pytest.fixture(scope="module")
def server():
    with serve("walidata-docs.") as (url, work):
        yield url, work


def sign_in(url: str) -> requests.Session:
    web = requests.Session()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', web.get(url + "/login").text).group(1)
    web.post(url + "/login", data={"username": "admin", "password": "walidata-demo", "_csrf": csrf})
    return web


@pytest.fixture(scope="module")
def case(server):
    """A case walked through the nine steps; answers the API session, the case id and its letter number."""
    url, _ = server
    web = sign_in(url)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', web.get(url + "/account/tokens").text).group(1)
    page = web.post(url + "/account/tokens", data={"name": "docs-test", "_csrf": csrf}).text
    token = re.search(r'id="token-value">([^<]+)<', page).group(1)
    org = re.findall(r'<option value="([0-9A-Fa-f-]{36})"', web.get(url + "/datasets/new").text)[0]
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {token}"

    def ok(r, status=(200, 201)):
        assert r.status_code in status, f"{r.request.method} {r.request.url}: {r.status_code} {r.text[:400]}"
        return r.json()

    dataset = ok(api.post(url + "/api/v1/datasets", json={
        "title": "Jumlah Murid Sekolah Dasar", "organizationID": org, "description": "Murid SD menurut kecamatan.",
        "topic": "Pendidikan", "tags": "pendidikan", "frequency": "tahunan", "period": "2026", "unit": "orang",
        "source": "Dinas Pendidikan", "coverage": "Kabupaten", "access": "terbuka"}))
    created = ok(api.post(url + "/api/v1/cases", json={
        "kind": "simpan_baru", "title": "Data murid SD 2026", "description": "Jumlah murid per kecamatan",
        "organizationID": org, "requesterName": "Yohanes Sababalat", "datasetIDs": [dataset["id"]]}))
    cid = created["id"]

    def complete(step, **extra):
        return ok(api.post(url + f"/api/v1/cases/{cid}/steps/{step}/complete", json={"overrideReason": OVERRIDE, **extra}))

    complete(1, checklist=CHECKLIST, conveyed="Berkas lengkap")
    letter = ok(api.get(url + f"/api/v1/cases/{cid}/letter"))
    ok(api.put(url + f"/api/v1/cases/{cid}/letter", json={
        **{k: letter[k] for k in ("place", "date", "recipient", "body", "signerTitle")},
        "nature": "Biasa", "attachment": "1 (satu) berkas", "subject": "Pendaftaran pengelolaan data murid SD",
        "signerName": "Heri Robertus Sakerebau", "signerNIP": "197601132001121002", "copies": "Bupati Kepulauan Mentawai\nArsip"}))
    number = complete(2)["letterNumber"]
    ok(api.post(url + f"/api/v1/cases/{cid}/datasets", json={"dataset": dataset["id"]}))
    ok(api.post(url + f"/api/v1/datasets/{dataset['slug']}/versions?filename=murid.csv&case={cid}", data=CSV.encode(),
                headers={"Content-Type": "application/octet-stream"}))
    complete(3)
    complete(4)
    ok(api.put(url + f"/api/v1/cases/{cid}/report", json={"narrative": "Data murid diterima, diperiksa dan disimpan.\n\nTiga kecamatan tercatat."}))
    complete(5)
    complete(6)
    complete(7, decision="ya", note="Sudah benar.")
    complete(8)
    complete(9, title="Data murid SD 2026 terbuka", body="Jumlah murid SD per kecamatan dapat diunduh.", channels=["website"])
    return api, url, cid, number


DOCUMENTS = [
    ("letter", "/api/v1/cases/{cid}/letter/document", "/cases/{cid}/letter/print"),
    ("round1", "/api/v1/cases/{cid}/reports/1/document", "/cases/{cid}/report/1"),
    ("final", "/api/v1/cases/{cid}/reports/final/document", "/cases/{cid}/report/final"),
    ("report", "/api/v1/cases/{cid}/final-report/document", "/cases/{cid}/final-report"),
]


def keep(name: str, data: bytes) -> Path:
    folder = Path(os.environ.get("DOCS_OUT_KEEP") or tempfile.mkdtemp(prefix="docs-out."))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.mark.parametrize("name,api_path,web_path", DOCUMENTS)
def test_word_file_reads_in_python_docx_and_converts_in_libreoffice(case, name, api_path, web_path):
    api, url, cid, number = case
    r = api.get(url + api_path.format(cid=cid), params={"format": "docx"})
    assert r.status_code == 200, r.text[:300]
    assert r.headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    filename = re.search(r'filename="([^"]+)"', r.headers["Content-Disposition"]).group(1)
    assert re.fullmatch(r"[A-Za-z0-9._-]+\.docx", filename), filename
    document = docx.Document(io.BytesIO(r.content))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    text = "\n".join(texts)
    assert "PEMERINTAH KABUPATEN KEPULAUAN MENTAWAI" in text and "DINAS KOMUNIKASI DAN INFORMATIKA" in text
    section = document.sections[0]
    assert abs(section.page_width.mm - 210) < 1 and abs(section.page_height.mm - 297) < 1
    if name == "letter":
        assert number and number in text
        assert "Pendaftaran pengelolaan data murid SD" in text and "Heri Robertus Sakerebau" in text and "NIP. 197601132001121002" in text
        assert "Tembusan:" in text
    if name == "report":
        assert f"{url}/publik/data/" in text, "portal addresses print from the configured base URL"
    path = keep(f"{name}.docx", r.content)
    out = path.parent / "lo"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(path.parent)})
    converted = out / f"{name}.pdf"
    pages = pdf_pages(converted)
    assert pages == 1 if name == "letter" else pages >= 1
    if os.environ.get("DOCS_OUT_PNG"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(converted), str(out / f"{name}-lo")], check=True)


@pytest.mark.parametrize("name,api_path,web_path", DOCUMENTS)
def test_pdf_reads_in_poppler_with_number_and_page_count(case, name, api_path, web_path):
    api, url, cid, number = case
    r = api.get(url + api_path.format(cid=cid), params={"format": "pdf"})
    assert r.status_code == 200, r.text[:300]
    assert r.headers["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-1.4") and len(r.content) < 200_000
    path = keep(f"{name}.pdf", r.content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "DINAS KOMUNIKASI DAN INFORMATIKA" in text
    pages = pdf_pages(path)
    if name == "letter":
        assert number in text and "Heri Robertus Sakerebau" in text and "Pendaftaran pengelolaan data murid SD" in text
        assert pages == 1
    else:
        assert f"Halaman 1 dari {pages}" in text
    if os.environ.get("DOCS_OUT_PNG"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(path.parent / name)], check=True)


def test_web_links_download_the_same_files_and_refuse_an_unknown_format(case):
    api, url, cid, number = case
    web = sign_in(url)
    page = web.get(url + f"/cases/{cid}").text
    assert f"/cases/{cid}/letter/print?format=docx" in page and f"/cases/{cid}/final-report?format=pdf" in page
    r = web.get(url + f"/cases/{cid}/letter/print", params={"format": "pdf"})
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert number.replace("/", "-") in r.headers["Content-Disposition"]
    bad = api.get(url + f"/api/v1/cases/{cid}/letter/document", params={"format": "odt"})
    assert bad.status_code == 400 and "format=docx" in bad.text
    assert api.get(url + f"/api/v1/cases/{cid}/letter/document").status_code == 400


def test_print_views_for_comparison(case):
    """With DOCS_OUT_PNG set: the HTML print views printed by headless Chromium, as PNG pages
    beside ours and LibreOffice's, to look at."""
    if not os.environ.get("DOCS_OUT_PNG") or not shutil.which("chromium"):
        pytest.skip("set DOCS_OUT_PNG=1 (and DOCS_OUT_KEEP) to render the print views")
    api, url, cid, number = case
    web = sign_in(url)
    for name, _, web_path in DOCUMENTS:
        html = web.get(url + web_path.format(cid=cid)).text
        page = keep(f"{name}-print.html", html.encode())
        pdf = page.with_suffix(".pdf")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True, timeout=120)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(page.parent / f"{name}-print")], check=True)

