"""Lacak pengaduan: a ticket number (typed, or ?tiket=...) gives that complaint's stages with their dates, the
working days each took and its limit — never the complaint's text or anything about the person."""

import streamlit as st

from components.complaints import views as section
from components.errors import database_guard
from components.i18n import t

st.title(t("track.title"))
st.caption(t("track.intro"))
ticket = section.ticket_input()
if ticket:
    with database_guard():
        section.tracked_complaint(ticket)
