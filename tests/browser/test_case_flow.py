"""One whole SOP case in the browser, as the people would do it.

produsen submits → administrasi does steps 1–2 (checklist + receipt, letter) → pengelola_ti
steps 3–6 (attaches a dataset, uploads its CSV, stores, writes the report, submits) → kasi
returns round 1 with a note → pengelola_ti revises and submits round 2 → kasi approves and
finalises → kabid writes the announcement and publishes → the public portal shows it.

Every step gets a screenshot; every output document is printed to PDF (+ PNG of page 1).

Pages and ids used:
  /cases/new                 #case-form ([name=kind], [name=title], [name=description])
  /cases/<id>                #case-number, #case-state, #current-step, #complete-step
                             ([name=decision], [name=note], #step1-checklist inputs),
                             #receipt-link, #letter-edit-link, #letter-number, #attach-dataset,
                             form.case-upload, #storage-log-link, #report-form, #report-return-note,
                             #report-round-<n>, #case-timeline (folded in #history-full)
  /cases/<id>/letter         #letter-form
"""

import io
import os
import re
import subprocess
import tempfile

import docx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "walidata-demo"
CSV = (
    "kode_desa,desa,kecamatan,penduduk\n"
    "1309010001,Tuapeijat,Sipora Utara,5230\n"
    "1309010002,Sido Makmur,Sipora Utara,1875\n"
    "1309020001,Muara Siberut,Siberut Selatan,4120\n"
)


def as_user(ui, username: str) -> None:
    ui.go("/")
    if ui.exists("#logout"):
        ui.logout()
    ui.login(username, DEMO_PASSWORD)


def open_step(ui) -> int:
    """The number of the open step shown on the case page (0 when the case is closed)."""
    heading = ui.el("#current-step").text
    found = re.search(r"(\d+)", heading.splitlines()[0]) if heading else None
    return int(found.group(1)) if found and ui.exists("#current-step h2") else 0


def complete(ui, case_path: str, step: int, shot, note: str = "", decision: str | None = None, fill=None) -> None:
    ui.go(case_path)
    assert open_step(ui) == step, f"expected step {step} open\n{ui.el('#current-step').text}"
    for box in ui.driver.find_elements(By.CSS_SELECTOR, "#step1-checklist input[type=checkbox]"):
        if not box.is_selected():
            box.click()
    if decision:
        ui.el(f"#complete-step input[name='decision'][value='{decision}']").click()
    if note:
        field = ui.el("#complete-step [name='note']")  # the data card's upload forms have notes too
        field.clear()
        field.send_keys(note)
    if fill:
        fill()
    shot(f"step{step}-before")
    ui.click_and_wait_navigation("#complete-button")
    errors = [e.text for e in ui.driver.find_elements(By.CSS_SELECTOR, "main > p.flash-error[role=status]")]
    assert not errors, f"completing step {step} showed an error: {errors}"


