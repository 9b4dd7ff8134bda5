"""Sections of the Kepuasan page and of a unit's report card: a heading, the figures, then a chart or a table.

Every number comes from one cached data_access figure (components.satisfaction.figures); every chart goes through
chart_block (takeaway as alt text, table view, downloads); every table that names a unit links to its card.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.complaints.frames import unknown_time_text
from components.errors import database_guard
from components.figure import chart_block, downloads
from components.filters import describe
from components.formatting import fmt_number, fmt_pct, fmt_quarter
from components.i18n import t
from components.layout import adopt_query_param, publish_query_param
from components.satisfaction import figures as ikm_data
from components.satisfaction import frames as frames
from components.satisfaction.charts import (
    render_elements_chart,
    render_perception_chart,
    render_profile_chart,
    render_ranking_chart,
    render_trend_chart,
)
from components.tiles import LIVE_REFRESH_SECONDS
from data_access.complaint_rules import FIRST_RESPONSE_LIMIT, MIN_COMPLAINTS_FOR_RANKING
from data_access.elements import PROFILE_DIMENSIONS
from data_access.filters import UNIT_PARAM, Filters, InvalidFilter, unit_code
from data_access.ikm import IkmResult
from data_access.ikm_queries import profile_withheld, ranking
from data_access.perception import FAST_WITHIN_LIMIT_PCT, SLOW_WITHIN_LIMIT_PCT
from data_access.periods import period_bounds
from data_access.privacy import SMALL_COUNT_THRESHOLD
from data_access.reference import REGION_CODES
from data_access.sample import ADEQUATE, INADEQUATE, UNKNOWN_POPULATION

# The ranking chart shows this many units at each end; the table below it lists them all.
RANKING_CHART_PER_END = 10
GRANULARITIES = ("month", "quarter")
# One trend per page, so one URL parameter: ?tren=quarter.
TREND_KEY = "tren"


def _styled(table: pd.DataFrame, decimals: dict[str, int] | None = None):
    """The table with numbers written the user's way (88,30; 1.234); sorting still sees the numbers."""
    decimals = decimals or {}
    formats = {}
    for column in table.columns:
        if column in decimals:
            places = decimals[column]
        elif pd.api.types.is_integer_dtype(table[column]):
            places = 0
        elif pd.api.types.is_float_dtype(table[column]):
            places = 2
        else:
            continue
        formats[column] = lambda value, places=places: "–" if pd.isna(value) else fmt_number(value, places)
    return table.style.format(formats)


def _link_config(table: pd.DataFrame) -> dict:
    column = t("ikm.col.card")
    if column not in table.columns:
        return {}
    return {column: st.column_config.LinkColumn(column, display_text=frames.UNIT_LINK_TEXT, help=t("ikm.card_help"))}


def table_block(shown: pd.DataFrame, downloaded: pd.DataFrame, title: str, filters: Filters, filename: str,
                key: str, decimals: dict[str, int] | None = None) -> None:
    """A table on screen (units linked to their cards) and downloads of the same figures as plain numbers."""
    st.dataframe(_styled(shown, decimals), hide_index=True, width="stretch", column_config=_link_config(shown))
    downloads(downloaded, title, describe(filters), filename, key)


# ------------------------------------------------------------------------------------------------ figures


def summary_figures(result: IkmResult, label: str) -> None:
    """IKM with its letter grade, respondents, confidence interval and weakest element."""
    ikm_col, n_col = st.columns(2)
    ikm_col.metric(label, frames.ikm_text(result.ikm), help=t("ikm.ikm_help", bands=frames.bands_text()))
    n_col.metric(t("ikm.respondents"), fmt_number(result.respondents))
    scores, grades = frames.element_scores(result)
    st.markdown(f"**{frames.grade_text(result.grade)}**  \n"
                f"{frames.ci_line(result.ci95, result.summary_respondents)}  \n"
                f"{frames.weakest_text(scores, grades, result.weakest_element)}",
                help=t("ikm.ci_help"))


def elements_block(scores: dict[str, float], grades: dict[str, str], weakest: str, filters: Filters, title: str,
                   key: str) -> None:
    frame = frames.element_frame(scores, grades)
    table = frames.element_table(frame)
    chart_block(render_elements_chart(frame), table, frames.elements_takeaway(frame, weakest), title,
                describe(filters), f"ikm-unsur-{key}", key, display=_styled(table))


def _result_elements_block(result: IkmResult, filters: Filters, title: str, key: str) -> None:
    elements_block(*frames.element_scores(result), result.weakest_element, filters, title, key)


# ----------------------------------------------------------------------------------------- Kepuasan page


