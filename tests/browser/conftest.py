"""Browser-test harness for Walidata.

Fixtures
--------
server   (session)  a real `walidata serve` on 127.0.0.1:<free port> with a fresh
                    data dir and an admin user (admin / Rahasia-Admin-1).
browser  (function) a fresh headless Chromium (Debian's /usr/bin/chromium and
                    /usr/bin/chromedriver), so cookies never leak between tests.
shot     (function) shot("name") saves <screenshots>/<test>/<NN>-name.png.
ui       (function) small page helpers bound to browser + server + shot
                    (go, login, logout, wait_*, print_pdf, http_status, ...).

Environment
-----------
WALIDATA_BIN          the walidata binary (default: `swift build --show-bin-path`/walidata)
WALIDATA_ARTIFACTS    artifacts folder (default: <repo>/artifacts)
WALIDATA_SCREENSHOTS  screenshots folder (default: <artifacts>/screenshots)
WALIDATA_WAIT         seconds for explicit waits (default 15)
WALIDATA_KEEP_DATA=1  keep the server's temp data dir after the session
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Never let Selenium Manager go looking for (or downloading) a browser/driver.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = Path(os.environ.get("WALIDATA_ARTIFACTS") or REPO_ROOT / "artifacts").resolve()
SCREENSHOTS_DIR = Path(os.environ.get("WALIDATA_SCREENSHOTS") or ARTIFACTS_DIR / "screenshots").resolve()
SERVER_LOG = ARTIFACTS_DIR / "server.log"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WAIT_SECONDS = float(os.environ.get("WALIDATA_WAIT", "15"))
HEALTH_TIMEOUT = 60.0

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "Rahasia-Admin-1"
ADMIN_NAME = "Administrator Sistem"

# Set once the server fixture has started; used to print the log tail on failure.
_server_log_path: Path | None = None


# --------------------------------------------------------------------------- utils


def log_tail(path: Path | None, lines: int = 60) -> str:
    if path is None or not path.exists():
        return "(no server log)"
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError as exc:  # pragma: no cover
        return f"(cannot read {path}: {exc})"
    return "\n".join(text[-lines:]) or "(server log is empty)"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "x"


def find_binary() -> Path:
    """WALIDATA_BIN, else `swift build --show-bin-path`/walidata."""
    env_bin = os.environ.get("WALIDATA_BIN")
    if env_bin:
        path = Path(env_bin)
        if not (path.is_file() and os.access(path, os.X_OK)):
            pytest.fail(f"WALIDATA_BIN={env_bin} is not an executable file", pytrace=False)
        return path
    candidates: list[Path] = []
    try:
        out = subprocess.run(
            ["swift", "build", "--show-bin-path"],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
        )
        if out.returncode == 0 and out.stdout.strip():
            candidates.append(Path(out.stdout.strip().splitlines()[-1]) / "walidata")
    except (OSError, subprocess.TimeoutExpired):
        pass
    candidates.append(REPO_ROOT / ".build" / "debug" / "walidata")
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    pytest.fail(
        "walidata binary not found (looked at: "
        + ", ".join(str(c) for c in candidates)
        + "). Run `swift build` first or set WALIDATA_BIN.",
        pytrace=False,
    )
    raise AssertionError  # unreachable


def pdf_page_count(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise AssertionError(f"pdfinfo failed on {path}: {out.stderr.strip()}")
    m = re.search(r"^Pages:\s+(\d+)", out.stdout, re.M)
    if not m:
        raise AssertionError(f"pdfinfo printed no page count for {path}:\n{out.stdout}")
    return int(m.group(1))


def pdf_page_size(path: Path) -> tuple[float, float]:
    """(width, height) of page 1 in points."""
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=60)
    m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out.stdout, re.M)
    if out.returncode != 0 or not m:
        raise AssertionError(f"pdfinfo gave no page size for {path}:\n{out.stdout}{out.stderr}")
    return float(m.group(1)), float(m.group(2))


def print_pdf(driver, path, *, landscape: bool = True, render_png: bool = True) -> tuple[Path, Path | None]:
    """Print the current page to PDF with Chrome DevTools' Page.printToPDF.

    The page's own CSS decides the paper (preferCSSPageSize): Walidata's print
    views declare `@page { size: A4 landscape }`. A4 landscape is only the
    fallback for pages without an @page size. Page 1 is rendered beside the PDF
    as <stem>.png (pdftoppm -png -r 60). Returns (pdf_path, png_path|None).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    width, height = 8.27, 11.69  # A4 in inches
    if landscape:
        width, height = height, width
    try:
        result = driver.execute_cdp_cmd(
            "Page.printToPDF",
            {
                "printBackground": True,
                "preferCSSPageSize": True,
                "landscape": landscape,
                "paperWidth": width,
                "paperHeight": height,
                "displayHeaderFooter": False,
                "marginTop": 0.4,
                "marginBottom": 0.4,
                "marginLeft": 0.4,
                "marginRight": 0.4,
            },
        )
    except WebDriverException as exc:
        raise AssertionError(f"Page.printToPDF failed on {driver.current_url}: {exc.msg}") from exc
    data = base64.b64decode(result["data"])
    if not data.startswith(b"%PDF"):
        raise AssertionError(f"Page.printToPDF returned no PDF for {driver.current_url}")
    path.write_bytes(data)
    png = None
    if render_png:
        stem = path.with_suffix("")
        out = subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(path), str(stem)],
            capture_output=True, text=True, timeout=120,
        )
        if out.returncode != 0:
            raise AssertionError(f"pdftoppm failed on {path}: {out.stderr.strip()}")
        png = stem.with_suffix(".png")
        if not png.exists():
            raise AssertionError(f"pdftoppm wrote no {png}")
    return path, png


