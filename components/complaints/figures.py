"""Cached complaint figures for the Pengaduan and Lacak pages (components.data.cached_figure).

Every key holds (database, watermark) and the Filters (a frozen dataclass); figures whose working-day clocks
run to "now" hold the WIB date too, so an open complaint ages overnight even when no data changes. The summary,
timings, backlog and ranking of one filter share one read of the complaints (_complaints), and that read shares
its running complaints (running) with the due dates and Pimpinan's figures of open complaints.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import Connection

from components.data import cached_figure
from data_access import complaint_queries, tracker
from data_access.complaint_stats import ComplaintSet, complaint_figures
from data_access.filters import Filters


@cached_figure(max_entries=16)
def running(conn: Connection, filters: Filters) -> pd.DataFrame:
    """The filtered complaints whose clocks still run: what the due dates, the backlog and (on Pimpinan) the
    newly overdue and the targets' overdue count are computed from, read once for all of them."""
    return complaint_queries.complaint_frame(conn, filters, running_only=True)


@cached_figure(max_entries=16)
def _complaints(conn: Connection, filters: Filters) -> ComplaintSet:
    """The filtered complaints as read once for the summary, timings, backlog and ranking."""
    return complaint_queries.complaint_set(conn, filters, running=running(filters))


@cached_figure(ages_with_calendar=True, connects=False)
def summary(filters: Filters, now: datetime) -> dict:
    return complaint_figures(_complaints(filters), now)


volume = cached_figure(complaint_queries.complaint_volume)
per_10k = cached_figure(complaint_queries.complaints_per_10k)
trend = cached_figure(complaint_queries.complaint_trend)
funnel = cached_figure(complaint_queries.complaint_funnel)


@cached_figure(ages_with_calendar=True, connects=False)
def timings(filters: Filters, now: datetime) -> list[dict]:
    return complaint_queries.complaint_timings(_complaints(filters), filters, now)


@cached_figure(ages_with_calendar=True, connects=False)
def backlog(filters: Filters, now: datetime) -> list[dict]:
    return complaint_queries.complaint_backlog(_complaints(filters).running, filters, now)


@cached_figure(ages_with_calendar=True)
def due_soon(conn: Connection, filters: Filters, now: datetime) -> dict:
    return complaint_queries.due_soon_of(conn, running(filters), now)


@cached_figure(ages_with_calendar=True)
def ranking(conn: Connection, filters: Filters, now: datetime) -> dict:
    return complaint_queries.rank_units(conn, _complaints(filters), now)


by_place = cached_figure(complaint_queries.complaints_by_kecamatan_category)
# A unit's card: its complaints of the year ending today, so the window moves with the calendar.
unit_recent = cached_figure(complaint_queries.unit_complaints_recent, ages_with_calendar=True)
# The complaint with this (already validated) ticket, or None; its stages' waiting days grow with the calendar.
tracked = cached_figure(tracker.track_complaint, ages_with_calendar=True)
