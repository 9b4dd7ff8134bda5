"""Kepuasan (IKM): the selection's IKM, Kota and Kabupaten side by side, every unit with n, confidence interval and
sample adequacy, the ranking, the nine elements, the trend, perception against complaint handling, the profile."""

import streamlit as st

from components.citation import cite_control
from components.datasets import BY_KEY
from components.errors import database_guard
from components.filters import describe, graded_period, page_filters
from components.i18n import t
from components.open_data import api_link
from components.satisfaction import views as section
from data_access.ikm import HIGHEST_SCORE, LOWEST_SCORE

st.title(t("ikm.title"))
st.caption(t("ikm.intro", lowest=LOWEST_SCORE, highest=HIGHEST_SCORE))
filters = page_filters(default_period=graded_period())
st.caption(describe(filters))
cite_slot = st.empty()  # filled last: the trend's switch further down puts itself in the link

with database_guard():
    if section.headline(filters):
        section.region_comparison(filters)
        section.units_section(filters)
        section.ranking_section(filters)
        section.elements_section(filters)
        section.trend_section(filters)
        section.perception_section(filters)
        section.profile_section(filters)
cite_control(t("ikm.title"), describe(filters), "page", cite_slot, api_link=api_link(BY_KEY["ikm-per-unit"]))
