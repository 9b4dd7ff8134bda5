"""Per unit per WIB day rollups of questionnaires, recomputed for the days a write touched.

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
from data_access.sql_time import wib_day
from data_access.workdays import wib_date, wib_day_end, wib_day_start

_raw = schema.survey_responses
_daily = schema.survey_daily
_profile = schema.survey_profile_daily
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
    """Recompute both rollups for WIB days day_from..day_to (inclusive) from the raw questionnaires."""
    in_days = (_raw.c.submitted_at >= wib_day_start(day_from)) & (_raw.c.submitted_at < wib_day_end(day_to))
    conn.execute(delete(_daily).where(_daily.c.day.between(day_from, day_to)))
    conn.execute(delete(_profile).where(_profile.c.day.between(day_from, day_to)))
    day = wib_day(_raw.c.submitted_at)
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
            _raw.c.unit_id, day.label("day"), literal(dimension).label("dimension"), value.label("value"),
            func.count().label("respondents"),
        ).where(in_days).group_by(_raw.c.unit_id, day, value)
        conn.execute(
            insert(_profile).from_select(["unit_id", "day", "dimension", "value", "respondents"], counts)
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
    keys = {"unit_id": row["unit_id"], "day": day}
    _upsert_adding(conn, _daily, keys, {"respondents": 1, **{name: row[name] for name in ELEMENTS},
                                        "total_squares": total * total})
    for dimension in PROFILE_DIMENSIONS:
        value = _age_group_of(row.get("age")) if dimension == "age_group" else (row.get(dimension) or "")
        _upsert_adding(conn, _profile, {**keys, "dimension": dimension, "value": value}, {"respondents": 1})
