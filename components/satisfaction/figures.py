"""Cached IKM figures for the Kepuasan and unit pages, keyed by the data-version watermark and the Filters.

Each loader wraps one data_access function; Filters is a frozen dataclass, so it is part of the cache key as is.
"""

from __future__ import annotations

import streamlit as st

from components import data
from data_access import clock, ikm_queries, perception
from data_access.filters import Filters
from data_access.ikm import IkmResult

_ENTRIES = 64


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _summary(version: tuple, filters: Filters) -> IkmResult | None:
    with data.public_engine().connect() as conn:
        return ikm_queries.ikm_summary(conn, filters)


def summary(filters: Filters) -> IkmResult | None:
    return _summary(data.data_version(), filters)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _by_region(version: tuple, filters: Filters) -> dict[str, IkmResult]:
    with data.public_engine().connect() as conn:
        return ikm_queries.ikm_by_region(conn, filters)


def by_region(filters: Filters) -> dict[str, IkmResult]:
    return _by_region(data.data_version(), filters)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _by_unit(version: tuple, filters: Filters) -> list[dict]:
    with data.public_engine().connect() as conn:
        return ikm_queries.ikm_by_unit(conn, filters)


def by_unit(filters: Filters) -> list[dict]:
    return _by_unit(data.data_version(), filters)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _trend(version: tuple, filters: Filters, granularity: str, by_region: bool) -> list[dict]:
    with data.public_engine().connect() as conn:
        return ikm_queries.ikm_trend(conn, filters, granularity, by_region)


def trend(filters: Filters, granularity: str, by_region: bool = False) -> list[dict]:
    return _trend(data.data_version(), filters, granularity, by_region)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _profile(version: tuple, filters: Filters) -> dict[str, dict[str, int]]:
    with data.public_engine().connect() as conn:
        return ikm_queries.respondent_profile(conn, filters)


def profile(filters: Filters) -> dict[str, dict[str, int]]:
    return _profile(data.data_version(), filters)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _unit_detail(version: tuple, code: str) -> dict | None:
    with data.public_engine().connect() as conn:
        return ikm_queries.unit_detail(conn, code)


def unit_detail(code: str) -> dict | None:
    return _unit_detail(data.data_version(), code)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _unit_current(version: tuple, code: str) -> dict | None:
    with data.public_engine().connect() as conn:
        return ikm_queries.unit_current(conn, code)


def unit_current(code: str) -> dict | None:
    return _unit_current(data.data_version(), code)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _summary_periods(version: tuple, filters: Filters) -> list[dict]:
    with data.public_engine().connect() as conn:
        return ikm_queries.summary_periods(conn, filters)


def summary_periods(filters: Filters) -> list[dict]:
    return _summary_periods(data.data_version(), filters)


@st.cache_data(show_spinner=False, max_entries=_ENTRIES)
def _perception(version: tuple, today: str, filters: Filters) -> list[dict]:
    with data.public_engine().connect() as conn:
        return perception.perception_by_unit(conn, filters)


def perception_by_unit(filters: Filters) -> list[dict]:
    """Keyed by the WIB date too: open complaints' waiting times grow with the calendar, not only with the data."""
    today = clock.today_wib().isoformat()
    return _perception(data.data_version(), today, filters)
