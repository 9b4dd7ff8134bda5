"""The "Salin tautan / Kutip" control: the link to exactly this view and a citation a journalist can paste.

The link is the page's address plus its query parameters; every filter mirrors itself into those parameters
(components/layout.py), so opening the link reproduces the view. The citation names the figure, its filters and
period, the data time, the link and the licence. Where the view shows a table, the open data API's address of that
table for the same filters is offered too (components/open_data.api_link)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

import streamlit as st

from components import data
from components.formatting import fmt_date, fmt_datetime_wib
from components.i18n import t
from components.layout import bound_query_params
from data_access import clock
from data_access.workdays import WIB

LICENCE = "CC BY 4.0"


def current_link() -> str:
    """The address of this view: the page's URL (as the browser shows it) with the query parameters the app reads
    (anything else a visitor's address held is left out)."""
    page_url = st.context.url or ""
    query = urlencode(bound_query_params())
    return f"{page_url}?{query}" if query else page_url


def citation_text(figure: str, filters_text: str, link: str, data_time: datetime | None,
                  accessed: datetime) -> str:
    """'Dasbor … (2026). Figure. Filter: …. Data per … WIB. Diakses …. Link. Lisensi CC BY 4.0.'"""
    return t("cite.text", source=t("app.title"), year=accessed.year, figure=figure, filters=filters_text,
             data_time=fmt_datetime_wib(data_time), accessed=fmt_date(accessed.date()), link=link, licence=LICENCE)


def cite_control(figure: str, filters_text: str, key: str, slot=None, api_link: str | None = None) -> None:
    """A popover with the view's link and its citation, each in a box with a copy button, and `api_link` (the
    view's table in the open data API) when given.

    A page's own control is drawn into a `slot` (st.empty) reserved at its top and filled at its end: the link is
    read from the URL, and widgets further down the page (the trend's month/quarter switch) publish their values
    into the URL only when the script reaches them."""
    with (slot if slot is not None else st).popover(t("cite.button"), icon=":material/link:", key=f"cite-{key}"):
        link = current_link()
        st.caption(t("cite.link"))
        st.code(link, language=None, wrap_lines=True)
        st.caption(t("cite.citation"))
        st.code(citation_text(figure, filters_text, link, data.newest_change(), clock.now().astimezone(WIB)),
                language=None, wrap_lines=True)
        if api_link:
            st.caption(t("cite.api"))
            st.code(api_link, language=None, wrap_lines=True)
