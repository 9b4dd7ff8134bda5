"""The SQLite file under a running app (data_access/engine.py): replaced by another database, moved away, put back,
and locked by another connection, with pages open in Chromium and the survey form in use.

The pages follow the file at the path, not the one their pooled connections opened: a replacement shows its
figures without a reload; while nothing is at the path every page shows the notice app.db_unavailable and the form
stores nothing anywhere (no new file, no write into the file that was moved away); a file held by an EXCLUSIVE lock
gives the notice on a freshly opened page within seconds; and each time the pages recover by themselves.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from components.i18n import STRINGS
from data_access import clock
from data_access.db_init import init_database
from data_access.engine import make_engine
from tests.browser import DESKTOP, PHONE, new_page, start_app, wait_for_app
from tests.factories import add_done_when_units, add_questionnaires, add_unit, answers, form_questionnaires
from tests.test_browser_live import answer_every_question, send, tile_values, wait_for_text

DB_UNAVAILABLE = STRINGS["app.db_unavailable"]["id"]
NOT_STORED = "Jawaban Anda belum tersimpan"
TODAY_TILE = "Kuesioner hari ini"
# What the issue asks for: a page opened while the file is locked shows the notice within this long.
NOTICE_WITHIN_SECONDS = 10
# A generous bound for what takes a few seconds by design (2 s live refresh, 5 s recovery poll) on a busy machine.
WAIT_SECONDS = 90


def _build(path: Path, today: int) -> None:
    """A database with the survey form's units and `today` questionnaires received today in Kota Pasuruan, in
    SQLite's default rollback-journal mode (a file copied or restored from elsewhere), where a writer's EXCLUSIVE
    lock keeps readers out."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        init_database(engine)
        add_done_when_units(engine)
        for code in ("3575-PKM1", "3575-PKM2"):
            add_unit(engine, code, region="35.75", name=f"Puskesmas {code[-4:]}")
        if today:
            unit = add_unit(engine, "3575-PKM9", region="35.75", name="Puskesmas PKM9")
            add_questionnaires(engine, unit, [answers(4)] * today, clock.now())
    finally:
        engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outage")
    path = folder / "dasbor.sqlite"
    _build(path, today=0)
    with start_app(f"sqlite:///{path}") as app:
        yield app, path


def _body(page) -> str:
    return page.locator("body").inner_text()


def _wait_until(page, condition, what: str, seconds: float = WAIT_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what}: still not so after {seconds} s\n{_body(page)[:2000]}"
        page.wait_for_timeout(250)


def _open_form(browser, app, unit: str):
    form = new_page(browser, **PHONE)
    form.goto(f"{app.url}/survei?unit={unit}")
    wait_for_app(form)
    answer_every_question(form, tap=True)
    return form


def test_a_replaced_moved_and_returned_file_is_followed_and_the_form_writes_nowhere(served, browser):
    app, path = served
    folder = path.parent
    beranda = new_page(browser, **DESKTOP)
    forms = []
    try:
        beranda.goto(f"{app.url}/?wilayah=35.75")
        wait_for_app(beranda)
        assert tile_values(beranda, TODAY_TILE) == ["0"]

        # The form stores one questionnaire: its engine now holds a connection to this file.
        forms.append(_open_form(browser, app, "3575-PKM1"))
        send(forms[0], tap=True)
        wait_for_text(forms[0], "Terima kasih!")
        _wait_until(beranda, lambda: tile_values(beranda, TODAY_TILE) == ["1"], "the first questionnaire")

        # Another database takes the file's place, as a restored backup would.
        replacement = folder / "replacement.sqlite"
        _build(replacement, today=3)
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the old file's log must not apply to the new one
        replacement.replace(path)
        _wait_until(beranda, lambda: tile_values(beranda, TODAY_TILE) == ["3"], "the replacement's figures")
        assert DB_UNAVAILABLE not in _body(beranda)

        # The file is moved away while a questionnaire is being filled in.
        forms.append(_open_form(browser, app, "3575-PKM2"))
        moved = folder / "moved-away.sqlite"
        path.rename(moved)
        _wait_until(beranda, lambda: DB_UNAVAILABLE in _body(beranda), "the notice after the move")
        send(forms[1], tap=True)
        wait_for_text(forms[1], NOT_STORED)
        assert "Terima kasih!" not in _body(forms[1])
        assert not path.exists(), "an empty database was created in the file's place"
        assert sorted(p.name for p in folder.iterdir() if p.suffix == ".sqlite") == ["moved-away.sqlite"]
        assert form_questionnaires(f"sqlite:///{moved}") == 0, "the form wrote into the file that was moved away"

        # Put back: the pages recover by themselves, with the file's figures.
        moved.rename(path)
        _wait_until(beranda, lambda: DB_UNAVAILABLE not in _body(beranda)
                    and tile_values(beranda, TODAY_TILE) == ["3"], "recovery after the file came back")
    finally:
        for page in (beranda, *forms):
            page.context.close()


def test_a_locked_file_gives_the_notice_and_the_pages_recover_when_it_is_released(served, browser):
    app, path = served
    locker = sqlite3.connect(path, isolation_level=None)
    pages = {name: new_page(browser, **DESKTOP) for name in ("kepuasan", "survei")}
    try:
        locker.execute("BEGIN EXCLUSIVE")
        locker.execute("UPDATE app_meta SET value = value")
        for name, address in (("kepuasan", "/kepuasan"), ("survei", "/survei?unit=3575-PKM1")):
            pages[name].goto(app.url + address)
            _wait_until(pages[name], lambda page=pages[name]: DB_UNAVAILABLE in _body(page),
                        f"the notice on {name} while the file is locked", seconds=NOTICE_WITHIN_SECONDS)
        locker.execute("ROLLBACK")
        for name, page in pages.items():
            _wait_until(page, lambda page=page: DB_UNAVAILABLE not in _body(page), f"{name} after the lock")
        wait_for_text(pages["survei"], "Puskesmas PKM1")
    finally:
        locker.close()
        for page in pages.values():
            page.context.close()
