"""SQL expressions for WIB calendar dates of UTC timestamp columns, compiled for each backend.

Timestamps are stored as naive UTC; WIB is UTC+7 all year (no daylight saving), so a fixed offset is exact.
"""

from __future__ import annotations

from sqlalchemy import Date, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class wib_day(FunctionElement):
    """The WIB calendar date of a UTC timestamp column."""

    type = Date()
    inherit_cache = True
    name = "wib_day"


class wib_month_start(FunctionElement):
    """The first day of the WIB calendar month of a UTC timestamp column."""

    type = Date()
    inherit_cache = True
    name = "wib_month_start"


class wib_month(FunctionElement):
    """'YYYY-MM' of a date column (already a WIB date)."""

    type = String()
    inherit_cache = True
    name = "wib_month"


@compiles(wib_day, "sqlite")
def _wib_day_sqlite(element, compiler, **kw):
    return f"date({compiler.process(element.clauses, **kw)}, '+7 hours')"


@compiles(wib_day, "postgresql")
def _wib_day_postgresql(element, compiler, **kw):
    return f"CAST(({compiler.process(element.clauses, **kw)} + INTERVAL '7 hours') AS DATE)"


@compiles(wib_month, "sqlite")
def _wib_month_sqlite(element, compiler, **kw):
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


@compiles(wib_month, "postgresql")
def _wib_month_postgresql(element, compiler, **kw):
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


@compiles(wib_month_start, "sqlite")
def _wib_month_start_sqlite(element, compiler, **kw):
    return f"date({compiler.process(element.clauses, **kw)}, '+7 hours', 'start of month')"


@compiles(wib_month_start, "postgresql")
def _wib_month_start_postgresql(element, compiler, **kw):
    return f"CAST(date_trunc('month', {compiler.process(element.clauses, **kw)} + INTERVAL '7 hours') AS DATE)"
