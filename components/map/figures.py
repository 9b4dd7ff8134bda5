"""Cached figures and map layers of the Peta page, keyed by the data-version watermark, the day and the filters
(components.data.cached_figure).

The units and kecamatan frames wrap data_access.map_data; the layers' browser payload (marker rows with their
popups, kecamatan shapes) is cached too, so a rerun with unchanged data and filters only rebuilds a few folium
objects around cached strings.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from components.data import cached_figure
from components.i18n import current_language
from components.map import folium_map as map_view
from data_access import map_data
from data_access.boundaries import REGION_CODES, load_boundaries
from data_access.config import REGION_BOUNDARY_GEOJSON, boundary_geojson_path
from data_access.filters import Filters

_ENTRIES = 32

_figures = cached_figure(map_data.map_figures, ages_with_calendar=True, max_entries=_ENTRIES)


def units(filters: Filters, marker: str | None = None) -> pd.DataFrame:
    """The units the filters select (data_access.map_data.map_figures), only those with `marker` when one is given."""
    frame = _figures(filters)[0]
    return frame if marker is None else frame[frame["marker"] == marker].reset_index(drop=True)


def kecamatan(filters: Filters) -> pd.DataFrame:
    """Average IKM, complaints per 10,000 residents and overdue share per kecamatan (map_data.map_figures)."""
    return _figures(filters)[1]


def _boundary_file() -> tuple[str | None, float | None]:
    """The configured boundary file and when it last changed (None: unset or missing), as a cache key."""
    path = boundary_geojson_path()
    try:
        return (str(path), path.stat().st_mtime) if path else (None, None)
    except OSError:
        return str(path), None


@st.cache_data(show_spinner=False, max_entries=4)
def _boundaries(file: tuple[str | None, float | None]) -> dict | None:
    return load_boundaries(Path(file[0]) if file[0] else None)


def boundaries() -> dict | None:
    """The configured kecamatan boundaries, re-read when the file changes; None without a usable file."""
    return _boundaries(_boundary_file())


@st.cache_data(show_spinner=False, max_entries=1)
def regions() -> dict | None:
    """The two regions' outlines shipped with the app (data_access/geo); None if the file is unusable."""
    return load_boundaries(REGION_BOUNDARY_GEOJSON, REGION_CODES)


@cached_figure(ages_with_calendar=True, connects=False, max_entries=_ENTRIES)
def _unit_rows(filters: Filters, marker: str | None, base_path: str, lang: str) -> list[list]:
    return map_view.unit_rows(units(filters, marker), base_path, lang)


def unit_rows(filters: Filters, marker: str | None, base_path: str) -> list[list]:
    """The browser's marker rows (map_view.unit_rows) of the selected units."""
    return _unit_rows(filters, marker, base_path, current_language())


@cached_figure(ages_with_calendar=True, connects=False, max_entries=_ENTRIES)
def _kecamatan_shapes(filters: Filters, measure: str, file: tuple, lang: str) -> dict:
    return map_view.kecamatan_shapes(kecamatan(filters), measure, _boundaries(file), lang)


def kecamatan_shapes(filters: Filters, measure: str) -> dict:
    """The kecamatan layer's polygons or circles for a measure (map_view.kecamatan_shapes)."""
    return _kecamatan_shapes(filters, measure, _boundary_file(), current_language())
