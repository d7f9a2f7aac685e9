"""The case page leads the officer: each step's card holds what the step needs and produces.

Walks one case through all nine steps (casepage_walk.Walk), checks at each step that the open
step's card (#current-step) holds that step's work, adjusts the final concept at step 8, takes
screenshots (1280 px full page; 390 px in Indonesian and English), and writes the page heights
and the number of clicks to artifacts/casepage-figures.txt.

WALIDATA_CASEPAGE_MEASURE_ONLY=1 skips the checks, to measure an older build with the same walk.
"""

import os
import sys
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).parent))
from casepage_walk import Walk  # noqa: E402

pytestmark = pytest.mark.browser
MEASURE_ONLY = os.environ.get("WALIDATA_CASEPAGE_MEASURE_ONLY") == "1"

# What the open step's card must hold, by the walk's label.
CARD = {
    "step1": ["#step1-checklist", "#case-attachments"],
    "step2-letter": ["#letter-form", "#letter-unsaved"],
    "step2": ["#letter-preview", "#complete-button"],
    "step3": ["#case-data", "form.store-attachment, #case-attachments"],
    "step4": ["#case-data"],
    "step5-report": ["#report-form", ".facts"],
    "step6": ["#report-round-1"],
    "step7-return": ["#report-round-1", "input[name='decision']"],
    "step5-round2": ["#report-return-note", "#revision-target, .facts"],
    "step7-approve": ["#report-round-2", "#report-diff-2", "input[name='decision']"],
    "step8": ["#final-form", "#final-concept"],
    "step9": ["#announcement-fields"],
}


def phone_shots(ui, shot, name: str) -> None:
    """390 px, Indonesian then English (and back): no sideways scroll in either."""
    for lang in ("id", "en"):
        if ui.lang != lang:
            ui.click_and_wait_navigation("#lang-switch")  # a signed-in person's language switch
        ui.driver.set_window_size(390, 900)
        width = ui.driver.execute_script("return document.documentElement.scrollWidth")
        shot(f"{name}-390-{lang}", full_page=True)
        assert width <= 390, f"{name} at 390 px ({lang}) scrolls sideways: {width} px wide"
        ui.driver.set_window_size(1280, 900)
    ui.click_and_wait_navigation("#lang-switch")


def check_step(walk: Walk, label: str) -> None:
    ui, shot = walk.ui, walk.shot
    shot(label, full_page=True)
    if MEASURE_ONLY:
        return
    card = ui.el("#current-step")
    for css in CARD.get(label, []):
        assert card.find_elements(By.CSS_SELECTOR, css), f"{label}: the open step's card has no {css}\n{card.text[:600]}"
    if label == "step5-report":
        assert "Nomor registrasi" in card.text, "the drafted facts show before the report is first saved"
        phone_shots(ui, shot, label)
    if label == "step8":
        # The kasi adjusts the approved round; the card shows the change against it.
        assert ui.exists("#final-unchanged")
        box = ui.el("#final-form textarea[name='narrative']")
        box.send_keys("\nKetepatan jumlah desa telah diperiksa ulang oleh Kepala Seksi.")
        ui.click_and_wait_navigation("#final-save")
        diff = ui.el("#final-diff").text
        assert "+ Ketepatan jumlah desa telah diperiksa ulang" in diff, diff
        shot("step8-adjusted", full_page=True)


def test_each_step_card_leads_the_officer(ui, server, shot):
    walk = Walk(ui, shot, on_step=check_step)
    walk.run(server)
    table = walk.table()
    print("\n" + table)
    out = Path(os.environ.get("WALIDATA_ARTIFACTS") or Path(__file__).resolve().parents[2] / "artifacts")
    out.mkdir(parents=True, exist_ok=True)
    (out / "casepage-figures.txt").write_text(table + "\n")
    shot("closed", full_page=True)
    if MEASURE_ONLY:
        return
    assert walk.heights["closed-390-scrollWidth"] <= 390
    history = ui.el("#case-history").text
    for text in ("Tanda terima berkas", "Cetak konsep laporan akhir"):
        assert text in history, (text, history)
    assert ui.exists("#history-full #case-timeline"), "the full timeline is folded into the history"
    phone_shots(ui, shot, "closed")
    ui.click_and_wait_navigation("#final-concept-link")
    assert "Ketepatan jumlah desa telah diperiksa ulang oleh Kepala Seksi." in ui.text(), "the final concept prints the kasi's adjustment"
    ui.print_pdf("final-concept")
    ui.go(walk.case_path)
    ui.print_pdf("case-page-closed")
