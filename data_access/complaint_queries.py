"""Complaint figures: the rows a filter selects (stage times only, never the text) and what they add up to."""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
from sqlalchemy import Connection, select

from data_access import schema
from data_access.complaint_stats import STAGE_COLUMNS, complaint_figures
from data_access.filters import Filters

_complaints = schema.complaints
_units = schema.service_units


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
