"""Real time, measured: how long a questionnaire takes from the survey form's submit to Beranda's live tile, and
what one live refresh costs the server when nothing changed.

    python bench/live.py [--url DATABASE_URL] [--runs 7] [--refreshes 20] [--unit 3575-MPP]

Without --url it builds a demo SQLite database (the embedded default's size) in a temporary folder; with --url the
database is written to (one questionnaire per run, source 'form'), so never point it at production.

1. Submit to visible: the app runs as a real server (tests.browser.start_app) with headless Chromium. One page
   keeps Beranda open (Kota Pasuruan only, so there is one "Kuesioner hari ini" tile) and is never reloaded; for
   every run a new browser context (a new browser, so the per-browser limit does not refuse it) opens
   /survei?unit=CODE on a phone-sized page, answers the nine questions and taps "Kirim jawaban". Measured: from the
   tap to the tile on the other page showing one more (polled every 20 ms), and to the thank-you on the phone.
2. Cost of a refresh when nothing changed, in the server: the CPU time of the server's processes while the Beranda
   page sits open for IDLE_SECONDS after the runs (its live refreshes are all that happens), and per refresh.
3. The same in-process: Beranda (its title and the live fragment, which is all of the page) runs
   in-process with Streamlit's AppTest on warm caches, counting the SQL statements executed (SQLAlchemy event
   listener) and timing the run — with the watermark still cached (most refreshes), and just after it expired (at
   most one refresh per WATERMARK_TTL_SECONDS in the whole server re-reads it). For contrast, the refresh after a
   new questionnaire, when the figures must be recomputed.
No timed assertions: this prints figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo_db import build_demo_database
from load import cpu_seconds, process_tree
from sqlalchemy import Engine, event

from tests.browser import (
    DESKTOP,
    PHONE,
    close_browser,
    launch_browser,
    new_page,
    start_app,
    wait_for_app,
)

TILE = "Kuesioner hari ini"
IDLE_SECONDS = 30
_TILE_JS = """(label) => [...document.querySelectorAll('[data-testid="stMetric"]')]
    .filter(m => (m.querySelector('[data-testid="stMetricLabel"]')?.innerText || '').trim() === label)
    .map(m => m.querySelector('[data-testid="stMetricValue"]').innerText.trim()).join('|')"""


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


# --------------------------------------------------------------------------------------- 1. submit to visible


def _answer_everything(page) -> None:
    """One tap per question on its best answer; each question is the radio group named by its text."""
    from components.i18n import t
    from data_access.elements import ANSWER_LABELS

    for name, labels in ANSWER_LABELS.items():
        group = page.get_by_role("radiogroup", name=t(f"survey.question.{name}", lang="id"))
        button = group.get_by_role("radio", name=labels[3], exact=True)
        button.scroll_into_view_if_needed()
        button.tap()


def submit_to_visible(url: str, unit: str, runs: int) -> tuple[list[float], list[float]]:
    browser = launch_browser()
    visible, thanked = [], []
    try:
        with start_app(url) as server:
            dashboard = new_page(browser, **DESKTOP)
            dashboard.goto(server.url)  # the root first: a fresh server's first deep link skips dashboard.py's shell
            wait_for_app(dashboard)
            dashboard.goto(f"{server.url}/?wilayah=35.75")
            wait_for_app(dashboard)
            dashboard.evaluate("() => { window.__notReloaded = true; }")
            for run in range(1, runs + 1):
                phone = new_page(browser, **PHONE)
                try:
                    phone.goto(f"{server.url}/survei?unit={unit}")
                    wait_for_app(phone)
                    _answer_everything(phone)
                    phone.wait_for_timeout(300)
                    before = dashboard.evaluate(_TILE_JS, TILE)
                    send = phone.get_by_role("button", name="Kirim jawaban")
                    send.scroll_into_view_if_needed()
                    send.tap()
                    started = time.monotonic()
                    seen_thanks = None
                    while dashboard.evaluate(_TILE_JS, TILE) == before:
                        if seen_thanks is None and phone.get_by_text("Terima kasih!").count():
                            seen_thanks = time.monotonic() - started
                        if time.monotonic() - started > 30:
                            raise RuntimeError(f"run {run}: the tile still shows {before} after 30 s")
                        time.sleep(0.02)
                    visible.append(time.monotonic() - started)
                    phone.get_by_text("Terima kasih!").first.wait_for(timeout=30_000)
                    thanked.append(seen_thanks if seen_thanks is not None else time.monotonic() - started)
                    print(f"  run {run}: tile {before} -> {dashboard.evaluate(_TILE_JS, TILE)} after "
                          f"{visible[-1]:.2f} s (thank-you on the phone after {thanked[-1]:.2f} s)")
                finally:
                    phone.context.close()
            if not dashboard.evaluate("() => window.__notReloaded === true"):
                raise RuntimeError("the Beranda page was reloaded during the measurement")
            idle_cost(server, dashboard)
            dashboard.context.close()
    finally:
        close_browser()
    return visible, thanked


# ------------------------------------------------------------------------------------- 2. cost of a refresh


def idle_cost(server, page) -> None:
    """Server CPU while `page` (Beranda) sits open and nothing changes: its live refreshes, with everything
    Streamlit does around them (messages, clean-up after each run)."""
    from components.tiles import LIVE_REFRESH_SECONDS

    page.wait_for_timeout(3000)  # the last run's thank-you and tile updates are over
    pids = process_tree(server.process.pid)
    before = sum(cpu_seconds(pids).values())
    page.wait_for_timeout(IDLE_SECONDS * 1000)
    used = sum(cpu_seconds(pids).values()) - before
    refreshes = IDLE_SECONDS / LIVE_REFRESH_SECONDS
    print(f"Server CPU while Beranda sits open {IDLE_SECONDS} s (about {refreshes:.0f} live refreshes, nothing "
          f"changed): {used:.2f} s, about {used / refreshes * 1000:.0f} ms per refresh")


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0
        event.listen(Engine, "before_cursor_execute", self._count)

    def _count(self, *_args) -> None:
        self.count += 1


def refresh_cost(url: str, unit: str, refreshes: int) -> None:
    from streamlit import logger as streamlit_logger
    from streamlit.testing.v1 import AppTest

    # Outside a server Streamlit warns about every cached function ("No runtime found"): keep the figures readable.
    streamlit_logger.set_log_level("error")

    from components.data import WATERMARK_TTL_SECONDS
    from components.tiles import LIVE_REFRESH_SECONDS

    os.environ["DATABASE_URL"] = url
    os.environ.pop("PUBLIC_DATABASE_URL", None)
    counter = StatementCounter()
    app = AppTest.from_file(str(ROOT / "app_pages" / "beranda.py"), default_timeout=300)

    def one_run() -> tuple[float, int]:
        counter.count = 0
        started = time.perf_counter()
        app.run()
        elapsed = time.perf_counter() - started
        if app.exception:
            raise RuntimeError(app.exception)
        return elapsed * 1000, counter.count

    cold_ms, cold_statements = one_run()
    cached = [one_run() for _ in range(refreshes)]
    expired = []
    for _ in range(max(3, refreshes // 4)):
        time.sleep(WATERMARK_TTL_SECONDS + 0.05)
        expired.append(one_run())
    changed = []
    for _ in range(3):
        _store_one(url, unit)
        time.sleep(WATERMARK_TTL_SECONDS + 0.05)
        changed.append(one_run())

    def line(label: str, results: list[tuple[float, int]]) -> str:
        ms = statistics.median(r[0] for r in results)
        statements = sorted({r[1] for r in results})
        return f"  {label:<58} {ms:7.1f} ms  SQL statements: {'/'.join(map(str, statements))}"

    print(f"Beranda live refresh (every {LIVE_REFRESH_SECONDS} s per open page; watermark cached "
          f"{WATERMARK_TTL_SECONDS} s for the whole server), median server time in-process:")
    print(line("first view, caches empty", [(cold_ms, cold_statements)]))
    print(line(f"refresh, nothing changed, watermark cached (n={len(cached)})", cached))
    print(line(f"refresh, nothing changed, watermark re-read (n={len(expired)})", expired))
    print(line(f"refresh after a new questionnaire (n={len(changed)})", changed))


def _store_one(url: str, unit: str) -> None:
    from data_access.elements import ELEMENTS
    from data_access.engine import make_engine
    from data_access.survey_intake import Submission, submit_questionnaire

    engine = make_engine(url)
    try:
        submit_questionnaire(engine, Submission(unit, dict.fromkeys(ELEMENTS, 4), channel="web"))
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a database to write test questionnaires into (default: a new demo SQLite)")
    parser.add_argument("--surveys", type=int, default=50_000)
    parser.add_argument("--complaints", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=7, help="questionnaires submitted through the browser")
    parser.add_argument("--refreshes", type=int, default=20, help="in-process refreshes timed")
    parser.add_argument("--unit", default="3575-MPP", help="a Kota Pasuruan (35.75) unit code")
    args = parser.parse_args()
    if not args.unit.startswith("3575-"):
        parser.error("--unit must be a Kota Pasuruan unit (the Beranda page is opened with ?wilayah=35.75)")
    url = args.url or build_demo_database(args.surveys, args.complaints)

    print(f"Submit to visible ({args.runs} questionnaires for {args.unit}; Beranda open in another page):")
    visible, thanked = submit_to_visible(url, args.unit, args.runs)
    print(f"  each, s: {_fmt(visible)}")
    print(f"  median submit -> visible on Beranda: {statistics.median(visible):.2f} s "
          f"(max {max(visible):.2f} s); median submit -> thank-you: {statistics.median(thanked):.2f} s")
    refresh_cost(url, args.unit, args.refreshes)


if __name__ == "__main__":
    main()
