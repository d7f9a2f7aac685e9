"""Finding data on the portal: the search box, word forms, facets and the phone layout.
Screenshots (desktop 1280 px, phone 390 px, Indonesian and English) land in the screenshots folder."""
import re

import requests

from conftest import ADMIN_PASSWORD, ADMIN_USERNAME

CSV = "kecamatan,jumlah_murid\nSiberut Selatan,120\nSikakap,80\n"
DATASETS = [
    ("Pendidikan Anak Usia Dini", "DISDIK", "Pendidikan", "paud, pendidikan", "2024", True),
    ("Angka Partisipasi Sekolah", "DISDIK", "Pendidikan", "pendidikan, sekolah", "2020-2022", True),
    ("Fasilitas Kesehatan", "DINKES", "Kesehatan", "kesehatan", "2024", True),
    ("Data Pendidikan Khusus", "DISDIK", "Pendidikan", "pendidikan", "2024", False),
]


def csrf(page: str) -> str:
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def seed(url: str) -> None:
    web = requests.Session()
    web.post(url + "/login", data={"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD, "_csrf": csrf(web.get(url + "/login").text)})
    for code, name in (("DISDIK", "Dinas Pendidikan"), ("DINKES", "Dinas Kesehatan")):
        page = web.get(url + "/admin/organizations/new").text
        web.post(url + "/admin/organizations/new", data={"name": name, "code": code, "active": "on", "_csrf": csrf(page)})
    page = web.post(url + "/account/tokens", data={"name": "cari", "_csrf": csrf(web.get(url + "/account/tokens").text)}).text
    api = requests.Session()
    api.headers["Authorization"] = "Bearer " + re.search(r'id="token-value">([^<]+)<', page).group(1)
    options = re.findall(r'<option value="([0-9A-Fa-f-]{36})"[^>]*>([^<]+)<', web.get(url + "/datasets/new").text)
    for title, code, topic, tags, period, public in DATASETS:
        org = next(v for v, label in options if ("Pendidikan" if code == "DISDIK" else "Kesehatan") in label)
        r = api.post(url + "/api/v1/datasets", json={"title": title, "organizationID": org, "topic": topic, "tags": tags,
                                                     "period": period, "frequency": "tahunan", "access": "terbuka" if public else "terbatas",
                                                     "description": "Data " + topic.lower() + " menurut kecamatan."})
        assert r.status_code == 201, r.text
        slug = r.json()["slug"]
        r = api.post(url + f"/api/v1/datasets/{slug}/versions?filename=data.csv", data=CSV.encode(), headers={"Content-Type": "application/octet-stream"})
        assert r.status_code == 201, r.text
        if public:
            assert api.post(url + f"/api/v1/datasets/{slug}/publish", json={"reason": "uji"}).status_code == 200


def test_search_facets_and_phone(ui, server, browser, shot):
    seed(server.url(""))
    ui.go("/publik/data?q=mendidik")
    text = ui.text()
    assert "Pendidikan Anak Usia Dini" in text and "Angka Partisipasi Sekolah" in text
    assert "Data Pendidikan Khusus" not in text and "Fasilitas Kesehatan" not in text
    assert "2 dataset ditemukan" in text
    shot("search-desktop-id", full_page=True)
    ui.click_and_wait_navigation("#facet-year a")
    assert ui.exists("#catalog-filters")
    shot("facet-chosen-desktop-id", full_page=True)
    browser.set_window_size(390, 844)
    ui.go("/publik/data?q=mendidik")
    shot("search-phone-id", full_page=True)
    ui.click_and_wait_navigation("#lang-en")
    ui.wait_lang("en")
    assert "2 datasets found" in ui.text()
    shot("search-phone-en", full_page=True)
    browser.set_window_size(1280, 900)
    ui.go("/publik/data?q=KAFÉ%22*NEAR")
    assert "No dataset matches" in ui.text()
    shot("search-empty-desktop-en", full_page=True)
