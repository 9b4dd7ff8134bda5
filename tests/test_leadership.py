"""Pimpinan figures on SQLite and PostgreSQL, with hand-computed cases: the quarter graded, grade crossings, newly
overdue complaints, the regions against the targets, the units slipping by their confidence interval, ISO weeks, and
the target settings.

Working days use the default calendar: Maulid Nabi Fri 2025-09-05 is a holiday; in May 2025 Waisak (12th) and its
cuti bersama (13th)."""

import logging
from datetime import date

import pytest

from data_access import config, periods
from data_access.config import Targets
from data_access.filters import Filters
from data_access.leadership import (
    comparison_date,
    grade_crossings,
    graded_quarter,
    last_complete_week,
    newly_overdue,
    parse_week,
    region_targets,
    target_ikm,
    unit_comparison,
    week_options,
)
from tests.factories import (
    add_complaint,
    add_done_when_units,
    add_questionnaires,
    add_unit,
    answers,
    wib,
)

ALL = Filters()
# A Wednesday. Windows of 90 days: now 2025-06-13..09-10; a week before 06-06..09-03; a month before 05-13..08-10.
NOW = wib(2025, 9, 10, 12)
# 40 users a year -> 10 in 90 days -> a minimum sample of 10 (Krejcie & Morgan, never more than the users).
SMALL_UNIT_USERS = 40


def test_comparison_dates():
    assert comparison_date(date(2025, 9, 10), "minggu") == date(2025, 9, 3)
    assert comparison_date(date(2025, 9, 10), "bulan") == date(2025, 8, 10)
    assert comparison_date(date(2025, 3, 31), "bulan") == date(2025, 2, 28)
    assert comparison_date(date(2025, 1, 15), "bulan") == date(2024, 12, 15)
    with pytest.raises(ValueError):
        comparison_date(date(2025, 1, 15), "tahun")


def test_the_graded_quarter_is_the_last_complete_one_or_the_newest_datas():
    # 5 December: the running Q4 holds a third of its respondents, so Q3 is graded.
    assert periods.graded_quarter(date(2026, 12, 5), date(2026, 12, 4)) == "2026-Q3"
    assert periods.graded_quarter(date(2026, 12, 5), None) == "2026-Q3"
    # Data that ended in 2025 are graded in their own last quarter, complete since nothing follows.
    assert periods.graded_quarter(date(2026, 12, 5), date(2025, 12, 31)) == "2025-Q4"
    assert periods.graded_quarter(date(2026, 10, 1), date(2026, 9, 30)) == "2026-Q3"
    assert periods.previous_quarter("2026-Q1") == "2025-Q4" and periods.previous_quarter("2026-Q3") == "2026-Q2"


def test_graded_quarter_reads_the_newest_questionnaire(engine):
    unit = add_unit(engine, "3575-Q")
    add_questionnaires(engine, unit, [answers(3)] * 2, wib(2026, 12, 4, 9))
    with engine.connect() as conn:
        assert graded_quarter(conn, wib(2026, 12, 5, 10)) == "2026-Q3"
        assert graded_quarter(conn, wib(2027, 8, 1, 10)) == "2026-Q4"  # no data since December 2026


# Each respondent's score is their nine answers' mean x 25: all 3s -> 75, all 4s -> 100. Half 75 and half 100 of
# 30: mean 87.50, sample s.d. 12.5 x sqrt(30/29) = 12.714, t(29) = 2.045, 87.50 ± 2.045 x 12.714 / sqrt(30) =
# 87.50 ± 4.75 -> [82.75, 92.25]. Half 25 and half 50: 37.50 ± 4.75 -> [32.75, 42.25]. 22 x 75 and 8 x 100: mean
# 81.67, s.d. 25 x sqrt(22 x 8 / (30 x 29)) = 11.244, ± 2.045 x 11.244 / sqrt(30) = 4.20 -> [77.47, 85.86].
HALF_B_HALF_A = [answers(3)] * 15 + [answers(4)] * 15
Q2, Q3 = wib(2026, 5, 4, 9), wib(2026, 8, 3, 9)


