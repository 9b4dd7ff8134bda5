"""The pages' only door to the data: a read-only engine and cached loaders keyed by a data-version watermark.

Figures are cached per (watermark, arguments) by cached_figure, which wraps a data_access query: unchanged data is
never re-queried, and any new questionnaire, complaint or import changes the watermark so nothing stale is shown.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable
from datetime import datetime
from inspect import Signature, signature

import streamlit as st
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from data_access import clock, config, overview, periods, schema
from data_access.db_init import init_database
from data_access.engine import file_identity, make_engine
from data_access.workdays import wib_date

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
    # With the SQLite file's identity: a file replaced by another (a restored backup) at the same path never shares
    # figures with it, even where its watermark happens to be the same.
    with _engine_for(url).connect() as conn:
        return file_identity(conn), overview.data_version(conn)


def data_version() -> tuple:
    """(database URL, (SQLite file identity or None, watermark)): the first part of every cache key, so two databases
    never share figures."""
    url = config.public_database_url()
    return url, _data_version(url)


def forget_watermark() -> None:
    """After a database error, re-read the watermark on the next run instead of trusting a cached one."""
    _data_version.clear()


def cached_figure(query: Callable | None = None, /, *, ages_with_calendar: bool = False, connects: bool = True,
                  max_entries: int = 64) -> Callable:
    """`query` as a page calls it: the same arguments without the connection, its answer cached by st.cache_data on
    (database URL, watermark) and the arguments. Usable as `cached_figure(query, ...)` or `@cached_figure(...)`.

    ages_with_calendar: the figures change with the WIB date even when the data does not (running clocks, windows
    ending today), so the date is part of the key, and a `now` parameter is given the instant (hidden from callers).
    connects=False: a figure computed from other cached figures, which needs no connection of its own.
    The result's `.clear()` empties its cache; st.cache_data.clear() empties it too.
    """
    if query is None:
        return functools.partial(cached_figure, ages_with_calendar=ages_with_calendar, connects=connects,
                                 max_entries=max_entries)
    parameters = list(signature(query).parameters.values())[1 if connects else 0:]
    takes_now = any(parameter.name == "now" for parameter in parameters)
    if takes_now and not ages_with_calendar:
        # Keyed by the watermark alone, it would keep yesterday's answer for as long as no data changes.
        raise TypeError(f"{query.__qualname__} takes `now`: wrap it with ages_with_calendar=True")
    public = Signature([parameter for parameter in parameters if parameter.name != "now"])

    def compute(version: tuple, today: str | None, _now: datetime | None, args: tuple, kwargs: dict):
        if takes_now:
            kwargs = {**kwargs, "now": _now}
        if not connects:
            return query(*args, **kwargs)
        with public_engine().connect() as conn:
            return query(conn, *args, **kwargs)

    # st.cache_data names a function's cache by its module and qualified name: one cache per wrapped query, where
    # every `compute` would otherwise share one.
    compute.__module__, compute.__name__, compute.__qualname__ = query.__module__, query.__name__, query.__qualname__
    cached = st.cache_data(compute, show_spinner=False, max_entries=max_entries)

    @functools.wraps(query)
    def figure(*args, **kwargs):
        bound = public.bind(*args, **kwargs)
        bound.apply_defaults()  # f(x) and f(x, default) share one cache entry
        now = clock.now() if ages_with_calendar else None
        today = wib_date(now).isoformat() if ages_with_calendar else None
        return cached(data_version(), today, now, bound.args, bound.kwargs)

    figure.__signature__ = public
    figure.clear = cached.clear
    return figure


# The sources the dashboard's figures are computed from (data_access.overview.data_freshness's keys).
FIGURE_SOURCES = ("surveys", "complaints")

region_overview = cached_figure(overview.region_overview, ages_with_calendar=True, max_entries=16)
data_freshness = cached_figure(overview.data_freshness, max_entries=4)
data_span = cached_figure(overview.data_span, max_entries=4)
survey_span = cached_figure(overview.survey_span, max_entries=4)
_is_demo = cached_figure(overview.is_demo, max_entries=4)


def is_demo() -> bool:
    """Whether the data is the demo's (the banner); while the database cannot be read, the last answer, so that the
    page still runs and shows the outage notice in each of its blocks."""
    url = config.public_database_url()
    with contextlib.suppress(SQLAlchemyError):
        _LAST_DEMO[url] = _is_demo()
    return _LAST_DEMO.get(url, False)


def period_options() -> list[str]:
    """Period codes covering the questionnaires and complaints held."""
    return periods.period_options(*data_span())


def newest_change() -> datetime | None:
    """The newest questionnaire or complaint event: the 'data per' time of downloads and citations, whose figures are
    made of those (a unit list's import or the Ombudsman's year does not make them newer)."""
    freshness = data_freshness()
    return max((freshness[source] for source in FIGURE_SOURCES if source in freshness), default=None)
