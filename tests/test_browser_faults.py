"""Faults: the PostgreSQL server stops while pages are open in Chromium, and a SQLite file is corrupt or missing.

Every page then shows the notice app.db_unavailable in Bahasa Indonesia and no traceback or exception text, in the
page or in the server's log; when the server returns the pages recover by themselves (no reload, no click). A
questionnaire sent during the outage is refused in so many words, stays in the form, and is stored once when sent
again after the recovery. A corrupt or missing SQLite file gives the same notice, and a missing one is not created.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.i18n import STRINGS
from data_access.db_init import init_database
from data_access.engine import make_engine
from tests.browser import DESKTOP, ERROR_TEXT, PHONE, new_page, page_errors, screenshot, start_app, wait_for_app
from tests.factories import add_complaint, add_done_when_units, add_unit, form_questionnaires, wib
from tests.pg_server import PostgresServer
from tests.test_browser_live import (
    answer_every_question,
    send,
    tile_values,
    wait_for_text,
)

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
DB_UNAVAILABLE = STRINGS["app.db_unavailable"]["id"]
NOT_STORED = "Jawaban Anda belum tersimpan"
# A generous bound for what the design does in a few seconds (2 s live refresh, 5 s recovery poll) on a busy machine.
WAIT_SECONDS = 90
SURVEY_UNIT = "3575-PKM1"
# Every page of dashboard.py, as AppTest opens them (the unit card and Lacak with their parameters).
PAGES = {
    "app_pages/beranda.py": {}, "app_pages/pimpinan.py": {}, "app_pages/kepuasan.py": {}, "app_pages/peta.py": {},
    "app_pages/pengaduan.py": {}, "app_pages/lacak.py": {"tiket": "TK-1"}, "app_pages/survei.py": {"unit": "3575-MPP"},
    "app_pages/data.py": {}, "app_pages/unit.py": {"unit": "3575-MPP"},
}
# What shows that a page holds its figures: tiles, tables, charts or the map.
_CONTENT = ('[data-testid="stMetric"], [data-testid="stDataFrame"], [data-testid="stVegaLiteChart"], '
            '[data-testid="stIFrame"], iframe')


# ------------------------------------------------------------------------------------- PostgreSQL stops and returns


# Its tests carry the postgres mark themselves: conftest.py sees only the session's server.
@pytest.fixture(scope="module")
def outage(tmp_path_factory):
    """A PostgreSQL server of this module's own (the test stops it) and the app served on it."""
    server = PostgresServer().start()
    app = None
    try:
        url = server.create_database("faults")
        engine = make_engine(url)
        try:
            init_database(engine)
            add_done_when_units(engine)  # 3575-MPP (Kota) and 3514-MPP (Kabupaten), questionnaires in 2025
            unit = add_unit(engine, SURVEY_UNIT, region="35.75", name="Puskesmas PKM1")
            add_complaint(engine, unit, wib(2025, 5, 5, 9), "selesai", verified_at=wib(2025, 5, 6, 9),
                          first_response_at=wib(2025, 5, 7, 9), resolved_at=wib(2025, 5, 9, 9))
            add_complaint(engine, unit, wib(2025, 6, 2, 9), "diterima")
        finally:
            engine.dispose()
        app = start_app(url)
        yield server, url, app
    finally:
        if app is not None:
            app.stop()
        server.stop()


def _body(page) -> str:
    return page.locator("body").inner_text()


def _no_error_text(page, where: str) -> None:
    assert page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count() == 0, where
    found = ERROR_TEXT.findall(_body(page))
    assert not found, f"error text on {where}: {found}"
    assert page_errors(page) == [], where