def _interval_units(engine) -> None:
    # Below the target (grade C, 65.00) with its whole interval; 100,000 users a year: a sample far too small.
    low = add_unit(engine, "3575-LOW", annual_users=100_000, name="Puskesmas Rendah")
    add_questionnaires(engine, low, [answers(1)] * 15 + [answers(2)] * 15, Q3)
    # 100.00 [100, 100] in Q2, [82.75, 92.25] in Q3: wholly below last quarter's interval.
    drop = add_unit(engine, "3514-DROP", region="35.14", annual_users=SMALL_UNIT_USERS, name="Puskesmas Turun")
    add_questionnaires(engine, drop, [answers(4)] * 30, Q2)
    add_questionnaires(engine, drop, HALF_B_HALF_A, Q3)
    # [82.75, 92.25] in Q2, [77.47, 85.86] in Q3: below last quarter's IKM (87.50), not below its interval.
    noisy = add_unit(engine, "3575-NOISY", annual_users=SMALL_UNIT_USERS, name="Puskesmas Goyah")
    add_questionnaires(engine, noisy, HALF_B_HALF_A, Q2)
    add_questionnaires(engine, noisy, [answers(3)] * 22 + [answers(4)] * 8, Q3)
    steady = add_unit(engine, "3575-STEADY", annual_users=SMALL_UNIT_USERS, name="Puskesmas Tetap")
    add_questionnaires(engine, steady, HALF_B_HALF_A, Q2)
    add_questionnaires(engine, steady, HALF_B_HALF_A, Q3)
    # 29 alike answers: an interval of no width, on too few respondents to judge.
    few = add_unit(engine, "3575-FEW", name="Puskesmas Sepi")
    add_questionnaires(engine, few, [answers(1)] * 29, Q3)


def test_units_slip_when_their_interval_lies_below_the_target_or_below_last_quarters(engine):
    _interval_units(engine)
    with engine.connect() as conn:
        result = unit_comparison(conn, ALL, Targets(ikm_grade="C"), "2026-Q3")
    assert (result["quarter"], result["previous"], result["target"]) == ("2026-Q3", "2026-Q2", 65.00)
    got = [(r["unit_code"], r["ikm"], r["ci_low"], r["ci_high"], r["ikm_before"], r["ci_low_before"],
            r["below_target"], r["dropped"], r["slipping"], r["judged"], r["provisional"]) for r in result["units"]]
    assert got == [
        # Slipping first: the drop before the target missed, though LOW's upper bound is the lower.
        ("3514-DROP", 87.50, 82.75, 92.25, 100.00, 100.00, False, True, True, True, False),
        ("3575-LOW", 37.50, 32.75, 42.25, None, None, True, False, True, True, True),
        # The rest by IKM, lowest first; FEW is shown, but cannot be judged.
        ("3575-FEW", 25.00, None, None, None, None, False, False, False, False, True),
        ("3575-NOISY", 81.67, 77.47, 85.86, 87.50, 82.75, False, False, False, True, False),
        ("3575-STEADY", 87.50, 82.75, 92.25, 87.50, 82.75, False, False, False, True, False),
    ]
    assert [r["sample"] for r in result["units"][:3]] == ["memadai", "belum_memadai", "populasi_tidak_diketahui"]


def test_the_default_target_and_the_region_filter_move_the_slipping_units(engine):
    _interval_units(engine)
    with engine.connect() as conn:
        kota = unit_comparison(conn, Filters(region="35.75"), Targets(), "2026-Q3")["units"]
    # Grade A starts at 88.31: NOISY's upper bound 85.86 now lies below it; STEADY's 92.25 does not.
    assert [(r["unit_code"], r["below_target"]) for r in kota if r["slipping"]] == [
        ("3575-LOW", True), ("3575-NOISY", True)]
    assert "3514-DROP" not in [r["unit_code"] for r in kota]


def _crossing_units(engine) -> None:
    drop = add_unit(engine, "3575-DROP", annual_users=SMALL_UNIT_USERS)
    add_questionnaires(engine, drop, [answers(4)] * 10, wib(2025, 6, 8, 9))  # only in the earlier windows
    add_questionnaires(engine, drop, [answers(3)] * 10, wib(2025, 7, 1, 9))  # in both
    add_questionnaires(engine, drop, [answers(2)] * 10, wib(2025, 9, 5, 9))  # only in the current window
    rise = add_unit(engine, "3514-RISE", region="35.14", annual_users=SMALL_UNIT_USERS)
    add_questionnaires(engine, rise, [answers(3)] * 10, wib(2025, 6, 8, 9))
    add_questionnaires(engine, rise, [answers(4)] * 10, wib(2025, 9, 5, 9))
    same = add_unit(engine, "3575-SAME", annual_users=SMALL_UNIT_USERS)
    add_questionnaires(engine, same, [answers(4)] * 10, wib(2025, 7, 1, 9))
    small = add_unit(engine, "3575-SMALL", annual_users=SMALL_UNIT_USERS)  # 5 < 10 in the earlier window
    add_questionnaires(engine, small, [answers(4)] * 5, wib(2025, 6, 8, 9))
    add_questionnaires(engine, small, [answers(2)] * 10, wib(2025, 9, 5, 9))
    unknown = add_unit(engine, "3575-UNKNOWN")  # users unknown: never judged
    add_questionnaires(engine, unknown, [answers(4)] * 10, wib(2025, 6, 8, 9))
    add_questionnaires(engine, unknown, [answers(2)] * 10, wib(2025, 9, 5, 9))


