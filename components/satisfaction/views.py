"""Sections of the Kepuasan page and of a unit's report card: a heading, the figures, then a chart or a table.

Every number comes from one cached data_access figure (components.satisfaction.figures); every table is declared in
components/satisfaction/tables.py and shown with its downloads through table_block, or under its chart through
chart_table_block (takeaway as alt text, table view, downloads); every table that names a unit links to its card.
"""

from __future__ import annotations

import streamlit as st

from components.complaints import figures as complaint_data
from components.complaints.frames import unknown_time_text, workdays_text
from components.errors import database_guard
from components.figure import chart_table_block, drawing, table_block
from components.filters import describe
from components.formatting import fmt_date, fmt_number, fmt_pct, fmt_quarter, running_label
from components.i18n import t
from components.layout import adopt_query_param, publish_query_param
from components.plain_text import escape_markdown
from components.satisfaction import figures as ikm_data
from components.satisfaction import frames as frames
from components.satisfaction import tables
from components.satisfaction.charts import (
    render_elements_chart,
    render_perception_chart,
    render_profile_chart,
    render_ranking_chart,
    render_trend_chart,
)
from components.table import Table
from components.tiles import LIVE_REFRESH_SECONDS
from data_access.clock import today_wib
from data_access.complaint_queries import CARD_WINDOW_MONTHS
from data_access.complaint_rules import FIRST_RESPONSE_LIMIT, MIN_COMPLAINTS_FOR_RANKING
from data_access.elements import MAX_ANSWER, MIN_ANSWER, PROFILE_DIMENSIONS
from data_access.filters import UNIT_PARAM, Filters, InvalidFilter, unit_code
from data_access.ikm import GRADES, SCALE, IkmResult
from data_access.ikm_queries import profile_withheld, ranking
from data_access.perception import (
    FAST_WITHIN_LIMIT_PCT,
    SATISFIED_GRADES,
    SLOW_WITHIN_LIMIT_PCT,
    UNSATISFIED_GRADES,
)
from data_access.periods import period_bounds
from data_access.privacy import SMALL_COUNT_THRESHOLD
from data_access.reference import REGION_CODES
from data_access.sample import ADEQUATE, INADEQUATE, UNKNOWN_POPULATION

# The ranking chart shows this many units at each end; the table below it lists them all.
RANKING_CHART_PER_END = 10
# One trend per page, so one URL parameter: ?tren=quarter.
TREND_KEY = "tren"


# ------------------------------------------------------------------------------------------------ figures


def _ikm_help() -> str:
    return t("ikm.ikm_help", bands=frames.bands_text(), low=MIN_ANSWER, high=MAX_ANSWER, scale=SCALE)


def _grade_set(grades: frozenset[str]) -> str:
    """A set of grades as a sentence names it, best first: "A/B"."""
    return "/".join(grade for grade in GRADES if grade in grades)


def summary_figures(result: IkmResult, label: str) -> None:
    """IKM with its letter grade, respondents, confidence interval and weakest element."""
    ikm_col, n_col = st.columns(2)
    ikm_col.metric(label, frames.ikm_text(result.ikm), help=_ikm_help())
    n_col.metric(t("ikm.respondents"), fmt_number(result.respondents))
    scores, grades = frames.element_scores(result)
    st.markdown(f"**{frames.grade_text(result.grade)}**  \n"
                f"{frames.ci_line(result.ci95, result.summary_respondents)}  \n"
                f"{frames.weakest_text(scores, grades, result.weakest_element)}",
                help=t("ikm.ci_help"))


def elements_block(scores: dict[str, float], grades: dict[str, str], weakest: str, filters: Filters, table: Table,
                   key: str) -> None:
    frame = frames.element_frame(scores, grades)
    chart_table_block(drawing(render_elements_chart, frame), table, table.frame_of(tables.element_rows(scores, grades)),
                      frames.elements_takeaway(frame, weakest), table.title(filters), describe(filters), key)


