"""Entry point: page config, language, shared filters, and navigation over pages/."""

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components import data
from components.i18n import t
from components.layout import demo_banner, footer, language_switch, region_filter

st.set_page_config(page_title="Dasbor Pelayanan Publik Pasuruan", page_icon=":material/account_balance:",
                   layout="wide")

language_switch()
region_filter()

pages = [
    st.Page("pages/beranda.py", title=t("nav.beranda"), icon=":material/home:", url_path="beranda", default=True),
]
navigation = st.navigation(pages)

try:
    with st.spinner(t("app.preparing_demo"), show_time=True):
        ready = data.ensure_demo_database()
    if not ready:
        st.warning(t("app.db_not_initialised"), icon=":material/database:")
        st.stop()
    if data.is_demo():
        demo_banner()
    navigation.run()
except SQLAlchemyError:
    # An outage or a missing file: say so plainly; the next rerun reconnects by itself (pool_pre_ping).
    data.forget_watermark()
    st.warning(t("app.db_unavailable"), icon=":material/cloud_off:")
footer()
