"""The .xlsx downloads, opened by real readers: openpyxl (values, types, frozen header, bold,
filter, properties) and LibreOffice headless (converted to CSV, as a second program that must
accept the file). A fresh `walidata serve` with the demo accounts, one dataset made and
published through the office's own API, then every .xlsx download the office and the portal
offer.

    WALIDATA_BIN=$(swift build --show-bin-path)/walidata python3 -m pytest tests/api/test_xlsx_out.py -q
"""
import csv
import datetime
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
import pytest
import requests

from conftest import admin_session, serve

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = (
    "kode_wilayah,kecamatan,jumlah_penduduk,luas_km2,tanggal_data,aktif,catatan\n"
    "1301010,Siberut Selatan,12345,1234.56,2024-01-05,ya,=1+1\n"
    "0012,Sikakap,8000,278.45,2024-02-29,tidak,\"baris\nkedua\"\n"
    "0013,Sipora Utara,-15,0.5,31/12/2023,ya,@kepala & <staf>\n"
)




@pytest.fixture(scope="module")
def server():
    with serve("walidata-xlsx.") as (url, work):
        yield url, seed(url), work


def seed(url: str) -> dict:
    """As the demo admin: a web session, an API token, one published dataset with a table."""
    web = admin_session(url)
    page = web.get(url + "/account/tokens").text
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    page = web.post(url + "/account/tokens", data={"name": "xlsx-test", "_csrf": csrf}).text
    token = re.search(r'id="token-value">([^<]+)<', page).group(1)
    org = re.findall(r'<option value="([0-9A-Fa-f-]{36})"', web.get(url + "/datasets/new").text)[0]
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {token}"
    r = api.post(url + "/api/v1/datasets", json={
        "title": "Jumlah Penduduk per Kecamatan", "organizationID": org, "description": "Penduduk menurut kecamatan.",
        "topic": "Kependudukan", "tags": "penduduk", "frequency": "tahunan", "period": "2024",
        "unit": "orang", "source": "Dinas Dukcapil", "coverage": "Kabupaten", "access": "terbuka"})
    assert r.status_code == 201, r.text
    slug = r.json()["slug"]
    r = api.post(url + f"/api/v1/datasets/{slug}/versions?filename=data.csv", data=CSV.encode(),
                 headers={"Content-Type": "application/octet-stream"})
    assert r.status_code == 201, r.text
    r = api.post(url + f"/api/v1/datasets/{slug}/publish", json={"reason": "uji xlsx"})
    assert r.status_code == 200, r.text
    return {"web": web, "api": api, "slug": slug}


def fetch(session: requests.Session, url: str, filename: str) -> bytes:
    r = session.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert r.headers["Content-Type"] == XLSX
    assert filename in r.headers["Content-Disposition"], r.headers["Content-Disposition"]
    assert r.content[:2] == b"PK"
    return r.content