def _result_elements_block(result: IkmResult, filters: Filters, table: Table, key: str) -> None:
    elements_block(*frames.element_scores(result), result.weakest_element, filters, table, key)


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
            _result_elements_block(result, filters.replace(region=code), tables.REGION_ELEMENTS[code],
                                   f"elements-{code}")
    points = tables.regions_trend(filters)
    if points:
        frame = frames.trend_frame(points, names)
        table = tables.REGIONS_TREND
        st.subheader(table.title(filters))
        if frame["running"].any():
            st.caption(_running_note(frame).strip())
        chart_table_block(drawing(render_trend_chart, frame), table, table.frame_of(points),
                          frames.regions_takeaway(frame), table.title(filters), describe(tables.history(filters)),
                          "trend-regions")


def elements_section(filters: Filters) -> None:
    st.header(t("ikm.elements.heading"))
    result = ikm_data.summary(filters)
    _result_elements_block(result, filters, tables.ELEMENTS_TABLE, "elements")
    table = tables.UNIT_ELEMENTS
    st.subheader(table.title(filters))
    table_block(table, table.frame(filters), table.title(filters), describe(filters), "elements-units")


def _running_note(frame) -> str:
    """' Dashed line to a hollow point: the running period …' when the trend ends in one, else ''."""
    running = frame[frame["running"]]
    return "" if running.empty else " " + t("ikm.trend.running_note", running=running["status"].iloc[0])


def _trend_block(filters: Filters, heading: str, trends: dict[str, Table], key: str) -> None:
    """IKM by month or quarter over the grade bands, up to the end of the chosen period (tables.history)."""
    filters = tables.history(filters)
    st.header(heading)
    adopt_query_param(TREND_KEY, tables.GRANULARITIES, tables.GRANULARITIES[0])
    granularity = st.segmented_control(t("ikm.trend.granularity"), tables.GRANULARITIES, required=True,
                                       format_func=lambda g: t(f"ikm.trend.{g}"), key=TREND_KEY)
    publish_query_param(TREND_KEY, granularity, tables.GRANULARITIES[0])
    table = trends[granularity]
    points = table.rows(filters)
    if not points:
        st.caption(t("ikm.no_data"))
        return
    frame = frames.trend_frame(points)
    st.caption(t("ikm.trend.bands", bands=frames.bands_text()) + _running_note(frame))
    chart_table_block(drawing(render_trend_chart, frame), table, table.frame_of(points), frames.trend_takeaway(frame),
                      table.title(filters), describe(filters), key)


def trend_section(filters: Filters) -> None:
    _trend_block(filters, t("ikm.trend.heading"), tables.TRENDS, "trend")


def units_section(filters: Filters) -> None:
    st.header(t("ikm.units.heading"))
    st.caption(t("ikm.units.caption"))
    table_block(tables.UNITS, tables.UNITS.frame(filters), tables.UNITS.title(filters), describe(filters), "units")


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
        if len(ranked) > 2 * RANKING_CHART_PER_END:
            st.subheader(t("ikm.ranking.chart_ends", n=RANKING_CHART_PER_END))
        chart_table_block(drawing(render_ranking_chart, frame), tables.RANKING, tables.RANKING.frame(filters),
                          frames.ranking_takeaway(ranked), tables.RANKING.title(filters), describe(filters), "ranking")
    else:
        st.info(t("ikm.ranking.none"), icon=":material/info:")
    if left_out:
        with st.expander(t("ikm.ranking.left_out", n=fmt_number(len(left_out)))):
            table_block(tables.LEFT_OUT, tables.LEFT_OUT.frame(filters), tables.LEFT_OUT.title(filters),
                        describe(filters), "left-out")


