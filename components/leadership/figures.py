"""Cached Pimpinan figures (components.data.cached_figure): keyed by (database, watermark), the arguments, and the
WIB date (the windows, due dates and overdue clocks move with the calendar even when no data changes)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection

from components.complaints import figures as complaint_data
from components.data import cached_figure
from components.formatting import readable_ombudsman
from data_access import leadership, ombudsman
from data_access.config import Targets
from data_access.filters import Filters

_ENTRIES = 32

crossings = cached_figure(leadership.grade_crossings, ages_with_calendar=True, max_entries=_ENTRIES)


@cached_figure(ages_with_calendar=True, max_entries=_ENTRIES)
def newly_overdue(conn: Connection, filters: Filters, comparison: str, now: datetime) -> dict:
    # What leadership.newly_overdue would read itself (the filters without their period), from the shared cache.
    running = complaint_data.running(filters.replace(date_from=None, date_to=None))
    return leadership.newly_overdue(conn, filters, comparison, now, running=running)


@cached_figure(ages_with_calendar=True, max_entries=_ENTRIES)
def region_targets(conn: Connection, targets: Targets, region: str | None, now: datetime) -> list[dict]:
    return leadership.region_targets(conn, targets, region, now, running=complaint_data.running(Filters(region=region)))


graded_quarter = cached_figure(leadership.graded_quarter, ages_with_calendar=True, max_entries=4)
unit_comparison = cached_figure(leadership.unit_comparison, max_entries=_ENTRIES)
_ombudsman_history = cached_figure(ombudsman.ombudsman_history, max_entries=4)


def ombudsman_history() -> list[dict]:
    """Every Ombudsman score, its government and band named in the reader's language (the cache holds the data's)."""
    return [readable_ombudsman(row) for row in _ombudsman_history()]


weekly_brief = cached_figure(leadership.weekly_brief, ages_with_calendar=True, max_entries=_ENTRIES)
