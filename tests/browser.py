"""Browser-test helpers: run the Streamlit app as a real server and drive it with headless Chromium.

The fixtures built on them are in tests/conftest.py, so a test module only names them (and is marked `browser`
there when it uses ``browser``)::

    from tests.browser import assert_no_horizontal_scroll, screenshot, wait_for_app

    def test_something(app_server, desktop_page):
        desktop_page.goto(app_server.url + "/kepuasan")
        wait_for_app(desktop_page)
        ...

Fixtures (tests/conftest.py)
- ``browser`` (session): headless Debian Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) through Playwright's sync
  API, one per pytest process.
- ``demo_sqlite_url`` (session): a SQLite file with the same small demo load as ``demo_url`` (seed 7, DEMO_UNTIL,
  DEMO_SIZE). Tests must not write to it.
- ``app_server`` (module): the app (app.py: dashboard and API) served on a free port against ``demo_sqlite_url``;
  ``.url`` is its base URL. Modules that need another database (e.g. a survey-form test that writes) define their
  own fixture with ``start_app(url)`` instead; ``AppServer`` is a context manager.
- ``desktop_page`` (1366x900), ``phone_page`` (390x844, mobile, touch, DPR 2) and ``sized_page`` (each in turn):
  fresh pages in their own browser context (locale id-ID, time zone Asia/Jakarta) with ``route_cdn_to_local``
  applied; closed after the test.

Helpers: ``start_app``, ``new_page``, ``wait_for_app``, ``route_cdn_to_local``, ``page_errors``,
``assert_no_horizontal_scroll``, ``screenshot`` (full page; Streamlit scrolls inside its main container, so a plain
``full_page=True`` screenshot would show only the viewport), ``run_axe`` (axe-core from node_modules), ``ERROR_TEXT``
(what an error on a page or in a server's log looks like).

Offline map assets (``route_cdn_to_local``): the Peta map needs none of this any more (the app serves Leaflet
itself: tests/test_browser_map.py refuses every request outside the app), but a folium map or plugin that still
names a CDN would, and there is no internet in CI, so every request to a host other than the app's own
(127.0.0.1/localhost) is intercepted:
- served from node_modules (npm ci, see package.json), whatever the CDN host (cdn.jsdelivr.net, unpkg.com,
  cdnjs.cloudflare.com, ...) and whatever version the URL asks for:
  leaflet.js / leaflet-src.js / leaflet.css and Leaflet's images (marker icons, layers control);
  leaflet.markercluster(.js|-src.js), MarkerCluster.css, MarkerCluster.Default.css;
  leaflet.awesome-markers.js/.css and its images; jquery (jquery-3.x(.min).js, jquery@x/dist/...).
- answered with an empty 200 script or stylesheet: every other external .js/.css, i.e. from folium's defaults
  bootstrap JS/CSS, bootstrap-glyphicons CSS, Font Awesome CSS and leaflet.awesome.rotate CSS, and d3 (which
  streamlit-folium adds for branca colormaps). streamlit-folium loads folium's scripts one after another and gives
  up at the first that fails, so these must not fail; none of them is needed to draw markers, circles, GeoJSON or
  clusters. A folium plugin whose script is stubbed (e.g. HeatMap, Fullscreen) then fails with a JavaScript error
  that page_errors() reports: add that library to package.json and to _SERVED to test it.
- aborted (the browser sees a network error at once, nothing hangs): everything else external, i.e. map tiles
  (OpenStreetMap, CARTO, ...), web fonts, images, analytics. Maps therefore show markers and vector layers on a
  blank background in tests and screenshots.
"""

from __future__ import annotations

import mimetypes
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO_ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",  # containers often have a 64 MB /dev/shm; Chromium then crashes on big pages
]

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0"}

# Python exception names ("KeyError", "OperationalError") or an "Error:" prefix, never words that merely contain it.
ERROR_TEXT = re.compile(r"\bTraceback\b|\b[A-Z]\w*Error\b|\bError\b")


