"""Unit (?unit=CODE): one service unit's report card — IKM now with respondents and sample adequacy (live: it
refreshes by itself), the elements against the grade bands, the trend, complaint handling as perceived and as
measured, and where the unit is."""

import streamlit as st

from components.citation import cite_control
from components.datasets import BY_KEY
from components.errors import database_guard
from components.i18n import t
from components.open_data import api_link
from components.satisfaction import views as section

with database_guard():
    unit = section.requested_unit()
    if unit:
        section.unit_header(unit)
        cite_slot = st.empty()  # filled last: the trend's switch further down puts itself in the link
        current = section.live_unit_now(unit)
        if current:
            section.unit_elements(unit, current)
            section.unit_trend(unit)
            section.unit_summaries(unit)
        section.unit_complaints(unit, current)
        section.unit_location(unit)
        cite_control(t("unit.cite_title", name=unit["name"]), f"unit: {unit['code']}", "page", cite_slot,
                     api_link=api_link(BY_KEY["unit-unsur"]))
