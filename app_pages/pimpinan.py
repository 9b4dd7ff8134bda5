"""Pimpinan: for the Bupati and Wali Kota — exceptions first (grade changes, complaints newly past their limit, what
falls due), each region against the targets, rankings, the Ombudsman history, and the weekly brief to share."""

import streamlit as st

from components.citation import cite_control
from components.errors import database_guard
from components.filters import describe
from components.i18n import t
from components.leadership import views as section

st.title(t("lead.title"))
st.caption(t("lead.intro"))
filters = section.region_filters()
cite_slot = st.empty()  # filled last: the week chosen for the brief further down puts itself in the link

with database_guard():
    comparison = section.comparison_selector()
    section.exceptions_section(filters, comparison)
    section.targets_section(filters)
    section.rankings_section(filters)
    section.ombudsman_section()
    section.brief_section(filters)
cite_control(t("lead.title"), describe(filters), "page", cite_slot)