def perception_section(filters: Filters) -> None:
    """Each unit's pengaduan element beside its measured first-response time; disagreements flagged."""
    st.header(t("ikm.perception.heading"))
    st.caption(t("ikm.perception.intro", limit=FIRST_RESPONSE_LIMIT, min=MIN_COMPLAINTS_FOR_RANKING,
                 slow=fmt_number(SLOW_WITHIN_LIMIT_PCT), fast=fmt_number(FAST_WITHIN_LIMIT_PCT),
                 satisfied=_grade_set(SATISFIED_GRADES), unsatisfied=_grade_set(UNSATISFIED_GRADES)))
    rows = tables.perception_flagged_first(filters)
    frame = frames.perception_frame(rows)
    table = tables.PERCEPTION.frame_of(rows)
    if frame.empty:
        st.info(t("ikm.perception.none", min=MIN_COMPLAINTS_FOR_RANKING), icon=":material/info:")
        table_block(tables.PERCEPTION, table, tables.PERCEPTION.title(filters), describe(filters), "perception")
        return
    flags = [frames.flag_text(flag) for flag in frames.FLAGS]
    chart = drawing(render_perception_chart, frame, flags,
                    t("ikm.perception.x_title", limit=FIRST_RESPONSE_LIMIT), t("ikm.perception.y_title"))
    chart_table_block(chart, tables.PERCEPTION, table, frames.perception_takeaway(rows),
                      tables.PERCEPTION.title(filters), describe(filters), "perception")


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
            table = tables.PROFILES[dimension]
            chart_table_block(drawing(render_profile_chart, frame), table, table.frame(filters),
                              frames.profile_takeaway(frame, dimension), table.title(filters), describe(filters),
                              f"profile-{dimension}")


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
    st.title(escape_markdown(detail["name"]))
    parts = [t(f"kind.{detail['kind']}")]
    if detail["kecamatan_name"]:
        parts.append(t("unit.kecamatan_of", name=escape_markdown(detail["kecamatan_name"])))
    parts.append(t(f"region.{detail['region_code']}"))
    parts.append(detail["code"])  # the name and the place first; the code, for citing, last
    st.caption(" · ".join(parts))


def unit_now(detail: dict) -> dict | None:
    """IKM of the graded quarter (the one Kepuasan and Pimpinan grade: ikm_queries.unit_current), its respondents
    and whether they are enough; under it the running quarter so far, labelled as running with its n and never
    given a grade, since it holds only part of its respondents."""
    current = ikm_data.unit_current(detail["code"])
    if current is None:
        st.info(t("unit.no_data"), icon=":material/info:")
        return None
    quarter = fmt_quarter(period_bounds(current["period"])[0])
    with st.container(border=True):
        graded = current["graded"]
        if graded is None:
            st.markdown(t("unit.graded_none", quarter=quarter))
        else:
            _graded_figures(graded, quarter)
        running = current["running"]
        if running:
            st.caption(t("unit.running", quarter=fmt_quarter(period_bounds(running["period"])[0]),
                         running=running_label(today_wib()), ikm=frames.ikm_text(running["ikm"]),
                         n=fmt_number(running["respondents"])))
    return current


def _graded_figures(graded: dict, quarter: str) -> None:
    ikm_col, n_col = st.columns(2)
    ikm_col.metric(t("unit.ikm_now", quarter=quarter), frames.ikm_text(graded["ikm"]), help=_ikm_help())
    n_col.metric(t("ikm.respondents"), fmt_number(graded["respondents"]))
    weakest = frames.weakest_text(graded["elements"], graded["element_grades"], graded["weakest_element"])
    st.markdown(f"**{frames.grade_text(graded['grade'])}**  \n"
                f"{frames.ci_line(graded['ci95'], graded['summary_respondents'])}  \n{weakest}",
                help=t("ikm.ci_help"))
    status = graded["sample"]
    values = {"n": fmt_number(graded["respondents"]), "quarter": quarter}
    if status != UNKNOWN_POPULATION:
        values.update(minimum=fmt_number(graded["minimum_sample"]), population=fmt_number(graded["population"]))
    message = t(f"unit.sample.{status}", **values)
    if status == ADEQUATE:
        st.success(message, icon=":material/group:")
    else:
        st.warning(message, icon=":material/group:")


