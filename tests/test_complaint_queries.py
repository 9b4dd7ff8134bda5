"""Complaint figures through the query layer, on SQLite and PostgreSQL, with hand-computed cases.

Working days use the default calendar (cuti bersama are days off). Holidays met below: Nyepi 2025-03-29,
cuti bersama 03-28, 04-02/03/04/07 and 08-18, Idul Fitri 03-31/04-01, Maulid Nabi Fri 2025-09-05.
"""

from datetime import date

import pytest
from sqlalchemy import update

from data_access import schema
from data_access.complaint_queries import (
    backlog_of,
    complaint_funnel,
    complaint_set,
    complaint_summary,
    complaint_trend,
    complaint_volume,
    complaints_by_kecamatan_category,
    complaints_per_10k,
    due_soon_by_unit,
    months_ending,
    rank_units,
    unit_complaints_recent,
)
from data_access.complaint_rules import CHANNELS, MIN_COMPLAINTS_FOR_RANKING, STATUSES, TIER_LIMITS
from data_access.complaint_stats import stage_timings
from data_access.filters import Filters
from data_access.workdays import add_workdays
from tests.factories import add_complaint, add_unit, wib

ALL = Filters()
# A Wednesday; the two working days after it are Thu 11 and Fri 12 September 2025.
NOW = wib(2025, 9, 10, 12)


def add_median_not_reached(engine, unit: int) -> None:
    """The issue's case: three complaints resolved in 2 working days, seven still open for months."""
    for _ in range(3):
        add_complaint(engine, unit, wib(2025, 3, 3, 9), "selesai", verified_at=wib(2025, 3, 3, 10),
                      first_response_at=wib(2025, 3, 4, 9), resolved_at=wib(2025, 3, 5, 9))
    for _ in range(7):
        add_complaint(engine, unit, wib(2025, 3, 3, 9), "ditindaklanjuti", verified_at=wib(2025, 3, 3, 10),
                      first_response_at=wib(2025, 3, 4, 9))


def add_lebaran_answer(engine, unit: int, **extra) -> None:
    """Verified Thu 2025-03-27, answered Wed 2025-04-09: 2 working days across Nyepi, Idul Fitri and cuti bersama."""
    add_complaint(engine, unit, wib(2025, 3, 26, 9), "ditindaklanjuti", verified_at=wib(2025, 3, 27, 9),
                  first_response_at=wib(2025, 4, 9, 10), **extra)


def test_three_resolved_in_two_days_and_seven_open_for_months_is_median_not_reached(engine):
    add_median_not_reached(engine, add_unit(engine, "3575-PKM-A"))
    with engine.connect() as conn:
        summary = complaint_summary(conn, ALL, NOW)
        timings = {(r["stage"], r["tier"]): r for r in stage_timings(complaint_set(conn, ALL), NOW)}
    assert summary["resolution"]["median_workdays"] is None  # not 2, the closed-only median
    assert summary["resolution"]["p90_workdays"] is None
    assert summary["resolution"]["still_open_pct"] == 70.0
    resolution = timings[("resolution", "sederhana")]
    assert resolution["median_workdays"] is None and resolution["complaints"] == 10 and resolution["done"] == 3
    assert resolution["still_open_pct"] == 70.0
    # decided: 3 within the 5-day limit, 7 open past it
    assert resolution["within_limit_pct"] == 30.0


def test_lebaran_first_response_is_two_working_days_within_the_five_day_limit(engine):
    add_lebaran_answer(engine, add_unit(engine, "3575-PKM-A"))
    with engine.connect() as conn:
        first = next(r for r in stage_timings(complaint_set(conn, ALL), NOW) if r["stage"] == "first_response")
    assert first["limit_workdays"] == 5
    assert first["median_workdays"] == 2
    assert first["within_limit_pct"] == 100.0


