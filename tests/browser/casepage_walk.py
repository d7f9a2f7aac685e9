"""One case walked through all nine steps, counting clicks and measuring the case page.

Shared by tests/browser/test_casepage.py (which also checks each card's contents) and
bench/casepage (which prints the figures). The same walk runs on the old and the new case page:
it uses only ids both layouts have (#complete-button, #letter-form, #report-form, ...).

A *click* is one press on a button, link, checkbox or radio, plus one for each time the person
must come back to the case page from another page (the task link, or "back to the case").
Logging in and typing are not clicks.
"""

from __future__ import annotations

import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

DEMO_PASSWORD = "walidata-demo"
CSV = (
    "kode_desa,desa,kecamatan,penduduk\n"
    "1309010001,Tuapeijat,Sipora Utara,5230\n"
    "1309010002,Sido Makmur,Sipora Utara,1875\n"
    "1309020001,Muara Siberut,Siberut Selatan,4120\n"
)


class Walk:
    def __init__(self, ui, shot=None, on_step=None):
        self.ui = ui
        self.shot = shot or (lambda *a, **k: None)
        self.clicks = 0
        self.heights: dict[str, int] = {}
        self.case_path = ""
        # on_step(walk, label) is called on the case page before each step is completed.
        self.on_step = on_step or (lambda walk, label: None)

    # -- counted actions --------------------------------------------------------
    def click(self, css: str) -> None:
        self.clicks += 1
        self.ui.click_and_wait_navigation(css)

    def tick(self, element) -> None:
        self.clicks += 1
        element.click()

    def to_case(self) -> None:
        if self.ui.path.rstrip("/") != self.case_path.rstrip("/"):
            self.clicks += 1
        self.ui.go(self.case_path)

    def as_user(self, username: str) -> None:
        self.ui.go("/")
        if self.ui.exists("#logout"):
            self.ui.logout()
        self.ui.login(username, DEMO_PASSWORD)

    def height(self, label: str) -> int:
        """document.body.scrollHeight of the case page at 1280 px (the browser's default width)."""
        self.ui.driver.set_window_size(1280, 900)
        value = int(self.ui.driver.execute_script("return document.body.scrollHeight"))
        self.heights[label] = value
        return value

    def complete(self, step: int, note: str = "", decision: str | None = None, fill=None, label: str | None = None) -> None:
        self.to_case()
        self.on_step(self, label or f"step{step}")
        for box in self.ui.driver.find_elements(By.CSS_SELECTOR, "#step1-checklist input[type=checkbox]"):
            if not box.is_selected():
                self.tick(box)
        if decision:
            self.tick(self.ui.el(f"#complete-step input[name='decision'][value='{decision}']"))
        if note:
            field = self.ui.el("#complete-step [name='note']")  # the data card's upload forms have notes too
            field.clear()
            field.send_keys(note)
        if fill:
            fill()
        self.click("#complete-button")
        errors = [e.text for e in self.ui.driver.find_elements(By.CSS_SELECTOR, "#complete-error, main > p.flash-error[role=status]")]
        assert not errors, f"completing step {step} showed an error: {errors}"

    # -- the walk ----------------------------------------------------------------
    def run(self, server) -> None:
        ui = self.ui
        server.cli("demo")
        self.as_user("produsen")
        ui.go("/cases/new")
        Select(ui.el("select[name='kind']")).select_by_value("simpan_baru")
        ui.fill("title", "Penyimpanan data penduduk per desa 2025")
        ui.fill("description", "Mohon disimpan data penduduk per desa hasil pendataan 2025.")
        self.click("#case-form button[type=submit]")
        self.case_path = ui.path
        fd, csv_path = tempfile.mkstemp(prefix="penduduk-", suffix=".csv")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(CSV)
        ui.el("#attachment-file").send_keys(csv_path)
        self.click("#attachment-submit")

        # Steps 1–2: administrasi.
        self.as_user("administrasi")
        self.complete(1, note="Berkas lengkap; pemohon diberi tanda terima.")
        self.to_case()
        self.height("step2")
        self.on_step(self, "step2-letter")
        if not ui.exists("#letter-form"):  # the old page: the editor is a separate page
            self.click("#letter-edit-link")
        ui.fill("subject", "Pendaftaran permohonan pengelolaan data penduduk")
        self.click("#letter-form button[type=submit]")
        self.complete(2)

        # Steps 3–4: pengelola stores the attachment.
        self.as_user("pengelola")
        self.to_case()
        self.height("step3")
        store = ui.el("form.store-attachment")
        key = store.get_attribute("id").removeprefix("store-")
        ui.el(f"#store-title-{key}").send_keys("Jumlah Penduduk Desa 2025")
        # Its Satu Data metadata, which step 9 checks; open, so the announcement may publish it.
        for name, value in (("topic", "Kependudukan"), ("source", "Dinas Dukcapil"), ("unit", "jiwa"), ("period", "2025")):
            ui.el(f"#{name}-{key}").send_keys(value)
        Select(ui.el(f"#access-{key}")).select_by_value("terbuka")
        self.click(f"#store-submit-{key}")
        self.complete(3, note="Data diterima dan diperiksa.")
        self.complete(4, note="Disimpan sebagai dataset baru.")

        # Steps 5–6, round 1.
        self.to_case()
        self.height("step5")
        self.on_step(self, "step5-report")
        ui.fill("narrative", "Data penduduk per desa diterima lengkap dan disimpan.")
        self.click("#report-form button[type=submit]")
        self.complete(5)
        self.complete(6)

        # Step 7: the kasi returns round 1.
        self.as_user("kasi")
        self.to_case()
        self.height("step7")
        self.complete(7, decision="tidak", note="Sebutkan jumlah desa dan sumber datanya.",
                      fill=lambda: Select(ui.el("select[name='section']")).select_by_value("uraian"), label="step7-return")

        # Round 2.
        self.as_user("pengelola")
        self.to_case()
        ui.fill("narrative", "Data penduduk 3 desa dari hasil pendataan Dinas Dukcapil 2025 diterima lengkap dan disimpan.")
        self.click("#report-form button[type=submit]")
        self.complete(5, label="step5-round2")
        self.complete(6, label="step6-round2")

        # Steps 7–8: the kasi approves and finalises.
        self.as_user("kasi")
        self.to_case()
        self.height("step7-round2")
        self.complete(7, decision="ya", note="Sudah benar.", label="step7-approve")
        self.to_case()
        self.height("step8")
        self.complete(8)

        # Step 9: the kabid publishes.
        self.as_user("kabid")
        self.to_case()
        self.height("step9")

        def announcement():
            ui.fill("title", "Data penduduk per desa 2025 kini terbuka")
            ui.fill("body", "Data penduduk 3 desa hasil pendataan 2025 dapat diunduh di portal data.")
            for channel in ("whatsapp", "facebook"):
                box = ui.el(f"#channel-{channel}")
                if not box.is_selected():
                    self.tick(box)

        self.complete(9, fill=announcement)
        self.height("closed")
        ui.driver.set_window_size(390, 900)
        self.heights["closed-390-scrollWidth"] = int(ui.driver.execute_script("return document.documentElement.scrollWidth"))
        ui.driver.set_window_size(1280, 900)

    def table(self) -> str:
        rows = [f"{'point':<24} {'px':>7}"] + [f"{k:<24} {v:>7}" for k, v in self.heights.items()]
        rows.append(f"{'clicks (whole walk)':<24} {self.clicks:>7}")
        return "\n".join(rows)
