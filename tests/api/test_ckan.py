"""The CKAN-compatible read API, read by the real `ckanapi` client (PyPI), as a national
harvester would: a fresh `walidata serve` with the demo accounts, two datasets made and one
published through the office's own API, then package_search, package_show, datastore_search…

    WALIDATA_BIN=$(swift build --show-bin-path)/walidata python3 -m pytest tests/api/test_ckan.py -q
"""
import json
import re

import ckanapi
import pytest
import requests

from conftest import admin_session, serve

CSV = "kecamatan,jumlah_murid\nSiberut Selatan,120\nSikakap,80\nSipora Utara,95\n"



@pytest.fixture(scope="module")
def portal():
    with serve("walidata-ckan.") as (url, _):
        yield url, seed(url)


def seed(url: str) -> dict:
    """As the demo admin: a token, two datasets (one published, one left terbatas), a table."""
    web = admin_session(url)
    page = web.get(url + "/account/tokens").text
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    page = web.post(url + "/account/tokens", data={"name": "ckan-test", "_csrf": csrf}).text
    token = re.search(r'id="token-value">([^<]+)<', page).group(1)
    org = re.findall(r'<option value="([0-9A-Fa-f-]{36})"', web.get(url + "/datasets/new").text)[0]
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {token}"
    slugs = {}
    for key, title, access in [("open", "Angka Partisipasi Sekolah", "terbuka"), ("closed", "Data Pendidikan Khusus", "terbatas")]:
        r = api.post(url + "/api/v1/datasets", json={
            "title": title, "organizationID": org, "description": "Data pendidikan dasar menurut kecamatan.",
            "topic": "Pendidikan", "tags": "pendidikan, sekolah", "frequency": "tahunan", "period": "2024",
            "unit": "orang", "source": "Dinas Pendidikan", "coverage": "Kabupaten", "access": access})
        assert r.status_code == 201, r.text
        slugs[key] = r.json()["slug"]
        r = api.post(url + f"/api/v1/datasets/{slugs[key]}/versions?filename=data.csv", data=CSV.encode(),
                     headers={"Content-Type": "application/octet-stream"})
        assert r.status_code == 201, r.text
    r = api.post(url + f"/api/v1/datasets/{slugs['open']}/publish", json={"reason": "uji ckanapi"})
    assert r.status_code == 200, r.text
    r = api.put(url + f"/api/v1/datasets/{slugs['open']}/columns",
                json={"columns": [{"name": "jumlah_murid", "description": "Murid terdaftar pada awal tahun ajaran"}]})
    assert r.status_code == 200, r.text
    return slugs


def test_status_and_lists(portal):
    url, slugs = portal
    ckan = ckanapi.RemoteCKAN(url)
    assert ckan.action.status_show()["locale_default"] == "id"
    assert ckan.action.package_list() == [slugs["open"]]
    assert ckan.action.tag_list() == ["pendidikan", "sekolah"]
    assert ckan.action.group_list() == ["pendidikan"]
    assert len(ckan.action.organization_list()) == 1


def test_package_search_word_forms_facets_and_public_only(portal):
    url, slugs = portal
    for get_only in (False, True):  # ckanapi POSTs JSON by default; harvesters often GET
        ckan = ckanapi.RemoteCKAN(url, get_only=get_only)
        # In a URL, CKAN reads facet.field as JSON text; in a JSON body, as a list.
        fields = ["tags", "res_format"]
        result = ckan.action.package_search(q="mendidik", rows=5, **{"facet.field": json.dumps(fields) if get_only else fields})
        assert result["count"] == 1
        assert [p["name"] for p in result["results"]] == [slugs["open"]]
        assert result["facets"]["tags"] == {"pendidikan": 1, "sekolah": 1}
        assert result["facets"]["res_format"] == {"CSV": 1}
        assert ckan.action.package_search(q="khusus")["count"] == 0
        assert ckan.action.package_search(q='"NEAR* -:')["count"] == 0


def test_package_show_extras_and_not_found(portal):
    url, slugs = portal
    ckan = ckanapi.RemoteCKAN(url)
    package = ckan.action.package_show(id=slugs["open"])
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert extras["tahun"] == "2024" and extras["satuan"] == "orang" and extras["klasifikasi_akses"] == "terbuka"
    assert extras["frekuensi"] == "Tahunan" and extras["cakupan"] == "Kabupaten"
    assert package["resources"][0]["format"] == "CSV"
    with pytest.raises(ckanapi.NotFound):
        ckan.action.package_show(id=slugs["closed"])
    with pytest.raises(ckanapi.ValidationError):
        ckan.action.package_search(rows="banyak")


def test_datastore_search(portal):
    url, slugs = portal
    ckan = ckanapi.RemoteCKAN(url)
    resource = ckan.action.package_show(id=slugs["open"])["resources"][0]
    assert ckan.action.resource_show(id=resource["id"])["url"].endswith("/data.csv")
    result = ckan.action.datastore_search(resource_id=resource["id"], filters={"kecamatan": "Sikakap"})
    assert result["total"] == 1 and result["records"][0]["jumlah_murid"] == 80
    result = ckan.action.datastore_search(resource_id=resource["id"], sort="jumlah_murid desc", limit=2, fields=["kecamatan"])
    assert result["total"] == 3
    assert result["records"] == [{"kecamatan": "Siberut Selatan"}, {"kecamatan": "Sipora Utara"}]
    with pytest.raises(ckanapi.NotFound):
        ckan.action.datastore_search(resource_id="00000000-0000-0000-0000-000000000000")


def test_column_descriptions_reach_the_data_dictionary_and_the_search(portal):
    url, slugs = portal
    ckan = ckanapi.RemoteCKAN(url)
    resource = ckan.action.package_show(id=slugs["open"])["resources"][0]
    fields = {f["id"]: f for f in ckan.action.datastore_search(resource_id=resource["id"], limit=1)["fields"]}
    assert fields["jumlah_murid"]["info"]["notes"] == "Murid terdaftar pada awal tahun ajaran"
    assert "info" not in fields["kecamatan"]
    dictionary = ckan.action.resource_show(id=resource["id"])["fields"]
    assert [f["id"] for f in dictionary] == ["kecamatan", "jumlah_murid"]
    assert dictionary[1]["info"]["notes"].startswith("Murid terdaftar")
    # A word only the description holds finds the dataset.
    assert [p["name"] for p in ckan.action.package_search(q="terdaftar")["results"]] == [slugs["open"]]