@pytest.mark.parametrize("tier", list(TIER_LIMITS))
def test_resolution_limit_depends_on_the_tier(engine, tier):
    unit = add_unit(engine, "3575-PKM-A")
    verified = date(2025, 2, 3)  # Monday; no holiday in February 2025
    limit = TIER_LIMITS[tier]
    for days in (limit, limit + 1):
        done = add_workdays(verified, days)
        add_complaint(engine, unit, wib(2025, 2, 3, 8), "selesai", tier=tier, verified_at=wib(2025, 2, 3, 9),
                      first_response_at=wib(2025, 2, 4, 9), resolved_at=wib(done.year, done.month, done.day, 10))
    with engine.connect() as conn:
        row = next(r for r in stage_timings(complaint_set(conn, ALL), NOW) if r["tier"] == tier)
    assert row["limit_workdays"] == limit
    assert row["within_limit_pct"] == 50.0  # on the limit is within, one day more is not
    assert row["median_workdays"] == limit and row["p90_workdays"] == limit + 1


def test_tier_limits_by_hand():
    # Mon 3 Feb + 5 working days = Mon 10 Feb; + 14 = Fri 21 Feb (3 weeks minus a day).
    assert add_workdays(date(2025, 2, 3), 5) == date(2025, 2, 10)
    assert add_workdays(date(2025, 2, 3), 14) == date(2025, 2, 21)


def test_funnel_counts_every_status_in_order_with_the_side_exits(engine):
    unit = add_unit(engine, "3575-PKM-A")
    counts = {"diterima": 2, "terverifikasi": 1, "selesai": 4, "ditunda": 1, "bukan_wewenang": 1, "diarsipkan": 1}
    for status, n in counts.items():
        for _ in range(n):
            add_complaint(engine, unit, wib(2025, 5, 5, 9), status, verified_at=wib(2025, 5, 6, 9))
    with engine.connect() as conn:
        funnel = complaint_funnel(conn, ALL)
    assert [r["status"] for r in funnel] == list(STATUSES)
    assert {r["status"]: r["complaints"] for r in funnel} == {s: counts.get(s, 0) for s in STATUSES}
    assert {r["status"]: r["path"] for r in funnel if r["path"] == "side"} == \
        {"ditunda": "side", "bukan_wewenang": "side", "diarsipkan": "side"}
    archived = next(r for r in funnel if r["status"] == "diarsipkan")
    assert archived["share_pct"] == 10.0  # 1 of 10
    assert next(r for r in funnel if r["status"] == "didisposisikan")["complaints"] == 0


def test_per_10000_residents_per_region_from_the_reference_populations(engine):
    kota = add_unit(engine, "3575-PKM-A", region="35.75")
    kabupaten = add_unit(engine, "3514-PKM-B", region="35.14")
    for _ in range(3):
        add_complaint(engine, kota, wib(2025, 5, 5, 9), "diterima")
    for _ in range(5):
        add_complaint(engine, kabupaten, wib(2025, 5, 5, 9), "diterima")
    with engine.connect() as conn:
        rows = {r["region_code"]: r for r in complaints_per_10k(conn, ALL)}
        kota_only = complaints_per_10k(conn, Filters(region="35.75"))
    # 3 / 213,469 x 10,000 = 0.1405; 5 / 1,665,922 x 10,000 = 0.0300
    assert rows["35.75"]["population"] == 213_469 and rows["35.75"]["per_10k"] == 0.14
    assert rows["35.14"]["population"] == 1_665_922 and rows["35.14"]["per_10k"] == 0.03
    assert [r["region_code"] for r in kota_only] == ["35.75"]


