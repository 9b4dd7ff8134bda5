"""Sections of the Pimpinan page: exceptions first, then targets, rankings, the Ombudsman, and the weekly brief.

Every number comes from one cached data_access figure (components.leadership.figures, ikm_data, complaint_data);
the page's own tables are declared in components.leadership.tables and shown through table_block (units linked to
their cards, the same rows downloaded); the rankings are the Kepuasan and Pengaduan pages' tables.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from components import data
from components.brief import brief_pdf
from components.citation import current_link
from components.complaints import figures as complaint_data
from components.complaints import views as complaint_views
from components.figure import chart_table_block, drawing, table_block
from components.filters import describe
from components.formatting import fmt_date, fmt_number, fmt_quarter
from components.i18n import current_language, t
from components.layout import REGION_KEY, adopt_query_param, publish_query_param
from components.leadership import figures as leadership_data
from components.leadership import frames as frames
from components.leadership import tables
from components.plain_text import escape_markdown
from components.satisfaction import figures as ikm_data
from components.satisfaction import frames as ikm_frames
from data_access import config
from data_access.clock import today_wib
from data_access.complaint_rules import MIN_COMPLAINTS_FOR_RANKING
from data_access.filters import Filters
from data_access.ikm_queries import ranking
from data_access.leadership import (
    COMPARISONS,
    DEFAULT_COMPARISON,
    GRADE_WINDOW_DAYS,
    MIN_RESPONDENTS_TO_JUDGE,
    last_complete_week,
    parse_week,
    week_options,
)
from data_access.periods import quarter_code
from data_access.sample import INADEQUATE, UNKNOWN_POPULATION

COMPARISON_KEY = "banding"
# The slipping units listed in words (in unit_comparison's order) before the table of them all: a phone reads these
# whole.
SLIPPING_LISTED = 10
WEEK_KEY = "minggu"
PAGE_PATH = "/pimpinan"


def region_filters() -> Filters:
    """The sidebar's region (session key `wilayah`) as Filters; the page has no other filters."""
    return Filters(region=st.session_state.get(REGION_KEY))


def comparison_selector() -> str:
    """?banding=minggu|bulan: what the exceptions compare with (anything else: last week)."""
    adopt_query_param(COMPARISON_KEY, COMPARISONS, DEFAULT_COMPARISON)
    if st.session_state.get(COMPARISON_KEY) not in COMPARISONS:
        st.session_state[COMPARISON_KEY] = DEFAULT_COMPARISON
    choice = st.segmented_control(t("lead.comparison"), COMPARISONS, key=COMPARISON_KEY, required=True,
                                  format_func=lambda c: t(f"lead.comparison.{c}"))
    publish_query_param(COMPARISON_KEY, choice, DEFAULT_COMPARISON)
    return choice


# ------------------------------------------------------------------------------------------------ exceptions


def exceptions_section(filters: Filters, comparison: str) -> None:
    """Grade crossings, newly overdue complaints, then what falls due in the next working days, per unit."""
    st.header(t("lead.exceptions.heading"))
    crossings = leadership_data.crossings(filters, comparison)
    overdue = leadership_data.newly_overdue(filters, comparison)
    since = overdue["since"]
    st.markdown(frames.exceptions_takeaway(crossings, overdue, since))

    st.subheader(t("lead.crossings.heading"))
    now, before = crossings["now"], crossings["before"]
    st.caption(t("lead.crossings.caption", days=GRADE_WINDOW_DAYS, now=frames.period_text(*now),
                 before_end=fmt_date(before[1]), before=frames.period_text(*before)))
    if crossings["units"]:
        table = tables.CROSSINGS[comparison]
        table_block(table, table.frame_of(crossings["units"]), table.title(filters), describe(filters), "crossings")
    else:
        st.info(t("lead.crossings.none", date=fmt_date(since)), icon=":material/check_circle:")

    st.subheader(t("lead.overdue.heading"))
    st.caption(t("lead.overdue.caption", date=fmt_date(since)))
    if overdue["units"]:
        table = tables.NEWLY_OVERDUE[comparison]
        table_block(table, table.frame_of(overdue["units"]), table.title(filters), describe(filters), "newly-overdue")
    else:
        st.info(t("lead.overdue.none", date=fmt_date(since)), icon=":material/check_circle:")

    complaint_views.due_soon_block(filters, tables.DUE)


