"""`import skm-summary`: published SKM results (DOMAIN.md §1.8), one row per unit and survey period with its
respondents and the nine elements' NRR, validated whole and written all or nothing like every import.

A summary pools with questionnaires as NRR x respondents per element (data_access.ikm_queries), so a unit's period
must come from one or the other: a period overlapping the unit's questionnaires or another of its summaries is
refused. Tallies of answers 1–4 are not read: an admin who has them gives each element's NRR (sum / respondents).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, and_, bindparam, func, insert, select, update

from data_access import schema
from data_access.elements import ELEMENTS, MAX_ANSWER, MIN_ANSWER
from data_access.importers.checks import Checks, as_mask, by_distinct
from data_access.importers.columns import SUMMARY_COLUMNS
from data_access.importers.reading import read_table
from data_access.importers.units import unit_index
from data_access.importers.writing import records
from data_access.progress import Progress
from data_access.summaries import NO_DOUBLE_COUNTING, stored_periods
from data_access.workdays import WIB

# Excel keeps a typed date as a datetime at midnight, which the reader writes as 2025-03-31T00:00:00.
DATE_TEXT = r"\d{4}-\d{2}-\d{2}(?:[T ]00:00(?::00)?)?"
DATE_RULE = "must be a date such as 2025-03-31"
# The nine elements date from PermenPANRB 14/2017; results under the 14-element standard are not comparable.
EARLIEST_PERIOD = pd.Timestamp("2017-01-01")
MAX_RESPONDENTS = 1_000_000
NRR_PLACES = 4  # schema.NRR_UNITS = 10**4
NRR_RULE = (f"must be the element's NRR, a number from {MIN_ANSWER} to {MAX_ANSWER} with at most {NRR_PLACES} "
            "decimals, such as 3.2451")
PERIOD_FIELDS = ("unit_id", "period_start", "period_end")
NRR_COLUMNS = tuple(f"nrr_{name}" for name in ELEMENTS)


def read_summaries(path: Path) -> Checks:
    return Checks(read_table(path, SUMMARY_COLUMNS))


def import_summaries(conn: Connection, checks: Checks, now: pd.Timestamp, progress: Progress) -> dict:
    """Check every row, then write them; raises ImportRejected, having written nothing, if any row is invalid."""
    summaries = _valid_summaries(conn, checks, now)
    return _write_summaries(conn, summaries, progress)


def _valid_summaries(conn: Connection, checks: Checks, now: pd.Timestamp) -> pd.DataFrame:
    """Columns named as in skm_summaries, indexed by spreadsheet row."""
    today = pd.Timestamp(now.tz_convert(WIB).date())
    unit_id = checks.unit_ids("unit_code", unit_index(conn), require_active=False)
    start = _dates(checks, "period_start")
    end = _dates(checks, "period_end")
    checks.flag(end > today, "period_end", "the period has not ended yet; results are published after it ends")
    checks.flag(start.notna() & end.notna() & (end < start), "period_end", "must not be before period_start")
    summaries = {
        "unit_id": unit_id,
        "period_start": start,
        "period_end": end,
        "respondents": checks.whole_number(
            "respondents", 1, MAX_RESPONDENTS, required=True,
            rule=f"must be the number of respondents, a whole number from 1 to {MAX_RESPONDENTS:,}",
        ),
        **{f"nrr_{name}": _nrr(checks, name) for name in ELEMENTS},
    }
    checks.raise_if_any()
    frame = pd.DataFrame(summaries)
    _refuse_overlaps(conn, checks, frame)
    checks.raise_if_any()
    frame["period_start"] = frame["period_start"].dt.date
    frame["period_end"] = frame["period_end"].dt.date
    return frame


def _dates(checks: Checks, column: str) -> pd.Series:
    """WIB calendar dates (as midnight Timestamps), NaT where missing or refused."""
    values = checks.column(column)
    present = checks.present(column, required=True, rule=DATE_RULE)
    shaped = present & as_mask(values.str.fullmatch(DATE_TEXT))
    dates = pd.to_datetime(values.where(shaped).str[:10], format="%Y-%m-%d", errors="coerce")
    checks.flag(present & dates.isna(), column, DATE_RULE)
    early = as_mask(dates < EARLIEST_PERIOD)
    checks.flag(early, column, "is before 2017: the nine-element SKM (PermenPANRB 14/2017) did not exist yet, and "
                               "results under the 14-element standard are not comparable")
    return dates.mask(early)


def _nrr(checks: Checks, element: str) -> pd.Series:
    """The NRR in ten-thousandths (3.2451 -> 32451) as Int64; a decimal comma is accepted."""
    present = checks.present(element, required=True, rule=NRR_RULE)
    units = by_distinct(checks.column(element), _nrr_units, missing=None)
    valid = units.notna()
    checks.flag(present & ~valid, element, NRR_RULE)
    return units.astype("Int64")


def _nrr_units(distinct: pd.Series) -> pd.Series:
    return distinct.map(_nrr_unit)


def _nrr_unit(text: str) -> int | None:
    """Exactly, from the text (a float would turn 3.2451 into 3.24509999...): None unless 1–4 with <= 4 decimals."""
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    if not value.is_finite() or not MIN_ANSWER <= value <= MAX_ANSWER:
        return None
    scaled = value.scaleb(NRR_PLACES)
    return int(scaled) if scaled == scaled.to_integral_value() else None


def _refuse_overlaps(conn: Connection, checks: Checks, frame: pd.DataFrame) -> None:
    """Flag periods overlapping another row's of the same unit, a stored summary of it (other than the same
    period, which re-importing updates), or days of the unit's stored questionnaires."""
    rows = list(frame[list(PERIOD_FIELDS)].itertuples())
    for row in rows:
        for other in rows:
            if other.Index != row.Index and other.unit_id == row.unit_id and _overlap(row, other):
                checks.flag(frame.index == row.Index, "period_start",
                            f"overlaps row {other.Index}'s period of the same unit ({_span(other)}); "
                            f"{NO_DOUBLE_COUNTING}")
    stored = stored_periods(conn, sorted({int(row.unit_id) for row in rows}))
    for row in rows:
        for other in stored[stored["unit_id"].eq(row.unit_id)].itertuples():
            same = (other.period_start, other.period_end) == (row.period_start.date(), row.period_end.date())
            if not same and _overlap(row, other):
                checks.flag(frame.index == row.Index, "period_start",
                            f"overlaps the stored summary of this unit for {_span(other)}; {NO_DOUBLE_COUNTING}")
    daily = schema.survey_daily.c
    for row in rows:
        held = conn.execute(
            select(func.sum(daily.respondents), func.min(daily.day), func.max(daily.day)).where(
                and_(daily.unit_id == int(row.unit_id), daily.day >= row.period_start.date(),
                     daily.day <= row.period_end.date())
            )
        ).one()
        if held[0]:
            checks.flag(frame.index == row.Index, "period_start",
                        f"{held[0]} questionnaires of this unit are already held for {held[1]} to {held[2]}, inside "
                        f"this period; {NO_DOUBLE_COUNTING}")


