"""Sections of the Pengaduan and Lacak pages: a heading, the figures, then a chart or a table.

Every number comes from one cached data_access figure (components.complaints.figures); every table is declared
once (components.complaints.tables) and shown with its downloads through table_block, or under its chart through
chart_table_block (takeaway as alt text, table view, downloads); every table that names a unit links to its card.
No complaint text is shown anywhere: only counts, dates and working days.
"""

from __future__ import annotations

import streamlit as st

from components import figure
from components.complaints import figures as complaint_data
from components.complaints import frames as frames
from components.complaints import tables
from components.complaints.charts import (
    render_backlog_chart,
    render_funnel_chart,
    render_rate_chart,
    render_timing_chart,
    render_trend_chart,
    render_volume_chart,
)
from components.filters import describe
from components.formatting import fmt_date, fmt_number, fmt_pct
from components.i18n import t
from components.layout import publish_query_param
from components.plain_text import escape_markdown
from components.table import Table, unit_link
from data_access.complaint_queries import VOLUME_DIMENSIONS
from data_access.complaint_rules import (
    DUE_SOON_WORKDAYS,
    FIRST_RESPONSE_LIMIT,
    MIN_COMPLAINTS_FOR_RANKING,
    VERIFICATION_LIMIT,
)
from data_access.filters import Filters
from data_access.privacy import SMALL_COUNT_THRESHOLD
from data_access.tracker import (
    TICKET_MAX_LENGTH,
    WAITING,
    InvalidTicket,
    normalise_ticket,
)

TICKET_PARAM = "tiket"
# The volume chart of units shows this many; the ranking table below it lists every ranked unit.
BUSIEST_UNITS = 10


# ------------------------------------------------------------------------------------------ declared tables


def _chart_table(chart: figure.Drawing, table: Table, takeaway: str, filters: Filters, key: str) -> None:
    """A chart, then its declared table for `filters` on screen and in the downloads, as the Data page gives it."""
    figure.chart_table_block(chart, table, table.frame(filters), takeaway, table.title(filters), describe(filters),
                             key)


def _table(table: Table, filters: Filters, key: str) -> None:
    figure.table_block(table, table.frame(filters), table.title(filters), describe(filters), key)


# ------------------------------------------------------------------------------------------------ headline


def headline(filters: Filters) -> bool:
    """Received, open and overdue, and the three stage timings; False (after saying so) when there are none."""
    summary = complaint_data.summary(filters)
    if not summary["received"]:
        st.info(t("complaints.none"), icon=":material/info:")
        return False
    with st.container(border=True):
        received, still_open, overdue = st.columns(3)
        received.metric(t("complaints.kpi.received"), fmt_number(summary["received"]))
        still_open.metric(t("complaints.kpi.open"), fmt_number(summary["open"]), help=t("complaints.kpi.open_help"))
        overdue.metric(t("complaints.kpi.overdue"), fmt_number(summary["overdue_open"]),
                       help=t("complaints.kpi.overdue_help"))
        verification, first, resolution = st.columns(3)
        for column, stage, limit in ((verification, "verification", VERIFICATION_LIMIT),
                                     (first, "first_response", FIRST_RESPONSE_LIMIT)):
            figures = summary[stage]
            column.metric(t(f"complaints.kpi.{stage}"), frames.workdays_text(figures["median_workdays"]),
                          help=t("complaints.kpi.km_help"))
            column.caption(t("complaints.kpi.limit_within", limit=limit, pct=fmt_pct(figures["within_limit_pct"])))
            _unknown_time(column, figures)
        figures = summary["resolution"]
        forwarded = figures["still_open_pct"] is not None
        resolution.metric(t("complaints.kpi.resolution"),
                          frames.workdays_text(figures["median_workdays"], reached_if_none=forwarded),
                          help=t("complaints.kpi.km_help"))
        resolution.caption(t("complaints.kpi.resolution_line",
                             p90=frames.workdays_text(figures["p90_workdays"], reached_if_none=forwarded),
                             open=fmt_pct(figures["still_open_pct"]), pct=fmt_pct(figures["within_limit_pct"]),
                             limits=frames.tier_limits_text()))
        _unknown_time(resolution, figures)
    return True


def _unknown_time(column, figures: dict) -> None:
    """The stage's complaints with no time recorded, beside its statistics, when there are any."""
    text = frames.unknown_time_text(figures["unknown_time"])
    if text:
        column.caption(text)


# ------------------------------------------------------------------------------------------------- volume


def volume_section(filters: Filters) -> None:
    """By channel, classification and category (one tab each), per 10,000 residents, and the monthly trend."""
    st.header(t("complaints.volume.heading"))
    total = complaint_data.summary(filters)["received"]
    tabs = st.tabs([t(f"complaints.dim.{dimension}") for dimension in VOLUME_DIMENSIONS])
    for tab, dimension in zip(tabs, VOLUME_DIMENSIONS, strict=True):
        with tab:
            rows = complaint_data.volume(filters, dimension)
            _chart_table(figure.drawing(render_volume_chart, frames.volume_frame(rows, dimension)),
                         tables.VOLUME[dimension], frames.volume_takeaway(rows, dimension, total), filters,
                         f"volume-{dimension}")
            _suppressed_note(rows)
    _rate(filters)
    _trend(filters)