def describe_page(driver, limit: int = 800) -> str:
    """URL, title and the start of the visible text: for failure messages."""
    try:
        url, title = driver.current_url, driver.title
        body = driver.execute_script("return document.body ? document.body.innerText : ''") or ""
    except WebDriverException as exc:
        return f"(page not readable: {exc.msg})"
    body = re.sub(r"\n\s*\n+", "\n", body).strip()
    if len(body) > limit:
        body = body[:limit] + " …"
    return f"url={url}\ntitle={title!r}\npage text:\n{body}"


# -------------------------------------------------------------------------- server


@dataclass
class Server:
    base_url: str
    data_dir: Path
    bin: Path
    port: int
    log_path: Path
    env: dict = field(repr=False, default_factory=dict)
    process: subprocess.Popen | None = field(repr=False, default=None)

    def url(self, path: str = "/") -> str:
        return urllib.parse.urljoin(self.base_url + "/", path.lstrip("/"))

    def log_tail(self, lines: int = 60) -> str:
        return log_tail(self.log_path, lines)

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        """Run `walidata ARGS...` with the server's environment; fail loudly."""
        out = subprocess.run(
            [str(self.bin), *args], env=self.env, capture_output=True, text=True, timeout=timeout,
        )
        with open(ARTIFACTS_DIR / "cli.log", "a") as fh:
            fh.write(f"$ walidata {' '.join(args)}\n[exit {out.returncode}]\n{out.stdout}{out.stderr}\n")
        if out.returncode != 0:
            pytest.fail(
                f"`walidata {' '.join(args)}` exited {out.returncode}\n"
                f"stdout:\n{out.stdout}\nstderr:\n{out.stderr}",
                pytrace=False,
            )
        return out


