"""Complaint figures: what the complaints a filter selects add up to, read from the rollups.

Counts come from complaint_monthly and finished stage clocks from complaint_stage_monthly, summed in SQL over
the period's months, so their cost does not grow with the complaints per month; only complaints with a stage
still running (the open backlog) are read row by row, stage times only (never the text, nothing about the
person), and so are the days of a partial month at either end of a period that is not whole months.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
from sqlalchemy import Connection, String, cast, func, select

from data_access import clock, config, schema
from data_access.complaint_rules import (
    BACKLOG_BUCKETS,
    CATEGORIES,
    CHANNELS,
    CLASSIFICATIONS,
    DUE_SOON_WORKDAYS,
    MAIN_FLOW,
    MIN_COMPLAINTS_FOR_RANKING,
    OPEN_STATUSES,
    STAGES,
    STATUSES,
)
from data_access.complaint_stats import (
    COUNT_COLUMNS,
    SETTLED_COLUMNS,
    STAGE_COLUMNS,
    ComplaintSet,
    complaint_figures,
    complaint_figures_by,
    open_stages,
    stage_clocks,
    stage_timings,
    stages_per_unit,
    wib_today,
)
from data_access.filters import Filters
from data_access.periods import month_end, month_start
from data_access.privacy import suppress_rows
from data_access.reference import REGIONS
from data_access.sql_time import wib_month
from data_access.workdays import add_workdays, wib_date

_complaints = schema.complaints
_monthly = schema.complaint_monthly
_stages = schema.complaint_stage_monthly
_units = schema.service_units

# Dimensions a complaint count can be broken down by, each with its values in display order.
VOLUME_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "channel": CHANNELS,
    "classification": CLASSIFICATIONS,
    "category": CATEGORIES,
}
PER_RESIDENTS = 10_000
# A unit's card looks back a year: a quarter often holds too few of one unit's complaints for a median, and a year
# is still the unit as it is now.
CARD_WINDOW_MONTHS = 12
# The dimension whose counts are summed when only totals matter (every complaint has exactly one status).
TOTAL = "status"
# What a resolution-per-tier row of complaint_timings says about its complaints, blanked with its count.
_TIMING_FIGURES = ("done", "median_workdays", "p90_workdays", "within_limit_pct", "still_open_pct", "unknown_time")
_REGION_POPULATION = {region["code"]: region["population"] for region in REGIONS}


def complaint_frame(conn: Connection, filters: Filters, running_only: bool = False) -> pd.DataFrame:
    """Stage times, status and tier of the complaints received in the filters' period (no personal data).

    running_only: just the complaints whose figures still change with every working day: the open ones (a
    superset of ComplaintSet.running; the clocks keep only their stages not done). A closed complaint never has a
    clock running: its missing stage times are unknown, not still counting (complaint_stats.stage_clocks)."""
    query = (
        select(
            _units.c.code.label("unit_code"),
            _units.c.region_code,
            _complaints.c.status,
            _complaints.c.tier,
            _complaints.c.channel,
            _complaints.c.category,
            _complaints.c.classification,
            # As text, parsed below in one vectorised step: per-value datetime objects cost more than the query.
            *[cast(_complaints.c[name], String).label(name) for name in STAGE_COLUMNS],
        )
        .select_from(_complaints.join(_units, _complaints.c.unit_id == _units.c.id))
        .where(filters.unit_conditions(), filters.period_conditions(_complaints.c.received_at))
    )
    if running_only:
        query = query.where(_complaints.c.status.in_(sorted(OPEN_STATUSES)))
    columns = ["unit_code", "region_code", "status", "tier", "channel", "category", "classification", *STAGE_COLUMNS]
    frame = pd.DataFrame(_tuples(conn, query), columns=columns)
    for name in STAGE_COLUMNS:  # stored as naive UTC (schema.UTCDateTime)
        frame[name] = pd.to_datetime(frame[name], utc=True, format="ISO8601")
    return frame


def _tuples(conn: Connection, query) -> list[tuple]:
    """Result rows as plain tuples: pandas probes each Row object for attributes, which costs more than the query."""
    return [tuple(row) for row in conn.execute(query)]


def _rollup_query(filters: Filters, table, *groups, dimension: str | None = None):
    """SUM(complaints) of a complaint rollup per `groups`, over the filters' units and months of receipt; for
    complaint_monthly, of one `dimension` (each dimension counts every complaint once)."""
    query = (
        select(*groups, func.sum(table.c.complaints).label("complaints"))
        .select_from(table.join(_units, table.c.unit_id == _units.c.id))
        .where(filters.unit_conditions(), filters.month_conditions(table.c.month))
        .group_by(*groups)
    )
    return query if dimension is None else query.where(table.c.dimension == dimension)


def month_split(filters: Filters) -> tuple[Filters | None, list[Filters]]:
    """The filters' whole months (None when there are none) and the partial months at either end, as filters."""
    first, last = filters.date_from, filters.date_to
    if first and last and month_start(first) == month_start(last) and (first.day != 1 or last != month_end(last)):
        return None, [filters]
    edges = []
    if first and first.day != 1:
        edges.append(filters.replace(date_to=month_end(first)))
        first = month_end(first) + timedelta(days=1)
    if last and last != month_end(last):
        edges.append(filters.replace(date_from=month_start(last)))
        last = month_start(last) - timedelta(days=1)
    whole = filters.replace(date_from=first, date_to=last) if not (first and last and first > last) else None
    return whole, edges


