"""Pengaduan: how many complaints and where from, per 10,000 residents and by month; working-day timings against
the legal limits; where every complaint stands, side exits included; the open backlog by age and what falls due;
units ranked by resolutions within the limit; categories per kecamatan with small counts suppressed."""

import streamlit as st

from components.citation import cite_control
from components.complaints import views as section
from components.errors import database_guard
from components.filters import describe, page_filters
from components.i18n import t

st.title(t("complaints.title"))
st.caption(t("complaints.intro"))
# All periods by default, unlike Kepuasan's last complete quarter: the open backlog and what falls due next are
# about today, and the timings count complaints still open as censored (Kaplan–Meier), so recent complaints do not
# flatter them; the running month is drawn apart in the monthly chart.
filters = page_filters()
st.caption(describe(filters))
cite_control(t("complaints.title"), describe(filters), "page")

with database_guard():
    if section.headline(filters):
        section.volume_section(filters)
        section.timing_section(filters)
        section.funnel_section(filters)
        section.backlog_section(filters)
        section.ranking_section(filters)
        section.places_section(filters)
