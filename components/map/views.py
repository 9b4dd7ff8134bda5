"""Sections of the Peta page: the map's own filters, what the map shows in words, the map with its legend and
kecamatan layer, and the list twin — the same units as a sortable table, for anyone who does not use the map.

Table and sentence builders are plain functions of the data frames; the section functions only place them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.figure import downloads, table_block
from components.filters import describe, url_select
from components.formatting import fmt_number
from components.i18n import current_language, t
from components.map import figures as peta_data
from components.map import folium_map as map_view
from components.map import tables
from components.plain_text import escape_markdown
from components.table import show
from data_access import config
from data_access.filters import Filters
from data_access.ikm import GRADES
from data_access.map_data import MARKERS, MEASURES, UNRATED, marker_counts

GRADE_KEY = "mutu"
MEASURE_KEY = "ukuran"
DEFAULT_MEASURE = "ikm"
MAP_KEY = "peta"
MAP_HEIGHT = 500
# The list twin's heading anchor, the same in both languages: the link above the map skips to it.
LIST_ANCHOR = "daftar-unit"
CARD_PICK_KEY = "peta.rapor"


def map_controls() -> tuple[str | None, str]:
    """The grade to show (?mutu=A; None for all) and the kecamatan layer's measure (?ukuran=ikm), side by side."""
    grade_col, measure_col = st.columns(2)
    marker = url_select(GRADE_KEY, t("map.filter.grade"), [None, *MARKERS],
                         lambda m: t("filter.all") if m is None else map_view.marker_label(m), column=grade_col)
    measure = url_select(MEASURE_KEY, t("map.filter.measure"), list(MEASURES),
                          lambda m: t(f"map.measure.{m}"), default=DEFAULT_MEASURE, column=measure_col)
    return marker, measure


def describe_view(filters: Filters, marker: str | None) -> str:
    """The filters in words, the grade included (for captions and downloads)."""
    text = describe(filters)
    if marker is None:
        return text
    grade = f"{t('map.filter.grade')}: {map_view.marker_label(marker)}"
    return grade if text == t("filters.none") else f"{text}; {grade}"


def summary_text(units: pd.DataFrame) -> str:
    """What the map shows, in one sentence: '156 unit di peta — mutu: 8 A, 31 B, 0 C, 0 D; 117 belum dinilai ...'."""
    if units.empty:
        return t("map.summary.none")
    counts = marker_counts(units)
    grades = ", ".join(f"{fmt_number(counts[g])} {g}" for g in GRADES)
    text = t("map.summary", total=fmt_number(len(units)), grades=grades, unrated=fmt_number(counts[UNRATED]))
    unplaced = int((units["latitude"].isna() | units["longitude"].isna()).sum())
    if unplaced:
        text += " " + t("map.summary.unplaced", n=fmt_number(unplaced))
    return text


def summary(units: pd.DataFrame) -> None:
    st.markdown(summary_text(units))


def legend_html(measure: str, polygons: bool) -> str:
    """The map's key: each marker's colour with its letter and meaning, then how the kecamatan layer reads."""
    chips = []
    for marker in MARKERS:
        fill, text = map_view.MARKER_STYLES[marker]
        border = "2px dashed #555" if marker == UNRATED else "2px solid #fff"
        chips.append(
            f'<span style="display:inline-flex;align-items:center;gap:.35em;margin:0 1em .3em 0">'
            f'<span aria-hidden="true" style="display:inline-flex;align-items:center;justify-content:center;'
            f'width:1.5em;height:1.5em;border-radius:50%;background:{fill};color:{text};border:{border};'
            f'box-shadow:0 0 0 1px #999;font-weight:700">{map_view.MARKER_LETTERS[marker]}</span>'
            f'{map_view.marker_label(marker)}</span>'
        )
    fill, text = map_view.MARKER_STYLES["B"]
    cluster = (f'<span aria-hidden="true" style="display:inline-flex;flex-direction:column;align-items:center;'
               f'justify-content:center;vertical-align:middle;box-sizing:border-box;width:2.5rem;height:2.5rem;'
               f'margin-right:.35em;border-radius:50%;background:{fill};color:{text};border:3px solid #1b1f23;'
               f'font-weight:700;font-size:.8rem;line-height:1.05">12<span style="font-size:.65rem">B</span></span>'
               f'{t("map.legend.cluster")}')
    layer = t("map.layer.polygons" if polygons else "map.layer.circles", measure=t(f"map.measure.{measure}"))
    if measure != "ikm":
        steps = "".join(f'<span style="display:inline-block;width:1.6em;height:.9em;background:{colour};'
                        f'border:1px solid #999"></span>' for colour in map_view.SEQUENTIAL)
        layer += f' <span aria-hidden="true">{steps}</span> {t("map.layer.scale." + measure)}'
    return (f'<div style="font-size:.9rem;line-height:1.6"><div>{"".join(chips)}</div>'
            f'<div style="margin:.2em 0 .4em">{cluster}</div><div>{layer}</div></div>')


