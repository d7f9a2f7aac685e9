"""The rules of the steps' outputs, seen in a real browser.

A refused step shows its reason on the case page: beside the form when the same step is still
open (step 2 without a saved letter), at the top when it is not (a stale second click). The
data card asks for the Satu Data metadata of a new dataset, terbatas by default, and says
what a linked dataset still lacks. Desktop and phone, Indonesian and English.

Pages and ids used:
  /cases/new        #case-form
  /cases/<id>       #current-step, #complete-step, #complete-button, #complete-error,
                    main > p.flash-error (the message box at the top), #letter-edit-link,
                    #attach-dataset, #new-dataset-attach, #access-attach, .metadata-missing
  /cases/<id>/letter  #letter-form
"""

import os
import re
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "walidata-demo"


def as_user(ui, username: str) -> None:
    ui.go("/")
    if ui.exists("#logout"):
        ui.logout()
    ui.login(username, DEMO_PASSWORD)


def submit_case(ui, title: str) -> str:
    as_user(ui, "produsen")
    ui.go("/cases/new")
    Select(ui.el("select[name='kind']")).select_by_value("simpan_baru")
    ui.fill("title", title)
    ui.click_and_wait_navigation("#case-form button[type=submit]")
    assert re.fullmatch(r"/cases/[0-9A-Fa-f-]{36}", ui.path), ui.path
    return ui.path


def tick_and_complete(ui) -> None:
    for box in ui.driver.find_elements(By.CSS_SELECTOR, "#step1-checklist input[type=checkbox]"):
        if not box.is_selected():
            box.click()
    ui.click_and_wait_navigation("#complete-button")


def top_messages(ui) -> list[str]:
    return [e.text for e in ui.driver.find_elements(By.CSS_SELECTOR, "main > p.flash-error[role=status]")]


def both_widths(ui, shot, name: str) -> None:
    """Desktop and phone screenshots of the page as it is (the page is not reloaded: a
    refusal's message is shown once)."""
    shot(name + "-desktop", full_page=True)
    ui.driver.set_window_size(390, 900)
    shot(name + "-phone", full_page=True)
    ui.driver.set_window_size(1280, 900)


def test_refused_step_shows_its_reason(ui, server, shot):
    server.cli("demo")
    case_path = submit_case(ui, "Data imunisasi 2025")

    as_user(ui, "administrasi")
    ui.go(case_path)
    tick_and_complete(ui)
    ui.go(case_path)
    assert "2" in ui.el("#current-step h2").text

    # Step 2 without opening and saving the letter: refused, the reason beside the button.
    ui.click_and_wait_navigation("#complete-button")
    error = ui.el("#complete-error", "the refusal beside the completion form").text
    assert "surat pendaftaran belum disimpan" in error and "Simpan surat" in error, error
    assert "2" in ui.el("#current-step h2").text, "step 2 is still open"
    both_widths(ui, shot, "step2-refused-id")

    # The same in English.
    ui.go(case_path)
    ui.click_and_wait_navigation("#lang-switch")
    ui.wait_lang("en")
    ui.go(case_path)
    ui.click_and_wait_navigation("#complete-button")
    error = ui.el("#complete-error").text
    assert "the registration letter has not been saved" in error, error
    both_widths(ui, shot, "step2-refused-en")
    ui.go(case_path)
    ui.click_and_wait_navigation("#lang-switch")
    ui.wait_lang("id")

    # Saved letter: step 2 completes.
    ui.go(case_path)
    ui.click_and_wait_navigation("#letter-edit-link")
    ui.click_and_wait_navigation("#letter-form button[type=submit]")
    ui.go(case_path)
    ui.click_and_wait_navigation("#complete-button")
    assert not top_messages(ui) and not ui.exists("#complete-error"), top_messages(ui)
    assert ui.el("#letter-number").text

    # A stale page completing step 2 again (a second click, an old tab): the case page with
    # the reason at the top, status 409, nothing changed.
    as_user(ui, "administrasi")
    ui.go(case_path)
    ui.driver.execute_script(
        """const token = document.querySelector("input[name=_csrf]").value;
        const form = document.createElement("form");
        form.method = "post"; form.action = arguments[0] + "/steps/2/complete";
        const field = document.createElement("input");
        field.type = "hidden"; field.name = "_csrf"; field.value = token;
        form.appendChild(field); document.body.appendChild(form); form.submit();""", case_path)
    ui.wait(lambda d: top_messages(ui), "the message box at the top of the case page")
    messages = top_messages(ui)
    assert any("Langkah 2 tidak sedang menunggu dikerjakan" in m for m in messages), messages
    assert ui.exists("#case-summary"), "the case page, not an error page"
    both_widths(ui, shot, "stale-step-refused")


def test_new_dataset_asks_for_its_metadata(ui, server, shot):
    server.cli("demo")
    case_path = submit_case(ui, "Data puskesmas 2025")
    fd, csv_path = tempfile.mkstemp(prefix="puskesmas-", suffix=".csv")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("kecamatan,puskesmas\nSipora Utara,2\nSiberut Selatan,3\n")
    ui.el("#attachment-file").send_keys(csv_path)
    ui.click_and_wait_navigation("#attachment-submit")
    as_user(ui, "administrasi")
    ui.go(case_path)
    tick_and_complete(ui)
    ui.click_and_wait_navigation("#letter-edit-link")
    ui.click_and_wait_navigation("#letter-form button[type=submit]")
    ui.go(case_path)
    ui.click_and_wait_navigation("#complete-button")

    as_user(ui, "pengelola")
    ui.go(case_path)
    fields = ui.el("#new-dataset-attach", "the metadata of a new dataset")
    assert "Topik" in fields.text and "Sumber" in fields.text and "Satuan" in fields.text, fields.text
    assert Select(ui.el("#access-attach")).first_selected_option.get_attribute("value") == "terbatas"

    # The handed-over file's "store into a new dataset" asks the same, terbatas by default.
    store = ui.el("form.store-attachment")
    key = store.get_attribute("id").removeprefix("store-")
    assert Select(ui.el(f"#access-{key}")).first_selected_option.get_attribute("value") == "terbatas"
    ui.driver.execute_script("arguments[0].scrollIntoView()", ui.el("#attachments-table"))
    shot("store-form")

    # A new dataset with only a title: linked, and marked as lacking its metadata.
    ui.el("#attach-dataset input[name='title']").send_keys("Jumlah Puskesmas 2025")
    ui.click_and_wait_navigation("#attach-dataset button[type=submit]")
    note = ui.el(".metadata-missing", "the note under the dataset").text
    assert "Metadata belum lengkap" in note and "Satuan" in note, note
    ui.el("#case-data").location_once_scrolled_into_view
    shot("data-card-metadata", full_page=True)

    # A new dataset with its metadata: no note for it.
    ui.el("#attach-dataset input[name='title']").send_keys("Jumlah Posyandu 2025")
    for name, value in (("topic", "Kesehatan"), ("source", "Dinas Kesehatan"), ("unit", "unit"), ("period", "2025")):
        ui.el(f"#{name}-attach").send_keys(value)
    ui.click_and_wait_navigation("#attach-dataset button[type=submit]")
    rows = ui.el("#case-datasets").text
    assert "Jumlah Posyandu 2025" in rows
    assert len(ui.driver.find_elements(By.CSS_SELECTOR, ".metadata-missing")) == 1, rows
    ui.driver.set_window_size(390, 900)
    shot("data-card-phone", full_page=True)
    ui.driver.set_window_size(1280, 900)
