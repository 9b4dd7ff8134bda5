"""KPI tiles: each figure with its label, a plain-language help text, and a letter grade beside any colour."""

from __future__ import annotations

import streamlit as st

from components.formatting import fmt_number, fmt_ombudsman_band, fmt_pct, fmt_quarter, fmt_signed, running_label
from components.i18n import t
from data_access import clock, periods
from data_access.complaint_rules import FIRST_RESPONSE_LIMIT
from data_access.ikm import HIGHEST_SCORE, LOWEST_SCORE
from data_access.overview import RegionOverview

# Live tiles (Beranda, a unit's headline) rerun this often. A rerun re-reads only the data-version watermark (at
# most once per data.WATERMARK_TTL_SECONDS for the whole server); figures are recomputed only when it changed. A new
# questionnaire is therefore on screen within WATERMARK_TTL_SECONDS + LIVE_REFRESH_SECONDS + one recomputation
# (the survey form even clears the watermark at once), well inside the 5 seconds the dashboards promise.
LIVE_REFRESH_SECONDS = 2


def _workdays(value: int | None, reached_if_none: bool) -> str:
    if value is None:
        return t("home.not_reached") if reached_if_none else t("home.no_data")
    return t("home.workdays", n=fmt_number(value))


def _ikm_help() -> str:
    return t("home.ikm_help", lowest=LOWEST_SCORE, highest=HIGHEST_SCORE)


def region_card(region: RegionOverview) -> None:
    """One region's headline figures in a bordered card."""
    with st.container(border=True):
        st.subheader(t(f"region.{region.region_code}"))
        ikm_col, n_col = st.columns(2)
        # The quarter of the newest data may still be running: its IKM is live but partial, so it says so, with its n
        # beside it, and its grade is provisional rather than final.
        today = clock.today_wib()
        running = periods.is_running(periods.quarter_code(region.quarter[0]), today)
        quarter = fmt_quarter(region.quarter[0])
        ikm_label = t("home.ikm_running", quarter=quarter, running=running_label(today)) if running \
            else t("home.ikm", quarter=quarter)
        if region.ikm:
            change = region.ikm.ikm - region.previous_ikm.ikm if region.previous_ikm else None
            ikm_col.metric(ikm_label, fmt_number(region.ikm.ikm, 2), delta=fmt_signed(change), help=_ikm_help())
            grade_key = "home.grade_provisional" if running else "home.grade"
            ikm_col.markdown(f"**{t(grade_key, grade=region.ikm.grade, label=t('grade.' + region.ikm.grade))}**")
            n_col.metric(t("home.respondents"), fmt_number(region.ikm.respondents))
        else:
            ikm_col.metric(ikm_label, "–", help=_ikm_help())
            ikm_col.caption(t("home.no_ikm"))
            n_col.metric(t("home.respondents"), fmt_number(0))
        today_col, open_col, overdue_col = st.columns(3)
        today_col.metric(t("home.responses_today"), fmt_number(region.responses_today))
        open_col.metric(t("home.complaints_open"), fmt_number(region.complaints_open))
        overdue_col.metric(t("home.complaints_overdue"), fmt_number(region.complaints_overdue))
        response_col, ombudsman_col = st.columns(2)
        has_complaints = region.first_response_within_limit_pct is not None
        response_col.metric(
            t("home.first_response"),
            _workdays(region.first_response_median_workdays, reached_if_none=has_complaints),
            help=t("home.first_response_help", limit=FIRST_RESPONSE_LIMIT),
        )
        if has_complaints:
            response_col.caption(t("home.within_limit", pct=fmt_pct(region.first_response_within_limit_pct)))
        if region.ombudsman:
            ombudsman_col.metric(t("home.ombudsman", year=region.ombudsman["year"]),
                                 fmt_number(region.ombudsman["score"], 2))
            ombudsman_col.caption(fmt_ombudsman_band(region.ombudsman["band"]))
        else:
            ombudsman_col.metric(t("home.ombudsman_none"), "–")
