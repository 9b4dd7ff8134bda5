"""Monthly complaint rollups give exactly the figures of the raw complaints, and every write path keeps them in step:
the demo load, imports that add and move complaints, the `rollups` command, and the migration that creates them."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import delete, func, insert, select

from data_access import reference, schema
from data_access.complaint_queries import (
    backlog_by,
    complaint_frame,
    complaint_set,
    complaint_summary,
    complaints_by_unit,
    rank_units,
)
from data_access.complaint_rollups import rebuild_complaint_rollups
from data_access.complaint_stats import (
    NO_TIME,
    ComplaintSet,
    complaint_figures,
    complaint_figures_by,
    stage_timings,
)
from data_access.db_init import alembic_config, init_database
from data_access.elements import ELEMENTS
from data_access.engine import make_engine
from data_access.filters import Filters
from data_access.importers import import_file
from data_access.importers.columns import COMPLAINT_COLUMNS
from tests.factories import add_complaint, add_unit, wib

ROOT = Path(__file__).resolve().parent.parent
NOW = wib(2026, 1, 15, 12)
FILTERS = [
    Filters(),
    Filters(region="35.14"),
    Filters(region="35.75", kind="puskesmas"),
    Filters(kecamatan="35.14.17"),
    Filters(date_from=date(2025, 10, 1), date_to=date(2025, 12, 31)),
    Filters(region="35.75", date_from=date(2025, 11, 1), date_to=date(2025, 11, 30)),
    # Not whole months (the CLI's --from/--to): the partial months at the ends come from raw rows.
    Filters(date_from=date(2025, 10, 10), date_to=date(2025, 12, 15)),
    Filters(region="35.14", date_from=date(2025, 11, 3), date_to=date(2025, 11, 20)),
]


def _raw(conn, filters: Filters, cuti: bool | None = None) -> ComplaintSet:
    """The set built from every raw complaint the filters select, no rollup involved."""
    return ComplaintSet.from_frame(complaint_frame(conn, filters), cuti)


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_rollup_figures_equal_the_raw_complaints_on_the_demo(demo_url, filters):
    engine = make_engine(demo_url, read_only=True)
    try:
        with engine.connect() as conn:
            raw = _raw(conn, filters)
            assert complaint_summary(conn, filters, NOW) == complaint_figures(raw, NOW)
            assert stage_timings(complaint_set(conn, filters), NOW) == stage_timings(raw, NOW)
            by_unit = {row.pop("unit_code"): row for row in complaints_by_unit(conn, filters, NOW)}
            assert by_unit == {code: complaint_figures(raw.where("unit_code", code), NOW)
                               for code in raw.values("unit_code")}
            ranked = rank_units(conn, complaint_set(conn, filters), NOW)["ranked"]
            assert all(
                r["resolution_within_limit_pct"] ==
                complaint_figures(raw.where("unit_code", r["unit_code"]), NOW)["resolution"]["within_limit_pct"]
                for r in ranked)
    finally:
        engine.dispose()


def test_the_backlog_read_from_running_complaints_alone_matches_the_full_figures(demo_url):
    engine = make_engine(demo_url, read_only=True)
    try:
        with engine.connect() as conn:
            for column in ("region_code", "unit_code"):
                full = {key: {"open": f["open"], "overdue_open": f["overdue_open"]}
                        for key, f in complaint_figures_by(_raw(conn, Filters()), column, NOW).items() if f["open"]}
                assert backlog_by(conn, Filters(), column, NOW) == full and full
    finally:
        engine.dispose()


def test_rollups_serve_both_ways_of_counting_cuti_bersama(demo_url):
    engine = make_engine(demo_url, read_only=True)
    try:
        with engine.connect() as conn:
            for cuti in (True, False):
                rolled = complaint_set(conn, Filters(), include_cuti_bersama=cuti)
                assert complaint_figures(rolled, NOW, cuti) == complaint_figures(_raw(conn, Filters(), cuti), NOW, cuti)
    finally:
        engine.dispose()


def test_the_set_reads_finished_stages_as_a_histogram_and_only_running_complaints_row_by_row(demo_url):
    engine = make_engine(demo_url, read_only=True)
    try:
        with engine.connect() as conn:
            rolled = complaint_set(conn, Filters())
            raw = complaint_frame(conn, Filters())
    finally:
        engine.dispose()
    assert rolled.received == len(raw)
    assert len(rolled.running) < len(raw) / 3  # the open backlog, not the years of finished complaints
    # Finished stage clocks grouped by unit, stage, tier and working days: fewer rows than the clocks they count.
    assert len(rolled.settled) < 0.8 * rolled.settled["complaints"].sum()


def _rollups(engine) -> tuple[list, list]:
    with engine.connect() as conn:
        daily = conn.execute(select(schema.complaint_monthly).order_by(*schema.complaint_monthly.primary_key)).all()
        stages = conn.execute(select(schema.complaint_stage_monthly)
                              .order_by(*schema.complaint_stage_monthly.primary_key)).all()
    return daily, stages


def _rebuilt(engine) -> tuple[list, list]:
    with engine.begin() as conn:
        rebuild_complaint_rollups(conn)
    return _rollups(engine)


COMPLAINTS_CSV = "".join(f"{line}\n" for line in [
    ",".join(COMPLAINT_COLUMNS),
    ("LAPOR-1,3575-MPP,lapor_web,pengaduan,kesehatan,sederhana,2025-03-27 09:00,2025-03-27 14:30,2025-04-09 10:00,"
     "2025-04-10 15:00,selesai,"),
    "LAPOR-2,3575-MPP,whatsapp,pengaduan,kesehatan,sederhana,2025-05-06 08:20,2025-05-06 11:00,,,terverifikasi,",
    "LAPOR-3,3514-MPP,loket,permintaan_informasi,kesehatan,sederhana,2025-05-07 23:30,,,,diterima,",
])


def test_imports_keep_the_rollups_in_step_when_complaints_are_added_and_moved(engine, tmp_path):
    add_unit(engine, "3575-MPP")
    add_unit(engine, "3514-MPP", region="35.14")
    first = tmp_path / "first.csv"
    first.write_text(COMPLAINTS_CSV)
    import_file(engine, "complaints", first)
    daily, stages = _rollups(engine)
    assert sum(row.complaints for row in daily if row.dimension == "channel") == 3
    # LAPOR-1: verified the same day (0), answered Wed 9 Apr after Lebaran (2 working days), resolved 10 Apr (3).
    lapor_1 = {(row.stage, row.workdays) for row in stages if str(row.month) == "2025-03-01"}
    assert lapor_1 == {("verification", 0), ("first_response", 2), ("resolution", 3)}
    assert (daily, stages) == _rebuilt(engine)

    # LAPOR-2 is resolved and LAPOR-3 moves to another day: the rows of the old and the new days both change.
    second = tmp_path / "second.csv"
    second.write_text(COMPLAINTS_CSV
                      .replace(",2025-05-06 11:00,,,terverifikasi,", ",2025-05-06 11:00,,2025-05-08 10:00,selesai,")
                      .replace("2025-05-07 23:30", "2025-06-02 09:00"))
    import_file(engine, "complaints", second)
    daily, stages = _rollups(engine)
    statuses = sorted((str(row.month), row.value) for row in daily if row.dimension == "status")
    assert statuses == [("2025-03-01", "selesai"), ("2025-05-01", "selesai"), ("2025-06-01", "diterima")]
    assert (daily, stages) == _rebuilt(engine)


def test_the_rollups_command_rebuilds_them(engine, db_url):
    unit = add_unit(engine, "3575-C")
    add_complaint(engine, unit, wib(2025, 6, 2, 9), "selesai", verified_at=wib(2025, 6, 2, 10),
                  resolved_at=wib(2025, 6, 4, 9))
    expected = _rollups(engine)
    with engine.begin() as conn:
        conn.execute(delete(schema.complaint_monthly))
        conn.execute(delete(schema.complaint_stage_monthly))
    done = subprocess.run([sys.executable, "-m", "data_access", "--url", db_url, "rollups"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"unit_days": 0, "complaint_rows": 5}  # one row per dimension
    assert _rollups(engine) == expected


def test_the_migration_fills_the_monthly_rollups_of_rows_stored_before_it(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002")
            conn.execute(insert(schema.regions), list(reference.REGIONS))
            unit = conn.execute(insert(schema.service_units).values(
                code="3575-OLD", name="Unit lama", kind="puskesmas", region_code="35.75", active=True,
            ).returning(schema.service_units.c.id)).scalar_one()
            conn.execute(insert(schema.complaints).values(
                ticket="OLD-1", unit_id=unit, channel="loket", classification="pengaduan", category="kesehatan",
                tier="sederhana", received_at=wib(2025, 6, 2, 9), verified_at=wib(2025, 6, 3, 9),
                status="terverifikasi", source="import", updated_at=wib(2025, 6, 3, 9)))
            conn.execute(insert(schema.survey_responses).values(
                response_id="OLD-Q", submitted_at=wib(2025, 6, 2, 9), unit_id=unit, source="import", sex="L",
                **dict.fromkeys(ELEMENTS, 3)))
        init_database(engine)  # migrates 0002 -> head
        daily, stages = _rollups(engine)
        assert [(str(row.month), row.value, row.complaints) for row in daily if row.dimension == "status"] == [
            ("2025-06-01", "terverifikasi", 1)]
        assert [(row.stage, row.workdays) for row in stages] == [("verification", 1)]
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(schema.complaint_monthly)).scalar_one() == 5
            profile = schema.survey_profile_monthly
            sexes = conn.execute(select(profile.c.month, profile.c.value, profile.c.respondents)
                                 .where(profile.c.dimension == "sex")).all()
        assert [(str(month), value, n) for month, value, n in sexes] == [("2025-06-01", "L", 1)]
    finally:
        engine.dispose()


def _missing_stage_times(engine) -> None:
    """Complaints of July 2025 (no holiday) with stage times missing at every stage, and some complete."""
    unit = add_unit(engine, "3575-MPP", region="35.75", kind="mpp")
    monday = wib(2025, 7, 7, 9)
    # closed, never given a verification time: verification unknown, the rest from received (2 and 4 days)
    add_complaint(engine, unit, monday, "selesai", first_response_at=wib(2025, 7, 9, 9),
                  resolved_at=wib(2025, 7, 11, 9))
    # resolved without a first-response time: that one unknown; verified in 1 day, resolved 5 days later
    add_complaint(engine, unit, monday, "selesai", verified_at=wib(2025, 7, 8, 9), resolved_at=wib(2025, 7, 15, 9))
    # open and answered, never given a verification time: resolution runs from received (14 July)
    add_complaint(engine, unit, wib(2025, 7, 14, 9), "ditindaklanjuti", first_response_at=wib(2025, 7, 17, 9))
    # closed without any stage time: the funnel only
    add_complaint(engine, unit, monday, "selesai")
    add_complaint(engine, unit, monday, "diarsipkan")
    # waiting for verification since Wednesday 23 July
    add_complaint(engine, unit, wib(2025, 7, 23, 9), "diterima")
    # closed with a verification time only: verified in 1 day, in no later clock
    add_complaint(engine, unit, monday, "selesai", verified_at=wib(2025, 7, 8, 9))


MISSING_NOW = wib(2025, 7, 25, 12)  # Friday


def test_missing_stage_times_are_counted_beside_the_statistics_on_both_paths(engine):
    _missing_stage_times(engine)
    with engine.connect() as conn:
        summary = complaint_summary(conn, Filters(), MISSING_NOW)
        rolled = complaint_set(conn, Filters())
        timings = stage_timings(rolled, MISSING_NOW)
        raw = _raw(conn, Filters())
        by_unit = complaints_by_unit(conn, Filters(), MISSING_NOW)
        # a partial month: the raw rows of 7-31 July instead of the rollup
        partial = complaint_summary(conn, Filters(date_from=date(2025, 7, 7), date_to=date(2025, 7, 31)), MISSING_NOW)
    assert summary["received"] == 7 and summary["open"] == 2
    assert summary["by_status"]["selesai"] == 4 and summary["by_status"]["diarsipkan"] == 1
    # verification: 1 and 1 done, 2 running (not yet past 3); two ended by a later time with none of their own
    assert summary["verification"] == {"median_workdays": 1, "within_limit_pct": 100.0, "unknown_time": 2}
    # first response: 2 and 3 days; the one resolved without it unknown
    assert summary["first_response"] == {"median_workdays": 2, "within_limit_pct": 100.0, "unknown_time": 1}
    # resolution: 4 and 5 days done, 9 days running (past 5): median 5, 2 of 3 decided within
    assert summary["resolution"] == {"median_workdays": 5, "within_limit_pct": 66.7, "unknown_time": 0,
                                     "p90_workdays": None, "still_open_pct": 33.3}
    assert summary["overdue_open"] == 1
    assert [(r["stage"], r["tier"], r["complaints"], r["unknown_time"]) for r in timings] == [
        ("verification", None, 3, 2), ("first_response", None, 2, 1), ("resolution", "sederhana", 3, 0),
        ("resolution", "tanpa_pemeriksaan", 0, 0), ("resolution", "pemeriksaan_lapangan", 0, 0)]
    # the rollup stores the unknown durations as such, and every path agrees with the raw rows
    unknown = rolled.settled[rolled.settled["workdays"] == NO_TIME]
    assert sorted(zip(unknown["stage"], unknown["complaints"], strict=True)) == [
        ("first_response", 1), ("verification", 2)]
    assert summary == complaint_figures(raw, MISSING_NOW) == partial
    assert timings == stage_timings(raw, MISSING_NOW)
    assert by_unit == [{"unit_code": "3575-MPP", **summary}]