def headline(filters: Filters) -> bool:
    """The selection's IKM; False (after saying so) when no questionnaire matches the filters."""
    result = ikm_data.summary(filters)
    if result is None:
        st.info(t("ikm.no_data"), icon=":material/info:")
        return False
    with st.container(border=True):
        summary_figures(result, t("ikm.ikm"))
    return True


def region_comparison(filters: Filters) -> None:
    """Kota and Kabupaten side by side (stacked on a phone), then both regions' quarterly trend."""
    st.header(t("ikm.regions.heading"))
    if filters.region:
        st.caption(t("ikm.regions.one"))
        return
    results = ikm_data.by_region(filters)
    names = {code: t(f"region.{code}") for code in REGION_CODES}
    for column, code in zip(st.columns(len(REGION_CODES)), REGION_CODES, strict=True):
        with column, st.container(border=True):
            st.subheader(names[code])
            result = results.get(code)
            if result is None:
                st.caption(t("ikm.no_data"))
                continue
            summary_figures(result, t("ikm.ikm"))
            _result_elements_block(result, filters.replace(region=code), t("ikm.elements.title_of", name=names[code]),
                                   f"elements-{code}")
    points = ikm_data.trend(filters, "quarter", by_region=True)
    if points:
        frame = frames.trend_frame(points, names)
        table = frames.trend_table(frame)
        st.subheader(t("ikm.regions.trend_title"))
        chart_block(render_trend_chart(frame), table, frames.regions_takeaway(frame), t("ikm.regions.trend_title"),
                    describe(filters), "ikm-wilayah-triwulan", "trend-regions", display=_styled(table))


def elements_section(filters: Filters) -> None:
    st.header(t("ikm.elements.heading"))
    result = ikm_data.summary(filters)
    _result_elements_block(result, filters, t("ikm.elements.title"), "elements")
    st.subheader(t("ikm.elements.per_unit"))
    shown, downloaded = frames.unit_element_tables(ikm_data.by_unit(filters))
    table_block(shown, downloaded, t("ikm.elements.per_unit"), filters, "ikm-unsur-per-unit", "elements-units")


def trend_section(filters: Filters, heading: str, key: str) -> None:
    """IKM by month or quarter over the grade bands."""
    st.header(heading)
    adopt_query_param(TREND_KEY, GRANULARITIES, GRANULARITIES[0])
    granularity = st.segmented_control(t("ikm.trend.granularity"), GRANULARITIES, required=True,
                                       format_func=lambda g: t(f"ikm.trend.{g}"), key=TREND_KEY)
    publish_query_param(TREND_KEY, granularity, GRANULARITIES[0])
    points = ikm_data.trend(filters, granularity)
    if not points:
        st.caption(t("ikm.no_data"))
        return
    frame = frames.trend_frame(points)
    table = frames.trend_table(frame)
    title = t("ikm.trend.title", granularity=t(f"ikm.trend.{granularity}").lower())
    st.caption(t("ikm.trend.bands", bands=frames.bands_text()))
    chart_block(render_trend_chart(frame), table, frames.trend_takeaway(frame), title, describe(filters),
                f"ikm-tren-{granularity}", key, display=_styled(table))


def units_section(filters: Filters) -> None:
    st.header(t("ikm.units.heading"))
    st.caption(t("ikm.units.caption"))
    shown, downloaded = frames.unit_tables(ikm_data.by_unit(filters))
    table_block(shown, downloaded, t("ikm.units.heading"), filters, "ikm-per-unit", "units")


def ranking_section(filters: Filters) -> None:
    """Units with an adequate sample, best first; the others listed with the reason they are left out."""
    st.header(t("ikm.ranking.heading"))
    ranked, left_out = ranking(ikm_data.by_unit(filters))
    inadequate = sum(r["sample"] == INADEQUATE for r in left_out)
    unknown = sum(r["sample"] == UNKNOWN_POPULATION for r in left_out)
    st.caption(t("ikm.ranking.caption", ranked=fmt_number(len(ranked)), inadequate=fmt_number(inadequate),
                 unknown=fmt_number(unknown)))
    if ranked:
        frame = frames.ranking_frame(ranked, RANKING_CHART_PER_END)
        shown, downloaded = frames.ranking_tables(ranked)
        if len(ranked) > 2 * RANKING_CHART_PER_END:
            st.subheader(t("ikm.ranking.chart_ends", n=RANKING_CHART_PER_END))
        chart_block(render_ranking_chart(frame), downloaded, frames.ranking_takeaway(ranked), t("ikm.ranking.heading"),
                    describe(filters), "ikm-peringkat", "ranking", display=_styled(shown),
                    column_config=_link_config(shown))
    else:
        st.info(t("ikm.ranking.none"), icon=":material/info:")
    if left_out:
        with st.expander(t("ikm.ranking.left_out", n=fmt_number(len(left_out)))):
            table = frames.left_out_table(left_out)
            st.dataframe(_styled(table), hide_index=True, width="stretch",
                         column_config=_link_config(table))


