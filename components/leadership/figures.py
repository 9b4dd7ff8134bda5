"""Cached Pimpinan figures, keyed like components.satisfaction.figures: (database, watermark), the arguments, and the WIB date
(the windows, due dates and overdue clocks move with the calendar even when no data changes)."""

from __future__ import annotations

import streamlit as st

from components import data
from components.complaints import figures as complaint_data
from data_access import clock, leadership, ombudsman
from data_access.config import Targets
from data_access.filters import Filters

_ENTRIES = 32


def _today() -> str:
    return clock.today_wib().isoformat()


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _crossings(version: tuple, filters: Filters, comparison: str, today: str) -> dict:
    with data.public_engine().connect() as conn:
        return leadership.grade_crossings(conn, filters, comparison)


def crossings(filters: Filters, comparison: str) -> dict:
    return _crossings(data.data_version(), filters, comparison, _today())


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _newly_overdue(version: tuple, filters: Filters, comparison: str, today: str) -> dict:
    with data.public_engine().connect() as conn:
        return leadership.newly_overdue(conn, filters, comparison,
                                        running=complaint_data.running(filters.replace(date_from=None, date_to=None)))


def newly_overdue(filters: Filters, comparison: str) -> dict:
    return _newly_overdue(data.data_version(), filters, comparison, _today())


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _targets(version: tuple, targets: Targets, region: str | None, today: str) -> list[dict]:
    with data.public_engine().connect() as conn:
        return leadership.region_targets(conn, targets, region, running=complaint_data.running(Filters(region=region)))


def region_targets(targets: Targets, region: str | None) -> list[dict]:
    return _targets(data.data_version(), targets, region, _today())


@st.cache_data(show_spinner=False, max_entries=4)
def _ombudsman(version: tuple) -> list[dict]:
    with data.public_engine().connect() as conn:
        return ombudsman.ombudsman_history(conn)


def ombudsman_history() -> list[dict]:
    return _ombudsman(data.data_version())


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _brief(version: tuple, week: leadership.Week, targets: Targets, region: str | None, today: str) -> dict:
    with data.public_engine().connect() as conn:
        return leadership.weekly_brief(conn, week, targets, region)


def weekly_brief(week: leadership.Week, targets: Targets, region: str | None) -> dict:
    return _brief(data.data_version(), week, targets, region, _today())
