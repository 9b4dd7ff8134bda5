"""The one way a chart is shown: its takeaway as alt text and caption, PNG and citation, a table view, downloads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

from components import data
from components.chart_png import chart_png
from components.citation import LICENCE, cite_control
from components.formatting import fmt_datetime_wib
from components.i18n import current_language, t
from components.open_data import api_link
from components.plain_text import escape_markdown
from components.table import FRAME_HASH, Table, show
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


@dataclass(frozen=True)
class Drawing:
    """A chart as how to draw it: a pure function of its arguments (prepared frames, labels) and the language.

    Building an Altair chart and turning it into a Vega-Lite spec cost more than everything else a warm page does;
    as a recipe it is drawn once per data, language and takeaway (draw) and built again only when someone asks
    for its image."""

    draw: Callable[..., alt.TopLevelMixin]
    args: tuple = ()

    def chart(self) -> alt.TopLevelMixin:
        return self.draw(*self.args)


def drawing(draw: Callable[..., alt.TopLevelMixin], *args) -> Drawing:
    return Drawing(draw, args)


@st.cache_data(max_entries=512, show_spinner=False, hash_funcs=FRAME_HASH)
def _drawn(_drawing: Drawing, draw_name: str, args: tuple, takeaway: str, language: str) -> None:
    """The chart drawn once per drawing (its function by name, its arguments by value, the language of its labels)
    and takeaway; Streamlit replays the element a cached function drew, so a warm view neither builds the chart
    nor serializes its data again."""
    # Unvalidated: our charts are fixed code, and Altair's JSON-schema validation of every chart cost more than
    # the rest of a warm page.
    spec = _drawing.chart().properties(description=takeaway).to_dict(validate=False)
    st.vega_lite_chart(spec=spec, width="stretch")


def draw(drawing: Drawing, takeaway: str) -> None:
    """The drawing as a chart whose alt text is its takeaway."""
    name = f"{drawing.draw.__module__}.{drawing.draw.__qualname__}"
    _drawn(drawing, name, drawing.args, takeaway, current_language())


def _drawing_png(drawing: Drawing, title: str, lines: list[str]) -> bytes:
    return chart_png(drawing.chart(), title, lines)


def table_block(table: Table, frame: pd.DataFrame, title: str, filters_text: str, key: str,
                base_path: str = "") -> None:
    """A declared table on screen and its CSV/XLSX downloads: the same rows and values, written two ways."""
    show(table, frame, base_path)
    downloads(table.labelled(frame), title, filters_text, table.filename, key)


def chart_table_block(chart: Drawing, table: Table, frame: pd.DataFrame, takeaway: str, title: str,
                      filters_text: str, key: str) -> None:
    """A chart whose alt text states its takeaway, an image download and a citation (with the table's address in
    the open data API), then the same numbers as the declared table, `frame` on screen and in the downloads."""
    draw(chart, takeaway)
    st.caption(escape_markdown(takeaway))  # plain text, unit names in it included
    with st.container(horizontal=True):  # side by side while they fit, wrapping on a phone
        st.download_button(  # rendered when clicked, like the tables' files
            t("download.png"), partial(_drawing_png, chart, title, png_lines(filters_text)),
            file_name=f"{table.filename}.png", mime="image/png", key=f"{key}-png", icon=":material/image:",
            on_click="ignore",
        )
        cite_control(title, filters_text, key, api_link=api_link(table))
    # Drawn when opened (a rerun): a closed expander's table reaches no reader, screen readers and print
    # included, and the table views were most of what a warm page cost on the server.
    view = st.expander(t("figure.table_view"), key=f"{key}-table-view", on_change="rerun")
    if view.open:
        with view:
            table_block(table, frame, title, filters_text, key)
