"""Per unit per WIB day rollups of questionnaires (and per month of their respondents' profile), recomputed for
the days a write touched.

Every path that writes questionnaires (imports, demo data, the survey form) calls refresh_survey_rollups in
its own transaction, so pages reading the rollups are never behind the raw rows.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, String, case, cast, delete, func, insert, literal, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from data_access import schema
from data_access.elements import AGE_GROUPS, ELEMENTS, PROFILE_DIMENSIONS
from data_access.periods import month_end, month_start
from data_access.sql_time import wib_day, wib_month_start
from data_access.workdays import wib_date, wib_day_end, wib_day_start

_raw = schema.survey_responses
_daily = schema.survey_daily
_profile = schema.survey_profile_monthly
_total = sum((_raw.c[name] for name in ELEMENTS[1:]), _raw.c[ELEMENTS[0]])


def _age_group():
    return case(
        *[(_raw.c.age.between(low, high), literal(label)) for low, high, label in AGE_GROUPS],
        else_=literal(""),
    )


def _profile_value(dimension: str):
    if dimension == "age_group":
        return _age_group()
    return func.coalesce(cast(_raw.c[dimension], String), literal(""))


def refresh_survey_rollups(conn: Connection, day_from: date, day_to: date) -> None:
    """Recompute the daily rollup for WIB days day_from..day_to (inclusive) and the monthly profile for the whole
    months around them, from the raw questionnaires."""
    in_days = (_raw.c.submitted_at >= wib_day_start(day_from)) & (_raw.c.submitted_at < wib_day_end(day_to))
    first_month, last_month = month_start(day_from), month_start(day_to)
    in_months = ((_raw.c.submitted_at >= wib_day_start(first_month))
                 & (_raw.c.submitted_at < wib_day_end(month_end(last_month))))
    conn.execute(delete(_daily).where(_daily.c.day.between(day_from, day_to)))
    conn.execute(delete(_profile).where(_profile.c.month.between(first_month, last_month)))
    day = wib_day(_raw.c.submitted_at)
    month = wib_month_start(_raw.c.submitted_at)
    sums = select(
        _raw.c.unit_id,
        day.label("day"),
        func.count().label("respondents"),
        *[func.sum(_raw.c[name]).label(name) for name in ELEMENTS],
        func.sum(_total * _total).label("total_squares"),
    ).where(in_days).group_by(_raw.c.unit_id, day)
    conn.execute(
        insert(_daily).from_select(["unit_id", "day", "respondents", *ELEMENTS, "total_squares"], sums)
    )
    for dimension in PROFILE_DIMENSIONS:
        value = _profile_value(dimension)
        counts = select(
            _raw.c.unit_id, month.label("month"), literal(dimension).label("dimension"), value.label("value"),
            func.count().label("respondents"),
        ).where(in_months).group_by(_raw.c.unit_id, month, value)
        conn.execute(
            insert(_profile).from_select(["unit_id", "month", "dimension", "value", "respondents"], counts)
        )


def refresh_for_instants(conn: Connection, first, last) -> None:
    """refresh_survey_rollups for the WIB days spanned by two aware instants (the oldest and newest written)."""
    refresh_survey_rollups(conn, wib_date(first), wib_date(last))


def rebuild_survey_rollups(conn: Connection) -> int:
    """Recompute the rollups over all questionnaires; returns the number of unit-days."""
    first, last = conn.execute(select(func.min(_raw.c.submitted_at), func.max(_raw.c.submitted_at))).one()
    conn.execute(delete(_daily))
    conn.execute(delete(_profile))
    if first is None:
        return 0
    refresh_for_instants(conn, first, last)
    return conn.execute(select(func.count()).select_from(_daily)).scalar_one()


def _age_group_of(age: int | None) -> str:
    return next((label for low, high, label in AGE_GROUPS if age is not None and low <= age <= high), "")


def _upsert_adding(conn: Connection, table, keys: dict, amounts: dict) -> None:
    """INSERT the row, or add `amounts` to the existing one: atomic on both backends, so concurrent
    submissions never lose each other's counts."""
    dialect_insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    statement = dialect_insert(table).values(**keys, **amounts)
    statement = statement.on_conflict_do_update(
        index_elements=list(keys),
        set_={name: table.c[name] + statement.excluded[name] for name in amounts},
    )
    conn.execute(statement)


def add_questionnaire_to_rollups(conn: Connection, row: dict) -> None:
    """Count one newly inserted questionnaire (a survey_responses row as a dict) into both rollups."""
    day = wib_date(row["submitted_at"])
    total = sum(row[name] for name in ELEMENTS)
    _upsert_adding(conn, _daily, {"unit_id": row["unit_id"], "day": day},
                   {"respondents": 1, **{name: row[name] for name in ELEMENTS}, "total_squares": total * total})
    for dimension in PROFILE_DIMENSIONS:
        value = _age_group_of(row.get("age")) if dimension == "age_group" else (row.get(dimension) or "")
        keys = {"unit_id": row["unit_id"], "month": month_start(day), "dimension": dimension, "value": value}
        _upsert_adding(conn, _profile, keys, {"respondents": 1})
