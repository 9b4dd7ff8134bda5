"""The filters every figure can be narrowed by, validated once, and turned into SQL conditions; and the URL
parameters that choose them (the pages' addresses and the open data API read the same ones, with the same rules)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, true

from data_access import schema
from data_access.periods import ALL, period_bounds
from data_access.reference import KECAMATAN, REGION_CODES, UNIT_CODE_PATTERN, UNIT_KINDS
from data_access.workdays import wib_day_end, wib_day_start

_KECAMATAN_CODES = frozenset(row["code"] for row in KECAMATAN)
_UNIT_CODE = re.compile(UNIT_CODE_PATTERN)

# The URL parameters of the filters: stable codes, since shared links and API calls carry them.
REGION_PARAM = "wilayah"
KIND_PARAM = "jenis"
KECAMATAN_PARAM = "kecamatan"
PERIOD_PARAM = "periode"
UNIT_PARAM = "unit"


class InvalidFilter(ValueError):
    """A filter value that is not allowed; `field` names which one."""

    def __init__(self, field: str, value: object):
        super().__init__(f"{field}: {value!r}")
        self.field = field
        self.value = value


@dataclass(frozen=True)
class Filters:
    region: str | None = None
    unit: str | None = None
    kind: str | None = None
    kecamatan: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self) -> None:
        if self.region is not None and self.region not in REGION_CODES:
            raise InvalidFilter("region", self.region)
        if self.unit is not None and not _UNIT_CODE.match(self.unit):
            raise InvalidFilter("unit", self.unit)
        if self.kind is not None and self.kind not in UNIT_KINDS:
            raise InvalidFilter("kind", self.kind)
        if self.kecamatan is not None and self.kecamatan not in _KECAMATAN_CODES:
            raise InvalidFilter("kecamatan", self.kecamatan)
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidFilter("date_to", self.date_to)

    def unit_conditions(self) -> ColumnElement[bool]:
        """Conditions on service_units (join it in the query)."""
        units = schema.service_units.c
        conditions = []
        if self.region:
            conditions.append(units.region_code == self.region)
        if self.unit:
            conditions.append(units.code == self.unit)
        if self.kind:
            conditions.append(units.kind == self.kind)
        if self.kecamatan:
            conditions.append(units.kecamatan_code == self.kecamatan)
        return and_(true(), *conditions)

    def period_conditions(self, column) -> ColumnElement[bool]:
        """Conditions putting a UTC timestamp column inside the period's WIB dates (both ends inclusive)."""
        conditions = []
        if self.date_from:
            conditions.append(column >= wib_day_start(self.date_from))
        if self.date_to:
            conditions.append(column < wib_day_end(self.date_to))
        return and_(true(), *conditions)

    def day_conditions(self, column) -> ColumnElement[bool]:
        """Conditions putting a WIB date column inside the period (both ends inclusive)."""
        conditions = []
        if self.date_from:
            conditions.append(column >= self.date_from)
        if self.date_to:
            conditions.append(column <= self.date_to)
        return and_(true(), *conditions)

    def month_conditions(self, column) -> ColumnElement[bool]:
        """Conditions putting a month column (its first day) inside the period, which must be whole months (every
        period a page offers is: months, quarters, years)."""
        if self.date_from and self.date_from.day != 1:
            raise ValueError(f"a monthly rollup cannot start on {self.date_from}")
        if self.date_to and (self.date_to + timedelta(days=1)).day != 1:
            raise ValueError(f"a monthly rollup cannot end on {self.date_to}")
        return self.day_conditions(column)

    def replace(self, **changes) -> Filters:
        values = {**self.__dict__, **changes}
        return Filters(**values)


# ------------------------------------------------------------------------------------------- from an address


def kecamatan_codes(region: str | None) -> list[str]:
    """The kecamatan a page offers once `region` is chosen (all 28 without one), in the reference order."""
    return [row["code"] for row in KECAMATAN if region in (None, row["region_code"])]


def unit_code(raw: str) -> str:
    """A unit code as people type it into an address (blanks around it, lower case) in its written form; an
    InvalidFilter naming the `unit` parameter when it is not shaped like a code."""
    code = raw.strip().upper()
    if not _UNIT_CODE.match(code):
        raise InvalidFilter(UNIT_PARAM, raw)
    return code


def _choice(params: Mapping[str, str], name: str, allowed: Collection[str]) -> str | None:
    if name not in params:
        return None
    if params[name] not in allowed:
        raise InvalidFilter(name, params[name])
    return params[name]


def from_params(params: Mapping[str, str], period_codes: Collection[str]) -> Filters:
    """The filters an address's parameters choose, by the pages' rules: a region of REGION_CODES, a kind of
    UNIT_KINDS, a kecamatan of the chosen region, a period among `period_codes` (the ones the data covers, as the
    period picker offers them; `semua` is all) and a unit shaped like a code (whether it exists is the caller's
    question: it needs the database). A parameter left out selects everything; any other value, the empty one
    included, raises InvalidFilter naming the parameter. Parameters of other names are not read."""
    region = _choice(params, REGION_PARAM, REGION_CODES)
    kind = _choice(params, KIND_PARAM, UNIT_KINDS)
    kecamatan = _choice(params, KECAMATAN_PARAM, kecamatan_codes(region))
    period = _choice(params, PERIOD_PARAM, period_codes) or ALL
    unit = unit_code(params[UNIT_PARAM]) if UNIT_PARAM in params else None
    date_from, date_to = period_bounds(period)
    return Filters(region=region, unit=unit, kind=kind, kecamatan=kecamatan, date_from=date_from, date_to=date_to)
