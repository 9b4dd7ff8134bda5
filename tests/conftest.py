"""Every fixture the test modules share: every database test runs twice, on a fresh SQLite file and on a real
PostgreSQL server; browser tests get the app as a server and headless Chromium pages (helpers in tests/browser.py).
Tests that need the PostgreSQL server or Chromium are marked `postgres` / `browser` here (pytest.ini). The suite's
clock is set in tests/__init__.py."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import app_test

from data_access.db_init import init_database
from data_access.engine import make_engine
from tests.browser import DESKTOP, PHONE, SIZES, close_browser, launch_browser, new_page, start_app
from tests.pg_server import PostgresServer

BACKENDS = ("sqlite", "postgresql")
# A fixed last day makes demo-based tests independent of the day they run.
DEMO_UNTIL = date(2025, 12, 31)
DEMO_SIZE = {"surveys": 6_000, "complaints": 1_200}
_counter = itertools.count()


def pytest_collection_modifyitems(items):
    """Mark each test by the servers its fixtures start, so that `-m "not postgres and not browser"` starts neither.
    Tests that start a PostgreSQL server or Chromium of their own carry the mark themselves."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        backends = [value for value in callspec.params.values() if isinstance(value, str)] if callspec else []
        if "pg_server" in item.fixturenames or "postgresql" in backends:
            item.add_marker(pytest.mark.postgres)
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _programs_keep_the_clock(monkeypatch):
    """A CLI run or app server a test starts reads the test's "now" (data_access.clock takes DASHBOARD_NOW)."""
    monkeypatch.setenv("DASHBOARD_NOW", datetime.now(UTC).isoformat())


@pytest.fixture(scope="session")
def pg_server():
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """An initialised database that each test copies (CREATE DATABASE ... TEMPLATE is fast)."""
    url = pg_server.create_database("dasbor_template")
    engine = make_engine(url)
    init_database(engine)
    engine.dispose()
    return "dasbor_template"


def _fresh_url(backend: str, request, tmp_path) -> str:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'dasbor.sqlite'}"
        engine = make_engine(url)
        init_database(engine)
        engine.dispose()
        return url
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("pg_template")
    return server.create_database(f"t{next(_counter)}", template=template)


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """URL of a fresh, initialised, otherwise empty database."""
    return _fresh_url(request.param, request, tmp_path)


@pytest.fixture
def engine(db_url):
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def demo_url(request, tmp_path_factory) -> str:
    """A database with a small demo load, shared by the session: tests must not write to it."""
    from data_access.demo import load_demo

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}"
    else:
        server = request.getfixturevalue("pg_server")
        url = server.create_database("dasbor_demo")
    engine = make_engine(url)
    init_database(engine)
    load_demo(engine, seed=7, until=DEMO_UNTIL, **DEMO_SIZE)
    engine.dispose()
    return url


# ------------------------------------------------------------------------------------------------ browser tests


@pytest.fixture(scope="session")
def demo_sqlite_url(tmp_path_factory) -> str:
    """SQLite with demo_url's small demo load (same seed, end date and size), for app servers. Tests must not write
    to it."""
    from data_access.demo import load_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('browser-demo') / 'demo.sqlite'}"
    engine = make_engine(url)
    try:
        init_database(engine)
        load_demo(engine, seed=7, until=DEMO_UNTIL, **DEMO_SIZE)
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="module")
def app_server(demo_sqlite_url):
    """app.py served against the shared demo SQLite database, one server per test module; `.url` is its base URL.
    A module that needs another database defines its own server fixture with start_app(url)."""
    server = start_app(demo_sqlite_url)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) through Playwright's sync API."""
    instance = launch_browser()
    try:
        yield instance
    finally:
        close_browser()


@pytest.fixture
def desktop_page(browser):
    """A 1366x900 page in a fresh context (id-ID, Asia/Jakarta, CDN requests served offline); closed after the test."""
    page = new_page(browser, **DESKTOP)
    yield page
    page.context.close()


@pytest.fixture
def phone_page(browser):
    """A 390x844 phone page (mobile, touch, DPR 2) in a fresh context, as desktop_page."""
    page = new_page(browser, **PHONE)
    yield page
    page.context.close()


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser):
    """A page at desktop and at phone width (the test runs once for each); `page.size_name` says which."""
    page = new_page(browser, **SIZES[request.param])
    page.size_name = request.param
    yield page
    page.context.close()


@pytest.fixture
def media(monkeypatch) -> list[MediaFileManager]:
    """Every AppTest run's media file manager, so a download button's file can be made and read back."""
    managers: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test, "MediaFileManager", Recording)
    return managers
