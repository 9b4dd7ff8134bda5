"""Working-day clocks per stage, limits per tier, Kaplan–Meier with open complaints censored."""


import pandas as pd
import pytest

from data_access.complaint_stats import (
    NO_TIME,
    STAGE_COLUMNS,
    ComplaintSet,
    complaint_figures,
    open_stages,
    stage_clocks,
)
from tests.factories import wib

NOW = wib(2025, 9, 1, 12)


def _frame(rows: list[dict]) -> pd.DataFrame:
    filled = [{"unit_code": "3575-MPP", "region_code": "35.75", **dict.fromkeys(STAGE_COLUMNS),
               "tier": "sederhana", **row} for row in rows]
    for row in filled:
        row["updated_at"] = row["updated_at"] or max(row[c] for c in STAGE_COLUMNS[:4] if row[c])
    return pd.DataFrame(filled, columns=["unit_code", "region_code", *STAGE_COLUMNS, "status", "tier"])


def _figures(frame: pd.DataFrame) -> dict:
    """complaint_figures of raw rows, through the same split into finished stages and running ones as the rollups."""
    return complaint_figures(ComplaintSet.from_frame(frame, True), NOW, include_cuti_bersama=True)


def test_three_resolved_in_two_days_and_seven_open_for_months_is_median_not_reached():
    resolved = [
        {"status": "selesai", "received_at": wib(2025, 3, 3, 9), "verified_at": wib(2025, 3, 3, 10),
         "first_response_at": wib(2025, 3, 4, 9), "resolved_at": wib(2025, 3, 5, 9)}
    ] * 3
    waiting = [{"status": "ditindaklanjuti", "received_at": wib(2025, 3, 3, 9), "verified_at": wib(2025, 3, 3, 10),
                "first_response_at": wib(2025, 3, 4, 9)}] * 7
    figures = _figures(_frame(resolved + waiting))
    assert figures["resolution"]["median_workdays"] is None
    assert figures["resolution"]["p90_workdays"] is None
    assert figures["resolution"]["still_open_pct"] == 70.0
    # the closed-only median would have been 2; decided cases: 3 within, 7 past the 5-day limit
    assert figures["resolution"]["within_limit_pct"] == 30.0
    assert figures["overdue_open"] == 7


def test_lebaran_first_response_is_two_working_days_within_limit():
    row = {"status": "ditindaklanjuti", "received_at": wib(2025, 3, 26, 9), "verified_at": wib(2025, 3, 27, 9),
           "first_response_at": wib(2025, 4, 9, 10)}
    clocks = stage_clocks(_frame([row]), NOW, include_cuti_bersama=True)
    assert clocks.first_response.elapsed.tolist() == [2]
    assert clocks.first_response.within_limit_pct() == 100.0
    figures = _figures(_frame([row]))
    assert figures["first_response"]["median_workdays"] == 2


@pytest.mark.parametrize(
    "tier, resolved_after, within",
    [
        ("sederhana", 5, True), ("sederhana", 6, False),
        ("tanpa_pemeriksaan", 14, True), ("tanpa_pemeriksaan", 15, False),
        ("pemeriksaan_lapangan", 60, True), ("pemeriksaan_lapangan", 61, False),
    ],
)
def test_resolution_limit_depends_on_tier(tier, resolved_after, within):
    verified = wib(2025, 1, 6, 9)  # Monday
    resolved = pd.Timestamp(verified) + pd.offsets.CustomBusinessDay(resolved_after, holidays=_holidays())
    row = {"status": "selesai", "tier": tier, "received_at": verified, "verified_at": verified,
           "first_response_at": verified, "resolved_at": resolved.to_pydatetime()}
    clocks = stage_clocks(_frame([row]), NOW, include_cuti_bersama=True)
    assert clocks.resolution.elapsed.tolist() == [resolved_after]
    assert clocks.resolution.within_limit_pct() == (100.0 if within else 0.0)


def _holidays():
    from data_access.workdays import holiday_calendar

    return list(holiday_calendar(True))


def test_verification_limit_is_three_working_days_from_received():
    on_time = {"status": "terverifikasi", "received_at": wib(2025, 6, 2, 9), "verified_at": wib(2025, 6, 5, 9)}
    late = {"status": "terverifikasi", "received_at": wib(2025, 6, 2, 9), "verified_at": wib(2025, 6, 10, 9)}
    clocks = stage_clocks(_frame([on_time, late]), NOW, include_cuti_bersama=True)
    # 2->5 June: 2, 3, 4 = 3 days. 2->10 June: 6 June is Idul Adha and 9 June cuti bersama, so 2, 3, 4, 5 = 4.
    assert clocks.verification.elapsed.tolist() == [3, 4]
    assert clocks.verification.within_limit_pct() == 50.0


def test_open_complaint_within_its_limit_is_not_yet_decided():
    row = {"status": "diterima", "received_at": wib(2025, 8, 29, 9)}  # Friday; NOW is Monday 1 Sep
    figures = _figures(_frame([row]))
    assert figures["verification"]["within_limit_pct"] is None
    assert figures["verification"]["median_workdays"] is None
    assert figures["overdue_open"] == 0


