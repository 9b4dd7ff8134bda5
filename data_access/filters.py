"""The filters every figure can be narrowed by, validated once, and turned into SQL conditions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, true

from data_access import schema
from data_access.reference import KECAMATAN, REGION_CODES, UNIT_CODE_PATTERN, UNIT_KINDS
from data_access.workdays import wib_day_end, wib_day_start

_KECAMATAN_CODES = frozenset(row["code"] for row in KECAMATAN)
_UNIT_CODE = re.compile(UNIT_CODE_PATTERN)


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
