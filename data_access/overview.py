"""What Beranda shows per region, data freshness, the demo flag, and the data-version watermark."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, func, select, true

from data_access import clock, schema
from data_access.complaint_queries import backlog_by, complaints_by_region
from data_access.filters import Filters
from data_access.ikm import IkmResult
from data_access.ikm_queries import ikm_by_region, newest_response_date
from data_access.ombudsman import latest_ombudsman
from data_access.reference import REGIONS
from data_access.workdays import WIB, wib_date


def quarter_of(day: date) -> tuple[date, date]:
    """First and last day of the calendar quarter holding `day`."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    next_start = date(day.year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)
    return start, next_start - timedelta(days=1)


def previous_quarter(start: date) -> tuple[date, date]:
    return quarter_of(start - timedelta(days=1))


@dataclass(frozen=True)
class RegionOverview:
    region_code: str
    region_name: str
    quarter: tuple[date, date]
    ikm: IkmResult | None
    previous_ikm: IkmResult | None
    responses_today: int
    complaints_open: int
    complaints_overdue: int
    first_response_median_workdays: int | None
    first_response_within_limit_pct: float | None
    ombudsman: dict | None


def _responses_today(conn: Connection, today: date) -> dict[str, int]:
    daily, units = schema.survey_daily, schema.service_units
    query = (
        select(units.c.region_code, func.sum(daily.c.respondents))
        .select_from(daily.join(units, daily.c.unit_id == units.c.id))
        .where(daily.c.day == today)
        .group_by(units.c.region_code)
    )
    return dict(conn.execute(query).all())


def region_overview(conn: Connection, now: datetime | None = None) -> list[RegionOverview]:
    """Both regions' headline: IKM of the latest quarter with data and the one before, today's
    responses, open and overdue complaints, first-response time of the quarter, latest Ombudsman score."""
    now = now or clock.now()
    today = now.astimezone(WIB).date()
    quarter = quarter_of(newest_response_date(conn) or today)
    previous = previous_quarter(quarter[0])
    current_ikm = ikm_by_region(conn, Filters(date_from=quarter[0], date_to=quarter[1]))
    previous_ikm = ikm_by_region(conn, Filters(date_from=previous[0], date_to=previous[1]))
    today_counts = _responses_today(conn, today)
    backlog = backlog_by(conn, Filters(), "region_code", now)
    quarter_complaints = complaints_by_region(conn, Filters(date_from=quarter[0], date_to=quarter[1]), now)
    ombudsman = latest_ombudsman(conn)
    result = []
    for region in REGIONS:
        code = region["code"]
        all_time = backlog.get(code, {})
        first_response = quarter_complaints.get(code, {}).get("first_response", {})
        result.append(
            RegionOverview(
                region_code=code,
                region_name=region["name"],
                quarter=quarter,
                ikm=current_ikm.get(code),
                previous_ikm=previous_ikm.get(code),
                responses_today=today_counts.get(code, 0),
                complaints_open=all_time.get("open", 0),
                complaints_overdue=all_time.get("overdue_open", 0),
                first_response_median_workdays=first_response.get("median_workdays"),
                first_response_within_limit_pct=first_response.get("within_limit_pct"),
                ombudsman=ombudsman.get(code),
            )
        )
    return result


def _survey_days(conn: Connection, before: date | None = None) -> list[date]:
    daily, summaries = schema.survey_daily.c, schema.skm_summaries.c
    first_day, last_day = conn.execute(
        select(func.min(daily.day), func.max(daily.day)).where(daily.day < before if before else true())
    ).one()
    first_summary, last_summary = conn.execute(
        select(func.min(summaries.period_end), func.max(summaries.period_end))
        .where(summaries.period_end < before if before else true())
    ).one()
    return [d for d in (first_day, last_day, first_summary, last_summary) if d is not None]


def survey_span(conn: Connection, before: date | None = None) -> tuple[date | None, date | None]:
    """First and last WIB date (before `before` when given) with questionnaires or published summaries (dated by
    their period end, as every figure counts them): what grades are computed from, so the graded period is chosen
    from it, not from complaints that may run on after the questionnaires stopped."""
    days = _survey_days(conn, before)
    return (min(days), max(days)) if days else (None, None)


def data_span(conn: Connection) -> tuple[date | None, date | None]:
    """First and last WIB date with questionnaires, published summaries (dated by their period end) or
    complaints."""
    first_complaint, last_complaint = conn.execute(
        select(func.min(schema.complaints.c.received_at), func.max(schema.complaints.c.received_at))
    ).one()
    days = _survey_days(conn) + [wib_date(t) for t in (first_complaint, last_complaint) if t is not None]
    return (min(days), max(days)) if days else (None, None)


def data_freshness(conn: Connection) -> dict[str, datetime | int]:
    """How recent each source is, read from the data itself rather than from when it was loaded: questionnaires by
    the newest one submitted (UTC), complaints by their newest event (received, verified, answered, resolved or a
    status change), service units by their last import, and the Ombudsman by the year of its newest assessment of
    our regions (an int: its scores carry a year, not a date). A source without data is left out."""
    responses, complaints = schema.survey_responses, schema.complaints
    newest_event = [conn.execute(select(func.max(column))).scalar()
                    for column in (complaints.c.received_at, complaints.c.verified_at, complaints.c.first_response_at,
                                   complaints.c.resolved_at, schema.complaint_status_history.c.changed_at)]
    ombudsman = schema.ombudsman_scores
    found = {
        "surveys": conn.execute(select(func.max(responses.c.submitted_at))).scalar(),
        "complaints": max((t for t in newest_event if t is not None), default=None),
        "units": conn.execute(select(schema.data_sources.c.updated_at)
                              .where(schema.data_sources.c.source == "units")).scalar(),
        "ombudsman": conn.execute(select(func.max(ombudsman.c.year))
                                  .where(ombudsman.c.region_code.is_not(None))).scalar(),
    }
    return {source: value for source, value in found.items() if value is not None}


def is_demo(conn: Connection) -> bool:
    value = conn.execute(select(schema.app_meta.c.value).where(schema.app_meta.c.key == "demo")).scalar()
    return value == "1"


def data_version(conn: Connection) -> tuple:
    """A cheap watermark that changes whenever figures could: newest ids and the latest source change."""
    return (
        conn.execute(select(func.max(schema.survey_responses.c.id))).scalar(),
        conn.execute(select(func.max(schema.complaints.c.id))).scalar(),
        conn.execute(select(func.max(schema.complaints.c.updated_at))).scalar(),
        conn.execute(select(func.max(schema.data_sources.c.updated_at))).scalar(),
    )
