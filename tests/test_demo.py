"""Demo data: units of both regions, deterministic rows, replace-not-double, and the patterns a reviewer should see."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import and_, func, insert, select

from data_access import schema
from data_access.complaint_rules import CHANNELS, EXIT_STATUSES, OPEN_STATUSES, TIER_LIMITS
from data_access.db_init import init_database
from data_access.demo import DEFAULT_SURVEYS, _period, _unit_plan, load_demo, survey_day_weights
from data_access.demo_units import UNITS
from data_access.elements import ELEMENTS
from data_access.engine import make_engine
from data_access.ikm import grade_of
from data_access.periods import period_bounds
from data_access.reference import LATITUDE_RANGE, LONGITUDE_RANGE, UNIT_CODE_PATTERN, UNIT_KINDS
from data_access.sample import minimum_sample, period_population
from data_access.workdays import WIB, holiday_calendar, wib_date, wib_day_end, wib_day_start, workdays_between_many
from tests.conftest import DEMO_UNTIL

UNTIL = date(2025, 12, 31)
SMALL = {"surveys": 3_000, "complaints": 600, "until": UNTIL}
units, surveys, complaints = schema.service_units, schema.survey_responses, schema.complaints
history = schema.complaint_status_history


def _count(conn, table, *where) -> int:
    return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def _content_hash(engine) -> str:
    """A digest of every demo row, with database ids replaced by unit codes and tickets."""
    queries = (
        select(*[c for c in units.c if c.name != "id"]).order_by(units.c.code),
        select(units.c.code, *[c for c in surveys.c if c.name not in ("id", "unit_id")])
        .join(units, units.c.id == surveys.c.unit_id).order_by(surveys.c.response_id),
        select(units.c.code, *[c for c in complaints.c if c.name not in ("id", "unit_id")])
        .join(units, units.c.id == complaints.c.unit_id).order_by(complaints.c.ticket),
        select(complaints.c.ticket, history.c.status, history.c.changed_at)
        .join(complaints, complaints.c.id == history.c.complaint_id)
        .order_by(complaints.c.ticket, history.c.changed_at, history.c.status),
    )
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for query in queries:
            for row in conn.execute(query):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def _sqlite_engine(path):
    engine = make_engine(f"sqlite:///{path}")
    init_database(engine)
    return engine


@pytest.fixture
def loaded(engine):
    counts = load_demo(engine, seed=7, **SMALL)
    return engine, counts


def test_units_cover_both_regions_and_every_kind_inside_the_map(loaded):
    engine, counts = loaded
    with engine.connect() as conn:
        rows = conn.execute(select(units)).all()
    assert counts["units"] == len(rows) >= 150
    assert {row.region_code for row in rows} == {"35.14", "35.75"}
    assert {row.kind for row in rows} == set(UNIT_KINDS)
    assert all(re.match(UNIT_CODE_PATTERN, row.code) for row in rows)
    assert all(row.kecamatan_code and row.kecamatan_code.startswith(row.region_code) for row in rows)
    assert all(LATITUDE_RANGE[0] <= row.latitude <= LATITUDE_RANGE[1] for row in rows)
    assert all(LONGITUDE_RANGE[0] <= row.longitude <= LONGITUDE_RANGE[1] for row in rows)
    assert all(row.active for row in rows)
    unknown = sum(row.annual_users is None for row in rows)
    assert 0.05 * len(rows) <= unknown <= 0.15 * len(rows)
    by_code = {row.code: row for row in rows}
    assert (by_code["3514-PKM-TOSARI"].latitude, by_code["3514-PKM-TOSARI"].longitude) == (-7.8814, 112.9008)
    assert by_code["3575-MPP"].kecamatan_code == "35.75.04"
    assert by_code["3514-MPP"].kecamatan_code == "35.14.14"


def test_counts_returned_equal_rows_written(loaded):
    engine, counts = loaded
    with engine.connect() as conn:
        written = {
            "units": _count(conn, units),
            "surveys": _count(conn, surveys, surveys.c.source == "demo"),
            "complaints": _count(conn, complaints, complaints.c.source == "demo"),
            "status_history": _count(conn, history),
        }
    assert counts == written
    assert counts["surveys"] == SMALL["surveys"] and counts["complaints"] == SMALL["complaints"]


def test_same_seed_gives_identical_rows_and_another_seed_differs(loaded, tmp_path):
    engine, _ = loaded
    other = _sqlite_engine(tmp_path / "second.sqlite")
    try:
        load_demo(other, seed=7, **SMALL)
        assert _content_hash(other) == _content_hash(engine)
        load_demo(other, seed=8, **SMALL)
        assert _content_hash(other) != _content_hash(engine)
    finally:
        other.dispose()


def test_reloading_replaces_demo_rows_and_keeps_other_data(loaded):
    engine, first = loaded
    with engine.begin() as conn:
        unit_id = conn.execute(select(units.c.id).where(units.c.code == "3575-MPP")).scalar_one()
        conn.execute(insert(surveys).values(
            response_id="FORM-1", submitted_at=datetime(2025, 6, 2, 3, tzinfo=UTC), unit_id=unit_id,
            source="form", **dict.fromkeys(ELEMENTS, 3),
        ))
    again = load_demo(engine, seed=7, **SMALL)
    assert again == first
    with engine.connect() as conn:
        assert _count(conn, units) == first["units"]
        assert _count(conn, surveys) == first["surveys"] + 1
        assert _count(conn, complaints) == first["complaints"]
        assert _count(conn, history) == first["status_history"]
        rolled_up = conn.execute(select(func.sum(schema.survey_daily.c.respondents))).scalar_one()
    assert rolled_up == first["surveys"] + 1


def test_every_answer_is_an_integer_from_1_to_4(loaded):
    engine, _ = loaded
    with engine.connect() as conn:
        for name in ELEMENTS:
            column = surveys.c[name]
            low, high, answered = conn.execute(select(func.min(column), func.max(column), func.count(column))).one()
            assert (low, high, answered) == (1, 4, SMALL["surveys"]), name
            assert isinstance(low, int)


def test_nothing_lies_after_the_end_of_until(loaded):
    engine, _ = loaded
    end = wib_day_end(UNTIL)
    with engine.connect() as conn:
        latest = [
            conn.execute(select(func.max(surveys.c.submitted_at))).scalar_one(),
            *conn.execute(select(*[func.max(complaints.c[name]) for name in (
                "received_at", "verified_at", "first_response_at", "resolved_at", "updated_at")])).one(),
            conn.execute(select(func.max(history.c.changed_at))).scalar_one(),
        ]
    assert all(instant < end for instant in latest)
    assert wib_date(latest[0]) == UNTIL


def test_default_until_is_today_and_nothing_lies_in_the_future(engine):
    load_demo(engine, surveys=2_000, complaints=100)
    now = datetime.now(UTC)
    with engine.connect() as conn:
        latest = max(
            conn.execute(select(func.max(surveys.c.submitted_at))).scalar_one(),
            conn.execute(select(func.max(history.c.changed_at))).scalar_one(),
        )
    assert now - timedelta(days=14) < latest <= now


def test_until_in_the_future_is_refused(engine):
    with pytest.raises(ValueError, match="future"):
        load_demo(engine, surveys=10, complaints=10, until=datetime.now(WIB).date() + timedelta(days=2))


def test_history_is_consistent_with_status(loaded):
    engine, _ = loaded
    with engine.connect() as conn:
        rows = conn.execute(select(complaints)).all()
        events = {}
        for complaint_id, status, changed_at in conn.execute(
            select(history.c.complaint_id, history.c.status, history.c.changed_at).order_by(history.c.changed_at)
        ):
            events.setdefault(complaint_id, []).append((status, changed_at))
    for row in rows:
        trail = events[row.id]
        stages = dict(trail)
        assert trail[0] == ("diterima", row.received_at)
        assert trail[-1] == (row.status, row.updated_at)
        assert stages.get("terverifikasi") == row.verified_at
        assert stages.get("ditindaklanjuti") == row.first_response_at
        assert stages.get("selesai") == row.resolved_at
        assert (row.status == "selesai") == (row.resolved_at is not None)
        if row.status in EXIT_STATUSES:
            assert row.resolved_at is None and row.first_response_at is None
        if "didisposisikan" in stages:
            assert row.verified_at < stages["didisposisikan"] <= row.verified_at + timedelta(hours=4)


def test_statuses_include_side_exits_in_realistic_shares(loaded):
    engine, counts = loaded
    with engine.connect() as conn:
        by_status = dict(conn.execute(select(complaints.c.status, func.count()).group_by(complaints.c.status)).all())
    total = counts["complaints"]
    assert by_status["selesai"] > total / 2
    assert 0.05 <= by_status["diarsipkan"] / total <= 0.12
    assert 0.02 <= by_status["bukan_wewenang"] / total <= 0.06
    assert by_status.get("ditunda", 0) > 0
    assert set(by_status) <= set(OPEN_STATUSES | EXIT_STATUSES | {"selesai"})


def test_at_the_default_size_most_units_expect_their_minimum_sample_every_complete_quarter():
    """Units survey as diligent units do: their volume follows their minimum sample, so at the default size most
    reach it in every complete quarter (Lebaran's quarter included), and the lax ones do not."""
    now = datetime(2026, 11, 20, 12, tzinfo=WIB)
    period = _period(now.date(), now)
    plan = _unit_plan(np.random.default_rng(2025), UNITS)  # load_demo's first draws, with its default seed
    day_share = survey_day_weights(period) / survey_day_weights(period).sum()
    unit_share = plan.survey_weight / plan.survey_weight.sum()
    for quarter in ("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"):
        start, end = period_bounds(quarter)
        inside = (period.days >= np.datetime64(start)) & (period.days <= np.datetime64(end))
        expected = DEFAULT_SURVEYS * unit_share * day_share[inside].sum()
        days = (end - start).days + 1
        minimum = np.array([minimum_sample(period_population(unit.users, days)) for unit in UNITS])
        reaching = int((expected >= minimum).sum())
        assert 0.6 * len(UNITS) < reaching < 0.95 * len(UNITS), (quarter, reaching)


# --- Patterns, read from the session's shared demo database (seed 7, 6,000 questionnaires, 1,200 complaints) ---

@pytest.fixture
def demo(demo_url):
    engine = make_engine(demo_url)
    yield engine
    engine.dispose()


def _nrr(conn, *where) -> dict[str, float]:
    averages = conn.execute(select(*[func.avg(surveys.c[name] * 1.0) for name in ELEMENTS]).where(*where)).one()
    return dict(zip(ELEMENTS, (float(value) for value in averages), strict=True))


def test_waktu_is_the_weakest_element_overall(demo):
    with demo.connect() as conn:
        nrr = _nrr(conn)
    assert min(nrr, key=nrr.get) == "waktu"
    assert nrr["waktu"] < sorted(nrr.values())[1] - 0.15


def test_units_show_all_four_grades_mostly_b(demo):
    with demo.connect() as conn:
        per_unit = conn.execute(
            select(*[func.avg(surveys.c[name] * 1.0) for name in ELEMENTS]).group_by(surveys.c.unit_id)
        ).all()
    grades = [grade_of(25 * sum(float(v) for v in row) / len(ELEMENTS))[0] for row in per_unit]
    counts = {grade: grades.count(grade) for grade in "ABCD"}
    assert all(counts[grade] > 0 for grade in "ABCD"), counts
    assert counts["B"] > len(grades) / 2


def test_lebaran_weeks_have_fewer_and_lower_answers(demo):
    fitri = [day for day, name in holiday_calendar().items() if "Idul Fitri" in name and day.year == 2025]
    start, stop = min(fitri) - timedelta(days=7), max(fitri) + timedelta(days=8)
    window = and_(surveys.c.submitted_at >= wib_day_start(start), surveys.c.submitted_at < wib_day_start(stop))
    with demo.connect() as conn:
        inside = _count(conn, surveys, window)
        total = _count(conn, surveys)
        ikm_inside = sum(_nrr(conn, window).values())
        ikm_outside = sum(_nrr(conn, ~window).values())
    period_days = (DEMO_UNTIL - date(2024, 10, 1)).days + 1
    window_days = (stop - start).days
    assert inside / window_days < 0.7 * total / period_days
    assert ikm_inside < ikm_outside


def test_qr_grows_and_paper_declines(demo):
    first_quarter = surveys.c.submitted_at < wib_day_end(date(2024, 12, 31))
    last_quarter = surveys.c.submitted_at >= wib_day_end(date(2025, 9, 30))

    def share(conn, channel, period):
        return _count(conn, surveys, period, surveys.c.channel == channel) / _count(conn, surveys, period)

    with demo.connect() as conn:
        assert share(conn, "qr", last_quarter) > share(conn, "qr", first_quarter) + 0.15
        assert share(conn, "kertas", last_quarter) < share(conn, "kertas", first_quarter) - 0.15


def test_weekdays_and_office_hours_dominate(demo):
    with demo.connect() as conn:
        instants = conn.execute(select(surveys.c.submitted_at)).scalars().all()
    local = [instant.astimezone(WIB) for instant in instants]
    assert sum(moment.weekday() < 5 for moment in local) > 0.9 * len(local)
    assert sum(7 <= moment.hour < 16 for moment in local) > 0.85 * len(local)


def test_channels_differ_by_region(demo):
    with demo.connect() as conn:
        mix = conn.execute(
            select(units.c.region_code, complaints.c.channel, func.count())
            .join(units, units.c.id == complaints.c.unit_id).group_by(units.c.region_code, complaints.c.channel)
        ).all()
    share = {region: {} for region in ("35.14", "35.75")}
    for region, channel, n in mix:
        share[region][channel] = n
    for region in share:
        total = sum(share[region].values())
        share[region] = {channel: share[region].get(channel, 0) / total for channel in CHANNELS}
    kota, kab = share["35.75"], share["35.14"]
    assert kab["esambat"] == 0 and kota["esambat"] > 0.15
    assert kota["esambat"] + kota["whatsapp"] > kab["esambat"] + kab["whatsapp"] + 0.3
    assert kab["lapor_web"] + kab["sms_1708"] > kota["lapor_web"] + kota["sms_1708"] + 0.2
    assert kab["loket"] > 0.1 and kota["loket"] > 0.1


def test_timings_mostly_within_limits_and_some_open_complaints_overdue(demo):
    with demo.connect() as conn:
        rows = conn.execute(select(complaints.c.received_at, complaints.c.verified_at, complaints.c.resolved_at,
                                   complaints.c.tier, complaints.c.status)).all()

    def days(instants):
        return np.array([wib_date(t) if t else None for t in instants], dtype="datetime64[D]")

    received, verified, resolved = (days([row[i] for row in rows]) for i in range(3))
    limits = np.array([TIER_LIMITS[row.tier] for row in rows])
    is_open = np.array([row.status in OPEN_STATUSES for row in rows])
    to_verify = workdays_between_many(received, verified, True)
    to_resolve = workdays_between_many(verified, resolved, True)
    assert 0.8 < np.mean(to_verify[to_verify >= 0] <= 3) < 0.98
    assert 0.65 < np.mean(to_resolve[to_resolve >= 0] <= limits[to_resolve >= 0]) < 0.95
    cutoff = np.full(len(rows), np.datetime64(DEMO_UNTIL + timedelta(days=1)))
    waiting = workdays_between_many(np.where(np.isnat(verified), received, verified), cutoff, True)
    limit_now = np.where(np.isnat(verified), 3, limits)
    overdue = is_open & (waiting > limit_now)
    assert overdue.sum() >= 10


def test_some_texts_hold_fictitious_personal_data(demo):
    nik = re.compile(r"\b\d{16}\b")
    phone = re.compile(r"\b08\d{8,11}\b")
    with demo.connect() as conn:
        descriptions = conn.execute(select(complaints.c.description)).scalars().all()
        written = surveys.c.suggestion.is_not(None)
        suggestions = conn.execute(select(surveys.c.suggestion).where(written)).scalars().all()
        questionnaires = _count(conn, surveys)
    personal = [text for text in descriptions if nik.search(text) or phone.search(text) or "@" in text]
    assert 0.12 < len(personal) / len(descriptions) < 0.3
    assert any("@example.com" in text for text in personal)
    assert any(re.search(r"Jl\. \w+ No\. \d+", text) for text in personal)
    assert any(nik.search(text) or phone.search(text) or "@" in text for text in suggestions)
    assert 0 < len(suggestions) < 0.15 * questionnaires


def test_marks_the_database_as_demo_and_records_freshness(demo):
    with demo.connect() as conn:
        flag = conn.execute(select(schema.app_meta.c.value).where(schema.app_meta.c.key == "demo")).scalar_one()
        sources = set(conn.execute(select(schema.data_sources.c.source)).scalars())
    assert flag == "1"
    assert {"units", "surveys", "complaints"} <= sources


def test_progress_reports_every_stage_to_completion(engine):
    calls = []
    load_demo(engine, seed=1, surveys=200, complaints=50, until=UNTIL,
              progress=lambda stage, done, total: calls.append((stage, done, total)))
    finished = {stage for stage, done, total in calls if done == total}
    assert finished == {"units", "surveys", "complaints", "status history"}
