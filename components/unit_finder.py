"""Finding one's own service unit from Beranda: a citizen who came for her puskesmas types part of its name and is
one tap from its report card, without learning the pages or the unit codes first."""

from __future__ import annotations

import streamlit as st

from components.i18n import t
from components.layout import REGION_KEY
from components.survey.figures import active_units

FINDER_KEY = "home.unit_finder"


def unit_finder() -> None:
    """A searchable list of the active units (name and region; of the sidebar's region when one is chosen) and a
    link to the chosen one's card."""
    region = st.session_state.get(REGION_KEY)
    units = [unit for unit in active_units() if region in (None, unit["region_code"])]
    names = {unit["code"]: f"{unit['name']} · {t('region.' + unit['region_code'])}" for unit in units}
    code = st.selectbox(t("home.find_unit"), list(names), index=None, format_func=names.get, key=FINDER_KEY,
                        placeholder=t("home.find_unit.placeholder"), help=t("home.find_unit.help"))
    if code is not None:
        st.page_link("app_pages/unit.py", label=t("home.find_unit.open"), icon=":material/storefront:",
                     query_params={"unit": code})
