"""The app's one "now" (data_access.clock): the days that matter on purpose — the WIB day and quarter turning while
UTC is still in the old year, an open complaint ageing across Lebaran, the ranking quarter over the year end — and
DASHBOARD_NOW setting the clock of a program the suite starts."""

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import time_machine

from data_access import clock
from data_access.periods import graded_quarter, period_bounds
from data_access.tracker import WAITING, track_complaint
from tests.factories import add_complaint, add_unit, wib

ROOT = Path(__file__).resolve().parent.parent


def _program_clock(setting: str) -> subprocess.CompletedProcess:
    code = "from data_access import clock; print(clock.now().isoformat()); print(clock.today_wib())"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, "DASHBOARD_NOW": setting})


def test_the_wib_day_and_quarter_turn_at_midnight_wib_while_utc_is_still_in_the_old_year():
    with time_machine.travel(datetime(2026, 12, 31, 16, 59, 59, tzinfo=UTC), tick=False):
        assert clock.today_wib() == date(2026, 12, 31)
    with time_machine.travel(datetime(2026, 12, 31, 17, 0, tzinfo=UTC), tick=False):
        assert clock.now() == datetime(2026, 12, 31, 17, 0, tzinfo=UTC)
        today = clock.today_wib()
        assert today == date(2027, 1, 1)
        assert period_bounds("2027-Q1")[0] == today


def test_the_graded_quarter_reaches_back_over_the_year_end():
    with time_machine.travel(wib(2027, 1, 2, 9), tick=False):
        assert graded_quarter(clock.today_wib(), date(2027, 1, 2)) == "2026-Q4"


def test_an_open_complaint_ages_only_on_working_days_across_lebaran(engine):
    """Received Tue 17 March 2026. Cuti bersama Nyepi 18, Nyepi 19, cuti bersama Idul Fitri 20, 23 and 24 March, a
    weekend between: in [17, 25) only the 17th is a working day; by the 27th three have passed (17, 25, 26), the
    limit, which makes Friday 27 March the last day within it; by Monday the 30th four have passed."""
    unit = add_unit(engine, "3514-LEB")
    add_complaint(engine, unit, wib(2026, 3, 17, 9), "diterima", ticket="LEBARAN-1")
    ages = {}
    for day in (25, 27, 30):
        with time_machine.travel(wib(2026, 3, day, 10), tick=False), engine.connect() as conn:
            waiting = track_complaint(conn, "LEBARAN-1").stages[1]
        assert waiting.state == WAITING and waiting.due == date(2026, 3, 27)
        ages[day] = (waiting.workdays, waiting.within_limit)
    assert ages == {25: (1, True), 27: (3, True), 30: (4, False)}


def test_dashboard_now_sets_the_clock_of_a_program_and_it_runs_on():
    done = _program_clock("2027-01-01T00:30")  # WIB when no offset is given
    assert done.returncode == 0, done.stderr
    instant, today = done.stdout.split()
    started = datetime.fromisoformat(instant)
    assert today == "2027-01-01"
    assert datetime(2026, 12, 31, 17, 30, tzinfo=UTC) <= started < datetime(2026, 12, 31, 17, 31, tzinfo=UTC)


def test_a_malformed_dashboard_now_is_refused_by_name():
    done = _program_clock("besok pagi")
    assert done.returncode != 0
    assert "DASHBOARD_NOW must be an ISO 8601 date or time" in done.stderr
