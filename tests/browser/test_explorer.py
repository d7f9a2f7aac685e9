"""The portal's table explorer (issue 11): filter through the form and see the count change,
draw a chart, open an earlier version and what changed. Screenshots (desktop 1280 px, phone
390 px, Indonesian and English) land in the screenshots folder."""
import re

import requests
from selenium.webdriver.support.ui import Select

from conftest import ADMIN_PASSWORD, ADMIN_USERNAME

HEADER = "kecamatan,desa,tahun,jumlah_penduduk,luas_km2,keterangan\n"
ROWS = [
    ("Siberut Utara", "Muara Sikabaluan", 2022, 2140, "612,5", "ibu kota kecamatan"),
    ("Siberut Utara", "Malancan", 2023, 1893, "201,3", ""),
    ("Siberut Selatan", "Muara Siberut", 2022, 3120, "508,1", "pelabuhan"),
    ("Siberut Selatan", "Maileppet", 2023, 1204, "97,4", ""),
    ("Sipora Utara", "Tuapejat", 2023, 5410, "350,0", "ibu kota kabupaten"),
    ("Sipora Selatan", "Sioban", 2024, 2311, "280,9", ""),
    ("Pagai Utara", "Saumanganya", 2024, 1502, "180,2", ""),
    ("Sikakap", "Sikakap", 2024, 2875, "278,4", "pelabuhan"),
]


def csv(rows) -> bytes:
    return (HEADER + "".join(f'{k},{d},{t},{j},"{l}",{c}\n' for k, d, t, j, l, c in rows)).encode()


def csrf(page: str) -> str:
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def seed(url: str) -> str:
    web = requests.Session()
    web.post(url + "/login", data={"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD, "_csrf": csrf(web.get(url + "/login").text)})
    page = web.get(url + "/admin/organizations/new").text
    web.post(url + "/admin/organizations/new", data={"name": "Dinas Kependudukan", "code": "DUKCAPIL", "active": "on", "_csrf": csrf(page)})
    page = web.post(url + "/account/tokens", data={"name": "jelajah", "_csrf": csrf(web.get(url + "/account/tokens").text)}).text
    api = requests.Session()
    api.headers["Authorization"] = "Bearer " + re.search(r'id="token-value">([^<]+)<', page).group(1)
    options = re.findall(r'<option value="([0-9A-Fa-f-]{36})"[^>]*>([^<]+)<', web.get(url + "/datasets/new").text)
    org = next(v for v, label in options if "Kependudukan" in label)
    r = api.post(url + "/api/v1/datasets", json={"title": "Penduduk per desa", "organizationID": org, "topic": "Kependudukan",
                                                 "tags": "penduduk", "period": "2022-2024", "frequency": "tahunan", "access": "terbuka",
                                                 "description": "Jumlah penduduk dan luas wilayah menurut desa."})
    assert r.status_code == 201, r.text
    slug = r.json()["slug"]
    changed = ROWS[:1] + [("Siberut Utara", "Malancan", 2023, 1950, "201,3", "dihitung ulang")] + ROWS[2:] + [("Pagai Selatan", "Bulasat", 2024, 1688, "150,6", "")]
    for body in (csv(ROWS), csv(changed)):
        r = api.post(url + f"/api/v1/datasets/{slug}/versions?filename=penduduk.csv", data=body, headers={"Content-Type": "application/octet-stream"})
        assert r.status_code == 201, r.text
    assert api.post(url + f"/api/v1/datasets/{slug}/publish", json={"reason": "uji penjelajah"}).status_code == 200
    return slug


def test_explorer_filter_chart_versions(ui, server, browser, shot):
    slug = seed(server.url(""))
    ui.go(f"/publik/data/{slug}")
    assert "9 baris dari 9" in ui.el("#row-count").text
    shot("explorer-desktop-id", full_page=True)

    # Filter through the form: the count changes, the downloads follow the filter.
    Select(ui.el("#c1")).select_by_value("kecamatan")
    Select(ui.el("#o1")).select_by_value("contains")
    ui.fill("v1", "Siberut")
    ui.click_and_wait_navigation("#apply-filter")
    assert "4 baris dari 9 cocok dengan saringan" in ui.el("#row-count").text
    assert "v1=Siberut" in ui.el("#download-csv").get_attribute("href")

    # The chart of the filtered rows, drawn by the server.
    Select(ui.el("#y")).select_by_value("jumlah_penduduk")
    Select(ui.el("#x")).select_by_value("desa")
    ui.click_and_wait_navigation("#show-chart")
    image = ui.el("#chart-image")
    ui.wait(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image), "the chart image to load")
    assert "4 baris dari 9" in ui.el("#row-count").text, "the chart keeps the filter"
    assert "Muara Siberut" in ui.present("#chart-data").get_attribute("textContent")
    browser.execute_script("document.getElementById('chart').scrollIntoView()")
    shot("explorer-chart-desktop-id")

    # A line by year over all rows.
    ui.go(f"/publik/data/{slug}?x=tahun&y=jumlah_penduduk&agg=sum&kind=line")
    ui.wait(lambda d: d.execute_script("return document.getElementById('chart-image').naturalWidth > 0"), "the line chart")
    browser.execute_script("document.getElementById('chart').scrollIntoView()")
    shot("explorer-line-desktop-id")

    # Earlier versions and what changed.
    ui.go(f"/publik/data/{slug}")
    ui.click_and_wait_navigation("#versions-link")
    assert ui.exists("#version-1") and ui.exists("#version-2")
    shot("versions-desktop-id", full_page=True)
    ui.click_and_wait_navigation("#version-1 a")
    assert "8 baris dari 8" in ui.el("#row-count").text and ui.exists("#older-version")
    ui.go(f"/publik/data/{slug}/versi/2/perubahan")
    assert ui.exists("#compare-result")
    shot("changes-desktop-id", full_page=True)
    Select(ui.el("#key")).select_by_value("desa")
    ui.click_and_wait_navigation("#key-form button")
    assert ui.exists("#changed-rows") and "1950" in ui.el("#changed-rows").text.replace(".", "")
    shot("changes-by-key-desktop-id", full_page=True)

    # Phone, Indonesian then English.
    browser.set_window_size(390, 844)
    ui.go(f"/publik/data/{slug}?c1=kecamatan&o1=contains&v1=Si&x=desa&y=jumlah_penduduk&agg=sum&kind=bar")
    shot("explorer-phone-id", full_page=True)
    ui.click_and_wait_navigation("#lang-en")
    ui.wait_lang("en")
    assert "of 9 rows match the filters" in ui.el("#row-count").text
    shot("explorer-phone-en", full_page=True)
    ui.go(f"/publik/data/{slug}/versi")
    shot("versions-phone-en", full_page=True)
    browser.set_window_size(1280, 900)
    ui.go(f"/publik/data/{slug}?x=tahun&y=jumlah_penduduk&agg=avg&kind=line")
    shot("explorer-desktop-en", full_page=True)
    # A bad column is a page in words, not a crash.
    ui.go(f"/publik/data/{slug}?c1=tidak_ada&v1=1")
    assert "does not exist" in ui.text()
