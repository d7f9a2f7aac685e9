"""The SOP's own monitoring and evaluation forms (Permenpan RB 35/2012), as the kasi uses them.

The kasi opens a monitoring form for this month from the dashboard's link, sees every SOP step
as a line with a suggested assessment, tries to complete it with a step judged "tidak" and no
action (the page names the step), writes the action, completes it, and prints the A4 form. The
kabid answers the seven criteria of an evaluation and completes it; the admin opens an SOP
revision draft from it.

Pages and ids used:
  /dashboard            #sop-forms-link
  /sop/monitoring       #open-monitoring, #open-evaluation, #monitoring-forms
  /sop/monitoring/<id>  #monitoring-lines tr#line-N, [name=aN] [name=nN] [name=xN], #complete-form, #form-status, #print-form
  /sop/evaluations/<id> #evaluation-criteria, [name=aN] [name=nN], [name=recommendation], #complete-form, #start-revision
"""

import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ADMIN_PASSWORD, ADMIN_USERNAME  # noqa: E402

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "walidata-demo"


def test_monitoring_and_evaluation_forms(server, ui):
    server.cli("demo")  # one account per role; leaves existing accounts alone
    ui.login("kasi", DEMO_PASSWORD)
    ui.go("/dashboard")
    ui.click_and_wait_navigation("#sop-forms-link")
    ui.wait_path("/sop/monitoring")
    ui.shot("list")
    ui.click_and_wait_navigation("#open-monitoring button[type=submit]")
    lines = ui.driver.find_elements(By.CSS_SELECTOR, "#monitoring-lines tbody tr")
    assert len(lines) == 9, ui.text()
    form_path = ui.path

    # A step judged "tidak" without an action: the form comes back naming the step, nothing is lost.
    Select(ui.el("[name=a2]")).select_by_value("tidak")
    ui.fill("n2", "Surat sering terlambat")
    ui.click_and_wait_navigation("#complete-form")
    assert "Langkah 2 dinilai tidak sesuai SOP" in ui.text(), ui.text()
    assert ui.el("[name=n2]").get_attribute("value") == "Surat sering terlambat"
    ui.shot("problem")

    ui.fill("x2", "Tambah petugas administrasi")
    ui.click_and_wait_navigation("#complete-form")
    assert "Selesai" in ui.el("#form-status").text
    assert not ui.exists("[name=a2]"), "a completed form has nothing to fill"
    assert "Tambah petugas administrasi" in ui.text()
    ui.shot("completed")

    ui.click_and_wait_navigation("#print-form")
    assert "Yang melakukan monitoring," in ui.text()
    pdf, _ = ui.print_pdf("monitoring-print")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "FORMULIR MONITORING PELAKSANAAN SOP" in text and "Tambah petugas administrasi" in text
    assert "Halaman 1 dari" in text

    # The evaluation: kabid answers the seven criteria; a "Tidak" needs its note.
    ui.go(form_path)
    ui.logout()
    ui.login("kabid", DEMO_PASSWORD)
    ui.go("/sop/monitoring")
    ui.click_and_wait_navigation("#open-evaluation button[type=submit]")
    evaluation_path = ui.path
    for n in range(1, 8):
        Select(ui.el(f"[name=a{n}]")).select_by_value("tidak" if n == 3 else "ya")
    ui.fill("n3", "Langkah 4 sulit dipahami")
    ui.fill("recommendation", "Perjelas kelengkapan langkah 4")
    ui.click_and_wait_navigation("#complete-form")
    assert "Selesai" in ui.el("#form-status").text, ui.text()
    assert not ui.exists("#start-revision"), "the kabid may not open SOP drafts"
    ui.shot("evaluation")
    ui.logout()

    ui.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    ui.go(evaluation_path)
    ui.click_and_wait_navigation("#start-revision button")
    assert "/sop/revisions/" in ui.path and ui.path.endswith("/edit"), ui.path
    assert "Perjelas kelengkapan langkah 4" in ui.driver.page_source