# --------------------------------------------------------------------------------------------- the app as a server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class AppServer:
    """A running ``streamlit run`` process; ``url`` is http://127.0.0.1:<port> (no trailing slash)."""

    process: subprocess.Popen
    port: int
    log_path: Path
    url: str = field(init=False)

    def __post_init__(self) -> None:
        self.url = f"http://127.0.0.1:{self.port}"

    def output(self, tail: int = 8000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-tail:]
        except OSError:
            return ""

    def stop(self, keep_log: bool = False) -> None:
        """Terminate the server (kill it if it has not exited after 10 s) and remove its log unless keep_log."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if not keep_log:
            self.log_path.unlink(missing_ok=True)

    def __enter__(self) -> AppServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_app(
    database_url: str | None,
    env: dict | None = None,
    *,
    script: str | os.PathLike = "app.py",
    cwd: str | os.PathLike = REPO_ROOT,
    timeout: float = 60.0,
) -> AppServer:
    """Start ``streamlit run <script>`` (cwd = repo root) on a free port and wait until /_stcore/health answers 200.

    database_url=None leaves DATABASE_URL as it is in the environment (the app then uses its configured default).
    Raises RuntimeError, with the server's output, if it exits or is not healthy within ``timeout`` seconds.
    """
    run_env = {**os.environ, "PYTHONUNBUFFERED": "1", "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    if database_url is not None:
        run_env["DATABASE_URL"] = database_url
    # The server keeps the suite's clock from now on (a server shared by many tests starts in the middle of them).
    run_env["DASHBOARD_NOW"] = datetime.now(UTC).isoformat()
    run_env.update(env or {})
    port = free_port()
    log_fd, log_name = tempfile.mkstemp(prefix=f"streamlit-{port}-", suffix=".log")
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]
    with os.fdopen(log_fd, "wb") as log:
        process = subprocess.Popen(
            command, cwd=str(cwd), env=run_env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
        )
    server = AppServer(process=process, port=port, log_path=Path(log_name))
    health = f"{server.url}/_stcore/health"
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            output = server.output()
            server.stop()
            raise RuntimeError(f"streamlit exited with status {process.returncode} before it was healthy:\n{output}")
        try:
            with urllib.request.urlopen(health, timeout=2) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        if time.monotonic() > deadline:
            server.stop(keep_log=True)
            output = server.output()
            server.log_path.unlink(missing_ok=True)
            raise RuntimeError(f"streamlit not healthy at {health} after {timeout:.0f} s:\n{output}")
        time.sleep(0.25)


# ------------------------------------------------------------------------------------------------------ Chromium

_playwright = None
_browser = None
_browser_users = 0


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if not Path(path).exists():
        path = shutil.which("chromium") or path
    if not Path(path).exists():
        raise RuntimeError(f"Chromium not found at {path}: install Debian's chromium package (scripts/test.sh does)")
    return path


def launch_browser():
    """Launch (or reuse) the process-wide headless Chromium. Pair every call with close_browser()."""
    global _playwright, _browser, _browser_users
    if _browser is None:
        from playwright.sync_api import sync_playwright

        _playwright = sync_playwright().start()
        try:
            _browser = _playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        except Exception:
            _playwright.stop()
            _playwright = None
            raise
    _browser_users += 1
    return _browser


def close_browser() -> None:
    global _playwright, _browser, _browser_users
    _browser_users -= 1
    if _browser_users <= 0 and _browser is not None:
        try:
            _browser.close()
        finally:
            _playwright.stop()
            _browser = _playwright = None
            _browser_users = 0


def new_page(browser, width: int, height: int, *, mobile: bool | None = None, route_cdn: bool = True):
    """A page in a fresh context of the given viewport; phones (width < 768 unless mobile= says otherwise) get
    is_mobile, has_touch and device_scale_factor 2. Close it with ``page.context.close()``."""
    if mobile is None:
        mobile = width < 768
    context = browser.new_context(
        viewport={"width": width, "height": height},
        is_mobile=mobile,
        has_touch=mobile,
        device_scale_factor=2 if mobile else 1,
        locale="id-ID",
        timezone_id="Asia/Jakarta",
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page._dasbor_errors = errors  # read with page_errors(page)
    if route_cdn:
        route_cdn_to_local(context)
    return page


def page_errors(page) -> list[str]:
    """Uncaught JavaScript exceptions seen by a page made with new_page()."""
    return list(getattr(page, "_dasbor_errors", []))


_APP_READY_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
    return !document.querySelector(
        '[data-testid="stSpinner"], [data-testid="stSkeleton"], [data-testid="stAppSkeleton"]');
}"""


