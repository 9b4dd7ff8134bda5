"""Complaint figures: the rows a filter selects (stage times only, never the text) and what they add up to.

Counts are grouped in SQL; working-day clocks need each complaint's stage dates, so those figures load the
stage times of the filtered complaints (no description, nothing about the person) and compute in pandas.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pandas as pd
from sqlalchemy import Connection, func, select

from data_access import schema
from data_access.complaint_rules import (
    BACKLOG_BUCKETS,
    CATEGORIES,
    CHANNELS,
    CLASSIFICATIONS,
    DUE_SOON_WORKDAYS,
    MAIN_FLOW,
    MIN_COMPLAINTS_FOR_RANKING,
    STAGES,
    STATUSES,
)
from data_access.complaint_stats import STAGE_COLUMNS, complaint_figures, open_stages, stage_timings, wib_today
from data_access.filters import Filters
from data_access.privacy import suppress_small
from data_access.reference import REGIONS
from data_access.sql_time import wib_day, wib_month
from data_access.workdays import add_workdays

_complaints = schema.complaints
_units = schema.service_units

# Dimensions a complaint count can be broken down by, each with its values in display order.
VOLUME_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "channel": CHANNELS,
    "classification": CLASSIFICATIONS,
    "category": CATEGORIES,
}
PER_RESIDENTS = 10_000
_REGION_POPULATION = {region["code"]: region["population"] for region in REGIONS}


def complaint_frame(conn: Connection, filters: Filters) -> pd.DataFrame:
    """Stage times, status and tier of the complaints received in the filters' period (no personal data)."""
    query = (
        select(
            _units.c.code.label("unit_code"),
            _units.c.region_code,
            _complaints.c.status,
            _complaints.c.tier,
            _complaints.c.channel,
            _complaints.c.category,
            _complaints.c.classification,
            *[_complaints.c[name] for name in STAGE_COLUMNS],
        )
        .select_from(_complaints.join(_units, _complaints.c.unit_id == _units.c.id))
        .where(filters.unit_conditions(), filters.period_conditions(_complaints.c.received_at))
    )
    rows = conn.execute(query).all()
    columns = ["unit_code", "region_code", "status", "tier", "channel", "category", "classification", *STAGE_COLUMNS]
    return pd.DataFrame(rows, columns=columns)


def complaint_summary(conn: Connection, filters: Filters, now: datetime | None = None) -> dict:
    """Counts, funnel and working-day timings of the complaints matching the filters."""
    return complaint_figures(complaint_frame(conn, filters), now or datetime.now(timezone.utc))


def complaints_by_region(conn: Connection, filters: Filters, now: datetime | None = None) -> dict[str, dict]:
    """complaint_summary per region code."""
    frame = complaint_frame(conn, filters)
    now = now or datetime.now(timezone.utc)
    return {
        region: complaint_figures(frame[frame["region_code"] == region].reset_index(drop=True), now)
        for region in sorted(frame["region_code"].unique())
    }


def complaints_by_unit(conn: Connection, filters: Filters, now: datetime | None = None) -> list[dict]:
    """complaint_summary per unit with complaints, ordered by unit code."""
    frame = complaint_frame(conn, filters)
    now = now or datetime.now(timezone.utc)
    return [
        {"unit_code": code, **complaint_figures(group.reset_index(drop=True), now)}
        for code, group in frame.groupby("unit_code", sort=True)
    ]


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(timezone.utc)


def _counts(conn: Connection, filters: Filters, *groups) -> list:
    """Complaint counts per combination of `groups` (columns of complaints or service_units), in SQL."""
    query = (
        select(*groups, func.count().label("complaints"))
        .select_from(_complaints.join(_units, _complaints.c.unit_id == _units.c.id))
        .where(filters.unit_conditions(), filters.period_conditions(_complaints.c.received_at))
        .group_by(*groups)
    )
    return conn.execute(query).all()


def _share(part: int | None, whole: int) -> float | None:
    return None if part is None or not whole else round(100 * part / whole, 1)


def _fine_grained(filters: Filters) -> bool:
    """Whether the filters narrow counts to one kecamatan or one unit, where small counts could point at a person."""
    return bool(filters.kecamatan or filters.unit)