def test_whole_case_from_request_to_publication(ui, server, shot):
    server.cli("demo")

    # The produsen submits the request for its agency.
    as_user(ui, "produsen")
    ui.go("/cases/new")
    Select(ui.el("select[name='kind']")).select_by_value("simpan_baru")
    ui.fill("title", "Penyimpanan data penduduk per desa 2025")
    ui.fill("description", "Mohon disimpan data penduduk per desa hasil pendataan 2025.")
    shot("produsen-request")
    ui.click_and_wait_navigation("#case-form button[type=submit]")
    assert re.fullmatch(r"/cases/[0-9A-Fa-f-]{36}", ui.path), ui.path
    case_path = ui.path
    number = ui.el("#case-number").text
    assert re.fullmatch(r"PD/\d{4}/\d{4}", number), number
    shot("produsen-submitted")
    # ... and attaches the data file to the request.
    fd, csv_path = tempfile.mkstemp(prefix="penduduk-", suffix=".csv")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(CSV)
    ui.el("#attachment-file").send_keys(csv_path)
    ui.fill("note", "Hasil pendataan 2025")
    ui.click_and_wait_navigation("#attachment-submit")
    assert os.path.basename(csv_path) in ui.el("#attachments-table").text
    shot("produsen-attached")

    # Step 1: the administration officer checks the berkas against the checklist.
    as_user(ui, "administrasi")
    assert number in ui.el("#tasks-table", "Tugas saya on the home page").text
    shot("administrasi-tasks")
    complete(ui, case_path, 1, shot, note="Berkas lengkap; pemohon diberi tanda terima.")
    ui.click_and_wait_navigation("#receipt-link")
    assert number in ui.text()
    ui.print_pdf("receipt")

    # Step 2: the registration letter, edited, then numbered at completion.
    ui.go(case_path)
    ui.click_and_wait_navigation("#letter-edit-link")
    ui.fill("subject", "Pendaftaran permohonan pengelolaan data penduduk")
    shot("letter-edit")
    ui.click_and_wait_navigation("#letter-form button[type=submit]")
    complete(ui, case_path, 2, shot)
    letter_number = ui.el("#letter-number").text
    assert re.fullmatch(r"000\.5\.2/\d{4}/.+/\d{4}", letter_number), letter_number
    ui.click_and_wait_navigation("#letter-print-link")
    assert letter_number in ui.text() and "Pendaftaran permohonan pengelolaan data penduduk" in ui.text()
    ui.print_pdf("letter")
    # The same letter as Word and as PDF, opened by python-docx and pdftotext.
    ui.go(case_path)
    word = docx.Document(io.BytesIO(ui.fetch(ui.present("a[href*='/letter/print?format=docx']").get_attribute("href"))))
    text = "\n".join([p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells])
    assert letter_number in text and "Pendaftaran permohonan pengelolaan data penduduk" in text, text[:2000]
    pdf = shot.next_path("letter-download", ".pdf")
    pdf.write_bytes(ui.fetch(ui.present("a[href*='/letter/print?format=pdf']").get_attribute("href")))
    pdf_text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert letter_number in pdf_text and "Pendaftaran permohonan pengelolaan data penduduk" in pdf_text, pdf_text[:1000]

    # Steps 3–4: the pengelola_ti stores the request's attachment as a new dataset.
    as_user(ui, "pengelola")
    ui.go(case_path)
    assert ui.exists("#data-warning"), "the SOP warning shows while the case has no data"
    shot("step3-warning")
    store = ui.el("form.store-attachment")
    key = store.get_attribute("id").removeprefix("store-")
    ui.el(f"#store-title-{key}").send_keys("Jumlah Penduduk Desa 2025")
    # Its Satu Data metadata, which step 9 checks; open, so the announcement may publish it.
    for name, value in (("topic", "Kependudukan"), ("source", "Dinas Dukcapil"), ("unit", "jiwa"), ("period", "2025")):
        ui.el(f"#{name}-{key}").send_keys(value)
    Select(ui.el(f"#access-{key}")).select_by_value("terbuka")
    ui.click_and_wait_navigation(f"#store-submit-{key}")
    ui.go(case_path)
    assert not ui.exists("#data-warning"), ui.el("#case-data").text
    shot("step3-data-stored")
    complete(ui, case_path, 3, shot, note="Data diterima dan diperiksa.")
    complete(ui, case_path, 4, shot, note="Disimpan sebagai dataset baru.")
    ui.click_and_wait_navigation("#storage-log-link")  # step 4's line in the case history
    assert "Jumlah Penduduk Desa 2025" in ui.text()
    ui.go(ui.path + "?print=1")
    ui.print_pdf("storage-log")

    # Steps 5–6: the report, round 1, submitted to the kasi.
    ui.go(case_path)
    ui.fill("narrative", "Data penduduk per desa diterima lengkap dan disimpan.")
    ui.click_and_wait_navigation("#report-form button[type=submit]")
    complete(ui, case_path, 5, shot)
    complete(ui, case_path, 6, shot)

    # Step 7: the kasi returns round 1 with a note.
    as_user(ui, "kasi")
    ui.go(case_path)
    assert ui.exists("#report-round-1")
    complete(ui, case_path, 7, shot, decision="tidak", note="Sebutkan jumlah desa dan sumber datanya.",
             fill=lambda: Select(ui.el("select[name='section']")).select_by_value("uraian"))
    assert open_step(ui) == 5
    ui.go(case_path.rstrip("/") + "/report/1")
    ui.print_pdf("report-round-1")

    # Back to step 5: the pengelola_ti sees the note, revises, submits round 2.
    as_user(ui, "pengelola")
    ui.go(case_path)
    returned = ui.el("#report-return-note").text
    assert "Sebutkan jumlah desa" in returned and "Uraian" in returned, returned
    shot("round2-return-note")
    ui.fill("narrative", "Data penduduk 3 desa dari hasil pendataan Dinas Dukcapil 2025 diterima lengkap dan disimpan.")
    ui.click_and_wait_navigation("#report-form button[type=submit]")
    complete(ui, case_path, 5, shot)
    complete(ui, case_path, 6, shot)

    # Steps 7–8: the kasi sees what changed, approves and finalises.
    as_user(ui, "kasi")
    ui.go(case_path)
    assert ui.exists("#report-diff-2"), "round 2 shows what changed since round 1"
    shot("kasi-diff")
    complete(ui, case_path, 7, shot, decision="ya", note="Sudah benar.")
    ui.go(case_path.rstrip("/") + "/report/2")
    ui.print_pdf("report-round-2")
    complete(ui, case_path, 8, shot)
    ui.go(case_path.rstrip("/") + "/report/final")
    assert "Dinas Dukcapil" in ui.text()
    ui.print_pdf("report-final")

    # Step 9: the kabid writes the announcement and publishes it.
    as_user(ui, "kabid")
    ui.go(case_path)
    assert open_step(ui) == 9
    shot("step9-open", full_page=True)

    def announcement():
        ui.fill("title", "Data penduduk per desa 2025 kini terbuka")
        ui.fill("body", "Data penduduk 3 desa hasil pendataan 2025 dapat diunduh di portal data.")
        for channel in ("whatsapp", "facebook"):
            box = ui.el(f"#channel-{channel}")
            if not box.is_selected():
                box.click()

    complete(ui, case_path, 9, shot, fill=announcement)
    assert open_step(ui) == 0, "publishing completes the last step and closes the case"
    deliveries = ui.el("#deliveries").text
    assert "belum dikonfigurasi" in deliveries.lower(), deliveries
    # The full timeline is folded into the history (<details>): count its entries.
    entries = ui.driver.find_elements(By.CSS_SELECTOR, "#history-full #case-timeline li")
    assert len(entries) >= 11, [e.get_attribute("textContent") for e in entries]
    shot("case-closed", full_page=True)
    ui.click_and_wait_navigation("#final-report-link")
    assert "Data penduduk per desa 2025 kini terbuka" in ui.text()
    ui.print_pdf("final-report")
    ui.go(case_path)
    ui.click_and_wait_navigation("#record-output-link")
    record = ui.text()
    assert number in record and "Sebutkan jumlah desa" in record and letter_number in record
    ui.print_pdf("case-record")

    # The public portal, without logging in.
    ui.go("/")
    ui.logout()
    ui.go("/publik")
    assert "Data penduduk per desa 2025 kini terbuka" in ui.el("#portal-announcements").text
    shot("portal")
    ui.driver.find_element(By.PARTIAL_LINK_TEXT, "Data penduduk per desa 2025 kini terbuka").click()
    ui.wait_ready()
    assert "Jumlah Penduduk Desa 2025" in ui.el("#public-announcement").text
    shot("portal-announcement")
    ui.driver.find_element(By.CSS_SELECTOR, "#announcement-datasets a").click()
    ui.wait_ready()
    assert "Tuapeijat" in ui.el("#explorer").text
    assert ui.http_status(ui.el("#download-excel").get_attribute("href").split(ui.server.base_url, 1)[-1]) == 200
    shot("portal-dataset")