def _overlap(one, other) -> bool:
    return pd.Timestamp(one.period_start) <= pd.Timestamp(other.period_end) and \
        pd.Timestamp(other.period_start) <= pd.Timestamp(one.period_end)


def _span(row) -> str:
    return f"{pd.Timestamp(row.period_start).date()} to {pd.Timestamp(row.period_end).date()}"


def _write_summaries(conn: Connection, summaries: pd.DataFrame, progress: Progress) -> dict:
    """Insert new periods and update a stored period whose figures changed (a corrected publication)."""
    table = schema.skm_summaries
    stored = {
        tuple(row[:3]): tuple(row[3:])
        for row in conn.execute(select(*(table.c[name] for name in (*PERIOD_FIELDS, "respondents", *NRR_COLUMNS))))
    }
    new, changed = [], []
    for summary in records(summaries):
        key = tuple(summary[name] for name in PERIOD_FIELDS)
        figures = tuple(summary[name] for name in ("respondents", *NRR_COLUMNS))
        if key not in stored:
            new.append(summary)
        elif stored[key] != figures:
            changed.append({f"key_{name}": summary[name] for name in PERIOD_FIELDS}
                           | {name: summary[name] for name in ("respondents", *NRR_COLUMNS)})
    if new:
        conn.execute(insert(table), new)
    if changed:
        conn.execute(
            update(table).where(and_(*(table.c[name] == bindparam(f"key_{name}") for name in PERIOD_FIELDS))),
            changed,
        )
    progress("skm-summary", len(summaries), len(summaries))
    return {"added": len(new), "updated": len(changed), "unchanged": len(summaries) - len(new) - len(changed)}
