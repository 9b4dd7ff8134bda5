"""IKM figures from the per unit per day rollups (sums per element and of respondents' squared totals) pooled with
published SKM results.

A published summary (DOMAIN.md §1.8) counts as if all its respondents answered on its period's last day: every
figure that takes the day of period_end takes the whole summary, and none of it falls in other days, so a summary of
a quarter shows in the trend as the month of its end, never spread into monthly detail it does not have. Element
sums are pooled in ten-thousandths (schema.NRR_UNITS): an answer of a questionnaire is 10,000 of them, a summary's
sum is its NRR in ten-thousandths x respondents, both exact integers.
"""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

from sqlalchemy import BigInteger, Connection, cast, func, literal, select, union_all

from data_access import clock, periods, schema
from data_access.elements import ELEMENTS, PROFILE_DIMENSIONS
from data_access.filters import Filters
from data_access.ikm import IkmResult, ikm_from_sums
from data_access.periods import period_bounds
from data_access.privacy import SMALL_COUNT_THRESHOLD
from data_access.sample import ADEQUATE, minimum_sample, period_population, sample_adequacy
from data_access.sql_time import wib_month
from data_access.workdays import WIB

_units = schema.service_units
_summaries = schema.skm_summaries
_questionnaires = schema.survey_daily


def _pooled_rows():
    """Questionnaire days and published summaries as one set of rows: unit_id, day, respondents, the nine element
    sums in ten-thousandths, total_squares (0 for summaries, whose respondents' scores are unknown) and
    summary_respondents."""
    daily = select(
        _questionnaires.c.unit_id,
        _questionnaires.c.day,
        _questionnaires.c.respondents,
        *[(cast(_questionnaires.c[name], BigInteger) * schema.NRR_UNITS).label(name) for name in ELEMENTS],
        _questionnaires.c.total_squares,
        literal(0).label("summary_respondents"),
    )
    published = select(
        _summaries.c.unit_id,
        _summaries.c.period_end.label("day"),
        _summaries.c.respondents,
        *[(cast(_summaries.c[f"nrr_{name}"], BigInteger) * _summaries.c.respondents).label(name) for name in ELEMENTS],
        literal(0).label("total_squares"),
        _summaries.c.respondents.label("summary_respondents"),
    )
    return union_all(daily, published).subquery("pooled")


_pooled = _pooled_rows()

_AGGREGATES = [
    func.sum(_pooled.c.respondents).label("respondents"),
    *[func.sum(_pooled.c[name]).label(name) for name in ELEMENTS],
    func.sum(_pooled.c.total_squares).label("total_squares"),
    func.sum(_pooled.c.summary_respondents).label("summary_respondents"),
]


def _result(row) -> IkmResult | None:
    if not row or not row.respondents:
        return None
    sums = {name: Fraction(int(getattr(row, name)), schema.NRR_UNITS) for name in ELEMENTS}
    return ikm_from_sums(int(row.respondents), sums, int(row.total_squares), int(row.summary_respondents))


def _base(filters: Filters, *columns):
    return (
        select(*columns)
        .select_from(_pooled.join(_units, _pooled.c.unit_id == _units.c.id))
        .where(filters.unit_conditions(), filters.day_conditions(_pooled.c.day))
    )


def ikm_summary(conn: Connection, filters: Filters) -> IkmResult | None:
    """IKM over every questionnaire matching the filters; None when there are none."""
    return _result(conn.execute(_base(filters, *_AGGREGATES)).one())


def ikm_by_region(conn: Connection, filters: Filters) -> dict[str, IkmResult]:
    """IKM per region code."""
    query = _base(filters, _units.c.region_code, *_AGGREGATES).group_by(_units.c.region_code)
    return {row.region_code: _result(row) for row in conn.execute(query)}


def ikm_by_kecamatan(conn: Connection, filters: Filters) -> dict[str, IkmResult]:
    """IKM per kecamatan code over every questionnaire of the kecamatan's units (units without one left out)."""
    query = (
        _base(filters, _units.c.kecamatan_code, *_AGGREGATES)
        .where(_units.c.kecamatan_code.is_not(None))
        .group_by(_units.c.kecamatan_code)
    )
    return {row.kecamatan_code: _result(row) for row in conn.execute(query)}