def test_side_exits_count_in_the_funnel_but_not_in_resolution():
    archived = {"status": "diarsipkan", "received_at": wib(2025, 5, 5, 9), "updated_at": wib(2025, 5, 6, 9)}
    outside = {"status": "bukan_wewenang", "received_at": wib(2025, 5, 5, 9), "verified_at": wib(2025, 5, 6, 9),
               "updated_at": wib(2025, 5, 7, 9)}
    done = {"status": "selesai", "received_at": wib(2025, 5, 5, 9), "verified_at": wib(2025, 5, 5, 10),
            "first_response_at": wib(2025, 5, 6, 9), "resolved_at": wib(2025, 5, 8, 9)}
    figures = _figures(_frame([archived, outside, done]))
    assert figures["by_status"]["diarsipkan"] == 1
    assert figures["by_status"]["bukan_wewenang"] == 1
    assert figures["received"] == 3 and figures["open"] == 0
    assert figures["resolution"]["median_workdays"] == 3
    assert figures["resolution"]["still_open_pct"] == 0.0
    # archived without any stage time: in the funnel, in no clock; 1 and 0 working days verify the other two
    clocks = stage_clocks(_frame([archived, outside, done]), NOW, include_cuti_bersama=True)
    assert clocks.verification.elapsed.tolist() == [1, 0]
    assert figures["verification"]["median_workdays"] == 0
    assert figures["verification"]["unknown_time"] == 0


def test_no_complaints_gives_nulls():
    figures = complaint_figures(ComplaintSet.from_frame(_frame([])), NOW)
    assert figures["received"] == 0
    assert figures["resolution"]["median_workdays"] is None


# --- missing stage times (DOMAIN.md §2.2) --------------------------------------------------------------------------
# July 2025 has no holiday, so every week is five working days whichever way cuti bersama counts.


def test_closed_without_verification_time_is_unknown_there_and_counted_from_received_after():
    row = {"status": "selesai", "received_at": wib(2025, 7, 7, 9), "first_response_at": wib(2025, 7, 9, 9),
           "resolved_at": wib(2025, 7, 11, 9)}  # Monday, Wednesday, Friday
    clocks = stage_clocks(_frame([row]), NOW, include_cuti_bersama=True)
    assert (clocks.verification.elapsed.tolist(), clocks.verification.done.tolist()) == ([NO_TIME], [True])
    assert clocks.first_response.elapsed.tolist() == [2]
    assert clocks.resolution.elapsed.tolist() == [4]
    figures = _figures(_frame([row]))
    # not late forever: left out of verification's statistics, counted beside them
    assert figures["verification"] == {"median_workdays": None, "within_limit_pct": None, "unknown_time": 1}
    assert figures["resolution"]["median_workdays"] == 4
    assert figures["overdue_open"] == 0


def test_resolved_without_first_response_time_leaves_the_first_response_unknown():
    row = {"status": "selesai", "received_at": wib(2025, 7, 7, 9), "verified_at": wib(2025, 7, 8, 9),
           "resolved_at": wib(2025, 7, 15, 9)}
    figures = _figures(_frame([row]))
    assert figures["verification"] == {"median_workdays": 1, "within_limit_pct": 100.0, "unknown_time": 0}
    assert figures["first_response"] == {"median_workdays": None, "within_limit_pct": None, "unknown_time": 1}
    assert figures["resolution"]["median_workdays"] == 5  # Tuesday 8 to Tuesday 15 July, from forwarding


def test_open_complaint_answered_without_verification_time_runs_resolution_from_received():
    row = {"status": "ditindaklanjuti", "received_at": wib(2025, 7, 14, 9), "first_response_at": wib(2025, 7, 17, 9)}
    now = wib(2025, 7, 25, 12)  # Friday: 9 working days after Monday 14 July
    clocks = stage_clocks(_frame([row]), now, include_cuti_bersama=True)
    assert clocks.verification.elapsed.tolist() == [NO_TIME]
    assert clocks.first_response.elapsed.tolist() == [3]
    assert (clocks.resolution.elapsed.tolist(), clocks.resolution.done.tolist()) == ([9], [False])
    assert clocks.overdue_open.tolist() == [True]  # past the 5 days of resolution, not of verification
    waiting = open_stages(_frame([row]), now, include_cuti_bersama=True)
    assert (waiting["stage"].tolist(), waiting["elapsed"].tolist(), waiting["left"].tolist()) == (
        ["resolution"], [9], [-4])


def test_closed_complaint_without_any_stage_time_is_in_the_funnel_only():
    rows = [{"status": status, "received_at": wib(2025, 7, 7, 9)} for status in ("selesai", "diarsipkan",
                                                                                  "bukan_wewenang")]
    clocks = stage_clocks(_frame(rows), NOW, include_cuti_bersama=True)
    assert [len(getattr(clocks, stage).elapsed) for stage in ("verification", "first_response", "resolution")] == [
        0, 0, 0]
    figures = _figures(_frame(rows))
    assert figures["received"] == 3 and figures["open"] == 0 and figures["overdue_open"] == 0
    assert [figures[stage]["unknown_time"] for stage in ("verification", "first_response", "resolution")] == [0, 0, 0]


def test_closed_with_verification_time_only_has_no_later_clock():
    row = {"status": "selesai", "received_at": wib(2025, 7, 7, 9), "verified_at": wib(2025, 7, 8, 9)}
    clocks = stage_clocks(_frame([row]), NOW, include_cuti_bersama=True)
    assert clocks.verification.elapsed.tolist() == [1]
    assert len(clocks.first_response.elapsed) == len(clocks.resolution.elapsed) == 0
