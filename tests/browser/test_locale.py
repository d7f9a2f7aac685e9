"""Numbers, dates and language, and the small things people notice, in a real browser.

- numbers read the same in a dataset's column profile and its table (1.125,46 / 1,125.46);
- date and time fields are text fields showing TTTT-BB-HH / JJ:MM, the same in every browser,
  at phone width (390 px) without sideways scrolling;
- the closed case page does not scroll sideways at 390 px (long hashes wrap);
- the on-screen SOP flowchart's rows line up with the table rows and its lanes reach the bottom;
- /favicon.ico is served.

Pages and ids used:
  /datasets/<slug>/versions/1   #profile-table, #data-table
  /calendar                     #hours-table inputs, [name=start], [name=time], [name=standard], #calculate
  /storage-log, /dashboard      [name=from], [name=to]
  /cases/<id>                   #current-step (closed: no h2), #case-number
  /sop                          #sop-flowchart (tr.sop-step, td.sop-lanes svg)
"""

import os
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "walidata-demo"
PHONE = 390
CSV = (
    "kode,desa,tahun,penduduk,anggaran\n"
    "A1,Tuapeijat,2024,12500,\"1.125,46\"\n"
    "A2,Sido Makmur,2025,875,\"901,08\"\n"
)


def phone(ui, width: int = PHONE) -> None:
    ui.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                              {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})


def desktop(ui) -> None:
    ui.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def scroll_width(ui) -> int:
    return ui.driver.execute_script("return document.documentElement.scrollWidth")


def as_user(ui, username: str) -> None:
    ui.go("/")
    if ui.exists("#logout"):
        ui.logout()
    ui.login(username, DEMO_PASSWORD)


def switch_language(ui, lang: str) -> None:
    """The signed-in switch (#lang-switch) toggles; a visitor has #lang-id / #lang-en."""
    if ui.lang == lang:
        return
    ui.click_and_wait_navigation("#lang-switch" if ui.exists("#lang-switch") else f"#lang-{lang}")
    ui.wait_lang(lang)


def test_numbers_read_the_same_in_profile_and_table(ui, server, shot):
    server.cli("demo")
    as_user(ui, "pengelola")
    ui.go("/datasets/new")
    ui.fill("title", "Anggaran Desa 2025")
    Select(ui.el("select[name='organizationID']")).select_by_index(0)
    ui.click_and_wait_navigation("#save")
    fd, path = tempfile.mkstemp(prefix="anggaran-", suffix=".csv")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(CSV)
    ui.el("#upload-form input[type=file]").send_keys(path)
    ui.el("#upload-submit").click()
    ui.wait(lambda d: "/versions/1" in d.current_url, "the version page after the upload")
    ui.wait_ready()
    version = ui.path
    for lang, amount, small, count in (("id", "1.125,46", "901,08", "12.500"), ("en", "1,125.46", "901.08", "12,500")):
        if ui.lang != lang:
            switch_language(ui, lang)
        ui.go(version)
        profile, table = ui.el("#profile-table").text, ui.el("#data-table").text
        assert amount in profile and amount in table, f"{lang}: {profile}\n{table}"
        assert small in table and count in table and "2024" in table, table
        cell = ui.driver.find_element(By.XPATH, f"//table[@id='data-table']//td[normalize-space()='{amount}']")
        assert cell.value_of_css_property("text-align") in ("right", "end"), "numbers are right-aligned"
        ui.driver.execute_script("document.getElementById('profile-table').scrollIntoView()")
        shot(f"version-numbers-{lang}")
        phone(ui)
        ui.go(version)
        shot(f"version-numbers-{lang}-phone", full_page=True)
        desktop(ui)
    switch_language(ui, "id")
    os.unlink(path)


def test_date_and_time_fields_show_their_format(ui, server, shot):
    ui.login("admin", "Rahasia-Admin-1")
    for path in ("/calendar", "/storage-log", "/dashboard", "/admin/audit"):
        ui.go(path)
        pickers = ui.driver.find_elements(By.CSS_SELECTOR, "input[type=date], input[type=time], input[type=datetime-local]")
        assert not pickers, f"{path} still has browser pickers"
        for field in ui.driver.find_elements(By.CSS_SELECTOR, "input.date-input"):
            assert field.get_attribute("placeholder") == "TTTT-BB-HH", path
        phone(ui)
        ui.go(path)
        assert scroll_width(ui) <= PHONE, f"{path} scrolls sideways at {PHONE} px ({scroll_width(ui)})"
        shot(f"{path.strip('/').replace('/', '-')}-phone", full_page=True)
        desktop(ui)

    # The calculator: a standard it cannot read is explained; a good one is answered.
    ui.go("/calendar")
    hours = ui.el("#hours-table input[name='start1']")
    assert hours.get_attribute("value") == "07:30" and hours.get_attribute("placeholder") == "JJ:MM"
    ui.fill("start", "2026-11-30")
    ui.fill("time", "08:00")
    ui.fill("standard", "3 minggu")
    ui.click_and_wait_navigation("#calculate")
    text = ui.text()
    assert "3 minggu" in text and "15 hari" in text, text[:600]
    shot("calculator-explains")
    ui.fill("standard", "2 jam")
    ui.click_and_wait_navigation("#calculate")
    assert "10.00 WIB" in ui.el("#due-result").text
    shot("calculator-answer")

    # A time typed as a browser would show it is refused by name, and the form keeps it.
    hours = ui.el("#hours-table input[name='start1']")
    hours.clear()
    hours.send_keys("7.30")
    ui.driver.execute_script("document.querySelector('#hours-table').closest('form').noValidate = true")
    ui.click_and_wait_navigation("#save-hours")
    assert "7.30" in ui.text() and "JJ:MM" in ui.text(), ui.text()[:600]
    assert ui.el("#hours-table input[name='start1']").get_attribute("value") == "7.30"
    shot("hours-refused")

    switch_language(ui, "en")
    ui.go("/calendar")
    assert ui.el("#hours-table input[name='start1']").get_attribute("placeholder") == "HH:MM"
    assert "YYYY-MM-DD" in ui.text()
    phone(ui)
    ui.go("/calendar")
    shot("calendar-en-phone", full_page=True)
    desktop(ui)
    switch_language(ui, "id")