def period_days(conn: Connection, filters: Filters) -> int:
    """Length in days of the filters' period; an open end is taken from the data (first or last response)."""
    start, end = filters.date_from, filters.date_to
    if start is None or end is None:
        first, last = conn.execute(_base(filters, func.min(_pooled.c.day), func.max(_pooled.c.day))).one()
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
                "summary_respondents": result.summary_respondents,
                "weakest_element": result.weakest_element,
                "population": population,
                "minimum_sample": minimum_sample(population) if population else None,
                "sample": sample_adequacy(result.respondents, population),
                "elements": {name: score.ikm for name, score in result.elements.items()},
                "element_grades": {name: score.grade for name, score in result.elements.items()},
            }
        )
    return rows


def newest_response_date(conn: Connection, before: date | None = None) -> date | None:
    """WIB date of the newest questionnaire or summary's period end (before `before` when given), the anchor of
    'the latest quarter'."""
    query = select(func.max(_pooled.c.day))
    if before is not None:
        query = query.where(_pooled.c.day < before)
    return conn.execute(query).scalar()


def graded_quarter_on(conn: Connection, today: date) -> str:
    """The quarter graded and ranked on `today` (periods.graded_quarter): the quarter of the newest questionnaire
    before today's running quarter, so a complete quarter that holds questionnaires; the last complete quarter when
    there are none."""
    running_start = period_bounds(periods.quarter_code(today))[0]
    return periods.graded_quarter(today, newest_response_date(conn, before=running_start))


