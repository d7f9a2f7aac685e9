"""Excel in the browser: upload a workbook with title rows, a two-row merged header, a Jumlah
row and notes; see in words what was read; correct the header row (a new version of the same
file); read another sheet.

Pages and ids used:
  /datasets/<slug>                 #upload-form
  /datasets/<slug>/versions/<n>    #workbook-found, #workbook-reading (#reading-sheet,
                                   #reading-header, #reading-submit), #preview-table
"""

import datetime
import io
from pathlib import Path

import openpyxl

import pytest
from selenium.webdriver.support.ui import Select

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "walidata-demo"
MESSY = Path(__file__).resolve().parents[2] / "Tests" / "Fixtures" / "xlsx" / "messy.xlsx"


def test_upload_messy_workbook_and_correct_the_header_row(ui, server, shot):
    server.cli("demo")
    ui.login("pengelola", DEMO_PASSWORD)
    ui.go("/datasets/new")
    ui.fill("title", "Penduduk per Kecamatan 2024")
    Select(ui.el("select[name='organizationID']")).select_by_index(0)
    ui.click_and_wait_navigation("#save")
    slug = "/datasets/penduduk-per-kecamatan-2024"
    ui.wait_path(slug)

    ui.fill("note", "tabel 3.1 dari kecamatan")
    ui.el("#upload-form input[type=file]").send_keys(str(MESSY))
    ui.el("#upload-submit").click()
    ui.wait_path(slug + "/versions/1")
    found = ui.el("#workbook-found", "what was read, in words").text
    assert 'Lembar "Tabel 3.1"' in found and "baris 4 dan 5" in found, found
    assert "Baris jumlah (baris 10) tidak dimuat" in found, found
    preview = ui.el("#preview-table").text
    assert "Jumlah Penduduk - Laki-laki" in preview and "001" in preview and "2024-01-31" in preview, preview
    shot("v1-read", full_page=True)

    # The officer says the header is on row 5: a new version of the same file.
    header = ui.el("#reading-header")
    header.clear()
    header.send_keys("5")
    ui.click_and_wait_navigation("#reading-submit")
    ui.wait_path(slug + "/versions/2")
    assert "baris 5" in ui.el("#workbook-found").text
    assert "Laki-laki" in ui.el("#preview-table").text
    shot("v2-header-row-5")

    # And back to row 4, which reads the merged header again.
    header = ui.el("#reading-header")
    header.clear()
    header.send_keys("4")
    ui.click_and_wait_navigation("#reading-submit")
    ui.wait_path(slug + "/versions/3")
    assert "Jumlah Penduduk - Perempuan" in ui.el("#preview-table").text
    shot("v3-header-row-4")
    # The table as .xlsx, opened by openpyxl: the merged header's names, codes as text, dates as dates.
    book = openpyxl.load_workbook(io.BytesIO(ui.fetch(ui.present("#download-xlsx").get_attribute("href"))))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert "Jumlah Penduduk - Perempuan" in rows[0], rows[0]
    assert rows[1][rows[0].index("Kode")] == "001", rows[1]
    assert isinstance(rows[1][rows[0].index("Tanggal Pendataan")], datetime.datetime), rows[1]

    # Another sheet.
    Select(ui.el("#reading-sheet")).select_by_visible_text("3. Rasio")
    ui.el("#reading-header").clear()
    ui.click_and_wait_navigation("#reading-submit")
    ui.wait_path(slug + "/versions/4")
    assert 'Lembar "Rasio"' in ui.el("#workbook-found").text
    shot("v4-sheet-rasio", full_page=True)

    # The same page in English, on a desktop and on a phone.
    ui.go(slug + "/versions/1")
    ui.click_and_wait_navigation("#lang-switch")
    ui.wait_lang("en")
    found = ui.el("#workbook-found").text
    assert "header on rows 4 and 5" in found and "The total row (row 10) was left out" in found, found
    assert ui.el("#reading-submit").text == "Read again"
    shot("v1-english", full_page=True)
    ui.driver.set_window_size(390, 844)
    shot("v1-english-phone", full_page=True)
    ui.click_and_wait_navigation("#lang-switch")
    ui.wait_lang("id")
    shot("v1-phone", full_page=True)