def _wait_healthy(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        if server.process is not None and server.process.poll() is not None:
            pytest.fail(
                f"walidata serve exited with code {server.process.returncode} before /healthz answered "
                f"(log: {server.log_path})",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(server.url("/healthz"), timeout=2) as resp:
                if resp.status == 200:
                    return
                last = f"HTTP {resp.status}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
        except (urllib.error.URLError, OSError) as exc:
            last = str(exc)
        time.sleep(0.25)  # polling a socket, not waiting on the browser
    pytest.fail(
        f"GET {server.url('/healthz')} did not answer 200 within {timeout:.0f}s "
        f"(last: {last}; log: {server.log_path})",
        pytrace=False,
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server():
    """A fresh walidata server with one admin user; torn down after the session."""
    global _server_log_path
    binary = find_binary()
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS_DIR / "cli.log").write_text("")
    data_dir = Path(tempfile.mkdtemp(prefix="walidata-browser-"))
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    env.update(WALIDATA_DATA_DIR=str(data_dir), WALIDATA_BASE_URL=base_url)
    srv = Server(base_url=base_url, data_dir=data_dir, bin=binary, port=port, log_path=SERVER_LOG, env=env)
    log = None
    try:
        # Creates and migrates the database, then adds the admin.
        srv.cli("user", "add", "--username", ADMIN_USERNAME, "--password", ADMIN_PASSWORD,
                "--role", "admin", "--name", ADMIN_NAME)

        _server_log_path = SERVER_LOG
        log = open(SERVER_LOG, "w")
        log.write(f"# {binary} serve --hostname 127.0.0.1 --port {port}\n# WALIDATA_DATA_DIR={data_dir}\n")
        log.flush()
        srv.process = subprocess.Popen(
            [str(binary), "serve", "--hostname", "127.0.0.1", "--port", str(port)],
            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        _wait_healthy(srv, HEALTH_TIMEOUT)
        yield srv
    finally:
        if srv.process is not None:
            _stop(srv.process)
        if log is not None:
            log.close()
        if os.environ.get("WALIDATA_KEEP_DATA") != "1":
            shutil.rmtree(data_dir, ignore_errors=True)


# ------------------------------------------------------------------------- browser


def make_driver() -> webdriver.Chrome:
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.access(tool, os.X_OK):
            pytest.fail(f"{tool} missing: apt-get install chromium chromium-driver", pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--hide-scrollbars",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--password-store=basic",
        # A stable UI language for the browser itself; the app's language is
        # chosen by its own switch (#lang-id / #lang-en), not by this.
        "--lang=id-ID",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    service = Service(executable_path=CHROMEDRIVER, log_output=str(ARTIFACTS_DIR / "chromedriver.log"))
    error = None
    try:
        driver = webdriver.Chrome(service=service, options=options)
    except WebDriverException as exc:
        error = exc.msg
    if error is not None:
        pytest.fail(f"could not start headless Chromium via {CHROMEDRIVER}: {error}\n"
                    f"(see {ARTIFACTS_DIR / 'chromedriver.log'})", pytrace=False)
    driver.set_page_load_timeout(60)
    return driver


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
    if report.failed and _server_log_path is not None:
        report.sections.append(("walidata server log (tail)", log_tail(_server_log_path)))


class Shooter:
    """shot("name") -> <screenshots>/<test>/<NN>-name.png"""

    def __init__(self, driver, folder: Path):
        self.driver = driver
        self.folder = folder
        self.count = 0

    def next_path(self, name: str, suffix: str) -> Path:
        self.count += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder / f"{self.count:02d}-{slug(name)}{suffix}"

    def __call__(self, name: str, full_page: bool = False) -> Path:
        path = self.next_path(name, ".png")
        if full_page:
            metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            shot = self.driver.execute_cdp_cmd(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
                },
            )
            path.write_bytes(base64.b64decode(shot["data"]))
        elif not self.driver.save_screenshot(str(path)):
            raise AssertionError(f"screenshot {path} failed")
        return path


@pytest.fixture
def browser(request):
    driver = make_driver()
    yield driver
    failed = any(
        getattr(request.node, f"rep_{when}", None) is not None and getattr(request.node, f"rep_{when}").failed
        for when in ("setup", "call")
    )
    if failed:
        folder = SCREENSHOTS_DIR / slug(request.node.name)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            driver.save_screenshot(str(folder / "zz-failure.png"))
            (folder / "zz-failure.html").write_text(driver.page_source)
            logs = driver.get_log("browser")
            (folder / "zz-console.json").write_text(json.dumps(logs, indent=1))
        except WebDriverException:
            pass
    driver.quit()


@pytest.fixture
def shot(request, browser):
    folder = SCREENSHOTS_DIR / slug(request.node.name)
    shutil.rmtree(folder, ignore_errors=True)  # fresh NN numbering each run
    return Shooter(browser, folder)


# ---------------------------------------------------------------------- UI helper


def _replaced(element):
    """Like EC.staleness_of, but also accepts the inspector error Chromium sometimes gives
    instead of "stale element" when asked about a node of the page being replaced."""
    def check(driver):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "inspector error" in str(error) or "No node with given id" in str(error):
                return True
            raise
    return check


class UI:
    """Page helpers: explicit waits with messages that say what the page showed."""

    def __init__(self, driver, server: Server, shot: Shooter):
        self.driver = driver
        self.server = server
        self.shot = shot

    # navigation / state ----------------------------------------------------
    def go(self, path: str) -> None:
        self.driver.get(self.server.url(path))
        self.wait_ready()

    @property
    def path(self) -> str:
        return urllib.parse.urlparse(self.driver.current_url).path or "/"

    @property
    def lang(self) -> str:
        return self.driver.execute_script("return document.documentElement.getAttribute('lang') || ''")

    def wait(self, condition, message: str, timeout: float | None = None):
        seconds = timeout or WAIT_SECONDS
        try:
            return WebDriverWait(self.driver, seconds).until(condition)
        except TimeoutException:
            pass  # fail outside the except block: no chromedriver stack trace chained on
        pytest.fail(f"timed out after {seconds:.0f}s waiting for {message}\n{describe_page(self.driver)}",
                    pytrace=False)

    def wait_ready(self) -> None:
        self.wait(lambda d: d.execute_script("return document.readyState") == "complete",
                  "document.readyState == 'complete'")

    def wait_path(self, path: str) -> None:
        self.wait(lambda d: urllib.parse.urlparse(d.current_url).path.rstrip("/") == path.rstrip("/"),
                  f"browser to be at path {path!r}")
        self.wait_ready()

    def wait_lang(self, lang: str) -> None:
        self.wait(lambda d: d.execute_script(
            "return document.readyState == 'complete' && document.documentElement.getAttribute('lang')") == lang,
            f"<html lang={lang!r}>")

    def el(self, css: str, what: str | None = None):
        """Wait for a visible element matching css and return it."""
        return self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, css)),
                         f"visible element {css!r}" + (f" ({what})" if what else ""))

    def present(self, css: str):
        return self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, css)), f"element {css!r} in the page")

    def exists(self, css: str) -> bool:
        return len(self.driver.find_elements(By.CSS_SELECTOR, css)) > 0

    def text(self) -> str:
        return self.driver.execute_script("return document.body ? document.body.innerText : ''") or ""

    @staticmethod
    def label(element) -> str:
        """Visible text of a button/link, or the value of an <input type=submit>."""
        return (element.text or element.get_attribute("value") or "").strip()

    def fill(self, name: str, value: str) -> None:
        field_ = self.el(f"[name='{name}']", f"form field {name}")
        field_.clear()
        field_.send_keys(value)

    def click_and_wait_navigation(self, css: str) -> None:
        """Click an element that submits a form or follows a link; wait for the new page."""
        element = self.el(css)
        html = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        self.wait(_replaced(html), f"a new page to load after clicking {css!r}")
        self.wait_ready()

    # app flows -------------------------------------------------------------
    def login(self, username: str, password: str, expect_success: bool = True) -> None:
        if self.path != "/login":
            self.go("/login")
        self.el("#login-form", "login form")
        self.fill("username", username)
        self.fill("password", password)
        self.click_and_wait_navigation("#login-submit")
        if expect_success:
            if self.path.rstrip("/") != "":
                errors = [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, ".flash-error")]
                pytest.fail(
                    f"login as {username!r} did not land on '/' (at {self.path!r}; flash errors: {errors})\n"
                    f"{describe_page(self.driver)}",
                    pytrace=False,
                )

    def logout(self) -> None:
        self.click_and_wait_navigation("#logout")

    def http_status(self, path: str) -> int:
        """Status of GET path with the browser's cookies (no redirects followed)."""
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        request = urllib.request.Request(self.server.url(path), headers={"Cookie": cookie})
        try:
            with opener.open(request, timeout=15) as resp:
                return resp.status
        except urllib.error.HTTPError as exc:
            return exc.code

    def fetch(self, url: str) -> bytes:
        """The body of GET url with the browser's cookies: a download, as the browser would save it."""
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        request = urllib.request.Request(url if "://" in url else self.server.url(url), headers={"Cookie": cookie})
        with urllib.request.urlopen(request, timeout=60) as resp:
            assert resp.status == 200, f"GET {url}: {resp.status}"
            return resp.read()

    def print_pdf(self, name: str) -> tuple[Path, Path | None]:
        """Print the current page into the test's screenshot folder: NN-name.pdf + NN-name.png."""
        return print_pdf(self.driver, self.shot.next_path(name, ".pdf"))


@pytest.fixture
def ui(server, browser, shot):
    return UI(browser, server, shot)


# ------------------------------------------------------------------------ summary


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    terminalreporter.write_sep("-", "walidata browser artifacts")
    terminalreporter.write_line(f"screenshots: {SCREENSHOTS_DIR}")
    if _server_log_path is not None:
        terminalreporter.write_line(f"server log:  {_server_log_path}")
