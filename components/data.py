"""The pages' only door to the data: a read-only engine and cached loaders keyed by a data-version watermark.

Figures are cached per (watermark, arguments): unchanged data is never re-queried, and any new
questionnaire, complaint or import changes the watermark so nothing stale is shown.
"""

from __future__ import annotations

import threading
from datetime import datetime

import streamlit as st
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from data_access import clock, config, overview, periods, schema
from data_access.db_init import init_database
from data_access.engine import make_engine

# How often the watermark itself is re-read (once for all sessions); it is four indexed MAX() lookups.
WATERMARK_TTL_SECONDS = 1
# Two first visitors at once must not both build the demo database.
_CREATION_LOCK = threading.Lock()
# Databases (by URL) found to have a schema: it does not go away, so later runs need not ask (nor fail on it while the
# database is down: the page runs and each of its blocks shows the outage notice, and a survey form keeps its answers).
_SCHEMA_FOUND: set[str] = set()
# The last is_demo answer per URL, shown while the database cannot be read.
_LAST_DEMO: dict[str, bool] = {}


@st.cache_resource(show_spinner=False)
def _engine_for(url: str):
    return make_engine(url, read_only=True)


def public_engine():
    """The read-only engine every public page reads through."""
    return _engine_for(config.public_database_url())


def prepare_database() -> bool:
    """Make the database usable: the embedded default is migrated and, when empty, filled with demo data;
    a configured database is only checked. False when it has no schema (an admin must run `init`)."""
    url = config.database_url()
    if url == f"sqlite:///{config.DEFAULT_SQLITE_PATH}":
        _prepare_embedded(url)
    return _has_schema(config.public_database_url())


@st.cache_resource(show_spinner=False)
def _prepare_embedded(url: str) -> None:
    """Once per process: migrate the embedded database (an older file gets new tables) and fill it if empty."""
    from data_access.demo import load_demo

    with _CREATION_LOCK:
        engine = make_engine(url)
        try:
            init_database(engine)
            with engine.connect() as conn:
                empty = conn.execute(select(func.count()).select_from(schema.service_units)).scalar_one() == 0
            if empty:
                load_demo(engine)
        finally:
            engine.dispose()
    _engine_for.clear()


def _has_schema(url: str) -> bool:
    if url not in _SCHEMA_FOUND and inspect(_engine_for(url)).has_table("survey_daily"):
        _SCHEMA_FOUND.add(url)
    return url in _SCHEMA_FOUND


@st.cache_data(ttl=WATERMARK_TTL_SECONDS, show_spinner=False)
def _data_version(url: str) -> tuple:
    with _engine_for(url).connect() as conn:
        return overview.data_version(conn)


def data_version() -> tuple:
    """(database URL, watermark): the first part of every cache key, so two databases never share figures."""
    url = config.public_database_url()
    return url, _data_version(url)


def forget_watermark() -> None:
    """After a database error, re-read the watermark on the next run instead of trusting a cached one."""
    _data_version.clear()


def _today_wib() -> str:
    """Part of cache keys whose figures age with the calendar (overdue counts) even when data does not change."""
    return clock.today_wib().isoformat()


@st.cache_data(show_spinner=False, max_entries=16)
def _region_overview(version: tuple, today: str) -> list[overview.RegionOverview]:
    with public_engine().connect() as conn:
        return overview.region_overview(conn)


def region_overview() -> list[overview.RegionOverview]:
    return _region_overview(data_version(), _today_wib())


@st.cache_data(show_spinner=False, max_entries=4)
def _freshness(version: tuple) -> dict[str, datetime]:
    with public_engine().connect() as conn:
        return overview.data_freshness(conn)


def data_freshness() -> dict[str, datetime]:
    return _freshness(data_version())


@st.cache_data(show_spinner=False, max_entries=4)
def _is_demo(version: tuple) -> bool:
    with public_engine().connect() as conn:
        return overview.is_demo(conn)


def is_demo() -> bool:
    """Whether the data is the demo's (the banner); while the database cannot be read, the last answer, so that the
    page still runs and shows the outage notice in each of its blocks."""
    url = config.public_database_url()
    try:
        _LAST_DEMO[url] = _is_demo(data_version())
    except SQLAlchemyError:
        pass
    return _LAST_DEMO.get(url, False)


@st.cache_data(show_spinner=False, max_entries=4)
def _data_span(version: tuple) -> tuple:
    with public_engine().connect() as conn:
        return overview.data_span(conn)


def data_span() -> tuple:
    """First and last WIB date with questionnaires or complaints."""
    return _data_span(data_version())


def period_options() -> list[str]:
    """Period codes covering the questionnaires and complaints held."""
    return periods.period_options(*data_span())


def newest_change() -> datetime | None:
    """When any data last changed: the 'data per' time of downloads and citations."""
    freshness = data_freshness()
    return max(freshness.values()) if freshness else None