def complaint_set(conn: Connection, filters: Filters, include_cuti_bersama: bool | None = None,
                  running: pd.DataFrame | None = None) -> ComplaintSet:
    """The complaints the filters select as counts, finished stages and running rows (complaint_stats): whole months
    from the rollups, the days of a partial month at either end from their raw rows.

    running: complaint_frame(conn, filters, running_only=True) when the caller has already read it."""
    if include_cuti_bersama is None:
        include_cuti_bersama = config.include_cuti_bersama()
    workdays = _stages.c.workdays if include_cuti_bersama else _stages.c.workdays_cuti_kerja
    whole, edges = month_split(filters)
    counts, settled = [], []
    if whole is not None:
        counts.append(pd.DataFrame(_tuples(conn, _rollup_query(
            whole, _monthly, _units.c.code, _units.c.region_code, _monthly.c.value, dimension="status")),
            columns=list(COUNT_COLUMNS)))
        settled.append(pd.DataFrame(_tuples(conn, _rollup_query(
            whole, _stages, _units.c.code, _units.c.region_code, _stages.c.stage, _stages.c.tier,
            workdays.label("workdays"))), columns=list(SETTLED_COLUMNS)))
    for edge in edges:
        part = ComplaintSet.from_frame(complaint_frame(conn, edge), include_cuti_bersama)
        counts.append(part.counts)
        settled.append(part.settled)
    return ComplaintSet(
        _summed(counts, COUNT_COLUMNS), _summed(settled, SETTLED_COLUMNS),
        complaint_frame(conn, filters, running_only=True) if running is None else running,
    )


def _summed(parts: list[pd.DataFrame], columns: tuple[str, ...]) -> pd.DataFrame:
    """Parts of a rollup-shaped frame added up by their key columns (all but the last, `complaints`)."""
    frame = pd.concat([part for part in parts if len(part)] or [pd.DataFrame(columns=list(columns))],
                      ignore_index=True)
    if len(parts) > 1:
        frame = frame.groupby(list(columns[:-1]), as_index=False)["complaints"].sum()
    return frame.astype({name: "int64" for name in ("workdays", "complaints") if name in columns})


def backlog_by(conn: Connection, filters: Filters, column: str, now: datetime | None = None) -> dict[str, dict]:
    """Open complaints and those past their current stage's limit now, per value of `column` (region_code or
    unit_code) with any open: read from the running complaints alone, which hold every open one."""
    return backlog_from(complaint_frame(conn, filters, running_only=True), column, now)


def backlog_from(running: pd.DataFrame, column: str, now: datetime | None = None) -> dict[str, dict]:
    """backlog_by of running complaints already read (complaint_frame(..., running_only=True))."""
    is_open = running["status"].isin(list(OPEN_STATUSES)).to_numpy()
    overdue = stage_clocks(running, _now(now)).overdue_open if len(running) else is_open
    counts = pd.DataFrame({"key": running[column], "open": is_open, "overdue_open": overdue})
    return {key: {"open": int(group["open"].sum()), "overdue_open": int(group["overdue_open"].sum())}
            for key, group in counts.groupby("key") if group["open"].any()}


