"""Peta: every service unit of both regions on a map, coloured and lettered by IKM grade, with a kecamatan layer of
a chosen measure; below it the same units as a sortable list, so nobody needs the map to get the data."""

import streamlit as st

from components.citation import cite_control
from components.datasets import BY_KEY
from components.errors import database_guard
from components.filters import graded_period, page_filters
from components.i18n import t
from components.map import figures as peta_data
from components.map import views as section
from components.open_data import api_link

st.title(t("map.title"))
st.caption(t("map.intro"))
filters = page_filters(default_period=graded_period())
marker, measure = section.map_controls()
st.caption(section.describe_view(filters, marker))
cite_control(t("map.title"), section.describe_view(filters, marker), "page", api_link=api_link(BY_KEY["peta-unit"]))

with database_guard():
    units = peta_data.units(filters, marker)
    section.summary(units)
    section.map_section(filters, marker, measure)
    section.kecamatan_section(filters, measure)
    section.list_twin(units, filters, marker)
