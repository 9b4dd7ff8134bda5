"""The one way a chart is shown: its takeaway as alt text and caption, PNG and citation, a table view, downloads."""

from __future__ import annotations

from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

from components import data
from components.chart_png import chart_png
from components.citation import LICENCE, cite_control
from components.formatting import fmt_datetime_wib
from components.i18n import t
from components.open_data import api_link
from components.plain_text import escape_markdown
from components.table import Table, screen, show
from data_access.exports import excel_csv, xlsx


def download_meta(title: str, filters_text: str) -> dict[str, str]:
    """What every downloaded file states above its table: what it is, its filters, data time, source, licence."""
    return {
        t("download.title"): title,
        t("download.filters"): filters_text,
        t("download.data_time"): fmt_datetime_wib(data.newest_change()),
        t("download.source"): t("app.title"),
        t("download.licence"): LICENCE,
    }


def downloads(table: pd.DataFrame, title: str, filters_text: str, filename: str, key: str) -> None:
    """CSV (Indonesian Excel) and XLSX buttons for exactly the table shown.

    Both files are made when clicked (components/kept_downloads.py keeps them while the browser fetches them): an
    XLSX of 1,000 rows costs more than the rest of a page run, and a file made with the page is fetched by the
    browser as soon as its button shows, on every view, phones included."""
    meta = download_meta(title, filters_text)
    buttons = st.container(horizontal=True)
    buttons.download_button(
        t("download.csv"), partial(excel_csv, table, meta), file_name=f"{filename}.csv", mime="text/csv",
        key=f"{key}-csv", icon=":material/download:", on_click="ignore",
    )
    buttons.download_button(
        t("download.xlsx"), partial(xlsx, table, meta), file_name=f"{filename}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}-xlsx", icon=":material/download:", on_click="ignore",
    )


def png_lines(filters_text: str) -> list[str]:
    """What an image carries under its title: the filters, then source, data time and licence."""
    source = t("figure.png_source", source=t("app.title"), data_time=fmt_datetime_wib(data.newest_change()),
               licence=LICENCE)
    return [filters_text, source]


def chart_block(chart: alt.Chart, table: pd.DataFrame, takeaway: str, title: str, filters_text: str,
                filename: str, key: str, display=None, column_config: dict | None = None,
                column_order: list[str] | None = None, api_link: str | None = None) -> None:
    """A chart whose alt text states its takeaway, an image download and a citation, then the same numbers as a
    table with CSV/XLSX downloads.

    `display` (a Styler writing numbers the user's way, or a table with links) is shown instead of `table`;
    the downloads always hold `table`; `api_link` is its address in the open data API, offered with the citation."""
    # The spec goes to the browser unvalidated: our charts are fixed code, and Altair's JSON-schema validation of
    # every chart on every run cost more than the rest of a warm page.
    st.vega_lite_chart(spec=chart.properties(description=takeaway).to_dict(validate=False), width="stretch")
    st.caption(escape_markdown(takeaway))  # plain text, unit names in it included
    with st.container(horizontal=True):  # side by side while they fit, wrapping on a phone
        st.download_button(  # rendered when clicked, like the tables' files
            t("download.png"), partial(chart_png, chart, title, png_lines(filters_text)),
            file_name=f"{filename}.png", mime="image/png", key=f"{key}-png", icon=":material/image:",
            on_click="ignore",
        )
        cite_control(title, filters_text, key, api_link=api_link)
    with st.expander(t("figure.table_view")):
        st.dataframe(table if display is None else display, hide_index=True, width="stretch",
                     column_config=column_config, column_order=column_order)
        downloads(table, title, filters_text, filename, key)


def table_block(table: Table, frame: pd.DataFrame, title: str, filters_text: str, key: str,
                base_path: str = "") -> None:
    """A declared table on screen and its CSV/XLSX downloads: the same rows and values, written two ways."""
    show(table, frame, base_path)
    downloads(table.labelled(frame), title, filters_text, table.filename, key)


def chart_table_block(chart: alt.Chart, table: Table, frame: pd.DataFrame, takeaway: str, title: str,
                      filters_text: str, key: str) -> None:
    """chart_block for a declared table: the chart, then `frame` on screen and in the downloads."""
    styled, config, order = screen(table, frame)
    chart_block(chart, table.labelled(frame), takeaway, title, filters_text, table.filename, key, display=styled,
                column_config=config, column_order=order, api_link=api_link(table))