def perception_section(filters: Filters) -> None:
    """Each unit's pengaduan element beside its measured first-response time; disagreements flagged."""
    st.header(t("ikm.perception.heading"))
    st.caption(t("ikm.perception.intro", limit=FIRST_RESPONSE_LIMIT, min=MIN_COMPLAINTS_FOR_RANKING,
                 slow=fmt_number(SLOW_WITHIN_LIMIT_PCT), fast=fmt_number(FAST_WITHIN_LIMIT_PCT)))
    rows = ikm_data.perception_by_unit(filters)
    frame = frames.perception_frame(rows)
    shown, downloaded = frames.perception_tables(rows)
    decimals = {t("ikm.col.element_score"): 2}
    if frame.empty:
        st.info(t("ikm.perception.none", min=MIN_COMPLAINTS_FOR_RANKING), icon=":material/info:")
        table_block(shown, downloaded, t("ikm.perception.heading"), filters, "ikm-persepsi-kinerja", "perception",
                    decimals)
        return
    flags = [frames.flag_text(flag) for flag in frames.FLAGS]
    chart = render_perception_chart(frame, flags, t("ikm.perception.x_title", limit=FIRST_RESPONSE_LIMIT),
                                    t("ikm.perception.y_title"))
    chart_block(chart, downloaded, frames.perception_takeaway(rows), t("ikm.perception.heading"), describe(filters),
                "ikm-persepsi-kinerja", "perception", display=_styled(shown, decimals),
                column_config=_link_config(shown))


def profile_section(filters: Filters) -> None:
    """Respondents by sex, age group, education, occupation and survey channel, one tab each."""
    st.header(t("ikm.profile.heading"))
    result = ikm_data.summary(filters)
    if result is not None and profile_withheld(result.respondents):
        st.info(t("ikm.profile.withheld", n=SMALL_COUNT_THRESHOLD), icon=":material/visibility_off:")
        return
    profile = ikm_data.profile(filters)
    tabs = st.tabs([t(f"ikm.profile.dim.{dimension}") for dimension in PROFILE_DIMENSIONS])
    for tab, dimension in zip(tabs, PROFILE_DIMENSIONS, strict=True):
        with tab:
            frame = frames.profile_frame(dimension, profile[dimension])
            if frame.empty:
                st.caption(t("ikm.no_data"))
                continue
            table = frames.profile_table(frame)
            title = t("ikm.profile.title", dimension=t(f"ikm.profile.dim.{dimension}").lower())
            chart_block(render_profile_chart(frame), table, frames.profile_takeaway(frame, dimension), title,
                        describe(filters), f"ikm-profil-{dimension}", f"profile-{dimension}",
                        display=_styled(table, {t("ikm.col.share"): 1}))


# ---------------------------------------------------------------------------------------------- unit card


def _unit_problem(message: str) -> None:
    st.title(t("nav.unit"))
    st.info(message, icon=":material/search_off:")
    st.page_link("app_pages/kepuasan.py", label=t("unit.back"), icon=":material/arrow_back:")


def requested_unit() -> dict | None:
    """The unit named by ?unit=CODE; None, after a friendly word and a way back, when the code is missing,
    malformed or unknown."""
    raw = st.query_params.get(UNIT_PARAM, "")
    if not raw:
        _unit_problem(t("unit.missing"))
        return None
    try:
        code = unit_code(raw)
    except InvalidFilter:
        _unit_problem(t("unit.invalid"))
        return None
    detail = ikm_data.unit_detail(code)
    if detail is None:
        _unit_problem(t("unit.unknown", code=code))
        return None
    publish_query_param(UNIT_PARAM, code)  # the card's link names it as codes are written (3575-MPP)
    return detail


def unit_header(detail: dict) -> None:
    st.title(detail["name"])
    parts = [detail["code"], t(f"kind.{detail['kind']}")]
    if detail["kecamatan_name"]:
        parts.append(t("unit.kecamatan_of", name=detail["kecamatan_name"]))
    parts.append(detail["region_name"])
    st.caption(" · ".join(parts))