@st.fragment(run_every=LIVE_REFRESH_SECONDS)
def live_unit_now(detail: dict) -> dict | None:
    """unit_now, rerunning by itself: a new questionnaire shows without a reload, and while nothing changes a rerun
    re-reads only the data-version watermark. Returns the figures of the page's first run."""
    with database_guard():
        return unit_now(detail)


def unit_elements(detail: dict, current: dict) -> None:
    """The graded quarter's elements; none drawn for a running quarter, whose element grades would look final."""
    graded = current["graded"]
    if graded is None:
        return
    st.header(t("unit.elements.heading"))
    start, end = period_bounds(current["period"])
    filters = Filters(unit=detail["code"], date_from=start, date_to=end)
    elements_block(graded["elements"], graded["element_grades"], graded["weakest_element"], filters,
                   tables.CARD_ELEMENTS, "unit-elements")


def unit_trend(detail: dict) -> None:
    _trend_block(Filters(unit=detail["code"]), t("unit.trend.heading"), tables.CARD_TRENDS, "unit-trend")


def unit_summaries(detail: dict) -> None:
    """The unit's periods that come from published SKM results rather than questionnaires, if any."""
    filters = Filters(unit=detail["code"])
    table = tables.SUMMARY_PERIODS
    periods = table.rows(filters)
    if not periods:
        return
    st.header(t("unit.summaries.heading"))
    st.caption(t("unit.summaries.caption"))
    table_block(table, table.frame_of(periods), table.title(filters), describe(filters), "unit-summaries")


def unit_complaints(detail: dict, current: dict | None) -> None:
    """The unit's complaint handling over the last CARD_WINDOW_MONTHS months, with or without an IKM; then, with an
    IKM of the graded quarter, its pengaduan element beside the complaints of that quarter."""
    st.header(t("unit.perception.heading"))
    recent = complaint_data.unit_recent(detail["code"])
    window = {"months": CARD_WINDOW_MONTHS, "first": fmt_date(recent["date_from"]),
              "last": fmt_date(recent["date_to"])}
    if recent["received"]:
        _recent_complaints(recent, window)
    else:
        st.markdown(t("unit.complaints.none", **window))
    if current and current["graded"]:
        _unit_perception(detail, current)


def _recent_complaints(recent: dict, window: dict) -> None:
    """Received, median first response, share answered within the limit and still open, as one short list (a
    list wraps on a phone where tiles would cut their labels)."""
    first = recent["first_response"]
    still_open = t("unit.complaints.open", n=fmt_number(recent["open"]))
    if recent["overdue_open"]:
        still_open += f" ({t('unit.complaints.overdue', n=fmt_number(recent['overdue_open']))})"
    lines = [
        t("unit.complaints.received", n=fmt_number(recent["received"])),
        t("unit.complaints.first_response", median=workdays_text(first["median_workdays"])),
        t("unit.complaints.within", limit=FIRST_RESPONSE_LIMIT, pct=fmt_pct(first["within_limit_pct"])),
        still_open,
    ]
    with st.container(border=True):
        st.subheader(t("unit.complaints.title", months=window["months"]))
        st.caption(t("unit.complaints.window", first=window["first"], last=window["last"]))
        st.markdown("\n".join(f"- {line}" for line in lines), help=t("complaints.kpi.km_help"))
        unknown = unknown_time_text(first["unknown_time"])
        if unknown:
            st.caption(unknown)


def _unit_perception(detail: dict, current: dict) -> None:
    """The unit's pengaduan element beside its complaints' first responses, in the same quarter."""
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
        lines.append(escape_markdown(detail["address"]))
    place = [t("unit.kecamatan_of", name=escape_markdown(detail["kecamatan_name"]))] if detail["kecamatan_name"] else []
    lines.append(", ".join([*place, t(f"region.{detail['region_code']}")]))
    if detail["latitude"] is not None and detail["longitude"] is not None:
        lat, lng = detail["latitude"], detail["longitude"]
        link = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map=17/{lat}/{lng}"
        lines.append(f"{fmt_number(lat, 4)}, {fmt_number(lng, 4)} · [{t('unit.osm')}]({link})")
    st.markdown("  \n".join(lines))
