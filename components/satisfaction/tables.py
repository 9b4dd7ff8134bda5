"""The satisfaction tables of Kepuasan and of a unit's report card, declared once: the pages show and download them,
the Data page and the API list them.

Each table's rows come from a cached figure (components.satisfaction.figures), ordered as the page shows them.
RANKING_COLUMNS, LEFT_OUT_COLUMNS, ranked_rows and left_out_rows are Pimpinan's too: its IKM ranking is this one over
its own window.
"""

from __future__ import annotations

from collections.abc import Callable

from components.formatting import fmt_number
from components.i18n import t
from components.satisfaction import figures as ikm_data
from components.satisfaction import frames
from components.table import Column, Table, titled
from data_access.elements import ELEMENTS, PROFILE_DIMENSIONS
from data_access.filters import Filters
from data_access.ikm_queries import ranking
from data_access.periods import period_bounds
from data_access.reference import REGION_CODES

GRANULARITIES = ("month", "quarter")


# ------------------------------------------------------------------------------------------------ columns


def _ci(end: int) -> Callable[[dict], float | None]:
    return lambda row: row["ci95"][end] if row["ci95"] else None


UNIT_NAME = Column("unit", "ikm.col.unit", "text", lambda r: r["name"], phone=True)
UNIT_CODE = Column("unit_code", "ikm.col.code", "code", link=True)
IKM = Column("ikm", "ikm.col.ikm", "score", decimals=2, phone=True)
GRADE = Column("grade", "ikm.col.grade", "grade", phone=True)
RESPONDENTS = Column("respondents", "ikm.col.respondents", "people", decimals=0)
SUMMARY_RESPONDENTS = Column("summary_respondents", "ikm.col.summary_respondents", "people", decimals=0)
CI_LOW = Column("ci_low", "ikm.col.ci_low", "score", _ci(0), decimals=2)
CI_HIGH = Column("ci_high", "ikm.col.ci_high", "score", _ci(1), decimals=2)
MINIMUM_SAMPLE = Column("minimum_sample", "ikm.col.minimum", "people", decimals=0)
REGION = Column("region", "filter.region", "text", lambda r: t(f"region.{r['region_code']}"))

UNIT_COLUMNS = (
    UNIT_NAME,
    REGION,
    Column("kind", "filter.kind", "text", lambda r: t(f"kind.{r['kind']}")),
    IKM,
    GRADE,
    RESPONDENTS,
    SUMMARY_RESPONDENTS,
    CI_LOW,
    CI_HIGH,
    Column("population", "ikm.col.population", "people", decimals=0),
    MINIMUM_SAMPLE,
    Column("sample", "ikm.col.sample", "text", lambda r: frames.sample_text(r["sample"])),
    Column("weakest_element", "ikm.col.weakest", "text", lambda r: frames.element_label(r["weakest_element"])),
    UNIT_CODE,
)

RANKING_COLUMNS = (
    UNIT_NAME,
    REGION,
    Column("rank", "ikm.col.rank", "rank", decimals=0),
    IKM,
    GRADE,
    RESPONDENTS,
    CI_LOW,
    CI_HIGH,
    UNIT_CODE,
)

LEFT_OUT_COLUMNS = (
    UNIT_NAME,
    REGION,
    Column("reason", "ikm.col.reason", "text", lambda r: frames.sample_text(r["sample"]), phone=True),
    RESPONDENTS,
    MINIMUM_SAMPLE,
    UNIT_CODE,
)

ELEMENT_COLUMNS = (
    Column("element", "ikm.col.element", "text", lambda r: frames.element_label(r["element"]), phone=True),
    IKM,
    GRADE,
)

UNIT_ELEMENT_COLUMNS = (
    UNIT_NAME,
    REGION,
    Column("weakest_element", "ikm.col.weakest", "text", lambda r: frames.element_label(r["weakest_element"]),
           phone=True),
    *(Column(name, f"ikm.element.{name}", "score", lambda r, name=name: r["elements"][name], decimals=2,
             entry="ikm.element.*")
      for name in ELEMENTS),
    UNIT_CODE,
)

PERIOD = Column("period", "ikm.col.period", "period", lambda r: frames.period_label(r["period"]), phone=True)
TREND_COLUMNS = (PERIOD, IKM, Column("grade", "ikm.col.grade", "grade"), RESPONDENTS, SUMMARY_RESPONDENTS, CI_LOW,
                 CI_HIGH)
