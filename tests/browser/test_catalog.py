"""Issue 11 in the office: the /datasets list with the portal's facets, and the column descriptions
written under the column profile of the current version. The datasets made here stay terbatas, so
the portal's own search test (test_search.py) sees none of them. Screenshots (desktop 1280 px,
phone 390 px, Indonesian and English, and a print) land in the screenshots folder."""
import re

import requests

from conftest import ADMIN_PASSWORD, ADMIN_USERNAME

CSV = "kecamatan,produksi_ton\nSiberut Selatan,120\nSikakap,80\nSipora Utara,95\n"


def csrf(page: str) -> str:
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def seed(url: str) -> str:
    web = requests.Session()
    web.post(url + "/login", data={"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD, "_csrf": csrf(web.get(url + "/login").text)})
    page = web.get(url + "/admin/organizations/new").text
    web.post(url + "/admin/organizations/new", data={"name": "Dinas Kelautan dan Perikanan", "code": "DKP", "active": "on", "_csrf": csrf(page)})
    page = web.post(url + "/account/tokens", data={"name": "katalog", "_csrf": csrf(web.get(url + "/account/tokens").text)}).text
    api = requests.Session()
    api.headers["Authorization"] = "Bearer " + re.search(r'id="token-value">([^<]+)<', page).group(1)
    options = re.findall(r'<option value="([0-9A-Fa-f-]{36})"[^>]*>([^<]+)<', web.get(url + "/datasets/new").text)
    org = next(v for v, label in options if "Perikanan" in label)
    first = None
    for title, tags, period in [("Produksi Perikanan Tangkap", "perikanan, nelayan", "2023"),
                                ("Produksi Rumput Laut", "perikanan, budidaya", "2024"),
                                ("Jumlah Kapal Nelayan", "nelayan, kapal", "2022-2024")]:
        r = api.post(url + "/api/v1/datasets", json={"title": title, "organizationID": org, "topic": "Kelautan", "tags": tags,
                                                     "period": period, "frequency": "tahunan", "access": "terbatas",
                                                     "description": "Data kelautan menurut kecamatan."})
        assert r.status_code == 201, r.text
        slug = r.json()["slug"]
        first = first or slug
        r = api.post(url + f"/api/v1/datasets/{slug}/versions?filename=data.csv", data=CSV.encode(), headers={"Content-Type": "application/octet-stream"})
        assert r.status_code == 201, r.text
    return first


def test_office_facets_and_column_descriptions(ui, server, browser, shot):
    slug = seed(server.url(""))
    ui.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    ui.go("/datasets?q=nelayan")
    assert ui.exists("#facet-tag") and ui.exists("#facet-year")
    assert "Produksi Perikanan Tangkap" in ui.text() and "Jumlah Kapal Nelayan" in ui.text()
    assert "Produksi Rumput Laut" not in ui.text()
    shot("datasets-facets-desktop-id", full_page=True)
    ui.click_and_wait_navigation("#facet-year a")
    assert ui.exists("#catalog-filters")
    shot("datasets-facet-chosen-desktop-id", full_page=True)
    browser.set_window_size(390, 844)
    ui.go("/datasets?tag=nelayan")
    assert "Jumlah Kapal Nelayan" in ui.text()
    shot("datasets-facets-phone-id", full_page=True)
    browser.set_window_size(1280, 900)
    # The column descriptions, under the profile of the current version.
    ui.go(f"/datasets/{slug}/versions/1")
    ui.el("#column-descriptions", "column description form")
    area = browser.find_element("css selector", "#column-descriptions textarea[id='col-1']")
    area.clear()
    area.send_keys("Produksi ikan yang didaratkan, dalam ton per tahun")
    ui.click_and_wait_navigation("#column-descriptions button[type=submit]")
    assert "Produksi ikan yang didaratkan" in ui.text()
    shot("column-descriptions-desktop-id", full_page=True)
    ui.print_pdf("column-descriptions-print")
    ui.click_and_wait_navigation("#lang-switch")  # the office's switch (the portal's is #lang-en)
    ui.wait_lang("en")
    browser.set_window_size(390, 844)
    ui.go(f"/datasets/{slug}/versions/1")
    assert "Column descriptions" in ui.text()
    shot("column-descriptions-phone-en", full_page=True)
    browser.set_window_size(1280, 900)
    ui.go("/datasets?q=didaratkan")
    assert "Produksi Perikanan Tangkap" in ui.text()
    shot("datasets-search-description-desktop-en", full_page=True)
