"""Per unit per WIB month rollups of complaints, recomputed for the months of receipt a write touched.

complaint_monthly counts complaints once per dimension they are counted by; complaint_stage_monthly holds every
finished stage clock as a histogram of working days (both ways of counting cuti bersama; a stage that ended with no
time recorded at complaint_stats.NO_TIME working days). A month per unit holds a
few dozen rows of each however many complaints arrive, which keeps what pages read flat as the years pile up.
Every path that writes complaints (imports, demo data) refreshes the months it touched in its own transaction, so
pages reading the rollups are never behind the raw rows; `python -m data_access rollups` rebuilds them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
from sqlalchemy import Connection, delete, func, insert, literal, select

from data_access import clock, schema
from data_access.complaint_stats import STAGE_COLUMNS, stage_rows, wib_dates
from data_access.periods import month_end, month_start
from data_access.sql_time import wib_month_start
from data_access.workdays import wib_date, wib_day_end, wib_day_start

_raw = schema.complaints
_counts = schema.complaint_monthly
_stages = schema.complaint_stage_monthly
# What complaints are counted by: each is a `dimension` of complaint_monthly.
DIMENSIONS = ("status", "tier", "channel", "classification", "category")


def _stage_histogram(frame: pd.DataFrame) -> pd.DataFrame:
    """The finished stages of raw complaints (unit_id, received_at, status, tier, STAGE_COLUMNS) per unit, month of
    receipt, stage, tier and working days counted both ways."""
    now = clock.now()  # finished stages do not depend on it
    days_off = stage_rows(frame, now, include_cuti_bersama=True)
    days_worked = stage_rows(frame, now, include_cuti_bersama=False)
    done = days_off["done"].to_numpy()
    positions = days_off.loc[done, "position"].to_numpy()
    months = wib_dates(frame["received_at"]).astype("datetime64[M]").astype("datetime64[D]")
    rows = pd.DataFrame({
        "unit_id": frame["unit_id"].to_numpy()[positions],
        "month": months[positions].astype(object),
        "stage": days_off.loc[done, "stage"].to_numpy(),
        "tier": days_off.loc[done, "tier"].to_numpy(),
        "workdays": days_off.loc[done, "elapsed"].to_numpy(),
        "workdays_cuti_kerja": days_worked.loc[done, "elapsed"].to_numpy(),
    })
    keys = ["unit_id", "month", "stage", "tier", "workdays", "workdays_cuti_kerja"]
    return rows.groupby(keys, as_index=False).size().rename(columns={"size": "complaints"})


def refresh_complaint_rollups(conn: Connection, first_month: date, last_month: date) -> None:
    """Recompute both rollups for complaints received in the WIB months of first_month..last_month."""
    first_month, last_month = month_start(first_month), month_start(last_month)
    in_months = ((_raw.c.received_at >= wib_day_start(first_month))
                 & (_raw.c.received_at < wib_day_end(month_end(last_month))))
    conn.execute(delete(_counts).where(_counts.c.month.between(first_month, last_month)))
    conn.execute(delete(_stages).where(_stages.c.month.between(first_month, last_month)))
    month = wib_month_start(_raw.c.received_at)
    for dimension in DIMENSIONS:
        counts = (select(_raw.c.unit_id, month.label("month"), literal(dimension).label("dimension"),
                         _raw.c[dimension].label("value"), func.count().label("complaints"))
                  .where(in_months).group_by(_raw.c.unit_id, month, _raw.c[dimension]))
        conn.execute(insert(_counts).from_select(["unit_id", "month", "dimension", "value", "complaints"], counts))
    columns = ["unit_id", "status", "tier", *STAGE_COLUMNS]
    rows = [tuple(row) for row in conn.execute(select(*[_raw.c[name] for name in columns]).where(in_months))]
    if not rows:
        return
    histogram = _stage_histogram(pd.DataFrame(rows, columns=columns))
    if len(histogram):
        records = histogram.astype({"unit_id": int, "workdays": int, "workdays_cuti_kerja": int,
                                    "complaints": int}).to_dict("records")
        conn.execute(insert(_stages), records)


def refresh_for_instants(conn: Connection, first: datetime, last: datetime) -> None:
    """refresh_complaint_rollups for the WIB months spanned by two aware instants of receipt."""
    refresh_complaint_rollups(conn, wib_date(first), wib_date(last))


def rebuild_complaint_rollups(conn: Connection) -> int:
    """Recompute the rollups over all complaints, a month at a time; returns the rows of complaint_monthly."""
    first, last = conn.execute(select(func.min(_raw.c.received_at), func.max(_raw.c.received_at))).one()
    conn.execute(delete(_counts))
    conn.execute(delete(_stages))
    if first is None:
        return 0
    month, last_month = month_start(wib_date(_aware(first))), month_start(wib_date(_aware(last)))
    while month <= last_month:
        refresh_complaint_rollups(conn, month, month)
        month = date.fromordinal(month_end(month).toordinal() + 1)
    return conn.execute(select(func.count()).select_from(_counts)).scalar_one()


def _aware(instant: datetime) -> datetime:
    """Raw SQL results of the UTC column may come back naive (UTC) in a migration's bare connection."""
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)