def wait_for_app(page, timeout: float = 60_000, settle_ms: int = 300) -> None:
    """Wait until Streamlit has finished running the script (Streamlit's own e2e pattern:
    stApp[data-test-script-state=notRunning]), is connected, and no spinner or skeleton is left; the state must hold
    for ``settle_ms`` so that a rerun that starts right after (st.navigation, query params) is also waited for."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        remaining = max(1.0, (deadline - time.monotonic()) * 1000)
        page.wait_for_selector('[data-testid="stApp"]', state="attached", timeout=remaining)
        page.wait_for_function(_APP_READY_JS, timeout=remaining, polling=100)
        page.wait_for_timeout(settle_ms)
        if page.evaluate(_APP_READY_JS):
            return
        if time.monotonic() > deadline:
            raise TimeoutError("the Streamlit app did not settle")


EXPANDER_SUMMARIES = '[data-testid="stExpander"] summary'


def open_expanders(page, passes: int = 3) -> None:
    """Open every visible expander. A chart's table view is drawn when it is opened (a rerun), so the app is waited
    for after the clicks, and an expander a rerun closed before its state was sent is clicked again."""
    for _ in range(passes):
        closed = [summary for summary in page.locator(EXPANDER_SUMMARIES).filter(visible=True).all()
                  if not summary.evaluate("element => element.parentElement.open")]
        if not closed:
            return
        for summary in closed:
            summary.click()
        wait_for_app(page)


# ----------------------------------------------------------------------------------------- offline CDN assets

# (pattern searched in the URL path, file under node_modules; \1.. refer to the pattern's groups)
_SERVED = [
    (r"/leaflet\.markercluster(?:@[^/]+)?/(?:dist/|[^/]+/)?(leaflet\.markercluster(?:-src)?\.js)$",
     r"leaflet.markercluster/dist/\1"),
    (r"/leaflet\.markercluster(?:@[^/]+)?/(?:dist/|[^/]+/)?(MarkerCluster(?:\.Default)?\.css)$",
     r"leaflet.markercluster/dist/\1"),
    (r"/leaflet\.awesome-markers(?:@[^/]+)?/(?:dist/|[^/]+/)?(leaflet\.awesome-markers(?:\.min)?\.(?:js|css))$",
     r"leaflet.awesome-markers/dist/\1"),
    (r"/leaflet\.awesome-markers(?:@[^/]+)?/(?:dist/|[^/]+/)?images/([\w.@-]+\.png)$",
     r"leaflet.awesome-markers/dist/images/\1"),
    (r"/leaflet(?:@[^/]+)?/(?:dist/|[\d.]+/)?(leaflet(?:-src)?\.(?:js|css))$", r"leaflet/dist/\1"),
    (r"/leaflet(?:@[^/]+)?/(?:dist/|[\d.]+/)?images/([\w.@-]+\.png)$", r"leaflet/dist/images/\1"),
    (r"/jquery-3\.[\d.]+?(?:\.min)?\.js$", r"jquery/dist/jquery.min.js"),
    (r"/jquery(?:@[^/]+|/[\d.]+)/(?:dist/)?jquery(?:\.min)?\.js$", r"jquery/dist/jquery.min.js"),
]
_SERVED_RE = [(re.compile(p, re.IGNORECASE), target) for p, target in _SERVED]
# Any other external script or stylesheet gets an empty file (see the module docstring).
_STUBBED_RE = re.compile(r"\.(?:js|mjs|css)$", re.IGNORECASE)


def local_asset_for(url: str) -> Path | None:
    """The node_modules file that stands in for a CDN URL, or None."""
    path = urlsplit(url).path
    for pattern, target in _SERVED_RE:
        match = pattern.search(path)
        if match:
            return NODE_MODULES / match.expand(target)
    return None


def classify_request(url: str) -> str:
    """'local' (the app itself, passed through), 'serve', 'stub' or 'abort'."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or (parts.hostname or "") in LOCAL_HOSTS:
        return "local"
    if local_asset_for(url) is not None:
        return "serve"
    if _STUBBED_RE.search(parts.path):
        return "stub"
    return "abort"


def _content_type(path: str) -> str:
    if path.endswith(".js"):
        return "application/javascript; charset=utf-8"
    if path.endswith(".css"):
        return "text/css; charset=utf-8"
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


