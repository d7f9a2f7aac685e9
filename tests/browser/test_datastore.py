"""Data store in the browser: upload a CSV and see its profile and preview; upload a second
version and compare; restore the first.

Pages and ids used:
  /datasets/new            [name=title], select[name=organizationID], #save
  /datasets/<slug>         #upload-form ([name=note], input[type=file], #upload-submit, #upload-progress),
                           #versions-table, #compare-form (#compare), #restore-<n>
  /datasets/<slug>/versions/<n>   #profile-table, #preview-table, #problems
  /datasets/<slug>/compare        #compare-result
"""

import os
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "walidata-demo"


def write_csv(text: str) -> str:
    fd, path = tempfile.mkstemp(prefix="penduduk-", suffix=".csv")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path


VERSION_1 = "kode_desa,desa,kecamatan,penduduk,luas_km2\n1309010001,Tuapeijat,Sipora Utara,5230,\"12,5\"\n1309010002,Sido Makmur,Sipora Utara,1875,\"8,25\"\n1309020001,Muara Siberut,Siberut Selatan,4120,\"20,1\"\n"
VERSION_2 = "kode_desa,desa,kecamatan,penduduk,luas_km2\n1309010001,Tuapeijat,Sipora Utara,5301,\"12,5\"\n1309010002,Sido Makmur,Sipora Utara,1875,\"8,25\"\n1309030001,Sikakap,Sikakap,3980,\"15,0\"\n"


def upload(ui, path: str, note: str, shot, name: str):
    ui.fill("note", note)
    ui.el("#upload-form input[type=file]").send_keys(path)
    shot(name + "-chosen")
    ui.el("#upload-submit").click()


def test_upload_profile_compare_restore(ui, server, shot):
    server.cli("demo")
    ui.login("pengelola", DEMO_PASSWORD)

    ui.go("/datasets/new")
    ui.fill("title", "Penduduk per Desa 2025")
    Select(ui.el("select[name='organizationID']")).select_by_index(0)
    shot("new-dataset")
    ui.click_and_wait_navigation("#save")
    ui.wait_path("/datasets/penduduk-per-desa-2025")
    shot("dataset-created")

    first = write_csv(VERSION_1)
    upload(ui, first, "data awal", shot, "v1")
    ui.wait_path("/datasets/penduduk-per-desa-2025/versions/1")
    profile = ui.el("#profile-table", "column profile")
    assert "penduduk" in profile.text and "luas_km2" in profile.text
    preview = ui.el("#preview-table", "data preview")
    assert "Tuapeijat" in preview.text
    shot("v1-profile")

    ui.go("/datasets/penduduk-per-desa-2025")
    second = write_csv(VERSION_2)
    upload(ui, second, "pemutakhiran Juni", shot, "v2")
    ui.wait_path("/datasets/penduduk-per-desa-2025/versions/2")
    shot("v2-profile")

    ui.go("/datasets/penduduk-per-desa-2025")
    Select(ui.el("select[name='key']")).select_by_value("kode_desa")
    ui.click_and_wait_navigation("#compare")
    result = ui.el("#compare-result", "comparison")
    text = result.text
    assert "Sikakap" in text and "Muara Siberut" in text and "5301" in text.replace(".", ""), text
    shot("compare")

    ui.go("/datasets/penduduk-per-desa-2025")
    ui.click_and_wait_navigation("#restore-1")
    ui.wait_path("/datasets/penduduk-per-desa-2025")
    versions = ui.el("#versions-table").text
    assert "Versi 3" in versions or "Version 3" in versions, versions
    row = ui.el("#version-3").text.lower()
    assert "pemulihan" in row or "recovery" in row, row
    shot("restored")
    os.unlink(first)
    os.unlink(second)
