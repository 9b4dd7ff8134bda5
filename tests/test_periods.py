"""Period codes in URLs: bounds, options, and refusal of anything else."""

from datetime import date

import pytest

from data_access.periods import (
    ALL,
    graded_default,
    is_running,
    last_complete_quarter,
    period_bounds,
    period_options,
    quarter_code,
)


@pytest.mark.parametrize(
    "code, bounds",
    [
        ("semua", (None, None)),
        ("2025", (date(2025, 1, 1), date(2025, 12, 31))),
        ("2025-Q1", (date(2025, 1, 1), date(2025, 3, 31))),
        ("2025-Q4", (date(2025, 10, 1), date(2025, 12, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2025-12", (date(2025, 12, 1), date(2025, 12, 31))),
    ],
)
def test_period_bounds(code, bounds):
    assert period_bounds(code) == bounds


@pytest.mark.parametrize("code", ["", "2025-Q5", "2025-13", "25", "2025-1", "2025;DROP", "x" * 300])
def test_malformed_period_codes_are_refused(code):
    with pytest.raises(ValueError):
        period_bounds(code)


def test_options_cover_the_data_newest_first():
    assert period_options(date(2025, 2, 5), date(2025, 4, 2)) == [
        ALL, "2025", "2025-Q2", "2025-Q1", "2025-04", "2025-03", "2025-02"
    ]
    assert period_options(None, None) == [ALL]


@pytest.mark.parametrize(("today", "quarter", "last_complete"), [
    (date(2026, 12, 5), "2026-Q4", "2026-Q3"),
    (date(2026, 10, 1), "2026-Q4", "2026-Q3"),
    (date(2026, 9, 30), "2026-Q3", "2026-Q2"),
    (date(2026, 1, 1), "2026-Q1", "2025-Q4"),
    (date(2026, 3, 31), "2026-Q1", "2025-Q4"),
])
def test_quarter_and_last_complete_quarter(today, quarter, last_complete):
    assert quarter_code(today) == quarter
    assert last_complete_quarter(today) == last_complete


@pytest.mark.parametrize(("code", "today", "running"), [
    ("2026-Q4", date(2026, 12, 5), True),
    ("2026-Q4", date(2026, 12, 31), True),
    ("2026-Q4", date(2027, 1, 1), False),
    ("2026-12", date(2026, 12, 5), True),
    ("2026-11", date(2026, 12, 5), False),
    ("2026", date(2026, 12, 5), True),
    ("2025", date(2026, 12, 5), False),
    ("2027-Q1", date(2026, 12, 5), True),
    (ALL, date(2026, 12, 5), True),
])
def test_is_running(code, today, running):
    assert is_running(code, today) is running


@pytest.mark.parametrize(("first", "last", "default"), [
    # The demo on 5 December: data from September 2025 to today -> the last complete quarter.
    (date(2025, 9, 6), date(2026, 12, 5), "2026-Q3"),
    # Data ending inside the last complete quarter, or on its last day.
    (date(2026, 7, 1), date(2026, 8, 15), "2026-Q3"),
    (date(2025, 1, 1), date(2026, 9, 30), "2026-Q3"),
    # An import that stopped in May: the newest complete quarter with data.
    (date(2025, 1, 1), date(2026, 5, 20), "2026-Q2"),
    (date(2025, 1, 1), date(2025, 12, 31), "2025-Q4"),
    # Only the running quarter holds data, or no data at all: everything there is.
    (date(2026, 10, 2), date(2026, 12, 5), ALL),
    (None, None, ALL),
])
def test_graded_default_is_the_last_complete_quarter_with_data(first, last, default):
    assert graded_default(date(2026, 12, 5), first, last) == default