def test_a_kecamatan_has_no_rate_until_its_population_is_loaded(engine):
    unit = add_unit(engine, "3575-PKM-A", region="35.75", kecamatan_code="35.75.01")
    for _ in range(3):
        add_complaint(engine, unit, wib(2025, 5, 5, 9), "diterima")
    one = Filters(kecamatan="35.75.01")
    with engine.connect() as conn:
        before = complaints_per_10k(conn, one)
    assert before == [{"region_code": "35.75", "kecamatan_code": "35.75.01", "complaints": 3, "population": None,
                       "per_10k": None}]
    with engine.begin() as conn:
        conn.execute(update(schema.kecamatan).where(schema.kecamatan.c.code == "35.75.01").values(population=40_000))
    with engine.connect() as conn:
        after = complaints_per_10k(conn, one)
    assert after[0]["per_10k"] == 0.75  # 3 / 40,000 x 10,000


def test_monthly_trend_per_region_includes_empty_months(engine):
    kota = add_unit(engine, "3575-PKM-A", region="35.75")
    add_complaint(engine, kota, wib(2025, 1, 31, 23, 30), "diterima")  # WIB date: still January
    add_complaint(engine, kota, wib(2025, 3, 1, 0, 30), "diterima")  # 2025-02-28 17:30 UTC, March in WIB
    add_complaint(engine, kota, wib(2025, 3, 2, 9), "diterima")
    with engine.connect() as conn:
        trend = complaint_trend(conn, Filters(region="35.75"))
    assert [(r["month"], r["complaints"]) for r in trend] == [("2025-01", 1), ("2025-02", 0), ("2025-03", 2)]
    assert trend[2]["per_10k"] == 0.09  # 2 / 213,469 x 10,000 = 0.0937


def test_volume_by_channel_in_rule_order_with_zeros(engine):
    unit = add_unit(engine, "3575-PKM-A")
    for channel, n in (("whatsapp", 3), ("loket", 1)):
        for _ in range(n):
            add_complaint(engine, unit, wib(2025, 5, 5, 9), "diterima", channel=channel)
    with engine.connect() as conn:
        rows = complaint_volume(conn, ALL, "channel")
    assert [r["value"] for r in rows] == list(CHANNELS)
    by_value = {r["value"]: r for r in rows}
    assert by_value["whatsapp"]["complaints"] == 3 and by_value["whatsapp"]["share_pct"] == 75.0
    assert by_value["sms_1708"]["complaints"] == 0
    assert not any(r["suppressed"] for r in rows)  # not narrowed to one kecamatan or unit: nothing hidden


def test_categories_within_one_kecamatan_suppress_small_counts(engine):
    unit = add_unit(engine, "3575-PKM-A", kecamatan_code="35.75.01")
    for category, n in (("kesehatan", 6), ("sosial", 2), ("pendidikan", 9)):
        for _ in range(n):
            add_complaint(engine, unit, wib(2025, 5, 5, 9), "diterima", category=category)
    with engine.connect() as conn:
        everywhere = {r["value"]: r["complaints"] for r in complaint_volume(conn, ALL, "category")}
        narrowed = {r["value"]: r for r in complaint_volume(conn, Filters(kecamatan="35.75.01"), "category")}
    assert everywhere["sosial"] == 2
    assert narrowed["sosial"]["complaints"] is None and narrowed["sosial"]["suppressed"]
    # the kecamatan's total (17) is shown elsewhere, so the next smallest count (6) is hidden too
    assert narrowed["kesehatan"]["complaints"] is None and narrowed["kesehatan"]["suppressed"]
    assert narrowed["pendidikan"]["complaints"] == 9 and narrowed["perizinan"]["complaints"] == 0


