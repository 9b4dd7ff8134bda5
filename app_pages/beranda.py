"""Beranda: find one's own unit by name; both regions side by side — IKM of the quarter, today's questionnaires,
complaints, Ombudsman."""

import streamlit as st

from components import data
from components.citation import cite_control
from components.errors import database_guard
from components.filters import describe
from components.formatting import fmt_freshness
from components.i18n import t
from components.layout import REGION_KEY
from components.tiles import LIVE_REFRESH_SECONDS, region_card
from components.unit_finder import unit_finder
from data_access.filters import Filters

st.title(t("app.title"))
st.caption(t("home.intro"))
cite_control(t("home.cite_title"), describe(Filters(region=st.session_state.get(REGION_KEY))), "page")
with database_guard():
    unit_finder()


@st.fragment(run_every=LIVE_REFRESH_SECONDS)
def live_tiles() -> None:
    with database_guard():
        chosen = st.session_state.get(REGION_KEY)
        overviews = [o for o in data.region_overview() if chosen in (None, o.region_code)]
        for column, region in zip(st.columns(len(overviews)), overviews, strict=True):
            with column:
                region_card(region)
        freshness = data.data_freshness()
        parts = [f"{t('source.' + source)}: {fmt_freshness(freshness[source])}"
                 for source in ("surveys", "complaints", "units", "ombudsman") if source in freshness]
        st.caption(f"{t('home.freshness')} — " + " · ".join(parts))


live_tiles()