def _suppressed_note(rows: list[dict], key: str = "complaints.suppressed_note") -> None:
    """What "<5" means, under a breakdown that holds one."""
    if any(r["suppressed"] for r in rows):
        st.caption(t(key, n=SMALL_COUNT_THRESHOLD))


def _rate(filters: Filters) -> None:
    st.subheader(t("complaints.rate.heading"))
    rows = complaint_data.per_10k(filters)
    if filters.kecamatan:
        row = rows[0]
        st.info(t("complaints.rate.kecamatan_unknown", n=fmt_number(row["complaints"]),
                  name=escape_markdown(frames.kecamatan_name(filters.kecamatan))), icon=":material/info:")
        return
    _chart_table(figure.drawing(render_rate_chart, frames.rate_frame(rows)), tables.RATE, frames.rate_takeaway(rows),
                 filters, "rate")
    st.caption(frames.rate_note())


def _trend(filters: Filters) -> None:
    rows = complaint_data.trend(filters)
    if not rows:
        return
    st.subheader(tables.TREND.title(filters))
    y_title = t("complaints.col.per_10k" if frames.per_residents(rows) else "complaints.col.complaints")
    frame = frames.trend_frame(rows)
    if frame.empty:  # every month suppressed: nothing to draw
        _table(tables.TREND, filters, "trend")
    else:
        _chart_table(figure.drawing(render_trend_chart, frame, y_title), tables.TREND, frames.trend_takeaway(rows),
                     filters, "trend")
    _suppressed_note(rows)
    _suppressed_note(rows, "complaints.trend.suppressed_note")


# ------------------------------------------------------------------------------------------------ timings


def timing_section(filters: Filters) -> None:
    st.header(t("complaints.timing.heading"))
    rows = complaint_data.timings(filters)
    frame = frames.timing_frame(rows)
    if frame.empty:  # nothing decided yet: no share within the limit to draw
        _table(tables.TIMINGS, filters, "timings")
    else:
        _chart_table(figure.drawing(render_timing_chart, frame), tables.TIMINGS, frames.timing_takeaway(rows), filters,
                     "timings")
    st.caption(t("complaints.timing.note"))
    _suppressed_note(rows, "complaints.timing.suppressed_note")


# ------------------------------------------------------------------------------------------------- funnel


def funnel_section(filters: Filters) -> None:
    st.header(t("complaints.funnel.heading"))
    rows = complaint_data.funnel(filters)
    total = complaint_data.summary(filters)["received"]
    _chart_table(figure.drawing(render_funnel_chart, frames.funnel_frame(rows)), tables.FUNNEL,
                 frames.funnel_takeaway(rows, total), filters, "funnel")
    st.caption(t("complaints.funnel.note", **frames.flow_texts()))
    _suppressed_note(rows)


# ------------------------------------------------------------------------------------------------ backlog


def backlog_section(filters: Filters) -> None:
    """Open complaints by working days left in their current stage, then what falls due per unit."""
    st.header(t("complaints.backlog.heading"))
    rows = complaint_data.backlog(filters)
    if all(r["complaints"] == 0 for r in rows):
        st.info(t("complaints.backlog.none"), icon=":material/task_alt:")
        return
    still_open = complaint_data.summary(filters)["open"]
    _chart_table(figure.drawing(render_backlog_chart, frames.backlog_frame(rows, still_open)), tables.BACKLOG,
                 frames.backlog_takeaway(rows, DUE_SOON_WORKDAYS, still_open), filters, "backlog")
    st.caption(frames.backlog_note())
    _suppressed_note(rows)
    due_soon_block(filters, tables.DUE)


def _due_soon_heading(filters: Filters) -> list[dict]:
    """The heading and caption of what falls due in the next DUE_SOON_WORKDAYS working days (Pengaduan and
    Pimpinan); the units with something due."""
    due = complaint_data.due_soon(filters)
    st.subheader(t("complaints.due.heading", days=DUE_SOON_WORKDAYS))
    if not due["units"]:
        st.caption(t("complaints.due.none", until=fmt_date(due["until"])))
    else:
        st.caption(t("complaints.due.caption", today=fmt_date(due["today"]), until=fmt_date(due["until"])))
    return due["units"]


# ------------------------------------------------------------------------------------------------ ranking