def test_kecamatan_by_category_table_is_suppressed_below_five(engine):
    a = add_unit(engine, "3575-PKM-A", kecamatan_code="35.75.01")
    b = add_unit(engine, "3575-PKM-B", kecamatan_code="35.75.02")
    for unit, category, n in ((a, "kesehatan", 7), (a, "sosial", 1), (a, "air_bersih", 8),
                              (b, "kesehatan", 12), (b, "sosial", 9), (b, "air_bersih", 5)):
        for _ in range(n):
            add_complaint(engine, unit, wib(2025, 5, 5, 9), "diterima", category=category)
    with engine.connect() as conn:
        rows = complaints_by_kecamatan_category(conn, ALL)
    cells = {(r["kecamatan_code"], r["category"]): r["complaints"] for r in rows}
    assert len(rows) == 2 * 11  # every category for each kecamatan with complaints
    assert cells[("35.75.01", "sosial")] is None  # 1: suppressed
    # row 35.75.01's total is shown elsewhere: its next smallest (kesehatan 7) goes too; then columns sosial and
    # kesehatan each hold one blank: their other cells (9, 12) go. Every row and column now has two blanks or none.
    assert {key for key, value in cells.items() if value is None} == {
        ("35.75.01", "sosial"), ("35.75.01", "kesehatan"), ("35.75.02", "sosial"), ("35.75.02", "kesehatan"),
    }
    assert cells[("35.75.02", "air_bersih")] == 5
    assert cells[("35.75.01", "pendidikan")] == 0


def add_backlog(engine) -> None:
    """Open complaints around NOW (Wed 2025-09-10) in two units, one in each backlog bucket, plus closed ones."""
    a = add_unit(engine, "3575-PKM-A", region="35.75", name="Puskesmas A")
    b = add_unit(engine, "3514-PKM-B", region="35.14", name="Puskesmas B")
    # A: verification, received Mon 8 Sep: 2 working days of 3 -> 1 left, due Thu 11 Sep
    add_complaint(engine, a, wib(2025, 9, 8, 9), "diterima", ticket="A-SOON")
    # A: verification, received today: 3 left, due Mon 15 Sep
    add_complaint(engine, a, wib(2025, 9, 10, 8), "diterima", ticket="A-FRESH")
    # B: verification, received Thu 4 Sep: 4, 8, 9 Sep = 3 of 3 -> due today
    add_complaint(engine, b, wib(2025, 9, 4, 9), "diterima", ticket="B-TODAY")
    # B: first response, verified Wed 3 Sep: 3, 4, 8, 9 Sep = 4 of 5 -> due Thu 11 Sep
    add_complaint(engine, b, wib(2025, 9, 3, 8), "terverifikasi", verified_at=wib(2025, 9, 3, 9), ticket="B-SOON")
    # B: first response, verified Mon 1 Sep: 1-4, 8, 9 Sep = 6 of 5 -> 1 late
    add_complaint(engine, b, wib(2025, 9, 1, 8), "didisposisikan", verified_at=wib(2025, 9, 1, 9), ticket="B-LATE")
    # A: resolution (14), verified Mon 4 Aug: 5+5+4 (18 Aug cuti bersama)+5+4+2 = 25 of 14 -> 11 late
    add_complaint(engine, a, wib(2025, 8, 4, 8), "ditindaklanjuti", tier="tanpa_pemeriksaan",
                  verified_at=wib(2025, 8, 4, 9), first_response_at=wib(2025, 8, 5, 9), ticket="A-LATE")
    # A: paused since June, resolution (5): far past its limit, still counted
    add_complaint(engine, a, wib(2025, 6, 2, 8), "ditunda", verified_at=wib(2025, 6, 2, 9),
                  first_response_at=wib(2025, 6, 3, 9), ticket="A-PAUSED")
    # closed: not in the backlog
    add_complaint(engine, a, wib(2025, 9, 1, 8), "selesai", verified_at=wib(2025, 9, 1, 9),
                  first_response_at=wib(2025, 9, 2, 9), resolved_at=wib(2025, 9, 3, 9))
    add_complaint(engine, b, wib(2025, 9, 1, 8), "diarsipkan")