def complaint_summary(conn: Connection, filters: Filters, now: datetime | None = None) -> dict:
    """Counts, funnel and working-day timings of the complaints matching the filters."""
    return complaint_figures(complaint_set(conn, filters), _now(now))


def complaints_by_region(conn: Connection, filters: Filters, now: datetime | None = None) -> dict[str, dict]:
    """complaint_summary per region code."""
    return complaint_figures_by(complaint_set(conn, filters), "region_code", _now(now))


def complaints_by_unit(conn: Connection, filters: Filters, now: datetime | None = None) -> list[dict]:
    """complaint_summary per unit with complaints, ordered by unit code."""
    figures = complaint_figures_by(complaint_set(conn, filters), "unit_code", _now(now))
    return [{"unit_code": code, **unit_figures} for code, unit_figures in figures.items()]


def months_ending(today: date, months: int) -> tuple[date, date]:
    """The `months` months ending on `today`, both ends included: from the day after the same date `months` months
    earlier (the month's last day when it is shorter) to today."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    earlier = min(today.day, month_end(date(year, month + 1, 1)).day)
    return date(year, month + 1, earlier) + timedelta(days=1), today


def unit_complaints_recent(conn: Connection, unit_code: str, now: datetime | None = None) -> dict:
    """A unit's complaints received in the CARD_WINDOW_MONTHS months ending today (WIB), for its card: the window
    (date_from, date_to), received, still open, open past their stage's limit, and the first response's median
    working days, share within the limit and complaints with no time recorded (complaint_summary's figures)."""
    now = _now(now)
    first, last = months_ending(wib_date(now), CARD_WINDOW_MONTHS)
    figures = complaint_summary(conn, Filters(unit=unit_code, date_from=first, date_to=last), now)
    return {"date_from": first, "date_to": last, "received": figures["received"], "open": figures["open"],
            "overdue_open": figures["overdue_open"], "first_response": figures["first_response"]}


def _now(now: datetime | None) -> datetime:
    return now or clock.now()


def _counts(conn: Connection, filters: Filters, dimension: str, *groups) -> list:
    """Complaint counts per combination of `groups` (complaint_monthly.value of `dimension`, service_units columns,
    the month), in SQL. Every complaint has one value per dimension, so totals may use any: TOTAL counts them."""
    return conn.execute(_rollup_query(filters, _monthly, *groups, dimension=dimension)).all()


def _share(part: int | None, whole: int) -> float | None:
    return None if part is None or not whole else round(100 * part / whole, 1)


def complaint_volume(conn: Connection, filters: Filters, dimension: str) -> list[dict]:
    """Complaints per channel, classification or category, in complaint_rules order with zeros.

    Rows: value, complaints, share_pct, suppressed. Within one kecamatan or unit (DESIGN.md "Safe") counts 1-4 are
    suppressed (complaints and share_pct None) with their complementary cells: privacy.suppress_rows, against the
    total the page's headline publishes."""
    if dimension not in VOLUME_DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    counts = dict(_counts(conn, filters, dimension, _monthly.c.value))
    values = VOLUME_DIMENSIONS[dimension]
    values = values + tuple(sorted(set(counts) - set(values)))  # imported values outside the list still count
    total = sum(counts.values())
    rows = [{"value": value, "complaints": counts.get(value, 0), "share_pct": _share(counts.get(value, 0), total)}
            for value in values]
    return suppress_rows(rows, filters, derived=("share_pct",))


def _per_region_between(conn: Connection, filters: Filters, column, first: date, last: date) -> dict[str, int]:
    """Complaints of the filters' units whose `column` falls on WIB days first..last, per region code: a few days
    of raw rows through the column's index, as no month rollup serves a week."""
    query = (
        select(_units.c.region_code, func.count())
        .select_from(_complaints.join(_units, _complaints.c.unit_id == _units.c.id))
        .where(filters.unit_conditions(), Filters(date_from=first, date_to=last).period_conditions(column))
        .group_by(_units.c.region_code)
    )
    return {region: int(count) for region, count in conn.execute(query).all()}


def received_per_region(conn: Connection, filters: Filters, first: date, last: date) -> dict[str, int]:
    """Complaints received on WIB days first..last, per region code."""
    return _per_region_between(conn, filters, _complaints.c.received_at, first, last)


def resolved_per_region(conn: Connection, filters: Filters, first: date, last: date) -> dict[str, int]:
    """Complaints (received any time) resolved on WIB days first..last, per region code."""
    return _per_region_between(conn, filters, _complaints.c.resolved_at, first, last)


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
    counts = dict(_counts(conn, filters, TOTAL, _units.c.region_code))
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
    first; months without complaints between the first and the last are included as zeros. Within one kecamatan
    or unit, months of 1-4 complaints are suppressed (complaints and per_10k None; privacy.suppress_rows against
    each region's total)."""
    month = wib_month(_monthly.c.month)
    counts = {(row.month, row.region_code): row.complaints
              for row in _counts(conn, filters, TOTAL, month.label("month"), _units.c.region_code)}
    if not counts:
        return []
    months = _months(min(m for m, _ in counts), max(m for m, _ in counts))
    population = _population(conn, filters)
    rows = [
        {"month": m, "region_code": region, "complaints": counts.get((m, region), 0),
         "per_10k": _per_residents(counts.get((m, region), 0), people)}
        for region, people in population.items()
        for m in months
    ]
    return suppress_rows(rows, filters, margins=[["region_code"]], derived=("per_10k",))


def complaint_funnel(conn: Connection, filters: Filters) -> list[dict]:
    """Where the complaints received stand now: count per status in complaint_rules.STATUSES order, zeros included,
    each marked as the main flow or a side exit (ditunda, bukan_wewenang, diarsipkan), with its share and whether
    it counts as open. Within one kecamatan or unit, counts 1-4 are suppressed (privacy.suppress_rows) against the
    total and the open and closed subtotals, which the page's headline publishes."""
    counts = dict(_counts(conn, filters, "status", _monthly.c.value))
    total = sum(counts.values())
    rows = [
        {"status": status, "path": "main" if status in MAIN_FLOW else "side", "open": status in OPEN_STATUSES,
         "complaints": counts.get(status, 0), "share_pct": _share(counts.get(status, 0), total)}
        for status in STATUSES
    ]
    return suppress_rows(rows, filters, margins=[["open"], []], derived=("share_pct",))


def complaint_timings(complaints: ComplaintSet, filters: Filters, now: datetime) -> list[dict]:
    """complaint_stats.stage_timings of the filters' complaints. Within one kecamatan or unit the resolution rows
    are a breakdown by tier: a tier of 1-4 complaints (and its complementary tier) shows none of its figures, which
    would describe those few complaints (privacy.suppress_rows)."""
    rows = stage_timings(complaints, now)
    tiers = suppress_rows([row for row in rows if row["tier"] is not None], filters, derived=_TIMING_FIGURES)
    return [{**row, "suppressed": False} for row in rows if row["tier"] is None] + tiers


def backlog_of(running: pd.DataFrame, now: datetime) -> list[dict]:
    """Open complaints by working days left before the limit of the stage each waits in, from complaints already
    read (any frame holding the open ones, e.g. ComplaintSet.running).

    One row per bucket (complaint_rules.BACKLOG_BUCKETS, least urgent first) with its total and its count per
    stage (verification, first_response, resolution); zeros included."""
    stages = open_stages(running, now)
    table = pd.crosstab(stages["bucket"], stages["stage"]) if len(stages) else pd.DataFrame()
    rows = []
    for bucket, fewest, most in BACKLOG_BUCKETS:
        per_stage = {stage: int(table.at[bucket, stage]) if bucket in table.index and stage in table.columns else 0
                     for stage in STAGES}
        rows.append({"bucket": bucket, "fewest_left": fewest, "most_left": most,
                     "complaints": sum(per_stage.values()), **per_stage})
    return rows


def complaint_backlog(running: pd.DataFrame, filters: Filters, now: datetime) -> list[dict]:
    """backlog_of the filters' running complaints. Within one kecamatan or unit, buckets of 1-4 complaints are
    suppressed (privacy.suppress_rows) against the open total and the overdue subtotal the headline publishes, every
    stage count of a suppressed bucket with them; in a bucket shown, its stage counts of 1-4 are suppressed
    against the bucket's total."""
    rows = backlog_of(running, now)
    for row in rows:
        row["late"] = row["most_left"] is not None and row["most_left"] < 0
    rows = suppress_rows(rows, filters, margins=[["late"], []], derived=STAGES)
    for row in rows:
        if not row["suppressed"]:
            stages = suppress_rows([{"stage": stage, "complaints": row[stage]} for stage in STAGES], filters)
            row.update({cell["stage"]: cell["complaints"] for cell in stages})
    return rows


def unit_details(conn: Connection, codes) -> dict[str, dict]:
    """Name, kind and region of the units with these codes, by code."""
    query = select(_units.c.code, _units.c.name, _units.c.kind, _units.c.region_code).where(
        _units.c.code.in_(list(codes)))
    return {row.code: dict(row._mapping) for row in conn.execute(query)}


def due_soon_by_unit(conn: Connection, filters: Filters, now: datetime | None = None) -> dict:
    """What falls due within DUE_SOON_WORKDAYS working days, per unit.

    `until` is the last WIB date of that window (workdays.add_workdays from today); each unit row counts the open
    complaints whose current stage is due from today to `until`, per stage, with the earliest due date and the unit's
    complaints already past their limit. Units with something due, most due first."""
    return due_soon_of(conn, complaint_frame(conn, filters, running_only=True), _now(now))


def due_soon_of(conn: Connection, running: pd.DataFrame, now: datetime) -> dict:
    """due_soon_by_unit of complaints already read (any frame holding the open ones); `conn` names the units."""
    today = wib_today(now).astype(date)
    until = add_workdays(today, DUE_SOON_WORKDAYS)
    stages = open_stages(running, now)
    due = stages[stages["bucket"] == "due_soon"]
    late = stages[stages["left"] < 0].groupby("unit_code").size()
    details = unit_details(conn, due["unit_code"].unique())
    rows = []
    first_due = due.groupby("unit_code")["due"].min()
    for code, per_stage in stages_per_unit(due).items():
        rows.append({
            "unit_code": code, "name": details[code]["name"], "kind": details[code]["kind"],
            "region_code": details[code]["region_code"], "due": sum(per_stage.values()), **per_stage,
            "first_due": pd.Timestamp(first_due[code]).date(), "overdue": int(late.get(code, 0)),
        })
    rows.sort(key=lambda row: (-row["due"], row["first_due"], row["unit_code"]))
    return {"today": today, "until": until, "units": rows}


def rank_units(conn: Connection, complaints: ComplaintSet, now: datetime) -> dict:
    """The units of a set already read, ranked by share of resolutions within the limit, only those with at least
    MIN_COMPLAINTS_FOR_RANKING complaints in the period (DOMAIN.md §2.4); `conn` names the units.

    `ranked`: best first (ties: first responses within the limit, then more complaints, then code); units with no
    decided resolution yet come last. `left_out`: how many units and complaints were too few to rank."""
    sizes = complaints.counts.groupby("unit_code")["complaints"].sum()
    rankable = sizes[sizes >= MIN_COMPLAINTS_FOR_RANKING].index
    details = unit_details(conn, rankable)
    per_unit = complaint_figures_by(complaints, "unit_code", now)
    rows = []
    for code in rankable:
        figures = per_unit[code]
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
    return {"ranked": rows, "left_out": {"units": len(small), "complaints": int(small.sum())}}


def complaints_by_kecamatan_category(conn: Connection, filters: Filters) -> list[dict]:
    """Complaints per kecamatan (of the unit) and category: the finest place × topic table shown.

    Every category for each kecamatan with complaints, zeros included. Counts 1-4 are suppressed (complaints
    None, suppressed True), plus complementary cells wherever a kecamatan's or a category's published total would
    give a lone suppressed count away (privacy.suppress_rows, whatever the filters)."""
    rows = _counts(conn, filters, "category", _units.c.kecamatan_code, _monthly.c.value)
    if not rows:
        return []
    counts = {(row.kecamatan_code, row.value): row.complaints for row in rows}
    places = sorted({place for place, _ in counts}, key=lambda code: code or "")
    categories = CATEGORIES + tuple(sorted({c for _, c in counts} - set(CATEGORIES)))
    cells = [{"kecamatan_code": place, "category": category, "complaints": counts.get((place, category), 0)}
             for place in places for category in categories]
    return suppress_rows(cells, filters, margins=[["kecamatan_code"], ["category"]], by_place=True)