REGIONS_TREND_COLUMNS = (Column("region", "filter.region", "text", REGION.value, phone=True), *TREND_COLUMNS)

PERCEPTION_COLUMNS = (
    UNIT_NAME,
    REGION,
    Column("judgement", "ikm.col.flag", "text", frames.judgement_text, phone=True),
    Column("element_score", "ikm.col.element_score", "score", lambda r: r["element_ikm"], decimals=2),
    Column("grade", "ikm.col.grade", "grade", lambda r: r["element_grade"]),
    Column("complaints", "ikm.col.complaints", "complaints", decimals=0),
    Column("first_response_median_workdays", "ikm.col.median", "workdays", decimals=0),
    Column("first_response_within_limit_pct", "ikm.col.within", "pct", decimals=1),
    Column("speed", "ikm.col.speed", "text", lambda r: frames.speed_text(r["speed"])),
    UNIT_CODE,
)


def _profile_columns(dimension: str) -> tuple[Column, ...]:
    return (
        Column("category", "ikm.col.category", "text",
               lambda r: frames.profile_value_label(dimension, r["value"]), phone=True),
        Column("respondents", "ikm.col.count", "people", decimals=0, phone=True),
        Column("share_pct", "ikm.col.share", "pct", lambda r: r["share"], decimals=1),
    )


SUMMARY_PERIOD_COLUMNS = (
    Column("period_start", "ikm.col.period_start", "date", phone=True),
    Column("period_end", "ikm.col.period_end", "date"),
    RESPONDENTS,
    IKM,
    Column("grade", "ikm.col.grade", "grade"),
)


# --------------------------------------------------------------------------------------------------- rows


def units_best_first(filters: Filters) -> list[dict]:
    return sorted(ikm_data.by_unit(filters), key=lambda r: (-r["ikm"], r["unit_code"]))


def units_by_code(filters: Filters) -> list[dict]:
    return sorted(ikm_data.by_unit(filters), key=lambda r: r["unit_code"])


def ranked_rows(filters: Filters) -> list[dict]:
    """Units with an adequate sample, best first, numbered."""
    return [{"rank": i, **r} for i, r in enumerate(ranking(ikm_data.by_unit(filters))[0], 1)]


def left_out_rows(filters: Filters) -> list[dict]:
    """Units left out of the ranking, grouped by the reason."""
    return sorted(ranking(ikm_data.by_unit(filters))[1], key=lambda r: (r["sample"], r["unit_code"]))


def element_rows(scores: dict[str, float], grades: dict[str, str]) -> list[dict]:
    """The nine elements in the regulation's order."""
    return [{"element": name, "ikm": scores[name], "grade": grades[name]} for name in ELEMENTS]


def summary_elements(filters: Filters) -> list[dict]:
    result = ikm_data.summary(filters)
    return [] if result is None else element_rows(*frames.element_scores(result))


def unit_elements(filters: Filters) -> list[dict]:
    """The card's elements: the unit's graded quarter (ikm_queries.unit_current)."""
    graded = (ikm_data.unit_current(filters.unit) or {}).get("graded")
    return [] if graded is None else element_rows(graded["elements"], graded["element_grades"])


def history(filters: Filters) -> Filters:
    """What a trend covers: everything up to the end of the chosen period, since a trend shows how that period was
    reached (one quarter alone would be three months or a single point)."""
    return filters.replace(date_from=None)


def _trend(granularity: str) -> Callable[[Filters], list[dict]]:
    return lambda filters: ikm_data.trend(history(filters), granularity)


def regions_trend(filters: Filters) -> list[dict]:
    return ikm_data.trend(history(filters), "quarter", by_region=True)


def perception_flagged_first(filters: Filters) -> list[dict]:
    """Units whose score and measured speed disagree first, then by unit code."""
    return sorted(ikm_data.perception_by_unit(filters), key=lambda r: (frames.FLAGS.index(r["flag"]), r["unit_code"]))


def _profile(dimension: str) -> Callable[[Filters], list[dict]]:
    return lambda filters: frames.profile_rows(dimension, ikm_data.profile(filters)[dimension])


# ------------------------------------------------------------------------------------------------- scopes


def _region_scope(code: str) -> Callable[[Filters], Filters]:
    return lambda filters: filters.replace(region=code)