def test_backlog_ageing_buckets_by_working_days_left_in_the_current_stage(engine):
    add_backlog(engine)
    with engine.connect() as conn:
        rows = {r["bucket"]: r for r in backlog_of(complaint_set(conn, ALL).running, NOW)}
        summary = complaint_summary(conn, ALL, NOW)
    assert list(rows) == ["on_track", "due_soon", "late_1_5", "late_6_20", "late_over_20"]
    counts = {bucket: (r["complaints"], r["verification"], r["first_response"], r["resolution"])
              for bucket, r in rows.items()}
    assert counts == {
        "on_track": (1, 1, 0, 0),
        "due_soon": (3, 2, 1, 0),
        "late_1_5": (1, 0, 1, 0),
        "late_6_20": (1, 0, 0, 1),
        "late_over_20": (1, 0, 0, 1),
    }
    late = sum(r["complaints"] for bucket, r in rows.items() if bucket.startswith("late"))
    assert late == summary["overdue_open"] == 3
    assert sum(r["complaints"] for r in rows.values()) == summary["open"] == 7


def test_what_falls_due_in_the_next_two_working_days_per_unit(engine):
    add_backlog(engine)
    with engine.connect() as conn:
        due = due_soon_by_unit(conn, ALL, NOW)
    assert due["today"] == date(2025, 9, 10) and due["until"] == date(2025, 9, 12)
    assert [(u["unit_code"], u["due"], u["first_due"], u["overdue"]) for u in due["units"]] == [
        ("3514-PKM-B", 2, date(2025, 9, 10), 1),
        ("3575-PKM-A", 1, date(2025, 9, 11), 2),
    ]
    b = due["units"][0]
    assert (b["verification"], b["first_response"], b["resolution"]) == (1, 1, 0)
    assert b["name"] == "Puskesmas B" and b["region_code"] == "35.14"


def test_due_window_counts_from_the_next_working_day_on_a_weekend(engine):
    unit = add_unit(engine, "3575-PKM-A")
    # received Fri 12 Sep: verified by Wed 17 is within 3 working days (12, 15, 16 Sep elapsed)
    add_complaint(engine, unit, wib(2025, 9, 12, 9), "diterima")
    with engine.connect() as conn:
        due = due_soon_by_unit(conn, ALL, wib(2025, 9, 13, 10))  # Saturday
    assert due["until"] == date(2025, 9, 17)  # Monday, the next working day, and two more
    assert [(u["due"], u["first_due"]) for u in due["units"]] == [(1, date(2025, 9, 17))]


def test_units_are_ranked_only_from_five_complaints(engine):
    assert MIN_COMPLAINTS_FOR_RANKING == 5
    steady = add_unit(engine, "3575-PKM-STEADY")
    mixed = add_unit(engine, "3575-PKM-MIXED")
    small = add_unit(engine, "3575-PKM-SMALL")
    on_time = {"verified_at": wib(2025, 2, 3, 9), "first_response_at": wib(2025, 2, 4, 9),
               "resolved_at": wib(2025, 2, 5, 9)}  # 2 working days: within 5
    late = {**on_time, "resolved_at": wib(2025, 2, 17, 9)}  # 10 working days: past 5
    for _ in range(5):
        add_complaint(engine, steady, wib(2025, 2, 3, 8), "selesai", **on_time)
    for details in [on_time] * 3 + [late] * 3:
        add_complaint(engine, mixed, wib(2025, 2, 3, 8), "selesai", **details)
    for _ in range(4):
        add_complaint(engine, small, wib(2025, 2, 3, 8), "selesai", **on_time)
    with engine.connect() as conn:
        ranking = rank_units(conn, complaint_set(conn, ALL), NOW)
    assert [(r["rank"], r["unit_code"], r["complaints"], r["resolution_within_limit_pct"])
            for r in ranking["ranked"]] == [(1, "3575-PKM-STEADY", 5, 100.0), (2, "3575-PKM-MIXED", 6, 50.0)]
    assert ranking["left_out"] == {"units": 1, "complaints": 4}