def complaint_volume(conn: Connection, filters: Filters, dimension: str) -> list[dict]:
    """Complaints per channel, classification or category, in complaint_rules order with zeros.

    Rows: value, complaints, share_pct, suppressed. Categories within one kecamatan or unit are the fine-grained
    cells of DESIGN.md "Safe": counts 1-4 are suppressed (complaints None), with a complementary one where the
    total would give a lone one away."""
    if dimension not in VOLUME_DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    counts = dict(_counts(conn, filters, _complaints.c[dimension]))
    values = VOLUME_DIMENSIONS[dimension]
    values = values + tuple(sorted(set(counts) - set(values)))  # imported values outside the list still count
    frame = pd.DataFrame({"value": values, "complaints": [counts.get(v, 0) for v in values]})
    total = int(frame["complaints"].sum())
    if dimension == "category" and _fine_grained(filters):
        frame = suppress_small(frame, "complaints", margins=[[]])
    else:
        frame["suppressed"] = False
    return [
        {"value": row.value, "complaints": None if pd.isna(row.complaints) else int(row.complaints),
         "share_pct": None if pd.isna(row.complaints) else _share(int(row.complaints), total),
         "suppressed": bool(row.suppressed)}
        for row in frame.itertuples()
    ]


def _population(conn: Connection, filters: Filters) -> dict[str, int | None]:
    """Residents behind the filters per region code, or of the filtered kecamatan (None unless an admin loaded it)."""
    if filters.kecamatan:
        table = schema.kecamatan
        population = conn.execute(select(table.c.population).where(table.c.code == filters.kecamatan)).scalar()
        region = filters.kecamatan.rsplit(".", 1)[0]
        return {region: population}
    return {code: people for code, people in _REGION_POPULATION.items() if filters.region in (None, code)}


def _per_residents(complaints: int, population: int | None) -> float | None:
    return None if not population else round(PER_RESIDENTS * complaints / population, 2)


def complaints_per_10k(conn: Connection, filters: Filters) -> list[dict]:
    """Complaints per 10,000 residents of each region (populations of reference.REGIONS).

    With a kecamatan filter, one row for that kecamatan: kecamatan populations are unknown unless an admin loads
    them, and then per_10k is None (never the region's population standing in for the kecamatan's)."""
    counts = dict(_counts(conn, filters, _units.c.region_code))
    return [
        {"region_code": region, "kecamatan_code": filters.kecamatan, "complaints": counts.get(region, 0),
         "population": population, "per_10k": _per_residents(counts.get(region, 0), population)}
        for region, population in _population(conn, filters).items()
    ]


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year}-{month:02d}" <= last:
        months.append(f"{year}-{month:02d}")
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return months


def complaint_trend(conn: Connection, filters: Filters) -> list[dict]:
    """Complaints received per WIB month and region, with per 10,000 residents (as complaints_per_10k), oldest
    first; months without complaints between the first and the last are included as zeros."""
    month = wib_month(wib_day(_complaints.c.received_at))
    counts = {(row.month, row.region_code): row.complaints
              for row in _counts(conn, filters, month.label("month"), _units.c.region_code)}
    if not counts:
        return []
    months = _months(min(m for m, _ in counts), max(m for m, _ in counts))
    population = _population(conn, filters)
    return [
        {"month": m, "region_code": region, "complaints": counts.get((m, region), 0),
         "per_10k": _per_residents(counts.get((m, region), 0), people)}
        for region, people in population.items()
        for m in months
    ]


def complaint_funnel(conn: Connection, filters: Filters) -> list[dict]:
    """Where the complaints received stand now: count per status in complaint_rules.STATUSES order, zeros included,
    each marked as the main flow or a side exit (ditunda, bukan_wewenang, diarsipkan), with its share."""
    counts = dict(_counts(conn, filters, _complaints.c.status))
    total = sum(counts.values())
    return [
        {"status": status, "path": "main" if status in MAIN_FLOW else "side", "complaints": counts.get(status, 0),
         "share_pct": _share(counts.get(status, 0), total)}
        for status in STATUSES
    ]


def complaint_timings(conn: Connection, filters: Filters, now: datetime | None = None) -> list[dict]:
    """Working-day timings per stage against the limits (complaint_stats.stage_timings of the filtered complaints)."""
    return stage_timings(complaint_frame(conn, filters), _now(now))


def backlog_ageing(conn: Connection, filters: Filters, now: datetime | None = None) -> list[dict]:
    """Open complaints by working days left before the limit of the stage each waits in.

    One row per bucket (complaint_rules.BACKLOG_BUCKETS, least urgent first) with its total and its count per
    stage (verification, first_response, resolution); zeros included."""
    stages = open_stages(complaint_frame(conn, filters), _now(now))
    table = pd.crosstab(stages["bucket"], stages["stage"]) if len(stages) else pd.DataFrame()
    rows = []
    for bucket, fewest, most in BACKLOG_BUCKETS:
        per_stage = {stage: int(table.at[bucket, stage]) if bucket in table.index and stage in table.columns else 0
                     for stage in STAGES}
        rows.append({"bucket": bucket, "fewest_left": fewest, "most_left": most,
                     "complaints": sum(per_stage.values()), **per_stage})
    return rows


