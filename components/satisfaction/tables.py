"""The satisfaction tables of Kepuasan and of a unit's report card, as the Data page and the API list them."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from components.i18n import t
from components.legacy_dataset import Dataset
from components.satisfaction import figures as ikm_data
from components.satisfaction import frames as iframes
from components.table import titled
from data_access.elements import PROFILE_DIMENSIONS
from data_access.filters import Filters
from data_access.ikm_queries import ranking
from data_access.periods import period_bounds
from data_access.reference import REGION_CODES


def _elements(result) -> pd.DataFrame:
    if result is None:
        return pd.DataFrame()
    return iframes.element_table(iframes.element_frame(*iframes.element_scores(result)))


def _region_scope(code: str) -> Callable[[Filters], Filters]:
    return lambda filters: filters.replace(region=code)


def _ikm_trend(granularity: str) -> Callable[[Filters], pd.DataFrame]:
    return lambda filters: iframes.trend_table(iframes.trend_frame(ikm_data.trend(filters, granularity)))


def _regions_trend(filters: Filters) -> pd.DataFrame:
    names = {code: t(f"region.{code}") for code in REGION_CODES}
    return iframes.trend_table(iframes.trend_frame(ikm_data.trend(filters, "quarter", by_region=True), names))


def _profile(dimension: str) -> Callable[[Filters], pd.DataFrame]:
    return lambda filters: iframes.profile_table(iframes.profile_frame(dimension, ikm_data.profile(filters)[dimension]))


def _trend_title(granularity: str) -> Callable[[Filters], str]:
    return titled("ikm.trend.title", granularity=lambda: t(f"ikm.trend.{granularity}").lower())


def unit_quarter(filters: Filters) -> Filters:
    """The card's elements cover the unit's latest quarter with questionnaires."""
    current = ikm_data.unit_current(filters.unit)
    if current is None:
        return Filters(unit=filters.unit)
    start, end = period_bounds(current["period"])
    return Filters(unit=filters.unit, date_from=start, date_to=end)


def unit_only(filters: Filters) -> Filters:
    return Filters(unit=filters.unit)


def _unit_elements(filters: Filters) -> pd.DataFrame:
    current = ikm_data.unit_current(filters.unit)
    if current is None:
        return pd.DataFrame()
    return iframes.element_table(iframes.element_frame(current["elements"], current["element_grades"]))


TABLES = (
    Dataset("ikm-per-unit", "kepuasan", titled("ikm.units.heading"),
            lambda f: iframes.unit_tables(ikm_data.by_unit(f))[1], "ikm-per-unit"),
    Dataset("ikm-peringkat", "kepuasan", titled("ikm.ranking.heading"),
            lambda f: iframes.ranking_tables(ranking(ikm_data.by_unit(f))[0])[1], "ikm-peringkat"),
    Dataset("ikm-unsur", "kepuasan", titled("ikm.elements.title"), lambda f: _elements(ikm_data.summary(f)),
            "ikm-unsur-elements"),
    *(Dataset(f"ikm-unsur-{code}", "kepuasan", titled("ikm.elements.title_of", name=lambda c=code: t(f"region.{c}")),
              lambda f: _elements(ikm_data.summary(f)), f"ikm-unsur-elements-{code}", scope=_region_scope(code))
      for code in REGION_CODES),
    Dataset("ikm-unsur-per-unit", "kepuasan", titled("ikm.elements.per_unit"),
            lambda f: iframes.unit_element_tables(ikm_data.by_unit(f))[1], "ikm-unsur-per-unit",
            vocabulary=("ikm.element.", "ikm.col.")),
    Dataset("ikm-wilayah-triwulan", "kepuasan", titled("ikm.regions.trend_title"), _regions_trend,
            "ikm-wilayah-triwulan"),
    *(Dataset(f"ikm-tren-{g}", "kepuasan", _trend_title(g), _ikm_trend(g), f"ikm-tren-{g}")
      for g in ("month", "quarter")),
    Dataset("ikm-persepsi-kinerja", "kepuasan", titled("ikm.perception.heading"),
            lambda f: iframes.perception_tables(ikm_data.perception_by_unit(f))[1], "ikm-persepsi-kinerja"),
    *(Dataset(f"ikm-profil-{d}", "kepuasan",
              titled("ikm.profile.title", dimension=lambda d=d: t(f"ikm.profile.dim.{d}").lower()), _profile(d),
              f"ikm-profil-{d}")
      for d in PROFILE_DIMENSIONS),
    Dataset("unit-unsur", "unit", titled("unit.elements.heading"), _unit_elements, "ikm-unsur-unit-elements",
            scope=unit_quarter),
    *(Dataset(f"unit-tren-{g}", "unit", _trend_title(g), _ikm_trend(g), f"ikm-tren-{g}", scope=unit_only)
      for g in ("month", "quarter")),
    Dataset("unit-hasil-terbitan", "unit", titled("unit.summaries.heading"),
            lambda f: iframes.summary_periods_table(ikm_data.summary_periods(f)), "unit-hasil-terbitan",
            scope=unit_only),
)