@pytest.mark.parametrize(("today", "first"), [
    (date(2026, 12, 5), date(2025, 12, 6)),
    (date(2026, 12, 31), date(2026, 1, 1)),
    (date(2028, 2, 29), date(2027, 3, 1)),  # 2027 has no 29 February: from the day after the 28th
    (date(2026, 1, 1), date(2025, 1, 2)),
])
def test_twelve_months_end_today_and_start_the_day_after_a_year_earlier(today, first):
    assert months_ending(today, 12) == (first, today)


# Saturday 5 December 2026, 10.00 WIB: the last twelve months are 6 Dec 2025 – 5 Dec 2026.
CARD_NOW = wib(2026, 12, 5, 10)


def add_year_of_complaints(engine, unit: int, other: int) -> None:
    """Five complaints of `unit` in the twelve months before CARD_NOW, one the day before them, one of `other`.

    First responses, counted from verification: E 1 (Mon 8 -> Tue 9 Dec 2025), A 2 (Mon 2 -> Wed 4 Nov 2026), B 5
    (-> Mon 9 Nov), C 7 (-> Wed 11 Nov), D still waiting since Mon 2 Nov (25 working days, past the 5-day limit);
    November 2026 and 6-10 December 2025 have no holiday. Kaplan-Meier: 4/5 left after 1 day, 3/5 after 2, 2/5
    after 5, so the median is 5. Within the limit: A, B and E of the five decided (D counts as late) = 60.0%.
    Still open: C (answered, resolution running, 60-day tier) and D, of which D alone is past its limit."""
    nov2, verified = wib(2026, 11, 2, 8), wib(2026, 11, 2, 9)
    add_complaint(engine, unit, nov2, "selesai", verified_at=verified, first_response_at=wib(2026, 11, 4, 9),
                  resolved_at=wib(2026, 11, 5, 9))  # A
    add_complaint(engine, unit, nov2, "selesai", verified_at=verified, first_response_at=wib(2026, 11, 9, 9),
                  resolved_at=wib(2026, 11, 9, 10))  # B
    add_complaint(engine, unit, nov2, "ditindaklanjuti", tier="pemeriksaan_lapangan", verified_at=verified,
                  first_response_at=wib(2026, 11, 11, 9))  # C
    add_complaint(engine, unit, nov2, "terverifikasi", verified_at=verified)  # D
    add_complaint(engine, unit, wib(2025, 12, 6, 0, 1), "selesai", verified_at=wib(2025, 12, 8, 9),
                  first_response_at=wib(2025, 12, 9, 9), resolved_at=wib(2025, 12, 10, 9))  # E, the first day
    add_complaint(engine, unit, wib(2025, 12, 5, 23, 59), "terverifikasi", verified_at=wib(2025, 12, 5, 23, 59))
    add_complaint(engine, other, nov2, "terverifikasi", verified_at=verified)


def test_a_units_complaints_of_the_last_twelve_months(engine):
    add_year_of_complaints(engine, add_unit(engine, "3575-PKM-A"), add_unit(engine, "3575-PKM-B"))
    with engine.connect() as conn:
        recent = unit_complaints_recent(conn, "3575-PKM-A", CARD_NOW)
    assert recent == {
        "date_from": date(2025, 12, 6), "date_to": date(2026, 12, 5), "received": 5, "open": 2, "overdue_open": 1,
        "first_response": {"median_workdays": 5, "within_limit_pct": 60.0, "unknown_time": 0},
    }


def test_a_unit_without_complaints_in_the_window(engine):
    unit = add_unit(engine, "3575-PKM-A")
    add_complaint(engine, unit, wib(2025, 12, 5, 9), "selesai", verified_at=wib(2025, 12, 5, 10),
                  first_response_at=wib(2025, 12, 8, 9), resolved_at=wib(2025, 12, 8, 10))
    with engine.connect() as conn:
        recent = unit_complaints_recent(conn, "3575-PKM-A", CARD_NOW)
    assert (recent["received"], recent["open"], recent["first_response"]["median_workdays"]) == (0, 0, None)