def unit_quarter(filters: Filters) -> Filters:
    """The card's elements cover the graded quarter (ikm_queries.unit_current)."""
    current = ikm_data.unit_current(filters.unit)
    if current is None:
        return Filters(unit=filters.unit)
    start, end = period_bounds(current["period"])
    return Filters(unit=filters.unit, date_from=start, date_to=end)


def unit_only(filters: Filters) -> Filters:
    return Filters(unit=filters.unit)


# ------------------------------------------------------------------------------------------------- tables


def _trend_title(granularity: str) -> Callable[[Filters], str]:
    return titled("ikm.trend.title", granularity=lambda: t(f"ikm.trend.{granularity}").lower())


def _left_out_title(filters: Filters) -> str:
    return t("ikm.ranking.left_out", n=fmt_number(len(left_out_rows(filters))))


UNITS = Table("ikm-per-unit", "kepuasan", titled("ikm.units.heading"), units_best_first, UNIT_COLUMNS,
              "ikm-per-unit")
RANKING = Table("ikm-peringkat", "kepuasan", titled("ikm.ranking.heading"), ranked_rows, RANKING_COLUMNS,
                "ikm-peringkat")
LEFT_OUT = Table("ikm-tidak-diperingkat", "kepuasan", _left_out_title, left_out_rows, LEFT_OUT_COLUMNS,
                 "ikm-tidak-diperingkat")
ELEMENTS_TABLE = Table("ikm-unsur", "kepuasan", titled("ikm.elements.title"), summary_elements, ELEMENT_COLUMNS,
                       "ikm-unsur-elements")
REGION_ELEMENTS = {
    code: Table(f"ikm-unsur-{code}", "kepuasan", titled("ikm.elements.title_of", name=lambda c=code: t(f"region.{c}")),
                summary_elements, ELEMENT_COLUMNS, f"ikm-unsur-elements-{code}", scope=_region_scope(code))
    for code in REGION_CODES
}
UNIT_ELEMENTS = Table("ikm-unsur-per-unit", "kepuasan", titled("ikm.elements.per_unit"), units_by_code,
                      UNIT_ELEMENT_COLUMNS, "ikm-unsur-per-unit")
REGIONS_TREND = Table("ikm-wilayah-triwulan", "kepuasan", titled("ikm.regions.trend_title"), regions_trend,
                      REGIONS_TREND_COLUMNS, "ikm-wilayah-triwulan")
TRENDS = {g: Table(f"ikm-tren-{g}", "kepuasan", _trend_title(g), _trend(g), TREND_COLUMNS, f"ikm-tren-{g}")
          for g in GRANULARITIES}
PERCEPTION = Table("ikm-persepsi-kinerja", "kepuasan", titled("ikm.perception.heading"), perception_flagged_first,
                   PERCEPTION_COLUMNS, "ikm-persepsi-kinerja")
PROFILES = {
    d: Table(f"ikm-profil-{d}", "kepuasan",
             titled("ikm.profile.title", dimension=lambda d=d: t(f"ikm.profile.dim.{d}").lower()), _profile(d),
             _profile_columns(d), f"ikm-profil-{d}")
    for d in PROFILE_DIMENSIONS
}
CARD_ELEMENTS = Table("unit-unsur", "unit", titled("unit.elements.heading"), unit_elements, ELEMENT_COLUMNS,
                      "ikm-unsur-unit-elements", scope=unit_quarter)
CARD_TRENDS = {g: Table(f"unit-tren-{g}", "unit", _trend_title(g), _trend(g), TREND_COLUMNS, f"ikm-tren-{g}",
                        scope=unit_only)
               for g in GRANULARITIES}
SUMMARY_PERIODS = Table("unit-hasil-terbitan", "unit", titled("unit.summaries.heading"), ikm_data.summary_periods,
                        SUMMARY_PERIOD_COLUMNS, "unit-hasil-terbitan", scope=unit_only)

TABLES = (
    UNITS, RANKING, LEFT_OUT, ELEMENTS_TABLE, *REGION_ELEMENTS.values(), UNIT_ELEMENTS, REGIONS_TREND, *TRENDS.values(),
    PERCEPTION, *PROFILES.values(), CARD_ELEMENTS, *CARD_TRENDS.values(), SUMMARY_PERIODS,
)