# --------------------------------------------------------------------------------------------------- targets


def targets_section(filters: Filters) -> None:
    """Each region (side by side, stacked on a phone) against the configured targets."""
    st.header(t("lead.targets.heading"))
    targets = config.targets()
    rows = leadership_data.region_targets(targets, filters.region)
    st.caption(t("lead.targets.caption", quarter=fmt_quarter(rows[0]["quarter"][0]), today=fmt_date(today_wib())))
    for column, row in zip(st.columns(len(rows)), rows, strict=True):
        with column, st.container(border=True):
            st.subheader(t(f"region.{row['region_code']}"))
            for line in frames.TARGET_MEASURES:
                measure, value, target, gap = frames.target_line(row, targets.ikm_grade, line)
                met = gap == t("lead.gap.met")
                st.markdown(f"**{measure}**  \n{value}  \n{t('lead.col.target')}: {target} · "
                            f"{':green' if met else ':orange'}[{'✓' if met else '!'} {gap}]")
    # The cards' lines as one table, so what is downloaded can be read on the page too; folded, as the cards say it.
    title = tables.TARGETS.title(filters)
    with st.expander(title):
        table_block(tables.TARGETS, tables.TARGETS.frame_of(tables.target_rows(rows, targets.ikm_grade)), title,
                    describe(filters), "targets")


# -------------------------------------------------------------------------------------------------- rankings


def rankings_section(filters: Filters) -> None:
    """Over the graded quarter (the last complete one): the units slipping by their confidence interval, provisional
    ones included and marked, then the official rankings: IKM (adequate samples only, the rest listed with the
    reason) and complaint handling (at least MIN_COMPLAINTS_FOR_RANKING complaints, the rest counted)."""
    st.header(t("lead.rankings.heading"))
    window = tables.graded(filters)
    quarter = quarter_code(window.date_from)
    st.caption(t("lead.rankings.caption", quarter=frames.quarter_text(quarter),
                 period=frames.period_text(window.date_from, window.date_to)))
    _slipping_block(window)
    st.subheader(t("lead.rankings.official"))
    st.caption(t("lead.rankings.official_caption"))
    ikm_tab, complaints_tab = st.tabs([t("lead.rankings.ikm"), t("lead.rankings.complaints")])
    with ikm_tab:
        ranked, left_out = ranking(ikm_data.by_unit(window))
        st.caption(t("ikm.ranking.caption", ranked=fmt_number(len(ranked)),
                     inadequate=fmt_number(sum(r["sample"] == INADEQUATE for r in left_out)),
                     unknown=fmt_number(sum(r["sample"] == UNKNOWN_POPULATION for r in left_out))))
        if ranked:
            st.markdown(escape_markdown(ikm_frames.ranking_takeaway(ranked)))
            table = tables.IKM_RANKING
            table_block(table, table.frame(window), table.title(window), describe(window), "rank-ikm")
        else:
            st.info(t("ikm.ranking.none"), icon=":material/info:")
        if left_out:
            with st.expander(t("ikm.ranking.left_out", n=fmt_number(len(left_out)))):
                table = tables.IKM_LEFT_OUT
                table_block(table, table.frame(window), table.title(window), describe(window), "rank-ikm-left-out")
    with complaints_tab:
        result = complaint_data.ranking(window)
        st.caption(t("complaints.ranking.caption", min=MIN_COMPLAINTS_FOR_RANKING,
                     units=fmt_number(result["left_out"]["units"]),
                     complaints=fmt_number(result["left_out"]["complaints"])))
        if not result["ranked"]:
            st.info(t("complaints.ranking.none", min=MIN_COMPLAINTS_FOR_RANKING), icon=":material/info:")
            return
        table = tables.COMPLAINT_RANKING
        table_block(table, table.frame_of(result["ranked"]), table.title(window), describe(window), "rank-complaints")


