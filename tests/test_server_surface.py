"""What the app's server shows to the network (components/http_security.py, .streamlit/config.toml), against a real
server: /_stcore/metrics is closed, every kind of answer carries the security headers, the server listens on
loopback unless told otherwise, and a page framed by another site is not shown in Chromium."""

from __future__ import annotations

import http.server
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from components.http_security import SECURITY_HEADERS
from tests.browser import DESKTOP, REPO_ROOT, free_port, new_page, start_app, wait_for_app
from tests.factories import done_when_database


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    return done_when_database(f"sqlite:///{tmp_path_factory.mktemp('surface') / 'surface.sqlite'}")


@pytest.fixture(scope="module")
def server(database):
    with start_app(database) as app:
        yield app


def _get(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, {k.lower(): v for k, v in refused.headers.items()}, refused.read()


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/_stcore/metrics/", "//_stcore/metrics",
                                  "/_stcore/metrics?families=cache_memory_bytes", "/_stcore//metrics"])
def test_the_metrics_are_not_served(server, path):
    for method in ("GET", "OPTIONS"):
        status, _, body = _get(server.url + path, method)
        assert status in (403, 404), (path, method, status)
        assert b"session" not in body and b"cache" not in body, (path, method)


def test_health_still_answers(server):
    assert _get(server.url + "/_stcore/health")[:1] == (200,)


def _static_file(server) -> str:
    _, _, page = _get(server.url + "/")
    found = re.search(r'(?:src|href)="\.?/?(static/[^"]+\.js)"', page.decode())
    assert found, page[:2000]
    return "/" + found.group(1)


@pytest.mark.parametrize("kind", ["page", "static", "api", "api_missing", "map_asset", "health"])
def test_every_kind_of_answer_carries_the_security_headers(server, kind):
    path = {"page": "/kepuasan", "static": None, "api": "/api/v1/", "api_missing": "/api/v1/nothing",
            "map_asset": "/peta-aset/peta.js", "health": "/_stcore/health"}[kind] or _static_file(server)
    status, headers, _ = _get(server.url + path)
    assert status == (404 if kind == "api_missing" else 200), (path, status)
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name.lower()) == value, (path, name, headers.get(name.lower()))
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["content-security-policy"] == "frame-ancestors 'self'"


def _listening(port: int) -> set[str]:
    """The local addresses (hex, as in /proc/net/tcp*) of the sockets listening on port."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.add(address)
    return found


def test_the_server_listens_on_loopback_by_default(database, tmp_path):
    """`streamlit run app.py` as scripts/run.sh starts it, without --server.address: .streamlit/config.toml's."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    env.pop("STREAMLIT_SERVER_ADDRESS", None)
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                                "--server.port", str(port), "--server.fileWatcherType", "none"],
                               cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while not _listening(port):
            assert process.poll() is None, (tmp_path / "server.log").read_text()
            assert time.monotonic() < deadline, (tmp_path / "server.log").read_text()
            time.sleep(0.25)
        assert _listening(port) == {"0100007F"}  # 127.0.0.1 only: not 0.0.0.0, not :: (every interface)
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture
def other_site(server):
    """A page on another origin (another port) that frames the dashboard's Kepuasan."""
    html = (f'<!doctype html><title>other</title><p id="host">host page</p>'
            f'<iframe id="framed" src="{server.url}/kepuasan" width="800" height="600"></iframe>').encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}/"
    finally:
        site.shutdown()
        site.server_close()


def test_another_site_cannot_frame_the_pages(server, other_site, browser):
    page = new_page(browser, **DESKTOP)
    try:
        # The control: the same page at the top level renders.
        page.goto(server.url + "/kepuasan")
        wait_for_app(page)
        page.goto(other_site, wait_until="load")  # the load event waits for the iframe's document too
        assert page.locator("#host").is_visible()
        # Chromium puts its own error page in a frame that the framed document's headers refuse.
        assert [frame.url for frame in page.frames[1:]] == ["chrome-error://chromewebdata/"]
        assert page.frame_locator("#framed").locator('[data-testid="stApp"]').count() == 0
    finally:
        page.context.close()