def test_grade_crossings_since_last_week_list_drops_first_and_only_adequate_samples(engine):
    _crossing_units(engine)
    with engine.connect() as conn:
        result = grade_crossings(conn, ALL, "minggu", NOW)
    assert result["now"] == (date(2025, 6, 13), date(2025, 9, 10))
    assert result["before"] == (date(2025, 6, 6), date(2025, 9, 3))
    got = [(r["unit_code"], r["grade_before"], r["ikm_before"], r["grade_now"], r["ikm_now"], r["change"],
            r["direction"], r["respondents_before"], r["respondents_now"]) for r in result["units"]]
    assert got == [
        # before: (10 x 4 + 10 x 3) / 20 = 3.5 -> 87.50 B; now: (10 x 3 + 10 x 2) / 20 = 2.5 -> 62.50 D
        ("3575-DROP", "B", 87.50, "D", 62.50, -25.0, "down", 20, 20),
        # before: 10 x 3 -> 75.00 C; now: 10 x 4 -> 100.00 A
        ("3514-RISE", "C", 75.00, "A", 100.00, 25.0, "up", 10, 10),
    ]


def test_grade_crossings_follow_the_region_filter_and_the_month_comparison(engine):
    _crossing_units(engine)
    with engine.connect() as conn:
        kota = grade_crossings(conn, Filters(region="35.75"), "minggu", NOW)["units"]
        month = grade_crossings(conn, ALL, "bulan", NOW)
    assert [r["unit_code"] for r in kota] == ["3575-DROP"]
    # A month before (window 05-13..08-10) holds the same June and July questionnaires: the same two crossings.
    assert month["before"] == (date(2025, 5, 13), date(2025, 8, 10))
    assert [(r["unit_code"], r["grade_before"], r["grade_now"]) for r in month["units"]] == [
        ("3575-DROP", "B", "D"), ("3514-RISE", "C", "A")]


def _overdue_units(engine) -> None:
    late = add_unit(engine, "3575-LATE")
    # Unverified since Mon 09-01: verification (3 days) due Thu 09-04, past it from 09-05 -> newly overdue.
    add_complaint(engine, late, wib(2025, 9, 1, 9), "diterima")
    # Unverified since Mon 08-25: due Thu 08-28, already past it a week ago -> overdue, not newly.
    add_complaint(engine, late, wib(2025, 8, 25, 9), "diterima")
    # Verified Mon 09-01, no answer: first response (5 days) due Tue 09-09 (Fri 09-05 is a holiday) -> newly.
    add_complaint(engine, late, wib(2025, 9, 1, 8), "terverifikasi", verified_at=wib(2025, 9, 1, 9))
    fine = add_unit(engine, "3514-FINE", region="35.14")
    # Verified Tue 09-02: first response due Wed 09-10, today: on the limit, not past it.
    add_complaint(engine, fine, wib(2025, 9, 1, 8), "terverifikasi", verified_at=wib(2025, 9, 2, 9))
    # Received Mon 09-08: verification due Thu 09-11.
    add_complaint(engine, fine, wib(2025, 9, 8, 9), "diterima")


def test_newly_overdue_counts_complaints_that_passed_their_limit_since_the_comparison_date(engine):
    _overdue_units(engine)
    with engine.connect() as conn:
        week = newly_overdue(conn, ALL, "minggu", NOW)
        month = newly_overdue(conn, ALL, "bulan", NOW)
    assert week["since"] == date(2025, 9, 3)
    assert [(r["unit_code"], r["newly_overdue"], r["verification"], r["first_response"], r["resolution"],
             r["overdue"]) for r in week["units"]] == [("3575-LATE", 2, 1, 1, 0, 3)]
    # A month back (08-10) the 08-25 complaint was not yet past its limit either.
    assert [(r["unit_code"], r["newly_overdue"], r["overdue"]) for r in month["units"]] == [("3575-LATE", 3, 3)]


def test_newly_overdue_is_empty_for_a_region_without_late_complaints(engine):
    _overdue_units(engine)
    with engine.connect() as conn:
        assert newly_overdue(conn, Filters(region="35.14"), "minggu", NOW)["units"] == []


def _target_complaints(engine, unit: int) -> None:
    # First responses from forwarding on Mon 2025-05-05: 3 working days (Thu 05-08), 5 (Wed 05-14, across
    # Waisak and its cuti bersama), both closed with that answer, and one never answered (open, past the 5-day
    # limit by September).
    add_complaint(engine, unit, wib(2025, 5, 5, 9), "selesai", verified_at=wib(2025, 5, 5, 10),
                  first_response_at=wib(2025, 5, 8, 10), resolved_at=wib(2025, 5, 8, 10))
    add_complaint(engine, unit, wib(2025, 5, 5, 9), "selesai", verified_at=wib(2025, 5, 5, 10),
                  first_response_at=wib(2025, 5, 14, 10), resolved_at=wib(2025, 5, 14, 10))
    add_complaint(engine, unit, wib(2025, 5, 5, 9), "terverifikasi", verified_at=wib(2025, 5, 5, 10))


