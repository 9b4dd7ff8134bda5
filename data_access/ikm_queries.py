"""IKM figures from the per unit per day rollups: sums per element and of respondents' squared totals."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, func, select

from data_access import schema
from data_access.elements import ELEMENTS
from data_access.filters import Filters
from data_access.ikm import IkmResult, ikm_from_sums
from data_access.sample import minimum_sample, period_population, sample_adequacy

_daily = schema.survey_daily
_units = schema.service_units

_AGGREGATES = [
    func.sum(_daily.c.respondents).label("respondents"),
    *[func.sum(_daily.c[name]).label(name) for name in ELEMENTS],
    func.sum(_daily.c.total_squares).label("total_squares"),
]


def _result(row) -> IkmResult | None:
    if not row or not row.respondents:
        return None
    sums = {name: int(getattr(row, name)) for name in ELEMENTS}
    return ikm_from_sums(int(row.respondents), sums, int(row.total_squares))


def _base(filters: Filters, *columns):
    return (
        select(*columns)
        .select_from(_daily.join(_units, _daily.c.unit_id == _units.c.id))
        .where(filters.unit_conditions(), filters.day_conditions(_daily.c.day))
    )


def ikm_summary(conn: Connection, filters: Filters) -> IkmResult | None:
    """IKM over every questionnaire matching the filters; None when there are none."""
    return _result(conn.execute(_base(filters, *_AGGREGATES)).one())


def ikm_by_region(conn: Connection, filters: Filters) -> dict[str, IkmResult]:
    """IKM per region code."""
    query = _base(filters, _units.c.region_code, *_AGGREGATES).group_by(_units.c.region_code)
    return {row.region_code: _result(row) for row in conn.execute(query)}


def period_days(conn: Connection, filters: Filters) -> int:
    """Length in days of the filters' period; an open end is taken from the data (first or last response)."""
    start, end = filters.date_from, filters.date_to
    if start is None or end is None:
        first, last = conn.execute(_base(filters, func.min(_daily.c.day), func.max(_daily.c.day))).one()
        if first is None:
            return 0
        start = start or first
        end = end or last
    return max((end - start).days + 1, 1)


def ikm_by_unit(conn: Connection, filters: Filters) -> list[dict]:
    """One row per unit with questionnaires: IKM, grade, n, CI, weakest element and sample adequacy."""
    days = period_days(conn, filters)
    query = _base(
        filters,
        _units.c.code,
        _units.c.name,
        _units.c.kind,
        _units.c.region_code,
        _units.c.kecamatan_code,
        _units.c.annual_users,
        *_AGGREGATES,
    ).group_by(
        _units.c.code, _units.c.name, _units.c.kind, _units.c.region_code, _units.c.kecamatan_code,
        _units.c.annual_users,
    ).order_by(_units.c.code)
    rows = []
    for row in conn.execute(query):
        result = _result(row)
        population = period_population(row.annual_users, days)
        rows.append(
            {
                "unit_code": row.code,
                "name": row.name,
                "kind": row.kind,
                "region_code": row.region_code,
                "kecamatan_code": row.kecamatan_code,
                "respondents": result.respondents,
                "ikm": result.ikm,
                "grade": result.grade,
                "label": result.label,
                "ci95": list(result.ci95) if result.ci95 else None,
                "weakest_element": result.weakest_element,
                "population": population,
                "minimum_sample": minimum_sample(population) if population else None,
                "sample": sample_adequacy(result.respondents, population),
                "elements": {name: score.ikm for name, score in result.elements.items()},
            }
        )
    return rows


def newest_response_date(conn: Connection) -> date | None:
    """WIB date of the newest questionnaire, the anchor of 'the latest quarter'."""
    return conn.execute(select(func.max(_daily.c.day))).scalar()
