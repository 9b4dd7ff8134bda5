"""Page filters (kind of unit, kecamatan, period) bound to the URL, combined with the sidebar's region."""

from __future__ import annotations

import streamlit as st

from components import data
from components.formatting import fmt_date, fmt_quarter, running_label
from components.i18n import t
from components.layout import REGION_KEY, adopt_query_param, chosen_value, publish_query_param, remember_choice
from data_access.clock import today_wib
from data_access.filters import KECAMATAN_PARAM as KECAMATAN_KEY
from data_access.filters import KIND_PARAM as KIND_KEY
from data_access.filters import PERIOD_PARAM as PERIOD_KEY
from data_access.filters import Filters, kecamatan_codes
from data_access.periods import ALL, graded_default, is_running, period_bounds, quarter_code
from data_access.reference import KECAMATAN, UNIT_KINDS


def period_label(code: str) -> str:
    """'Semua periode', '2025', 'Triwulan 3 2025', 'Jul 2025'."""
    if code == ALL:
        return t("period.semua")
    start, _ = period_bounds(code)
    if "-Q" in code:
        return fmt_quarter(start)
    if len(code) == 7:
        return fmt_date(start).split(" ", 1)[1]
    return code


def url_select(key: str, label: str, options: list, format_func, default=None, column=None, pin: bool = False):
    """A selectbox bound to ?key=...; with pin the value stays in the URL even when it is the default, for a
    default that moves with the calendar (a link must keep meaning what it showed).

    The value is the visitor's choice (layout.chosen_value: picked here or on another page, or named by the
    address) when it is one of the options, else this page's default: a default of one page never carries over to
    another whose default differs."""
    adopt_query_param(key, options, default)
    choice = chosen_value(key, default)
    st.session_state[key] = choice if choice in options else default
    # None is an option ("all"); Streamlit shows a None value as the placeholder, so that says "all" too.
    widget = (column or st).selectbox(label, options, format_func=format_func, key=key, on_change=remember_choice,
                                      args=(key,), placeholder=format_func(None) if None in options else None)
    publish_query_param(key, widget, None if pin else default)
    return widget


def graded_period() -> str:
    """The default period of a page that grades or ranks (periods.graded_default): the newest complete quarter
    holding questionnaires, never the running one; all data when no quarter before the running one holds any."""
    today = today_wib()
    return graded_default(today, *data.survey_span(before=period_bounds(quarter_code(today))[0]))


def period_note(code: str, default: str) -> str | None:
    """A line under the filters when the period needs saying: the default is the last complete quarter, or the
    chosen period is still running (its figures provisional)."""
    if code == ALL:
        return None
    today = today_wib()
    if is_running(code, today):
        return t("period.running_note", period=period_label(code), running=running_label(today))
    if code == default:
        return t("period.default_note", period=period_label(code))
    return None


def page_filters(with_period: bool = True, default_period: str = ALL) -> Filters:
    """Kind, kecamatan (of the chosen region) and period selectors in one row; returns the combined Filters.

    default_period is the period shown without ?periode= (graded_period() where grades and rankings are the
    point); a link that names a period keeps it, and a quarter default is written into the link, so that a link
    copied today still means this quarter when the default has moved on."""
    region = st.session_state.get(REGION_KEY)
    kecamatan = kecamatan_codes(region)
    kecamatan_names = {k["code"]: k["name"] for k in KECAMATAN}
    columns = st.columns(3 if with_period else 2)
    kind = url_select(KIND_KEY, t("filter.kind"), [None, *UNIT_KINDS],
                       lambda k: t("filter.all") if k is None else t(f"kind.{k}"), column=columns[0])
    district = url_select(KECAMATAN_KEY, t("filter.kecamatan"), [None, *kecamatan],
                           lambda k: t("filter.all") if k is None else kecamatan_names[k], column=columns[1])
    date_from = date_to = None
    if with_period:
        options = data.period_options()
        default = default_period if default_period in options else ALL
        code = url_select(PERIOD_KEY, t("filter.period"), options, period_label, default=default, column=columns[2],
                          pin=default != ALL)
        date_from, date_to = period_bounds(code)
        note = period_note(code, default)
        if note:
            st.caption(note)
    return Filters(region=region, kind=kind, kecamatan=district, date_from=date_from, date_to=date_to)


def describe(filters: Filters) -> str:
    """The filters in words, for captions, downloads and citations."""
    parts = []
    if filters.region:
        parts.append(f"{t('filter.region')}: {t('region.' + filters.region)}")
    if filters.kind:
        parts.append(f"{t('filter.kind')}: {t('kind.' + filters.kind)}")
    if filters.kecamatan:
        name = next(k["name"] for k in KECAMATAN if k["code"] == filters.kecamatan)
        parts.append(f"{t('filter.kecamatan')}: {name}")
    if filters.unit:
        parts.append(f"unit: {filters.unit}")
    if filters.date_from or filters.date_to:
        start = fmt_date(filters.date_from) if filters.date_from else "…"
        end = fmt_date(filters.date_to) if filters.date_to else "…"
        running = filters.date_to is None or filters.date_to >= today_wib()
        parts.append(f"{t('filter.period')}: {start} – {end}" + (f" ({running_label(today_wib())})" if running else ""))
    return "; ".join(parts) or t("filters.none")