def libreoffice_csv(data: bytes, work: str) -> list[list[str]]:
    """Converts the workbook's first sheet to CSV with LibreOffice headless, in a profile of its own."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tempfile.mkdtemp(dir=work)
    source = Path(folder) / "book.xlsx"
    source.write_bytes(data)
    profile = Path(folder) / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", folder, str(source)],
                   check=True, capture_output=True, timeout=180)
    text = (Path(folder) / "book.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def check_table_sheet(data: bytes, work: str, rows: int = 3):
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Data"]
    assert book.properties.creator == "Walidata"
    assert "Jumlah Penduduk per Kecamatan" in book.properties.title
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert [c.value for c in sheet[1]] == ["kode_wilayah", "kecamatan", "jumlah_penduduk", "luas_km2", "tanggal_data", "aktif", "catatan"]
    assert sheet.auto_filter.ref == f"A1:G{rows + 1}"
    assert sheet.column_dimensions["B"].width >= len("Siberut Selatan")
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert len(values) == rows
    return values


def test_office_download_types_frozen_header_and_libreoffice(server):
    url, seeded, work = server
    slug = seeded["slug"]
    data = fetch(seeded["web"], f"{url}/datasets/{slug}/versions/1/data.xlsx", f"{slug}-v1.xlsx")
    values = check_table_sheet(data, work)
    first, second, third = values
    assert first[0] == "1301010" and second[0] == "0012" and third[0] == "0013"  # codes stay text
    assert first[2] == 12345 and type(first[2]) is int and third[2] == -15
    assert first[3] == pytest.approx(1234.56) and isinstance(first[3], float)
    assert first[4] == datetime.datetime(2024, 1, 5) and third[4] == datetime.datetime(2023, 12, 31)
    assert first[5] is True and second[5] is False
    assert first[6] == "=1+1" and second[6] == "baris\nkedua" and third[6] == "@kepala & <staf>"
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book["Data"]["G2"].data_type == "s"  # a string, not a formula
    table = libreoffice_csv(data, work)
    assert table[0][0] == "kode_wilayah"
    assert table[2][0] == "0012" and table[1][2] == "12345"
    assert table[1][4] == "2024-01-05" and table[1][6] == "=1+1"


def test_filtered_rows_api_and_portal(server):
    url, seeded, work = server
    slug = seeded["slug"]
    query = "?c1=aktif&o1=equals&v1=ya"
    data = fetch(seeded["web"], f"{url}/datasets/{slug}/versions/1/data.xlsx{query}", f"{slug}-v1-filter.xlsx")
    assert [row[1] for row in check_table_sheet(data, work, rows=2)] == ["Siberut Selatan", "Sipora Utara"]
    data = fetch(seeded["api"], f"{url}/api/v1/datasets/{slug}/versions/1/export?format=xlsx", f"{slug}-v1.xlsx")
    check_table_sheet(data, work)
    visitor = requests.Session()
    data = fetch(visitor, f"{url}/publik/data/{slug}/data.xlsx{query}", f"{slug}-v1-filter.xlsx")
    assert len(check_table_sheet(data, work, rows=2)) == 2
    again = visitor.get(f"{url}/publik/data/{slug}/data.xlsx{query}")
    assert again.headers.get("ETag") and visitor.get(f"{url}/publik/data/{slug}/data.xlsx{query}",
                                                     headers={"If-None-Match": again.headers["ETag"]}).status_code == 304
    # A bad filter is a 400 in words before any byte, and signing out closes the office's download.
    bad = seeded["web"].get(f"{url}/datasets/{slug}/versions/1/data.xlsx?c1=tidak_ada&v1=x")
    assert bad.status_code == 400
    anonymous = requests.get(f"{url}/datasets/{slug}/versions/1/data.xlsx", allow_redirects=False)
    assert anonymous.status_code in (302, 303, 401)


def test_dashboard_workbook_has_a_sheet_per_table(server):
    url, seeded, work = server
    data = fetch(seeded["web"], f"{url}/dashboard/steps.xlsx?from=2026-01-01&to=2026-12-31", "waktu-langkah-2026-01-01_2026-12-31.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert len(book.sheetnames) == 3
    steps = book.worksheets[0]
    assert steps.freeze_panes == "A2" and steps["A1"].font.b
    numbers = [row[0].value for row in steps.iter_rows(min_row=2)]
    assert numbers and all(type(n) is int for n in numbers)
    table = libreoffice_csv(data, work)
    assert len(table) == len(numbers) + 1


def test_storage_logs_as_workbooks(server):
    url, seeded, work = server
    slug = seeded["slug"]
    data = fetch(seeded["web"], f"{url}/storage-log.xlsx", "catatan-penyimpanan-")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows and all(type(r[0]) is int for r in rows)
    assert all(isinstance(r[1], datetime.datetime) for r in rows)
    assert sheet.freeze_panes == "A2"
    data = fetch(seeded["web"], f"{url}/datasets/{slug}/log.xlsx?from=2020-01-01", f"catatan-penyimpanan-{slug}-2020-01-01_")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    stored = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert any(r[8] == 3 and type(r[7]) is int for r in stored)  # the version's size and row count, as numbers
    assert all(isinstance(r[1], datetime.datetime) for r in stored)
    table = libreoffice_csv(data, work)
    assert len(table) == len(stored) + 1 and table[0][0] == "No"
