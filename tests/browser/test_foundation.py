"""Foundation UI contract: login, users admin, roles, SOP sheet and its print view, language.

Contract (ids/names the server's pages keep stable):
  /login            form#login-form, [name=username], [name=password], #login-submit,
                    links #lang-id / #lang-en (reload in that language; <html lang>)
                    wrong password -> .flash-error
  / (home)          nav: #nav-users (admin only -> /admin/users), #nav-sop (-> /sop),
                    #logout (a POST form's button)
  /admin/users/new  [name=username], [name=fullName], [name=password], select[name=role]
                    (role codes), select[name=organizationID] (first option empty), #save
                    -> redirects to /admin/users, which lists users in #users-table
  /admin/users      403 page for non-admins ("403" in text or .error-page)
  /sop              h1, #sop-identity, #sop-flowchart with svg.flowchart
  /sop/print        print view, @page A4 landscape
"""

import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ADMIN_PASSWORD, ADMIN_USERNAME, pdf_page_count, pdf_page_size

pytestmark = pytest.mark.browser

ROLE_CODES = {"admin", "administrasi", "pengelola_ti", "kasi", "kabid", "kepala_dinas", "produsen"}
KASI_USERNAME = "kasi1"
KASI_PASSWORD = "Rahasia-Kasi-1"
KASI_NAME = "Kepala Seksi Satu"


def test_admin_login(ui, shot):
    ui.go("/login")
    ui.el("#login-form", "login form")
    for css in ("#login-form [name='username']", "#login-form [name='password']", "#login-submit",
                "#lang-id", "#lang-en"):
        ui.present(css)
    shot("login-page")

    # Wrong password: stays on the login page with an error.
    ui.login(ADMIN_USERNAME, "salah-sandi", expect_success=False)
    error = ui.el(".flash-error", "error after a wrong password")
    assert error.text.strip(), "the .flash-error element is empty"
    assert ui.exists("#login-form"), f"wrong password should show the login form again, at {ui.path}"
    shot("wrong-password")

    ui.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    assert ui.path == "/"
    ui.el("#nav-sop", "SOP link in the nav")
    ui.el("#nav-users", "users link in the nav (admin)")
    ui.el("#logout", "logout button")
    assert urllib.parse.urlparse(ui.el("#nav-users").get_attribute("href")).path == "/admin/users"
    assert urllib.parse.urlparse(ui.el("#nav-sop").get_attribute("href")).path == "/sop"
    logout_form = ui.el("#logout").find_element(By.XPATH, "ancestor::form")
    assert (logout_form.get_attribute("method") or "").lower() == "post", "#logout must sit in a POST form"
    shot("home-admin")


def test_admin_creates_kasi_user_who_is_not_admin(ui, shot):
    ui.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    ui.click_and_wait_navigation("#nav-users")
    ui.wait_path("/admin/users")
    ui.present("#users-table")
    shot("users-list")

    ui.go("/admin/users/new")
    ui.fill("username", KASI_USERNAME)
    ui.fill("fullName", KASI_NAME)
    ui.fill("password", KASI_PASSWORD)

    role = Select(ui.el("select[name='role']", "role select"))
    values = {o.get_attribute("value") for o in role.options}
    assert ROLE_CODES <= values, f"role options miss {sorted(ROLE_CODES - values)} (have {sorted(values)})"
    role.select_by_value("kasi")

    org = Select(ui.present("select[name='organizationID']"))
    assert org.options, "organizationID select has no options"
    assert org.options[0].get_attribute("value") == "", "the first organizationID option must be empty"
    org.select_by_index(0)
    shot("new-user-filled")

    ui.click_and_wait_navigation("#save")
    ui.wait_path("/admin/users")
    table = ui.present("#users-table")
    assert KASI_USERNAME in table.text, f"{KASI_USERNAME} not listed in #users-table:\n{table.text}"
    shot("users-list-with-kasi1")

    ui.logout()
    ui.go("/login")
    ui.login(KASI_USERNAME, KASI_PASSWORD)
    assert ui.path == "/"
    ui.el("#nav-sop", "SOP link for kasi")
    ui.el("#logout", "logout button for kasi")
    assert not ui.exists("#nav-users"), "a kasi must not see #nav-users"
    shot("home-kasi")

    ui.go("/admin/users")
    page = ui.text()
    assert "403" in page or ui.exists(".error-page"), f"kasi got no 403 page at /admin/users:\n{page[:500]}"
    assert not ui.exists("#users-table"), "kasi must not see the users table"
    status = ui.http_status("/admin/users")
    assert status == 403, f"GET /admin/users as kasi answered HTTP {status}, expected 403"
    shot("admin-users-forbidden")


