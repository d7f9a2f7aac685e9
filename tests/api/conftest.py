"""What the real-client tests share: a fresh `walidata serve` with the demo accounts on a free
loopback port and its own data directory, and a signed-in web session of the demo admin."""
import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def walidata_binary() -> str:
    return os.environ.get("WALIDATA_BIN") or str(Path(subprocess.check_output(
        ["swift", "build", "--show-bin-path"], cwd=REPO, text=True).strip()) / "walidata")


@contextlib.contextmanager
def serve(prefix: str):
    """Yields (base URL, data/work directory); stops the server and removes the directory after."""
    binary = walidata_binary()
    work = tempfile.mkdtemp(prefix=prefix)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "WALIDATA_DATA_DIR": f"{work}/data", "WALIDATA_BASE_URL": url}
    env.pop("DATABASE_URL", None)
    subprocess.run([binary, "demo"], env=env, check=True, capture_output=True)
    log = open(f"{work}/server.log", "w")
    process = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], env=env, stdout=log, stderr=log)
    for _ in range(300):
        try:
            if urllib.request.urlopen(url + "/healthz", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.2)
    try:
        yield url, work
    finally:
        process.terminate()
        process.wait(10)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


def admin_session(url: str, username: str = "admin") -> requests.Session:
    """A web session signed in as a demo account (password walidata-demo)."""
    web = requests.Session()
    page = web.get(url + "/login").text
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    web.post(url + "/login", data={"username": username, "password": "walidata-demo", "_csrf": csrf})
    return web
