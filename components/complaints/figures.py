"""Cached complaint figures for the Pengaduan and Lacak pages, keyed like components.data.

Every key holds (database, watermark) and the Filters (a frozen dataclass); figures whose working-day clocks
run to "now" hold the WIB date too, so an open complaint ages overnight even when no data changes. The summary,
timings, backlog and ranking of one filter share one read of the complaints (_complaints), and that read shares
its running complaints (_running) with the due dates and Pimpinan's figures of open complaints.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from components import data
from data_access import clock, complaint_queries, tracker
from data_access.complaint_stats import ComplaintSet, complaint_figures, stage_timings
from data_access.filters import Filters

_ENTRIES = 64


def _today() -> str:
    return clock.today_wib().isoformat()


@st.cache_data(show_spinner=False, max_entries=16)
def _running(version: tuple, filters: Filters) -> pd.DataFrame:
    """The filtered complaints whose clocks still run: what the due dates, the backlog and (on Pimpinan) the
    newly overdue and the targets' overdue count are computed from, read once for all of them."""
    with data.public_engine().connect() as conn:
        return complaint_queries.complaint_frame(conn, filters, running_only=True)


def running(filters: Filters) -> pd.DataFrame:
    return _running(data.data_version(), filters)


@st.cache_data(show_spinner=False, max_entries=16)
def _complaints(version: tuple, filters: Filters) -> ComplaintSet:
    """The filtered complaints as read once for the summary, timings, backlog and ranking."""
    with data.public_engine().connect() as conn:
        return complaint_queries.complaint_set(conn, filters, running=_running(version, filters))


def _now() -> datetime:
    return clock.now()


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _summary(version: tuple, filters: Filters, today: str) -> dict:
    return complaint_figures(_complaints(version, filters), _now())


def summary(filters: Filters) -> dict:
    return _summary(data.data_version(), filters, _today())


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _volume(version: tuple, filters: Filters, dimension: str) -> list[dict]:
    with data.public_engine().connect() as conn:
        return complaint_queries.complaint_volume(conn, filters, dimension)


def volume(filters: Filters, dimension: str) -> list[dict]:
    return _volume(data.data_version(), filters, dimension)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _per_10k(version: tuple, filters: Filters) -> list[dict]:
    with data.public_engine().connect() as conn:
        return complaint_queries.complaints_per_10k(conn, filters)


def per_10k(filters: Filters) -> list[dict]:
    return _per_10k(data.data_version(), filters)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _trend(version: tuple, filters: Filters) -> list[dict]:
    with data.public_engine().connect() as conn:
        return complaint_queries.complaint_trend(conn, filters)


def trend(filters: Filters) -> list[dict]:
    return _trend(data.data_version(), filters)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _funnel(version: tuple, filters: Filters) -> list[dict]:
    with data.public_engine().connect() as conn:
        return complaint_queries.complaint_funnel(conn, filters)


def funnel(filters: Filters) -> list[dict]:
    return _funnel(data.data_version(), filters)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _timings(version: tuple, filters: Filters, today: str) -> list[dict]:
    return stage_timings(_complaints(version, filters), _now())


def timings(filters: Filters) -> list[dict]:
    return _timings(data.data_version(), filters, _today())


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _backlog(version: tuple, filters: Filters, today: str) -> list[dict]:
    return complaint_queries.backlog_of(_complaints(version, filters).running, _now())


def backlog(filters: Filters) -> list[dict]:
    return _backlog(data.data_version(), filters, _today())


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _due_soon(version: tuple, filters: Filters, today: str) -> dict:
    with data.public_engine().connect() as conn:
        return complaint_queries.due_soon_of(conn, _running(version, filters), _now())


def due_soon(filters: Filters) -> dict:
    return _due_soon(data.data_version(), filters, _today())


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _ranking(version: tuple, filters: Filters, today: str) -> dict:
    with data.public_engine().connect() as conn:
        return complaint_queries.rank_units(conn, _complaints(version, filters), _now())


def ranking(filters: Filters) -> dict:
    return _ranking(data.data_version(), filters, _today())


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _by_place(version: tuple, filters: Filters) -> list[dict]:
    with data.public_engine().connect() as conn:
        return complaint_queries.complaints_by_kecamatan_category(conn, filters)


def by_place(filters: Filters) -> list[dict]:
    return _by_place(data.data_version(), filters)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _tracked(version: tuple, ticket: str, today: str) -> tracker.TrackedComplaint | None:
    with data.public_engine().connect() as conn:
        return tracker.track_complaint(conn, ticket)


def tracked(ticket: str) -> tracker.TrackedComplaint | None:
    """The complaint with this (already validated) ticket, or None."""
    return _tracked(data.data_version(), ticket, _today())
