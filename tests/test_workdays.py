"""Working days with Indonesian holidays and cuti bersama, counted on WIB dates."""

from datetime import UTC, date, datetime

import numpy as np

from data_access.workdays import (
    WIB,
    add_workdays,
    holiday_calendar,
    is_workday,
    wib_date,
    wib_day_start,
    workdays_between_many,
)

CUTI_BERSAMA_2025 = {
    date(2025, 1, 28), date(2025, 3, 28), date(2025, 4, 2), date(2025, 4, 3), date(2025, 4, 4), date(2025, 4, 7),
    date(2025, 5, 13), date(2025, 5, 30), date(2025, 6, 9), date(2025, 8, 18), date(2025, 12, 26),
}


def _wib(*args):
    return datetime(*args, tzinfo=WIB)


def workdays_between(start: datetime, end: datetime, include_cuti_bersama: bool) -> int:
    """Working days from one aware instant to another, counted on their WIB dates as the complaint clocks count."""
    starts, ends = (np.array([wib_date(instant)], dtype="datetime64[D]") for instant in (start, end))
    return int(workdays_between_many(starts, ends, include_cuti_bersama)[0])


def test_lebaran_2025_example_is_two_working_days():
    # Thu 27 Mar -> Wed 9 Apr 2025: Nyepi, Idul Fitri and five cuti bersama days fall between.
    assert workdays_between(_wib(2025, 3, 27, 10), _wib(2025, 4, 9, 14), True) == 2


def test_same_example_counting_cuti_bersama_as_working_days():
    assert workdays_between(_wib(2025, 3, 27, 10), _wib(2025, 4, 9, 14), False) == 7


def test_same_day_is_zero_and_friday_to_monday_is_one():
    assert workdays_between(_wib(2025, 3, 6, 8), _wib(2025, 3, 6, 16), True) == 0
    assert workdays_between(_wib(2025, 3, 7, 8), _wib(2025, 3, 10, 8), True) == 1


def test_dates_are_taken_in_wib_not_utc():
    # 18:00 UTC Thursday is already 01:00 WIB Friday, so Friday -> Monday: 1 working day, not 2.
    start = datetime(2025, 3, 6, 18, 0, tzinfo=UTC)
    end = _wib(2025, 3, 10, 9)
    assert workdays_between(start, end, True) == 1


def test_cuti_bersama_2025_are_exactly_the_eleven_days():
    with_cuti = set(holiday_calendar(True))
    without = set(holiday_calendar(False))
    assert {d for d in with_cuti - without if d.year == 2025} == CUTI_BERSAMA_2025
    assert not is_workday(date(2025, 4, 2), True)
    assert is_workday(date(2025, 4, 2), False)


def test_vectorised_count_matches_and_marks_missing():
    starts = np.array(["2025-03-27", "2025-03-07", "NaT"], dtype="datetime64[D]")
    ends = np.array(["2025-04-09", "2025-03-10", "2025-03-10"], dtype="datetime64[D]")
    assert workdays_between_many(starts, ends, True).tolist() == [2, 1, -1]


def test_add_workdays_skips_holidays_and_weekends():
    assert add_workdays(date(2025, 3, 27), 2, True) == date(2025, 4, 9)
    assert add_workdays(date(2025, 3, 29), 0, True) == date(2025, 4, 8)  # Saturday rolls to the next working day


def test_wib_day_start_is_17_utc_the_day_before():
    assert wib_day_start(date(2025, 1, 1)) == datetime(2024, 12, 31, 17, 0, tzinfo=UTC)