def _base_path() -> str:
    """The server's base URL path ('' or '/dasbor'), so popup links work behind a proxy prefix too."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def map_section(filters: Filters, marker: str | None, measure: str) -> None:
    """The folium map: the same base map every run (no new iframe), the filtered layers swapped in, no rerun on
    pan or zoom (nothing is returned), then its key and a pointer to the list for those who cannot see it."""
    tiles, attribution = config.map_tiles()
    assets = config.map_assets_url()
    shapes = peta_data.kecamatan_shapes(filters, measure)
    layers = [
        map_view.kecamatan_layer(shapes),
        map_view.unit_layer(peta_data.unit_rows(filters, marker, _base_path()), assets, current_language()),
    ]
    centre, zoom = map_view.view_for(filters)
    # Past the map's markers in one step: a keyboard user would otherwise tab through each of them, and a phone's
    # swipe over the map pans it instead of scrolling the page.
    st.markdown(f"[{t('a11y.map.skip')}](#{LIST_ANCHOR})")
    base = map_view.base_map(tiles, attribution, assets, peta_data.regions(), current_language())
    st_folium(base, key=MAP_KEY, height=MAP_HEIGHT, use_container_width=True, returned_objects=[], center=centre,
              zoom=zoom, feature_group_to_add=layers)
    st.html(legend_html(measure, peta_data.boundaries() is not None))
    st.caption(t("map.fallback"))


def kecamatan_section(filters: Filters, measure: str) -> None:
    """The kecamatan layer's figures in words and as a table, with a word on what is not known."""
    measures = peta_data.kecamatan(filters)
    if measure == "pengaduan" and measures["population"].isna().all():
        st.caption(t("map.layer.population_unknown"))
    with st.expander(t("map.kec.heading")):
        table_block(tables.KECAMATAN, tables.KECAMATAN.frame_of(measures), t("map.kec.heading"), describe(filters),
                    "peta-kecamatan")


def list_twin(units: pd.DataFrame, filters: Filters, marker: str | None) -> None:
    """Every unit on the map as a sortable, keyboard-navigable table, each linked to its page, and downloads."""
    st.header(t("map.list.heading"), anchor=LIST_ANCHOR)
    st.caption(t("map.list.caption"))
    if units.empty:
        st.info(t("map.summary.none"), icon=":material/filter_alt_off:")
        return
    frame = tables.UNITS.frame_of(units)
    show(tables.UNITS, frame, _base_path())
    card_picker(units)
    downloads(tables.UNITS.labelled(frame), t("map.list.heading"), describe_view(filters, marker), "peta-unit",
              "peta-unit")


def card_picker(units: pd.DataFrame) -> None:
    """A unit's report card chosen by name (type to search) and opened with a link: the table's own links cannot
    be reached with the keyboard, only clicked."""
    names = {code: f"{name} · {code}" for code, name in zip(units["unit_code"], units["name"], strict=True)}
    if st.session_state.get(CARD_PICK_KEY) not in names:  # a unit the filters have just left out
        st.session_state[CARD_PICK_KEY] = None
    code = st.selectbox(t("a11y.map.card_pick"), list(names), index=None, format_func=names.get,
                        placeholder=t("a11y.map.card_placeholder"), key=CARD_PICK_KEY)
    if code:
        st.page_link("app_pages/unit.py", label=t("a11y.map.card_open", name=escape_markdown(names[code])),
                     icon=":material/storefront:", query_params={"unit": code})
