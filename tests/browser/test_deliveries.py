"""Issue 10, what people see: a case published to the website, the Facebook Page and WhatsApp
against a fake Graph server (a tiny http.server on 127.0.0.1 in this test), the outbox worker of
`walidata serve` sending, signed status webhooks coming back, then the delivery states on the
case page (1280 px and 390 px, Indonesian and English), the kabid's notice and home card, and
the printed final report.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from casepage_walk import Walk  # noqa: E402
from conftest import ADMIN_PASSWORD, ADMIN_USERNAME  # noqa: E402

pytestmark = pytest.mark.browser

PAGE_ID = "1122334455"
POST_ID = "1122334455_987654"
PHONE_ID = "5566778899"
APP_SECRET = "rahasia-aplikasi-uji"
# The second recipient's number cannot receive WhatsApp: Graph answers 131026.
RECIPIENTS = (("Camat Sipora Utara", "081211110001"), ("Kepala Desa Tuapeijat", "081211110002"))


class FakeGraph:
    """Answers like the Graph API: posts get an ID, messages a wamid, number …0002 a 131026."""

    def __init__(self):
        self.requests: list[tuple[str, str, str]] = []
        self.wamids: dict[str, str] = {}
        graph = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                graph.requests.append(("GET", self.path, ""))
                if "/feed" in self.path:
                    self.answer(200, {"data": []})
                else:
                    self.answer(200, {"id": PAGE_ID, "name": "Diskominfo Kabupaten Kepulauan Mentawai"})

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                graph.requests.append(("POST", self.path, body))
                if self.path.endswith("/feed"):
                    self.answer(200, {"id": POST_ID})
                elif self.path.endswith("/messages"):
                    to = json.loads(body).get("to", "")
                    if to.endswith("0002"):
                        self.answer(400, {"error": {"message": "(#131026) Message undeliverable", "type": "OAuthException",
                                                    "code": 131026, "fbtrace_id": "AbCdEf123"}})
                    else:
                        wamid = f"wamid.HBgM{len(graph.wamids) + 1}"
                        graph.wamids[to] = wamid
                        self.answer(200, {"messaging_product": "whatsapp", "messages": [{"id": wamid}]})
                else:
                    self.answer(404, {"error": {"message": "unknown", "code": 100}})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def graph():
    fake = FakeGraph()
    yield fake
    fake.close()


def webhook(server, wamid: str, status: str) -> int:
    """A status webhook as Meta sends it, signed with the app secret."""
    body = json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "statuses": [{"id": wamid, "status": status, "timestamp": str(int(time.time())),
                                                       "recipient_id": "6281211110001"}]}}]}]}).encode()
    signature = "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(server.url("/webhooks/whatsapp"), data=body, method="POST",
                                     headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def configure_channels(ui, shot, graph) -> None:
    ui.go("/admin/channels")
    # The Graph address sits under "Pengaturan lanjutan".
    for details in ui.driver.find_elements("css selector", "#channels-form details"):
        ui.driver.execute_script("arguments[0].open = true", details)
    for name, value in (("facebookPageID", PAGE_ID), ("facebookToken", "EAAG-token-halaman-uji"), ("facebookBaseURL", graph.url),
                        ("whatsappPhoneNumberID", PHONE_ID), ("whatsappToken", "EAAG-token-wa-uji"), ("whatsappTemplate", "pengumuman_data"),
                        ("whatsappLanguage", "id"), ("whatsappAppSecret", APP_SECRET), ("whatsappVerifyToken", "verifikasi-uji"),
                        ("whatsappBaseURL", graph.url)):
        field = ui.el(f"#channels-form [name='{name}']")
        field.clear()
        field.send_keys(value)
    ui.click_and_wait_navigation("#channels-save")
    for name, phone in RECIPIENTS:
        ui.fill("name", name)
        ui.fill("phone", phone)
        ui.fill("optInMethod", "formulir persetujuan bertanda tangan")
        ui.fill("optInDate", "2026-11-02")
        ui.click_and_wait_navigation("#recipient-form button[type=submit]")
    rows = ui.driver.find_elements("css selector", "#recipients-table tbody tr")
    assert len(rows) == 2, ui.text()[:800]
    shot("channels-configured", full_page=True)


def wait_delivered(ui, case_path: str, timeout: float = 60) -> None:
    """The worker runs every few seconds: reload until no channel waits for a first try."""
    deadline = time.time() + timeout
    while True:
        ui.go(case_path)
        states = {row.get_attribute("id"): row.get_attribute("data-state")
                  for row in ui.driver.find_elements("css selector", "#deliveries tbody tr")}
        if states and "waiting" not in states.values():
            return
        if time.time() > deadline:
            raise AssertionError(f"deliveries still waiting after {timeout} s: {states}")
        time.sleep(2)


def shots_both(ui, shot, name: str) -> None:
    """1280 px and 390 px, Indonesian and English; the phone view must not scroll sideways."""
    for lang in ("id", "en"):
        if ui.lang != lang:
            ui.click_and_wait_navigation("#lang-switch")
        ui.driver.set_window_size(1280, 900)
        shot(f"{name}-1280-{lang}", full_page=True)
        ui.driver.set_window_size(390, 900)
        width = ui.driver.execute_script("return document.documentElement.scrollWidth")
        shot(f"{name}-390-{lang}", full_page=True)
        # The delivery table itself, as the phone shows it.
        ui.driver.execute_script("document.querySelector('#deliveries').scrollIntoView()")
        shot(f"{name}-390-{lang}-table")
        assert width <= 390, f"{name} at 390 px ({lang}) scrolls sideways: {width} px wide"
    ui.driver.set_window_size(1280, 900)
    ui.click_and_wait_navigation("#lang-switch")


def test_deliveries_on_the_case_page_and_the_final_report(ui, server, shot, graph):
    ui.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    configure_channels(ui, shot, graph)
    shot("share-image-card")
    ui.logout()

    walk = Walk(ui, shot)
    walk.run(server)
    case_path = walk.case_path
    wait_delivered(ui, case_path)

    # Facebook got one post; WhatsApp one message per opted-in recipient.
    posts = [r for r in graph.requests if r[0] == "POST" and r[1].endswith("/feed")]
    assert len(posts) == 1, graph.requests
    wamid = next(iter(graph.wamids.values()))
    for status in ("delivered", "read"):
        assert webhook(server, wamid, status) == 200
    ui.go(case_path)

    fb = ui.el("#delivery-facebook")
    assert fb.get_attribute("data-state") == "sent", fb.text
    assert f"ID kiriman Facebook: {POST_ID}" in fb.text, fb.text
    assert ui.el("#facebook-post-link").get_attribute("href") == f"https://www.facebook.com/{POST_ID}"
    wa = ui.el("#delivery-whatsapp")
    assert wa.get_attribute("data-state") == "failed", wa.text
    assert "2 penerima: 1 terkirim · 1 sampai · 1 dibaca · 1 gagal" in wa.text, wa.text
    assert "Kode 131026" in wa.text and "tidak dapat menerima pesan WhatsApp" in wa.text, wa.text
    ui.driver.execute_script("document.querySelector('#whatsapp-open').open = true")
    assert ui.el("#whatsapp-open").text.count("Kirim ulang sekarang") == 1, "the kabid may resend the one that failed"
    assert "fbtrace_id AbCdEf123" in ui.el("#whatsapp-open").text
    ui.el("#announcement")
    shots_both(ui, shot, "case-deliveries")

    # The kabid was told, and the home page lists the channel.
    ui.go("/notifications")
    assert "Pengumuman gagal dikirim ke WhatsApp" in ui.text()
    shot("notifications", full_page=True)
    ui.go("/")
    assert "Pengumuman yang belum terkirim" in ui.el("#delivery-attention").text
    shot("home-attention", full_page=True)

    # Kirim ulang sekarang: the row goes back to the worker, which is refused again.
    ui.go(case_path)
    ui.driver.execute_script("document.querySelector('#whatsapp-open').open = true")
    ui.click_and_wait_navigation("#whatsapp-open form.resend button")
    assert "dikirim ulang" in ui.text(), ui.text()[:600]
    deadline = time.time() + 60
    while len([r for r in graph.requests if r[0] == "POST" and r[1].endswith("/messages") and "0002" in r[2]]) < 2:
        assert time.time() < deadline, "the resent message did not go out"
        time.sleep(1)
    time.sleep(1)
    ui.go(case_path)
    assert ui.el("#delivery-whatsapp").get_attribute("data-state") == "failed"
    assert len([r for r in graph.requests if r[0] == "POST" and r[1].endswith("/feed")]) == 1, "Facebook not posted again"

    # The printed final report, always Indonesian.
    ui.go(case_path.rstrip("/") + "/final-report")
    text = ui.text()
    assert f"ID kiriman Facebook: {POST_ID}" in text, text[-1500:]
    assert "2 penerima: 1 terkirim · 1 sampai · 1 dibaca · 1 gagal" in text
    assert "Keadaan pengiriman per" in text
    ui.print_pdf("final-report")