def _unit_details(conn: Connection, codes) -> dict[str, dict]:
    query = select(_units.c.code, _units.c.name, _units.c.kind, _units.c.region_code).where(
        _units.c.code.in_(list(codes)))
    return {row.code: dict(row._mapping) for row in conn.execute(query)}


def due_soon_by_unit(conn: Connection, filters: Filters, now: datetime | None = None) -> dict:
    """What falls due within DUE_SOON_WORKDAYS working days, per unit.

    `until` is the last WIB date of that window (workdays.add_workdays from today); each unit row counts the open
    complaints whose current stage is due from today to `until`, per stage, with the earliest due date and the unit's
    complaints already past their limit. Units with something due, most due first."""
    now = _now(now)
    today = wib_today(now).astype(date)
    until = add_workdays(today, DUE_SOON_WORKDAYS)
    stages = open_stages(complaint_frame(conn, filters), now)
    due = stages[stages["bucket"] == "due_soon"]
    late = stages[stages["left"] < 0].groupby("unit_code").size()
    details = _unit_details(conn, due["unit_code"].unique())
    rows = []
    for code, group in due.groupby("unit_code"):
        rows.append({
            "unit_code": code, "name": details[code]["name"], "kind": details[code]["kind"],
            "region_code": details[code]["region_code"], "due": len(group),
            **{stage: int((group["stage"] == stage).sum()) for stage in STAGES},
            "first_due": pd.Timestamp(group["due"].min()).date(), "overdue": int(late.get(code, 0)),
        })
    rows.sort(key=lambda row: (-row["due"], row["first_due"], row["unit_code"]))
    return {"today": today, "until": until, "units": rows}


def unit_ranking(conn: Connection, filters: Filters, now: datetime | None = None) -> dict:
    """Units ranked by share of resolutions within the limit, only those with at least
    MIN_COMPLAINTS_FOR_RANKING complaints in the period (DOMAIN.md §2.4).

    `ranked`: best first (ties: first responses within the limit, then more complaints, then code); units with no
    decided resolution yet come last. `left_out`: how many units and complaints were too few to rank."""
    frame = complaint_frame(conn, filters)
    now = _now(now)
    sizes = frame.groupby("unit_code").size()
    rankable = sizes[sizes >= MIN_COMPLAINTS_FOR_RANKING].index
    details = _unit_details(conn, rankable)
    rows = []
    for code in rankable:
        figures = complaint_figures(frame[frame["unit_code"] == code].reset_index(drop=True), now)
        rows.append({
            "unit_code": code, "name": details[code]["name"], "kind": details[code]["kind"],
            "region_code": details[code]["region_code"], "complaints": figures["received"], "open": figures["open"],
            "overdue_open": figures["overdue_open"],
            "first_response_median_workdays": figures["first_response"]["median_workdays"],
            "first_response_within_limit_pct": figures["first_response"]["within_limit_pct"],
            "resolution_median_workdays": figures["resolution"]["median_workdays"],
            "resolution_within_limit_pct": figures["resolution"]["within_limit_pct"],
            "resolution_still_open_pct": figures["resolution"]["still_open_pct"],
        })

    def order(row: dict) -> tuple:
        resolution, first = row["resolution_within_limit_pct"], row["first_response_within_limit_pct"]
        return (resolution is None, -(resolution or 0), first is None, -(first or 0), -row["complaints"],
                row["unit_code"])

    rows.sort(key=order)
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    small = sizes[sizes < MIN_COMPLAINTS_FOR_RANKING]
    return {"ranked": rows, "left_out": {"units": int(len(small)), "complaints": int(small.sum())}}


def complaints_by_kecamatan_category(conn: Connection, filters: Filters) -> list[dict]:
    """Complaints per kecamatan (of the unit) and category: the finest place × topic table shown.

    Every category for each kecamatan with complaints, zeros included. Counts 1-4 are suppressed (complaints
    None, suppressed True), plus complementary cells wherever a kecamatan's or a category's published total would
    give a lone suppressed count away (privacy.suppress_small)."""
    rows = _counts(conn, filters, _units.c.kecamatan_code, _complaints.c.category)
    if not rows:
        return []
    counts = {(row.kecamatan_code, row.category): row.complaints for row in rows}
    places = sorted({place for place, _ in counts}, key=lambda code: code or "")
    categories = CATEGORIES + tuple(sorted({c for _, c in counts} - set(CATEGORIES)))
    frame = pd.DataFrame(
        [(place, category, counts.get((place, category), 0)) for place in places for category in categories],
        columns=["kecamatan_code", "category", "complaints"],
    )
    frame = suppress_small(frame, "complaints", margins=[["kecamatan_code"], ["category"]])
    return [
        {"kecamatan_code": row.kecamatan_code, "category": row.category,
         "complaints": None if pd.isna(row.complaints) else int(row.complaints), "suppressed": bool(row.suppressed)}
        for row in frame.itertuples()
    ]