def ranking_section(filters: Filters) -> None:
    """The busiest ranked units, then every unit with enough complaints ranked by resolutions within the limit."""
    st.header(t("complaints.ranking.heading"))
    ranking = complaint_data.ranking(filters)
    ranked, left_out = ranking["ranked"], ranking["left_out"]
    st.caption(t("complaints.ranking.caption", min=MIN_COMPLAINTS_FOR_RANKING, units=fmt_number(left_out["units"]),
                 complaints=fmt_number(left_out["complaints"])))
    if not ranked:
        st.info(t("complaints.ranking.none", min=MIN_COMPLAINTS_FOR_RANKING), icon=":material/info:")
        return
    st.subheader(t("complaints.ranking.volume_title", n=min(BUSIEST_UNITS, len(ranked))))
    _chart_table(figure.drawing(render_volume_chart, frames.ranking_volume_frame(ranked, BUSIEST_UNITS)),
                 tables.RANKING, frames.ranking_volume_takeaway(ranked), filters, "ranking")


def places_section(filters: Filters) -> None:
    """Kecamatan × category with small counts suppressed: the finest place × topic table on the page."""
    rows = complaint_data.by_place(filters)
    if not rows:
        return
    st.header(t("complaints.places.heading"))
    st.caption(t("complaints.places.caption", n=SMALL_COUNT_THRESHOLD))
    _table(tables.PLACES, filters, "places")


def due_soon_block(filters: Filters, table: Table) -> None:
    """What falls due in the next DUE_SOON_WORKDAYS working days, per unit: Pengaduan's table, or Pimpinan's."""
    if _due_soon_heading(filters):
        _table(table, filters, "due")


# -------------------------------------------------------------------------------------------------- tracker


def _well_formed(text: str) -> bool:
    try:
        normalise_ticket(text)
    except InvalidTicket:
        return False
    return True


def ticket_input() -> str | None:
    """The ticket typed, or given as ?tiket=... on arrival; None (after saying why) when empty or malformed."""
    if TICKET_PARAM not in st.session_state:
        from_url = st.query_params.get(TICKET_PARAM, "")
        st.session_state[TICKET_PARAM] = from_url if _well_formed(from_url) else ""
        if from_url and not st.session_state[TICKET_PARAM]:
            st.warning(t("track.invalid", max=TICKET_MAX_LENGTH), icon=":material/error:")
    field, search = st.columns([4, 1], vertical_alignment="bottom")
    typed = field.text_input(t("track.input"), key=TICKET_PARAM, max_chars=TICKET_MAX_LENGTH,
                             help=t("track.input_help", max=TICKET_MAX_LENGTH, button=t("track.search")),
                             placeholder="LAPOR-1234567")
    # Enter already looks the ticket up; the button is for those who do not know that (and for phones, whose
    # keyboards may hide Enter). Tapping it leaves the field, which applies what was typed, and reruns the page.
    search.button(t("track.search"), icon=":material/search:", key="track.search", width="stretch")
    if not typed.strip():
        publish_query_param(TICKET_PARAM, None)
        return None
    if not _well_formed(typed):
        publish_query_param(TICKET_PARAM, None)
        st.warning(t("track.invalid", max=TICKET_MAX_LENGTH), icon=":material/error:")
        return None
    ticket = normalise_ticket(typed)
    publish_query_param(TICKET_PARAM, ticket)
    return ticket


def _overdue_badge() -> str:
    """A stage past its limit, marked in words and with an icon as well as in red (colour alone is missed)."""
    return f":red-badge[:material/alarm: {t('track.overdue')}]"


def tracked_complaint(ticket: str) -> None:
    """A complaint's unit, category, tier and status, then its stages; a friendly word for an unknown ticket."""
    complaint = complaint_data.tracked(ticket)
    if complaint is None:
        st.info(t("track.unknown", ticket=ticket), icon=":material/search_off:")
        return
    steps = frames.tracked_steps(complaint)
    overdue_now = any(step["late"] and step["state"] == WAITING for step in steps)
    with st.container(border=True):
        st.header(escape_markdown(complaint.ticket))  # h2 under the page's h1: headings go down one level
        unit, category = st.columns(2)
        name, link = escape_markdown(complaint.unit_name), unit_link(complaint.unit_code)
        unit.markdown(f"**{t('track.unit')}**  \n[{name}]({link})")  # a real link, its label the name as text
        category.markdown(f"**{t('track.category')}**  \n"
                          f"{escape_markdown(frames.label('category', complaint.category))}")
        tier, status = st.columns(2)
        tier.markdown(f"**{t('track.tier')}**  \n{escape_markdown(frames.tier_text(complaint.tier))}")
        status.markdown(f"**{t('track.status')}**  \n{escape_markdown(frames.status_text(complaint.status))}"
                        + (f" {_overdue_badge()}" if overdue_now else ""))
    st.subheader(t("track.stages"))
    for step in steps:
        icon = ":material/warning:" if step["late"] else \
            ":material/hourglass_top:" if step["state"] == WAITING else ":material/check_circle:"
        flag = f" {_overdue_badge()}" if step["late"] else ""
        st.markdown(f"{icon} **{escape_markdown(step['status'])}** · {step['when']}{flag}"
                    + (f"  \n{step['took']}" if step["took"] else ""))
    st.caption(t("track.note"))
