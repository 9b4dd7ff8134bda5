"""`report ikm|complaints`: the same figures the pages show, as JSON-ready dicts (DESIGN.md "Contracts")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, select

from data_access import schema
from data_access.complaint_queries import complaint_summary, complaints_by_unit
from data_access.filters import Filters
from data_access.ikm_queries import ikm_by_unit, ikm_summary


class UnknownUnit(LookupError):
    """A unit code that is well formed but not in the database."""


def _check_unit(conn, filters: Filters) -> None:
    if filters.unit is None:
        return
    found = conn.execute(select(schema.service_units.c.id).where(schema.service_units.c.code == filters.unit)).first()
    if found is None:
        raise UnknownUnit(filters.unit)


def ikm_report(engine: Engine, filters: Filters, by_unit: bool = False) -> dict:
    with engine.connect() as conn:
        _check_unit(conn, filters)
        if by_unit:
            return {"units": ikm_by_unit(conn, filters)}
        result = ikm_summary(conn, filters)
    if result is None:
        return {"respondents": 0, "ikm": None, "grade": None, "label": None, "elements": {}, "ci95": None}
    return result.as_json()


def complaints_report(engine: Engine, filters: Filters, by_unit: bool = False, now: datetime | None = None) -> dict:
    with engine.connect() as conn:
        _check_unit(conn, filters)
        if by_unit:
            return {"units": complaints_by_unit(conn, filters, now)}
        return complaint_summary(conn, filters, now)