def route_cdn_to_local(target) -> None:
    """Intercept external requests of a Page or BrowserContext (iframes included): serve Leaflet & co. from
    node_modules, stub bootstrap/font-awesome/d3 with empty files, abort the rest (see the module docstring)."""
    if not (NODE_MODULES / "leaflet" / "dist" / "leaflet.js").exists():
        raise RuntimeError(f"{NODE_MODULES}/leaflet is missing: run `npm ci` in {REPO_ROOT} (scripts/test.sh does)")

    def handle(route) -> None:
        url = route.request.url
        kind = classify_request(url)
        cors = {"access-control-allow-origin": "*", "cache-control": "max-age=3600"}
        if kind == "local":
            route.fallback()
        elif kind == "serve":
            asset = local_asset_for(url)
            if asset.exists():
                route.fulfill(status=200, body=asset.read_bytes(),
                              headers={**cors, "content-type": _content_type(asset.name)})
            else:
                route.fulfill(status=404, body=b"", headers=cors)
        elif kind == "stub":
            path = urlsplit(url).path
            route.fulfill(status=200, body=b"/* offline test stub */\n",
                          headers={**cors, "content-type": _content_type(path)})
        else:
            route.abort("internetdisconnected")

    target.route(lambda url: classify_request(url) != "local", handle)


# ------------------------------------------------------------------------------------------ checks and captures


_MAIN_SCROLLERS = (
    '[data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"], '
    '[data-testid="stMainBlockContainer"]'
)


def horizontal_overflow(page) -> dict:
    """Widths that show horizontal scrolling: the document and Streamlit's main containers (Streamlit scrolls
    inside stMain, so overflow there does not always widen the document). Own scrollers (tables, charts) are fine."""
    return page.evaluate(
        """(selector) => {
            const de = document.documentElement;
            const out = {viewport: Math.min(window.innerWidth, de.clientWidth),
                         document: de.scrollWidth, body: document.body.scrollWidth, containers: {}};
            for (const el of document.querySelectorAll(selector)) {
                out.containers[el.getAttribute('data-testid')] = [el.scrollWidth, el.clientWidth];
            }
            return out;
        }""",
        _MAIN_SCROLLERS,
    )


def assert_no_horizontal_scroll(page) -> None:
    widths = horizontal_overflow(page)
    viewport = min(widths["viewport"], page.viewport_size["width"])
    problems = []
    if widths["document"] > viewport + 1 or widths["body"] > viewport + 1:
        problems.append(f"document scrollWidth {widths['document']} / body {widths['body']} > viewport {viewport}")
    for name, (scroll, client) in widths["containers"].items():
        if scroll > client + 1:
            problems.append(f"{name} scrollWidth {scroll} > clientWidth {client}")
    if problems:
        # Name the widest elements to make the failure actionable.
        culprits = page.evaluate(
            """(limit) => [...document.querySelectorAll('body *')]
                .map(el => [el.getBoundingClientRect().right, el])
                .filter(([right]) => right > limit + 1)
                .sort((a, b) => b[0] - a[0]).slice(0, 5)
                .map(([right, el]) => `${el.tagName.toLowerCase()} in `
                     + `${(el.closest('[data-testid]') || el).getAttribute('data-testid')} right=${Math.round(right)}`
                     + ` "${(el.textContent || '').trim().slice(0, 40)}"`)""",
            viewport,
        )
        raise AssertionError("horizontal scroll: " + "; ".join(problems) + "; widest: " + ", ".join(culprits))


def screenshot(page, path: str | os.PathLike, *, full_page: bool = True, max_height: int = 20_000) -> Path:
    """PNG of the page. full_page grows the viewport to the height of Streamlit's scrolling main container for the
    shot (Playwright's full_page only sees the document, which Streamlit keeps one viewport tall), then restores it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    size = dict(page.viewport_size)
    if full_page:
        height = page.evaluate(
            """() => Math.max(document.documentElement.scrollHeight,
                ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"],'
                    + '[data-testid="stSidebarContent"]')].map(el => el.scrollHeight))"""
        )
        height = min(max(int(height), size["height"]), max_height)
        if height > size["height"]:
            page.set_viewport_size({"width": size["width"], "height": height})
            page.wait_for_timeout(500)
    try:
        page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    finally:
        if page.viewport_size != size:
            page.set_viewport_size(size)
    return path


def run_axe(page, options: dict | None = None) -> dict:
    """Inject axe-core (node_modules) and return ``axe.run(document, options)``'s result."""
    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} is missing: run `npm ci` in {REPO_ROOT}")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("(options) => axe.run(document, options || {})", options)