def test_regions_against_the_default_targets(engine):
    add_done_when_units(engine)  # Kota 88.30 (B, n=250) in May, Kabupaten 88.32 (A, n=625) in June 2025
    kota_unit = add_unit(engine, "3575-PKM-A")
    _target_complaints(engine, kota_unit)
    with engine.connect() as conn:
        rows = {r["region_code"]: r for r in region_targets(conn, Targets(), now=NOW)}
    kota, kabupaten = rows["35.75"], rows["35.14"]
    assert kota["quarter"] == (date(2025, 4, 1), date(2025, 6, 30))  # the quarter of the newest questionnaire
    assert (kota["ikm"], kota["grade"], kota["respondents"], kota["ikm_target"], kota["ikm_gap"]) == (
        88.30, "B", 250, 88.31, 0.01)
    assert (kabupaten["ikm"], kabupaten["ikm_gap"]) == (88.32, 0)
    # Kaplan–Meier over 3, 5 and one still waiting: 2/3 left after 3, 1/3 after 5 -> median 5, on the target.
    assert (kota["complaints"], kota["first_response_median_workdays"], kota["first_response_gap"]) == (3, 5, 0)
    assert kota["first_response_within_target_pct"] == 66.7  # 2 of 3 decided
    assert (kota["overdue"], kota["overdue_target"], kota["overdue_gap"]) == (1, 0, 1)
    assert (kabupaten["complaints"], kabupaten["first_response_median_workdays"],
            kabupaten["first_response_within_target_pct"], kabupaten["first_response_gap"]) == (0, None, None, None)
    assert (kabupaten["overdue"], kabupaten["overdue_gap"]) == (0, 0)


def test_stricter_targets_move_the_distances(engine):
    add_done_when_units(engine)
    _target_complaints(engine, add_unit(engine, "3575-PKM-A"))
    targets = Targets(ikm_grade="B", first_response_workdays=4, overdue=1)
    with engine.connect() as conn:
        rows = region_targets(conn, targets, region="35.75", now=NOW)
    assert [r["region_code"] for r in rows] == ["35.75"]
    kota = rows[0]
    assert (kota["ikm_target"], kota["ikm_gap"]) == (76.61, 0)
    assert kota["first_response_within_target_pct"] == 33.3  # only the 3-day answer is within 4
    assert kota["first_response_gap"] == 1
    assert kota["overdue_gap"] == 0


def test_target_ikm_is_the_lower_bound_of_the_grade():
    assert [target_ikm(Targets(ikm_grade=g)) for g in "ABCD"] == [88.31, 76.61, 65.00, 25.00]


def test_target_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("TARGET_IKM_GRADE", "b")
    monkeypatch.setenv("TARGET_FIRST_RESPONSE_WORKDAYS", "3")
    monkeypatch.setenv("TARGET_OVERDUE", "2")
    assert config.targets() == Targets(ikm_grade="B", first_response_workdays=3, overdue=2)


def test_invalid_target_settings_fall_back_to_the_defaults_with_a_warning(monkeypatch, caplog):
    monkeypatch.setenv("TARGET_IKM_GRADE", "Z")
    monkeypatch.setenv("TARGET_FIRST_RESPONSE_WORKDAYS", "lima")
    monkeypatch.setenv("TARGET_OVERDUE", "-1")
    with caplog.at_level(logging.WARNING, logger="data_access.config"):
        assert config.targets() == Targets()
    assert [r.getMessage().split("=")[0] for r in caplog.records] == [
        "TARGET_IKM_GRADE", "TARGET_FIRST_RESPONSE_WORKDAYS", "TARGET_OVERDUE"]


def test_weeks_are_iso_weeks_in_wib():
    assert last_complete_week(NOW).monday == date(2025, 9, 1)
    assert last_complete_week(NOW).code == "2025-W36"
    # Sunday 23:30 WIB is still inside its week: the complete week is the one before.
    assert last_complete_week(wib(2026, 11, 22, 23, 30)).monday == date(2026, 11, 9)
    assert last_complete_week(wib(2026, 11, 23, 0, 30)).code == "2026-W47"
    assert parse_week("2026-W47").monday == date(2026, 11, 16)
    assert parse_week("2026-W53").sunday == date(2027, 1, 3)
    for bad in ("2025-W53", "2026-W00", "2026-47", "W47", "", None, "2026-W47; drop"):
        assert parse_week(bad) is None
    assert [w.code for w in week_options(date(2025, 8, 20), NOW)] == ["2025-W36", "2025-W35", "2025-W34"]
    assert [w.code for w in week_options(None, NOW)] == ["2025-W36"]