def unit_now(detail: dict) -> dict | None:
    """IKM of the unit's latest quarter with questionnaires, its respondents and whether they are enough."""
    current = ikm_data.unit_current(detail["code"])
    if current is None:
        st.info(t("unit.no_data"), icon=":material/info:")
        return None
    quarter = fmt_quarter(period_bounds(current["period"])[0])
    with st.container(border=True):
        ikm_col, n_col = st.columns(2)
        ikm_col.metric(t("unit.ikm_now", quarter=quarter), frames.ikm_text(current["ikm"]),
                       help=t("ikm.ikm_help", bands=frames.bands_text()))
        n_col.metric(t("ikm.respondents"), fmt_number(current["respondents"]))
        weakest = frames.weakest_text(current["elements"], current["element_grades"], current["weakest_element"])
        st.markdown(f"**{frames.grade_text(current['grade'])}**  \n"
                    f"{frames.ci_line(current['ci95'], current['summary_respondents'])}  \n{weakest}",
                    help=t("ikm.ci_help"))
        status = current["sample"]
        values = {"n": fmt_number(current["respondents"]), "quarter": quarter}
        if status != UNKNOWN_POPULATION:
            values.update(minimum=fmt_number(current["minimum_sample"]), population=fmt_number(current["population"]))
        message = t(f"unit.sample.{status}", **values)
        if status == ADEQUATE:
            st.success(message, icon=":material/group:")
        else:
            st.warning(message, icon=":material/group:")
    return current


@st.fragment(run_every=LIVE_REFRESH_SECONDS)
def live_unit_now(detail: dict) -> dict | None:
    """unit_now, rerunning by itself: a new questionnaire shows without a reload, and while nothing changes a rerun
    re-reads only the data-version watermark. Returns the figures of the page's first run."""
    with database_guard():
        return unit_now(detail)


def unit_elements(detail: dict, current: dict) -> None:
    st.header(t("unit.elements.heading"))
    start, end = period_bounds(current["period"])
    filters = Filters(unit=detail["code"], date_from=start, date_to=end)
    elements_block(current["elements"], current["element_grades"], current["weakest_element"], filters,
                   t("unit.elements.heading"), "unit-elements")


def unit_trend(detail: dict) -> None:
    trend_section(Filters(unit=detail["code"]), t("unit.trend.heading"), "unit-trend")


def unit_summaries(detail: dict) -> None:
    """The unit's periods that come from published SKM results rather than questionnaires, if any."""
    periods = ikm_data.summary_periods(Filters(unit=detail["code"]))
    if not periods:
        return
    st.header(t("unit.summaries.heading"))
    st.caption(t("unit.summaries.caption"))
    table = frames.summary_periods_table(periods)
    table_block(table, table, t("unit.summaries.heading"), Filters(unit=detail["code"]), "unit-hasil-terbitan",
                "unit-summaries")


def unit_perception(detail: dict, current: dict) -> None:
    """The unit's pengaduan element beside its complaints' first responses, in the same quarter."""
    st.header(t("unit.perception.heading"))
    start, end = period_bounds(current["period"])
    rows = ikm_data.perception_by_unit(Filters(unit=detail["code"], date_from=start, date_to=end))
    row = rows[0]
    quarter = fmt_quarter(start)
    score = f"{frames.ikm_text(row['element_ikm'])} ({row['element_grade']})"
    if row["complaints"] == 0:
        st.markdown(t("unit.perception.no_complaints", score=score, quarter=quarter))
        return
    median = row["first_response_median_workdays"]
    st.markdown(t("unit.perception.text", score=score, complaints=fmt_number(row["complaints"]), quarter=quarter,
                  median=t("home.not_reached") if median is None else t("home.workdays", n=fmt_number(median)),
                  within=fmt_pct(row["first_response_within_limit_pct"]), limit=FIRST_RESPONSE_LIMIT))
    unknown = unknown_time_text(row["first_response_unknown_time"])
    if unknown:
        st.caption(unknown)
    if row["flag"]:
        st.warning(t(f"unit.perception.{row['flag']}"), icon=":material/compare_arrows:")
    elif row["complaints"] < MIN_COMPLAINTS_FOR_RANKING:
        st.caption(t("unit.perception.too_few", min=MIN_COMPLAINTS_FOR_RANKING))


def unit_location(detail: dict) -> None:
    st.header(t("unit.location"))
    lines = []
    if detail["address"]:
        lines.append(detail["address"])
    place = [t("unit.kecamatan_of", name=detail["kecamatan_name"])] if detail["kecamatan_name"] else []
    lines.append(", ".join([*place, detail["region_name"]]))
    if detail["latitude"] is not None and detail["longitude"] is not None:
        lat, lng = detail["latitude"], detail["longitude"]
        link = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map=17/{lat}/{lng}"
        lines.append(f"{fmt_number(lat, 4)}, {fmt_number(lng, 4)} · [{t('unit.osm')}]({link})")
    st.markdown("  \n".join(lines))
