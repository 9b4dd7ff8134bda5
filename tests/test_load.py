"""Load in a real browser, smaller than the benchmark: bench/load.py's own code with 6 concurrent Chromium sessions
walking Beranda, Kepuasan with filter changes, Pengaduan, Peta, Lacak with a ticket, Data with a download and a unit
card on the demo database. No error anywhere (JavaScript, error boxes, outage notice, HTTP, timeouts, tracebacks in
the server's log), and the server's memory grows at most 10 % after warm-up. The page-finish times are printed
(pytest -s, or in the failure report), never asserted; the 20-session, 5-minute figures come from bench/load.py.

Its per-page mode too, with 2 readers of Beranda (live tiles) and Peta (the map's markers): every view complete
(bench/complete.py), no error, and the CPU attributed to the server and to Chromium apart; no time asserted."""

from __future__ import annotations

import pytest

from bench.load import GROWTH_LIMIT, read_pages, report, report_pages, run_load, session_choices

# bench/load.py starts Chromium itself (conftest.py marks by the browser fixture), and browses for over a minute.
pytestmark = [pytest.mark.browser, pytest.mark.slow]

SESSIONS = 6
# Warm-up (every session's first round, and at least WARMUP s) then HOLD s of steady browsing; never more than
# LONGEST s in all, so that a slow machine fails on "warm-up did not end" instead of running on. A step is an error
# only after STEP_TIMEOUT s: the CPUs are shared with Chromium's six pages (and, on a laptop, with everything else).
WARMUP, HOLD, LONGEST, STEP_TIMEOUT = 30, 45, 240, 180


def test_six_sessions_browse_without_errors_and_with_flat_server_memory(app_server, demo_sqlite_url):
    choices = session_choices(demo_sqlite_url, SESSIONS)
    result = run_load(app_server, choices, LONGEST, after_warmup=HOLD, warmup=WARMUP, think=1.0, sample=3.0, ramp=3.0,
                      timeout=STEP_TIMEOUT)
    print(report(result))
    assert result.errors == [], "\n".join(result.errors[:20])
    assert result.warmed_at is not None, "warm-up did not end: the sessions did not all finish a round in time"
    assert {view.page for view in result.views} >= {
        "beranda", "kepuasan", "kepuasan (filter)", "pengaduan", "peta", "lacak", "lacak (tiket)", "data",
        "data (unduh)", "unit"}
    growth = result.growth()
    assert growth is not None and growth <= GROWTH_LIMIT, report(result)


def test_readers_of_each_page_see_it_complete_and_its_cpu_is_split_from_chromiums(app_server):
    result = read_pages(app_server, ["beranda", "peta"], readers=2, views=1, think=0.5, timeout=STEP_TIMEOUT)
    print(report_pages(result))
    assert result.errors() == [], "\n".join(result.errors()[:20])
    assert [(phase.page, len(phase.complete)) for phase in result.phases] == [("beranda", 2), ("peta", 2)]
    for phase in result.phases:
        # Complete comes after the script run that drew the page ended, both from the navigation's start.
        assert all(0 < ended <= done for ended, done in zip(phase.script_ended, phase.complete, strict=True))
        assert phase.cpu["server"] > 0 and phase.cpu["chromium"] > 0, phase.cpu