def test_sop_sheet_and_print(ui, shot):
    ui.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    ui.click_and_wait_navigation("#nav-sop")
    ui.wait_path("/sop")
    heading = ui.el("h1", "SOP title")
    assert heading.text.strip(), "the SOP page's h1 is empty"
    ui.el("#sop-identity", "SOP identity table")
    ui.present("#sop-flowchart")
    charts = ui.driver.find_elements(By.CSS_SELECTOR, "#sop-flowchart svg.flowchart")
    assert charts, "#sop-flowchart holds no svg.flowchart"
    shot("sop-sheet")
    shot("sop-sheet-full", full_page=True)

    ui.go("/sop/print")
    ui.present("#sop-flowchart svg.flowchart")
    shot("sop-print-screen", full_page=True)
    pdf, png = ui.print_pdf("sop-print")
    pages = pdf_page_count(pdf)
    assert pages >= 1, f"{pdf} has no pages"
    width, height = pdf_page_size(pdf)
    assert width > height, f"/sop/print should be landscape, got {width} x {height} pt"
    assert abs(width - 842) < 6 and abs(height - 595) < 6, f"/sop/print should be A4, got {width} x {height} pt"
    assert png is not None and png.stat().st_size > 0
    print(f"SOP print: {pdf} ({pages} page(s)), page 1: {png}")


def _login_texts(ui) -> str:
    """Login heading + submit button label, for the language checks."""
    parts = [h.text for h in ui.driver.find_elements(By.CSS_SELECTOR, "h1, h2")[:2]]
    parts.append(ui.label(ui.el("#login-submit")))
    return " | ".join(parts)


def test_language_switch(ui, shot):
    ui.go("/login")
    ui.el("#login-form")
    assert ui.lang == "id", f"/login should default to Indonesian, <html lang={ui.lang!r}>"
    texts = _login_texts(ui)
    assert "Masuk" in texts, f"Indonesian login page shows no 'Masuk': {texts!r}"
    shot("login-id")

    ui.click_and_wait_navigation("#lang-en")
    ui.wait_lang("en")
    ui.el("#login-form")
    texts = _login_texts(ui)
    assert "log in" in texts.lower(), f"English login page shows no 'Log in': {texts!r}"
    assert "Masuk" not in texts, f"English login page still says 'Masuk': {texts!r}"
    shot("login-en")

    ui.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    ui.wait_lang("en")
    logout_label = ui.label(ui.el("#logout"))
    assert any(w in logout_label.lower() for w in ("log out", "logout", "sign out")), (
        f"English nav expected, #logout says {logout_label!r}")
    nav_en = [ui.label(ui.el(css)) for css in ("#nav-users", "#nav-sop", "#logout")]
    shot("home-en")

    # Back to Indonesian: use the switch on this page if it has one, else the login page's.
    if not ui.exists("#lang-id"):
        ui.logout()
        ui.go("/login")
    ui.click_and_wait_navigation("#lang-id")
    ui.wait_lang("id")
    if ui.path == "/login":
        assert "Masuk" in _login_texts(ui), f"login page did not switch back: {_login_texts(ui)!r}"
        shot("login-id-again")
        ui.login(ADMIN_USERNAME, ADMIN_PASSWORD)
        ui.wait_lang("id")
    nav_id = [ui.label(ui.el(css)) for css in ("#nav-users", "#nav-sop", "#logout")]
    assert nav_id != nav_en, f"nav labels did not change with the language: {nav_id!r}"
    shot("home-id")