def closed_case_path(ui, server, shot) -> str:
    """A closed case: the one the whole-case walk-through closed, or one walked now."""
    ui.go("/")
    if ui.exists("#logout"):
        ui.logout()
    ui.login("admin", "Rahasia-Admin-1")
    ui.go("/cases")
    links = [a.get_attribute("href") for a in ui.driver.find_elements(By.CSS_SELECTOR, "main a[href*='/cases/']")]
    for href in links:
        path = href.split(server.base_url, 1)[-1]
        if path.count("/") != 2:
            continue
        ui.go(path)
        if ui.exists("#current-step") and not ui.exists("#current-step h2"):
            return path
    from test_case_flow import test_whole_case_from_request_to_publication
    test_whole_case_from_request_to_publication(ui, server, shot)
    ui.go("/")
    if ui.exists("#logout"):
        ui.logout()
    ui.login("admin", "Rahasia-Admin-1")
    return closed_case_path(ui, server, shot)


def test_closed_case_page_fits_a_phone(ui, server, shot):
    path = closed_case_path(ui, server, shot)
    for lang in ("id", "en"):
        switch_language(ui, lang)
        phone(ui)
        ui.go(path)
        width = scroll_width(ui)
        shot(f"case-closed-{lang}-phone", full_page=True)
        assert width <= PHONE, f"the closed case page is {width} px wide at {PHONE} px"
        desktop(ui)
    switch_language(ui, "id")


def test_sop_flowchart_rows_line_up(ui, server, shot):
    ui.login("admin", "Rahasia-Admin-1")
    ui.go("/sop")
    geometry = ui.driver.execute_script("""
        const table = document.getElementById('sop-flowchart');
        const svg = table.querySelector('td.sop-lanes svg');
        const cell = table.querySelector('td.sop-lanes');
        const top = svg.getBoundingClientRect().top;
        const rows = [...table.querySelectorAll('tr.sop-step')].map(r => {
            const b = r.getBoundingClientRect(); return [b.top - top, b.height];
        });
        return {rows, svg: svg.getBoundingClientRect().height, cell: cell.getBoundingClientRect().height,
                rowHeight: parseFloat(table.querySelector('tr.sop-step').style.height)};
    """)
    ui.driver.execute_script("document.getElementById('sop-flowchart').scrollIntoView()")
    shot("sop-flowchart", full_page=True)
    h = geometry["rowHeight"]
    first = geometry["rows"][0][0]
    for index, (top, height) in enumerate(geometry["rows"]):
        assert abs(height - h) <= 1.5, f"row {index + 1} is {height} px, the drawing's rows are {h} px"
        assert abs(top - first - index * h) <= 2, f"row {index + 1} starts at {top}, drawing row at {first + index * h}"
    assert geometry["svg"] >= geometry["cell"] - 2, f"lanes stop short: drawing {geometry['svg']} px in a {geometry['cell']} px cell"


def test_favicon_is_served(ui, server):
    assert ui.http_status("/favicon.ico") == 200
    ui.go("/login")
    assert ui.driver.find_element(By.CSS_SELECTOR, "link[rel=icon]").get_attribute("href").endswith("/favicon.ico")


def test_main_pages_fit_a_phone(ui, server, shot):
    """No page scrolls sideways at 390 px; wide tables scroll inside their own frame."""
    ui.login("admin", "Rahasia-Admin-1")
    ui.go("/datasets")
    dataset = next((a.get_attribute("href").split(server.base_url, 1)[-1]
                    for a in ui.driver.find_elements(By.CSS_SELECTOR, "main a[href^='/datasets/'], main a[href*='/datasets/']")
                    if a.get_attribute("href").split(server.base_url, 1)[-1].count("/") == 2), None)
    pages = ["/", "/cases", "/tasks", "/datasets", "/sop", "/notifications", "/account", "/admin/users",
             "/admin/settings", "/publik", "/publik/data"]
    if dataset:
        pages += [dataset, dataset + "/versions/1"]
    wide = {}
    phone(ui)
    for path in pages:
        ui.go(path)
        width = scroll_width(ui)
        if width > PHONE:
            wide[path] = width
            shot(f"wide-{path.strip('/').replace('/', '-') or 'home'}", full_page=True)
    desktop(ui)
    assert not wide, f"pages wider than {PHONE} px: {wide}"
