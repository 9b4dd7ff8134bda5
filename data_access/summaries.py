"""Published SKM results already stored (skm_summaries): which unit's days they cover, so that no period is counted
from both its questionnaires and its summary (DOMAIN.md §1.8)."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Connection, and_, select

from data_access import schema
from data_access.workdays import WIB

# One rule, said the same way wherever it refuses something.
NO_DOUBLE_COUNTING = "a period is counted from its questionnaires or from its published summary, never both"


def stored_periods(conn: Connection, unit_ids: list[int] | None = None) -> pd.DataFrame:
    """unit_id, period_start, period_end of the stored summaries (of these units only, when given)."""
    table = schema.skm_summaries.c
    query = select(table.unit_id, table.period_start, table.period_end)
    if unit_ids is not None:
        query = query.where(table.unit_id.in_(unit_ids))
    return pd.DataFrame(conn.execute(query).all(), columns=["unit_id", "period_start", "period_end"])


def flag_summarised(conn: Connection, checks, unit_ids: pd.Series, times: pd.Series, column: str) -> None:
    """Flag (checks.flag) every questionnaire dated on a WIB day inside a stored summary of its unit."""
    known = unit_ids.dropna()
    if known.empty:
        return
    periods = stored_periods(conn, sorted(int(unit) for unit in known.unique()))
    if periods.empty:
        return
    days = times.dt.tz_convert(WIB).dt.tz_localize(None).dt.normalize()  # a refused time (NaT) is inside nothing
    for summary in periods.itertuples():
        inside = (unit_ids.eq(summary.unit_id) & days.ge(pd.Timestamp(summary.period_start))
                  & days.le(pd.Timestamp(summary.period_end)))
        checks.flag(inside, column,
                    f"falls inside this unit's published summary of {summary.period_start} to "
                    f"{summary.period_end}; {NO_DOUBLE_COUNTING}")


def summarised_on(conn: Connection, unit_id: int, day: date) -> bool:
    """Whether a stored summary of the unit covers this WIB day."""
    table = schema.skm_summaries.c
    # Only the columns the survey form's role may read (docs/deploy.md).
    query = select(table.unit_id).where(
        and_(table.unit_id == unit_id, table.period_start <= day, table.period_end >= day)
    ).limit(1)
    return conn.execute(query).first() is not None
