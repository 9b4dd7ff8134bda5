"""Survei (?unit=CODE): the questionnaire a unit's QR poster opens — the nine questions with the regulation's
answer labels, an optional respondent profile and suggestion, sent with one tap; then thanks and what happens next,
a friendly refusal when this device has just answered, or every problem found with the answers kept."""

import streamlit as st

from components.errors import database_guard
from components.i18n import t
from components.survey import views as survey

st.title(t("survey.title"))
with database_guard():
    unit = survey.requested_unit()
    if unit:
        survey.unit_line(unit)
        if not survey.thanked(unit) and not survey.must_wait(unit):
            survey.questionnaire(unit)
