"""Data & Metodologi: how fresh the data is, any table of any page as CSV (Indonesian Excel) or XLSX with its
dictionary, the list of all tables, the source files' fields, the methodology in plain words, licence and citation."""


import streamlit as st

from components import data, methodology
from components import datasets as tables
from components.citation import LICENCE, citation_text, cite_control, current_link
from components.errors import database_guard
from components.filters import describe, page_filters
from components.formatting import fmt_date, fmt_freshness
from components.i18n import t
from components.open_data import api_link
from data_access import clock
from data_access.workdays import WIB

# The data sources in the order Beranda lists them.
SOURCES = ("surveys", "complaints", "units", "ombudsman")

st.title(t("data.title"))
st.caption(t("data.intro"))
cite_slot = st.empty()  # filled once the table picker below has put its choice in the link

with database_guard():
    st.header(t("data.freshness.heading"))
    freshness = data.data_freshness()
    st.markdown("  \n".join(f"**{t('source.' + source)}**: {fmt_freshness(freshness[source])}"
                            for source in SOURCES if source in freshness) or t("data.freshness.none"))
    first, last = data.data_span()
    if first is not None:
        st.caption(t("data.freshness.span", first=fmt_date(first), last=fmt_date(last)))
    if data.is_demo():  # the shell's banner says so too; here it sits beside the dates it qualifies
        st.caption(t("data.freshness.demo"))

    st.header(t("data.downloads.heading"))
    st.caption(t("data.downloads.intro"))
    filters = page_filters()
    chosen = tables.choose_dataset(filters)
    tables.dataset_section(chosen, filters)
    with st.expander(t("data.list.heading"), icon=":material/table_view:"):
        st.dataframe(tables.datasets_table(filters), hide_index=True, width="stretch")

    st.header(t("data.dictionary.heading"))
    st.caption(t("data.dictionary.intro"))
    with st.expander(t("data.dictionary.sources"), icon=":material/upload_file:"):
        st.dataframe(methodology.source_fields_table(), hide_index=True, width="stretch")
    with st.expander(t("data.dictionary.all"), icon=":material/menu_book:"):
        st.dataframe(tables.full_dictionary(), hide_index=True, width="stretch")

    st.header(t("data.method.heading"))
    methodology.methodology_sections()

    st.header(t("data.licence.heading"))
    st.markdown(t("data.licence.body", licence=LICENCE))
    st.subheader(t("data.cite.heading"))
    st.caption(t("data.cite.intro"))
    st.code(citation_text(t("data.title"), describe(filters), current_link(), data.newest_change(),
                          clock.now().astimezone(WIB)), language=None, wrap_lines=True)
    cite_control(t("data.title"), describe(filters), "page", cite_slot, api_link=api_link(chosen))
