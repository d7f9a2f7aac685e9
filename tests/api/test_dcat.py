"""Harvesting addresses against a real server: DCAT-AP 3 (JSON-LD and Turtle, parsed with
rdflib), RSS and Atom feeds (xml.etree and feedparser), sitemap.xml and robots.txt.

    WALIDATA_BIN=$(swift build --show-bin-path)/walidata python3 -m pytest tests/api/test_dcat.py -q

Starts `walidata serve` on a free port with a fresh data directory and the demo accounts, makes
datasets through the API (one open and published with a hostile title and a table, one open but
not published, one terbatas, one dikecualikan) and checks that only the published one appears.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

REPO = Path(__file__).resolve().parents[2]
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

HOSTILE = 'Data "kutip" <b>tebal</b> & \'apos\' > Ñias ÿ 🌴 back\\slash'
# A title is one line (the stored-text rule refuses line breaks, 422); the description carries
# the newlines, quotes and angle brackets and is checked to round-trip too.
SECRETS = ["Rahasia terbatas", "Dikecualikan sekali", "Belum ditayangkan"]


def binary() -> str:
    env = os.environ.get("WALIDATA_BIN")
    if env:
        return env
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True, check=True)
    return str(Path(out.stdout.strip()) / "walidata")


class Server:
    def __init__(self, base: str, token: str):
        self.base = base
        self.token = token

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None, auth: bool = False):
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        if auth:
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as err:
            return err.code, err.headers, err.read()

    def get(self, path: str, **headers) -> tuple[int, object, bytes]:
        return self.request("GET", path, headers=headers)

    def api(self, method: str, path: str, payload=None, raw: bytes | None = None):
        body = raw if raw is not None else (json.dumps(payload).encode() if payload is not None else None)
        headers = {"Content-Type": "application/octet-stream" if raw is not None else "application/json"}
        status, _, data = self.request(method, path, body=body, headers=headers, auth=True)
        assert status < 300, f"{method} {path}: {status} {data[:300]!r}"
        return json.loads(data) if data else None


@pytest.fixture(scope="module")
def server():
    exe = binary()
    work = Path(tempfile.mkdtemp(prefix="walidata-dcat."))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, WALIDATA_DATA_DIR=str(work / "data"), WALIDATA_BASE_URL=f"http://127.0.0.1:{port}")
    env.pop("DATABASE_URL", None)
    subprocess.run([exe, "demo"], env=env, check=True, capture_output=True)
    token = subprocess.run([exe, "user", "token", "--username", "admin", "--name", "dcat"], env=env, check=True,
                           capture_output=True, text=True).stdout.strip().splitlines()[-1]
    log = open(work / "server.log", "w")
    proc = subprocess.Popen([exe, "serve", "--hostname", "127.0.0.1", "--port", str(port)], env=env, stdout=log, stderr=log)
    srv = Server(f"http://127.0.0.1:{port}", token)
    for _ in range(150):
        try:
            if srv.get("/healthz")[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.2)
    try:
        seed(srv)
        yield srv
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def seed(srv: Server) -> None:
    orgs = srv.api("GET", "/api/v1/organizations")["items"]
    org = orgs[0]["id"]

    def make(title: str, access: str, **extra) -> str:
        body = {"title": title, "organizationID": org, "access": access, "frequency": "triwulanan", "description": extra.pop("description", ""),
                **extra}
        return srv.api("POST", "/api/v1/datasets", body)["slug"]

    srv.open_slug = make(HOSTILE, "terbuka", description="Baris satu\nbaris \"dua\" <tiga>", tags="kesehatan, gizi",
                         topic="Kesehatan", period="2021–2025", coverage="Kabupaten Kepulauan Mentawai", contact="dinkes@example.go.id")
    srv.api("POST", f"/api/v1/datasets/{srv.open_slug}/versions?filename=data.csv", raw=b"kecamatan,jumlah\nSiberut,12\nSipora,7\n")
    srv.api("POST", f"/api/v1/datasets/{srv.open_slug}/publish", {"reason": "uji DCAT"})
    srv.open_title = srv.api("GET", f"/api/v1/datasets/{srv.open_slug}")["title"]
    srv.hidden_slugs = [make(SECRETS[0], "terbatas"), make(SECRETS[1], "dikecualikan"), make(SECRETS[2], "terbuka")]


def graph(srv: Server, path: str, fmt: str) -> Graph:
    status, headers, body = srv.get(path)
    assert status == 200, (path, status, body[:300])
    expected = {"json-ld": "application/ld+json", "turtle": "text/turtle"}[fmt]
    assert headers["Content-Type"].startswith(expected)
    return Graph().parse(data=body.decode("utf-8"), format=fmt, publicID=srv.base + "/")


def test_catalog_jsonld_and_turtle_are_the_same_graph_with_the_mandatory_dcat_ap_terms(server):
    jsonld = graph(server, "/publik/catalog.jsonld", "json-ld")
    turtle = graph(server, "/publik/catalog.ttl", "turtle")
    assert len(jsonld) > 30
    assert isomorphic(jsonld, turtle), "JSON-LD and Turtle describe different graphs"

    catalogs = list(turtle.subjects(RDF.type, DCAT.Catalog))
    assert catalogs == [URIRef(server.base + "/publik")]
    catalog = catalogs[0]
    for prop in (DCT.title, DCT.description, DCT.publisher, DCAT.dataset):
        assert turtle.value(catalog, prop) is not None, f"dcat:Catalog lacks {prop}"
    assert (turtle.value(catalog, DCT.publisher), RDF.type, FOAF.Agent) in turtle

    datasets = list(turtle.subjects(RDF.type, DCAT.Dataset))
    assert datasets == [URIRef(f"{server.base}/publik/data/{server.open_slug}")], "only the published open dataset"
    assert set(turtle.objects(catalog, DCAT.dataset)) == set(datasets)
    check_dataset(turtle, datasets[0], server)


def check_dataset(g: Graph, ds, server) -> None:
    for prop in (DCT.title, DCT.description, DCT.identifier, DCT.publisher, DCAT.contactPoint, DCAT.keyword, DCAT.theme,
                 DCT.issued, DCT.modified, DCT.accrualPeriodicity, DCT.spatial, DCT.temporal, DCAT.distribution):
        assert g.value(ds, prop) is not None, f"dcat:Dataset lacks {prop}"
    assert g.value(ds, DCT.title) == Literal(server.open_title, lang="id")
    assert server.open_title == HOSTILE.strip()
    assert g.value(ds, DCT.description) == Literal('Baris satu\nbaris "dua" <tiga>', lang="id")
    assert (g.value(ds, DCT.publisher), RDF.type, FOAF.Agent) in g
    assert g.value(g.value(ds, DCT.publisher), FOAF.name) is not None
    contact = g.value(ds, DCAT.contactPoint)
    assert g.value(contact, VCARD.fn) is not None
    assert g.value(contact, VCARD.hasEmail) == URIRef("mailto:dinkes@example.go.id")
    assert set(map(str, g.objects(ds, DCAT.keyword))) == {"kesehatan", "gizi"}
    assert g.value(ds, DCAT.theme) == URIRef("http://publications.europa.eu/resource/authority/data-theme/HEAL")
    assert g.value(ds, DCT.accrualPeriodicity) == URIRef("http://publications.europa.eu/resource/authority/frequency/QUARTERLY")
    temporal = g.value(ds, DCT.temporal)
    assert str(g.value(temporal, DCAT.startDate)) == "2021-01-01" and str(g.value(temporal, DCAT.endDate)) == "2025-12-31"
    distributions = list(g.objects(ds, DCAT.distribution))
    assert len(distributions) == 4
    formats = {str(g.value(d, DCT["format"])).rsplit("/", 1)[-1]: d for d in distributions}
    assert set(formats) == {"CSV", "JSON", "XLSX"}
    xlsx = formats["XLSX"]
    assert str(g.value(xlsx, DCAT.mediaType)).endswith("/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    for dist in distributions:
        assert (dist, RDF.type, DCAT.Distribution) in g
        for prop in (DCAT.accessURL, DCAT.downloadURL, DCT["format"], DCAT.mediaType, DCT.license, DCT.modified):
            assert g.value(dist, prop) is not None, f"dcat:Distribution lacks {prop}"
        download = str(g.value(dist, DCAT.downloadURL))
        assert download.startswith(server.base + "/publik/data/")
        assert server.get(download[len(server.base):])[0] == 200, f"{download} does not answer"
    assert g.value(distributions[0], DCT.license) == URIRef("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")


def test_each_public_dataset_has_its_own_dcat_and_no_other_dataset_has_one(server):
    base = f"/publik/data/{server.open_slug}/dcat"
    jsonld = graph(server, base + ".jsonld", "json-ld")
    turtle = graph(server, base + ".ttl", "turtle")
    assert isomorphic(jsonld, turtle)
    ds = URIRef(f"{server.base}/publik/data/{server.open_slug}")
    assert list(turtle.subjects(RDF.type, DCAT.Dataset)) == [ds]
    check_dataset(turtle, ds, server)
    for slug in server.hidden_slugs:
        for ext in ("jsonld", "ttl"):
            assert server.get(f"/publik/data/{slug}/dcat.{ext}")[0] == 404


def test_everything_public_leaves_out_what_is_not_published(server):
    paths = ["/publik/catalog.jsonld", "/publik/catalog.ttl", "/publik/data.rss", "/publik/data.atom", "/publik/pengumuman.rss",
             "/publik/pengumuman.atom", "/sitemap.xml"]
    for path in paths:
        status, _, body = server.get(path)
        assert status == 200, path
        text = body.decode("utf-8")
        for secret in SECRETS + server.hidden_slugs:
            assert secret not in text, f"{secret} leaked into {path}"


def test_feeds_are_valid_xml_with_absolute_links_and_the_title_intact(server):
    for path, kind in [("/publik/data.rss", "rss"), ("/publik/data.atom", "atom"), ("/publik/pengumuman.rss", "rss"), ("/publik/pengumuman.atom", "atom")]:
        status, headers, body = server.get(path)
        assert status == 200 and headers["Content-Type"].startswith(f"application/{kind}+xml"), path
        root = ET.fromstring(body)
        assert root.tag == ("rss" if kind == "rss" else "{http://www.w3.org/2005/Atom}feed")
        feed = feedparser.parse(body)
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == ("rss20" if kind == "rss" else "atom10")
        assert feed.feed.link.startswith(server.base + "/publik")
        if path.startswith("/publik/data."):
            assert [e.title for e in feed.entries] == [server.open_title]
            entry = feed.entries[0]
            assert entry.link == f"{server.base}/publik/data/{server.open_slug}"
            assert entry.updated_parsed is not None
    rss = ET.fromstring(server.get("/publik/data.rss")[2])
    date = rss.find("channel/item/pubDate").text
    assert date.endswith(" GMT") and len(date.split()) == 6, f"not RFC 822: {date}"


def test_portal_pages_name_the_feeds_and_the_dcat_documents(server):
    home = server.get("/publik")[2].decode()
    for path in ["/publik/pengumuman.rss", "/publik/pengumuman.atom", "/publik/data.rss", "/publik/data.atom", "/publik/catalog.jsonld"]:
        assert f'href="{server.base}{path}"' in home, path
    page = server.get(f"/publik/data/{server.open_slug}")[2].decode()
    assert f'href="{server.base}/publik/data/{server.open_slug}/dcat.ttl"' in page


def test_sitemap_and_robots(server):
    status, _, body = server.get("/sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {u.find("s:loc", ns).text: u.find("s:lastmod", ns) for u in ET.fromstring(body).findall("s:url", ns)}
    page = f"{server.base}/publik/data/{server.open_slug}"
    assert {server.base + "/publik", server.base + "/publik/data", page} <= set(urls)
    assert urls[page] is not None and urls[page].text.endswith("Z")

    status, headers, body = server.get("/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(body.decode().splitlines())
    for allowed in ["/publik", f"/publik/data/{server.open_slug}", "/publik/catalog.ttl", "/api/v1/public/announcements", "/api/3/action/package_list"]:
        assert robots.can_fetch("*", server.base + allowed), allowed
    for refused in ["/", "/datasets", "/cases", "/api/v1/datasets", "/login"]:
        assert not robots.can_fetch("*", server.base + refused), refused
    assert robots.site_maps() == [server.base + "/sitemap.xml"]


def test_documents_are_gzipped_when_the_client_asks(server):
    status, headers, body = server.get("/publik/catalog.ttl", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    plain = server.get("/publik/catalog.ttl")
    assert plain[1].get("Content-Encoding") is None
    assert gzip.decompress(body) == plain[2]
    assert len(body) < len(plain[2]) / 2


def test_an_unchanged_document_is_304_with_its_etag(server):
    for path in ["/publik/catalog.ttl", "/publik/data.atom", "/sitemap.xml"]:
        status, headers, body = server.get(path)
        etag = headers["ETag"]
        assert headers["Cache-Control"].startswith("public")
        status, headers, body = server.get(path, **{"If-None-Match": etag})
        assert status == 304 and body == b""
        assert server.get(path, **{"If-None-Match": '"lain"'})[0] == 200