def _wait_until(page, condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"{what}: still not so after {WAIT_SECONDS} s\n{_body(page)[:3000]}"
        page.wait_for_timeout(250)


def _shows_notice(page) -> bool:
    return DB_UNAVAILABLE in _body(page)


def _whole(page) -> bool:
    return not _shows_notice(page) and page.locator(_CONTENT).count() > 0


def _sidebar_region(page, name: str) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_role("radio", name=name).click()


@pytest.mark.postgres
def test_a_stopped_database_gives_a_notice_and_every_page_recovers_by_itself(outage, browser, tmp_path):
    server, url, app = outage
    pages = {name: new_page(browser, **DESKTOP) for name in ("beranda", "kepuasan", "pengaduan", "peta")}
    form = new_page(browser, **PHONE)
    try:
        for name, path in [("beranda", "/?wilayah=35.75"), ("kepuasan", "/kepuasan"), ("pengaduan", "/pengaduan"),
                           ("peta", "/peta")]:
            pages[name].goto(app.url + path)
            wait_for_app(pages[name], timeout=120_000)
            assert _whole(pages[name]), name
            pages[name].evaluate("() => { window.__notReloaded = true; }")
        [today] = tile_values(pages["beranda"], "Kuesioner hari ini")
        form.goto(f"{app.url}/survei?unit={SURVEY_UNIT}")
        wait_for_app(form, timeout=120_000)
        answer_every_question(form, tap=True)

        server.pause("fast")
        # Beranda's live tile meets the outage at its next refresh; the others when the visitor does something.
        _sidebar_region(pages["kepuasan"], "Kota Pasuruan")
        pages["pengaduan"].locator('[data-testid="stSelectbox"]').filter(has_text="Jenis unit").click()
        pages["pengaduan"].get_by_role("option", name="Puskesmas").click()
        _sidebar_region(pages["peta"], "Kota Pasuruan")
        for name, page in pages.items():
            _wait_until(page, lambda page=page: _shows_notice(page), f"{name} during the outage")
            wait_for_app(page, timeout=120_000)
            screenshot(page, tmp_path / f"outage-{name}.png")
            assert _shows_notice(page), name
            _no_error_text(page, f"{name} during the outage")
        send(form, tap=True)
        wait_for_text(form, NOT_STORED, timeout=WAIT_SECONDS)
        screenshot(form, tmp_path / "outage-survei.png")
        _no_error_text(form, "the survey form during the outage")
        # Refused in so many words, and every answer still in the form to send again.
        assert "tekan Kirim jawaban lagi" in _body(form)
        assert form.locator('[data-testid="stMain"]').get_by_role("radio", checked=True).count() == 9

        server.resume()
        assert form_questionnaires(url) == 0  # nothing half-stored during the outage
        for name, page in pages.items():
            _wait_until(page, lambda page=page: _whole(page), f"{name} after the database returned")
            _no_error_text(page, f"{name} after the outage")
            assert page.evaluate("() => window.__notReloaded === true"), f"{name} was reloaded"
        # The live tile redraws piece by piece: wait for the whole of it.
        _wait_until(pages["beranda"], lambda: tile_values(pages["beranda"], "Kuesioner hari ini") == [today],
                    "Beranda's tile after the outage")
        # The pages keep working: a filter change shows figures, not the notice.
        _sidebar_region(pages["kepuasan"], "Kabupaten Pasuruan")
        wait_for_app(pages["kepuasan"], timeout=120_000)
        assert _whole(pages["kepuasan"])
        send(form, tap=True)
        wait_for_text(form, "Terima kasih!", timeout=WAIT_SECONDS)
        assert form_questionnaires(url) == 1
        beranda = pages["beranda"]
        _wait_until(beranda, lambda: tile_values(beranda, "Kuesioner hari ini") == [str(int(today) + 1)],
                    "the questionnaire sent after the outage on Beranda")
    finally:
        for page in [*pages.values(), form]:
            page.context.close()
    log = app.output(tail=200_000)
    assert "Traceback" not in log
    assert "Database unavailable, the page shows its notice: OperationalError" in log


@pytest.mark.postgres
def test_an_immediate_stop_is_survived_by_the_live_tiles(outage, browser):
    server, _url, app = outage
    page = new_page(browser, **DESKTOP)
    try:
        page.goto(app.url + "/")
        wait_for_app(page, timeout=120_000)
        before = tile_values(page, "Kuesioner hari ini")
        assert len(before) == 2
        server.pause("immediate")  # no clean shutdown: the connections in the pool die mid-air
        _wait_until(page, lambda: _shows_notice(page), "Beranda during the outage")
        _no_error_text(page, "Beranda during the outage")
        server.resume()
        _wait_until(page, lambda: not _shows_notice(page) and tile_values(page, "Kuesioner hari ini") == before,
                    "Beranda after the database returned")
        _no_error_text(page, "Beranda after the outage")
    finally:
        page.context.close()
    assert "Traceback" not in app.output(tail=200_000)


# --------------------------------------------------------------------------------- SQLite: corrupt or missing file


@pytest.fixture(scope="module")
def sqlite_files(tmp_path_factory) -> dict[str, Path]:
    """A real database and its broken copies: random bytes, the file cut short, a path that does not exist (in an
    existing folder and in a missing one)."""
    folder = tmp_path_factory.mktemp("broken-sqlite")
    good = folder / "good.sqlite"
    engine = make_engine(f"sqlite:///{good}")
    try:
        init_database(engine)
        add_done_when_units(engine)
    finally:
        engine.dispose()
    data = good.read_bytes()
    files = {"random": folder / "random.sqlite", "truncated": folder / "truncated.sqlite",
             "missing": folder / "missing.sqlite", "missing_folder": folder / "nowhere" / "missing.sqlite"}
    files["random"].write_bytes(os.urandom(len(data)))
    files["truncated"].write_bytes(data[: len(data) * 9 // 10])
    return files


def _open(monkeypatch, path: Path, page: str, params: dict) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("PUBLIC_DATABASE_URL", raising=False)
    app = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    if page != "app_pages/beranda.py":
        app.switch_page(page).run()
    return app


@pytest.mark.parametrize("kind", ["random", "truncated", "missing", "missing_folder"])
def test_a_corrupt_or_missing_sqlite_file_gives_the_notice_on_every_page(monkeypatch, sqlite_files, kind):
    path = sqlite_files[kind]
    for page, params in PAGES.items():
        app = _open(monkeypatch, path, page, params)
        assert not app.exception, (kind, page, app.exception)
        assert [w.value for w in app.warning] == [DB_UNAVAILABLE], (kind, page)
        assert not app.error and not app.metric and not app.dataframe, (kind, page)
    # Not silently replaced by an empty database that would show zeros.
    assert path.exists() == (kind in ("random", "truncated"))
    assert path.parent.exists() == (kind != "missing_folder")


def test_a_corrupt_sqlite_file_shows_the_notice_in_the_browser(sqlite_files, browser):
    with start_app(f"sqlite:///{sqlite_files['random']}") as app:
        page = new_page(browser, **PHONE)
        try:
            for path in ("/", "/kepuasan", f"/survei?unit={SURVEY_UNIT}"):
                page.goto(app.url + path)
                wait_for_app(page, timeout=120_000)
                assert _shows_notice(page), path
                _no_error_text(page, path)
        finally:
            page.context.close()
        log = app.output(tail=200_000)
    assert "Traceback" not in log
    assert "file is not a database" in log  # the administrator is told why
