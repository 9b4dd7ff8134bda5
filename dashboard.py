"""The dashboard's script, run for every page view: page config, language, shared filters, and navigation over
app_pages/. app.py serves it, with the open data API beside it.

The page scripts live in app_pages/, not pages/: a folder named exactly `pages` puts Streamlit into its legacy
mode until some session has run st.navigation, so the first deep link after a restart (a QR code's
/survei?unit=...) would run its page without this shell."""

import logging
from pathlib import Path

import streamlit as st

from components import data
from components.errors import app_guard
from components.i18n import current_language, request_language, t
from components.kept_downloads import keep_made_downloads
from components.layout import demo_banner, footer, language_switch, region_filter

# The tab icon is a file of ours, which Streamlit serves itself: a Material icon name would be drawn from Google's
# font CDN, which an intranet or offline browser cannot reach.
TAB_ICON = Path(__file__).parent / "components" / "assets" / "tab_icon.png"
# Streamlit cuts a metric's label and value to one line with an ellipsis ("Pengaduan terb…", "2 workin…"); a cut
# figure is a misread figure, so on every page they wrap instead. A style-only st.html takes no space on the page.
WRAPPING_METRICS = """<style>
[data-testid="stMetric"] [data-testid="stMarkdownContainer"],
[data-testid="stMetric"] [data-testid="stMarkdownContainer"] p {
  white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: break-word;
}
</style>"""

keep_made_downloads()

language_switch()
# After the language is known, so that the tab's title is in it too (Streamlit takes the page config at any point).
st.set_page_config(page_title=t("app.title"), page_icon=str(TAB_ICON), layout="wide")
st.html(WRAPPING_METRICS)
region_filter()

pages = [
    st.Page("app_pages/beranda.py", title=t("nav.beranda"), icon=":material/home:", url_path="beranda", default=True),
    st.Page("app_pages/pimpinan.py", title=t("nav.pimpinan"), icon=":material/insights:", url_path="pimpinan"),
    st.Page("app_pages/kepuasan.py", title=t("nav.kepuasan"), icon=":material/sentiment_satisfied:",
            url_path="kepuasan"),
    st.Page("app_pages/peta.py", title=t("nav.peta"), icon=":material/map:", url_path="peta"),
    st.Page("app_pages/pengaduan.py", title=t("nav.pengaduan"), icon=":material/campaign:", url_path="pengaduan"),
    st.Page("app_pages/lacak.py", title=t("nav.lacak"), icon=":material/search:", url_path="lacak"),
    st.Page("app_pages/survei.py", title=t("nav.survei"), icon=":material/rate_review:", url_path="survei"),
    st.Page("app_pages/data.py", title=t("nav.data"), icon=":material/dataset:", url_path="data"),
    st.Page("app_pages/unit.py", title=t("nav.unit"), icon=":material/storefront:", url_path="unit",
            visibility="hidden"),
]
navigation = st.navigation(pages)

# A page asks for the language thousands of times (every cell written the reader's way), each a session-state
# lookup; it cannot change during a run, so it is read once for the page.
with app_guard(), request_language(current_language()):
    with st.spinner(t("app.preparing_demo"), show_time=True):
        ready = data.prepare_database()
    if ready:
        if data.is_demo():
            demo_banner()
        navigation.run()
    else:
        # The command is for whoever runs the server, so it goes to the server's log; the public reads why not.
        logging.getLogger("dashboard").warning("The database has no schema: run `python -m data_access init`.")
        st.warning(t("app.db_not_initialised"), icon=":material/database:")
footer()