def ikm_trend(conn: Connection, filters: Filters, granularity: str = "month", by_region: bool = False) -> list[dict]:
    """IKM per month ('2025-03') or quarter ('2025-Q1'), optionally per region, oldest first.

    Months are summed in SQL; quarters add up their months' sums, so both are exact."""
    if granularity not in ("month", "quarter"):
        raise ValueError(f"granularity must be month or quarter, not {granularity!r}")
    month = wib_month(_pooled.c.day)
    groups = [month] + ([_units.c.region_code] if by_region else [])
    query = _base(filters, month.label("month"), *groups[1:], *_AGGREGATES).group_by(*groups)
    totals: dict[tuple, dict] = {}
    for row in conn.execute(query):
        period = row.month if granularity == "month" else periods.quarter_of_month(row.month)
        key = (period, row.region_code if by_region else None)
        counted = ("respondents", "total_squares", "summary_respondents", *ELEMENTS)
        entry = totals.setdefault(key, dict.fromkeys(counted, 0))
        for name in counted:
            entry[name] += int(getattr(row, name))
    trend = []
    for (period, region), sums in sorted(totals.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        element_sums = {name: Fraction(sums[name], schema.NRR_UNITS) for name in ELEMENTS}
        result = ikm_from_sums(sums["respondents"], element_sums, sums["total_squares"], sums["summary_respondents"])
        point = {"period": period, "respondents": result.respondents, "ikm": result.ikm, "grade": result.grade,
                 "ci95": list(result.ci95) if result.ci95 else None,
                 "summary_respondents": result.summary_respondents}
        if by_region:
            point["region_code"] = region
        trend.append(point)
    return trend


def respondent_profile(conn: Connection, filters: Filters) -> dict[str, dict[str, int]]:
    """Respondents per value of each profile dimension ('' = not answered), from the monthly profile rollup (the
    filters' period must be whole months); every dimension empty when profile_withheld."""
    profile = schema.survey_profile_monthly
    query = (
        select(profile.c.dimension, profile.c.value, func.sum(profile.c.respondents).label("respondents"))
        .select_from(profile.join(_units, profile.c.unit_id == _units.c.id))
        .where(filters.unit_conditions(), filters.month_conditions(profile.c.month))
        .group_by(profile.c.dimension, profile.c.value)
    )
    result: dict[str, dict[str, int]] = {dimension: {} for dimension in PROFILE_DIMENSIONS}
    for row in conn.execute(query):
        result[row.dimension][row.value] = int(row.respondents)
    if profile_withheld(sum(result[PROFILE_DIMENSIONS[0]].values())):
        return {dimension: {} for dimension in PROFILE_DIMENSIONS}
    return result


def profile_withheld(respondents: int) -> bool:
    """Whether the profile of this many respondents is withheld: below privacy.SMALL_COUNT_THRESHOLD, their sex,
    age, education and occupation beside the element scores could describe one person and their answers."""
    return 0 < respondents < SMALL_COUNT_THRESHOLD


def ranking(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """Units fit to rank (adequate sample), best first, and the ones left out with the reason in 'sample'."""
    ranked = sorted((r for r in rows if r["sample"] == ADEQUATE), key=lambda r: (-r["ikm"], r["unit_code"]))
    left_out = [r for r in rows if r["sample"] != ADEQUATE]
    return ranked, left_out


def unit_detail(conn: Connection, code: str) -> dict | None:
    """One unit's description with its region and kecamatan names; None when no unit has that code."""
    regions, kecamatan = schema.regions, schema.kecamatan
    query = (
        select(
            _units.c.code, _units.c.name, _units.c.kind, _units.c.region_code,
            regions.c.name.label("region_name"), _units.c.kecamatan_code, kecamatan.c.name.label("kecamatan_name"),
            _units.c.address, _units.c.latitude, _units.c.longitude, _units.c.annual_users, _units.c.active,
        )
        .select_from(
            _units.join(regions, _units.c.region_code == regions.c.code)
            .outerjoin(kecamatan, _units.c.kecamatan_code == kecamatan.c.code)
        )
        .where(_units.c.code == code)
    )
    row = conn.execute(query).first()
    return dict(row._mapping) if row else None


def latest_quarter(conn: Connection, filters: Filters) -> str | None:
    """Code ('2025-Q4') of the calendar quarter holding the newest questionnaire (or summary's period end) that
    matches the filters."""
    newest = conn.execute(_base(filters, func.max(_pooled.c.day))).scalar()
    return None if newest is None else f"{newest.year}-Q{(newest.month - 1) // 3 + 1}"


def unit_current(conn: Connection, code: str, now: datetime | None = None) -> dict | None:
    """A unit's figures now, on now's WIB date: 'period', the quarter graded (periods.graded_quarter on the newest
    data of the whole database: the quarter Kepuasan and Pimpinan grade and rank, so the card names the same one);
    'graded', the unit's ikm_by_unit row over it (None without questionnaires in it); 'running', the running
    quarter's row with its code as 'period', provisional since the quarter holds only part of its respondents
    (None without questionnaires in it). None when the unit has no questionnaires at all."""
    if latest_quarter(conn, Filters(unit=code)) is None:
        return None
    today = (now or clock.now()).astimezone(WIB).date()
    graded = graded_quarter_on(conn, today)
    return {"period": graded, "graded": _unit_quarter(conn, code, graded),
            "running": _unit_quarter(conn, code, periods.quarter_code(today))}


def _unit_quarter(conn: Connection, code: str, quarter: str) -> dict | None:
    """The unit's ikm_by_unit row over a quarter with the quarter's code as 'period' (the sample rule then uses the
    quarter's users); None without questionnaires in it."""
    start, end = period_bounds(quarter)
    rows = ikm_by_unit(conn, Filters(unit=code, date_from=start, date_to=end))
    return {**rows[0], "period": quarter} if rows else None


def summary_periods(conn: Connection, filters: Filters) -> list[dict]:
    """The published summaries matching the filters (by period_end, as every figure counts them), oldest first:
    unit_code, period_start, period_end, respondents, ikm and grade of each."""
    query = (
        select(_units.c.code, _summaries)
        .select_from(_summaries.join(_units, _summaries.c.unit_id == _units.c.id))
        .where(filters.unit_conditions(), filters.day_conditions(_summaries.c.period_end))
        .order_by(_summaries.c.period_end, _units.c.code)
    )
    periods = []
    for row in conn.execute(query):
        sums = {name: Fraction(getattr(row, f"nrr_{name}") * row.respondents, schema.NRR_UNITS) for name in ELEMENTS}
        result = ikm_from_sums(row.respondents, sums, summary_respondents=row.respondents)
        periods.append({"unit_code": row.code, "period_start": row.period_start, "period_end": row.period_end,
                        "respondents": row.respondents, "ikm": result.ikm, "grade": result.grade})
    return periods