def _slipping_block(window: Filters) -> None:
    """The slipping units (names and regions first, so a phone reads them), how they are judged, and every unit's
    interval folded below."""
    st.subheader(t("lead.slipping.heading"))
    comparison = tables.comparison(window)
    quarter, previous = frames.quarter_text(comparison["quarter"]), frames.quarter_text(comparison["previous"])
    slipping = [row for row in comparison["units"] if row["slipping"]]
    if not slipping:
        st.info(t("lead.slipping.none", quarter=quarter, previous=previous), icon=":material/check_circle:")
    else:
        st.markdown(frames.slipping_takeaway(comparison))
        st.markdown("\n".join(frames.slipping_item(row, comparison["previous"])
                               for row in slipping[:SLIPPING_LISTED]))
        if len(slipping) > SLIPPING_LISTED:
            st.caption(t("lead.slipping.more", n=fmt_number(len(slipping) - SLIPPING_LISTED)))
        with st.expander(t("figure.table_view")):
            table = tables.SLIPPING
            table_block(table, table.frame(window), table.title(window), describe(window), "slipping")
    with st.expander(t("lead.slipping.method.title"), icon=":material/help:"):
        st.markdown(t("lead.slipping.method.body", quarter=quarter, previous=previous,
                      target=fmt_number(comparison["target"], 2), grade=config.targets().ikm_grade,
                      min_n=MIN_RESPONDENTS_TO_JUDGE))
    if comparison["units"]:
        with st.expander(t("lead.slipping.all", n=fmt_number(len(comparison["units"])))):
            table = tables.BY_INTERVAL
            table_block(table, table.frame(window), table.title(window), describe(window), "by-interval")


# ------------------------------------------------------------------------------------------------- Ombudsman


def ombudsman_section() -> None:
    """Every stored year of both regions with the band of its year, and the peers; needs only `init`."""
    st.header(t("lead.ombudsman.heading"))
    st.caption(frames.ombudsman_caption())
    history = leadership_data.ombudsman_history()
    if not history:
        st.info(t("lead.gap.no_data"), icon=":material/info:")
        return
    table = tables.OMBUDSMAN
    chart_table_block(drawing(frames.render_ombudsman_chart, history), table,
                      table.frame_of(frames.ombudsman_rows(history)), frames.ombudsman_takeaway(history),
                      table.title(Filters()), t("filters.none"), "ombudsman")


# ---------------------------------------------------------------------------------------------- weekly brief


def _week_choice() -> str:
    """?minggu=2026-W47 (an ISO week with data; anything else: the last complete week)."""
    first, _ = data.data_span()
    codes = [week.code for week in week_options(first)]
    default = last_complete_week().code
    adopt_query_param(WEEK_KEY, codes, default)
    if st.session_state.get(WEEK_KEY) not in codes:
        st.session_state[WEEK_KEY] = default
    code = st.selectbox(t("lead.brief.week"), codes, key=WEEK_KEY,
                        format_func=lambda c: frames.week_label(parse_week(c)))
    publish_query_param(WEEK_KEY, code, default)
    return code


def _brief_bytes(code: str, region: str | None, lang: str, link: str) -> bytes:
    targets = config.targets()
    brief = leadership_data.weekly_brief(parse_week(code), targets, region)
    return brief_pdf(brief, targets.ikm_grade, data.newest_change(), data.is_demo(), link, lang)


def brief_section(filters: Filters) -> None:
    st.header(t("lead.brief.heading"))
    st.caption(t("lead.brief.caption"))
    code = _week_choice()
    # Made when clicked: the brief reads every figure of the week, which the page itself does not need.
    st.download_button(t("lead.brief.download"),
                       partial(_brief_bytes, code, filters.region, current_language(), current_link() or PAGE_PATH),
                       file_name=f"ringkasan-mingguan-{code}.pdf", mime="application/pdf", key="brief-pdf",
                       icon=":material/picture_as_pdf:", on_click="ignore", type="primary")

