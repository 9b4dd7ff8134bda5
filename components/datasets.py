"""Every table a page offers for download, in one registry: each area declares its tables
(components/<area>/tables.py), and the Data page lists them, previews them, offers their files and dictionary.

The pages and the Data page build a table through the same declaration, so the Data page's CSV/XLSX hold exactly
what the page's own download buttons hold (tests/test_datasets.py compares the bytes).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.complaints.tables import TABLES as COMPLAINT_TABLES
from components.figure import downloads
from components.filters import describe, url_select
from components.formatting import fmt_number
from components.i18n import t
from components.leadership.tables import TABLES as LEADERSHIP_TABLES
from components.legacy_dataset import Dataset
from components.map import figures as peta_data
from components.map.tables import TABLES as MAP_TABLES
from components.satisfaction.tables import TABLES as SATISFACTION_TABLES
from components.table import Table, show
from data_access.filters import UNIT_PARAM as UNIT_KEY
from data_access.filters import Filters

DATASETS: tuple[Table | Dataset, ...] = (*SATISFACTION_TABLES, *COMPLAINT_TABLES, *MAP_TABLES, *LEADERSHIP_TABLES)
BY_KEY: dict[str, Table | Dataset] = {dataset.key: dataset for dataset in DATASETS}
# Pages in the order the navigation lists them; the Data page groups its list this way.
PAGES: tuple[str, ...] = tuple(dict.fromkeys(dataset.page for dataset in DATASETS))


# ---------------------------------------------------------------------------------------------- on the page

TABLE_KEY = "tabel"
# The preview shows this many rows; the downloads hold them all.
PREVIEW_ROWS = 200


def dataset_label(dataset: Table | Dataset, filters: Filters) -> str:
    return f"{t(f'nav.{dataset.page}')} · {dataset.title(filters)}"


def choose_dataset(filters: Filters) -> Table | Dataset:
    """The table picked (?tabel=<key>; anything else in the URL is ignored and the first table is shown)."""
    keys = [dataset.key for dataset in DATASETS]
    key = url_select(TABLE_KEY, t("data.pick"), keys, lambda k: dataset_label(BY_KEY[k], filters),
                      default=keys[0])
    return BY_KEY[key]


def choose_unit(filters: Filters) -> str | None:
    """The unit of a report-card table (?unit=CODE), among the units the page filters select."""
    units = peta_data.units(Filters(region=filters.region, kind=filters.kind, kecamatan=filters.kecamatan))
    names = dict(zip(units["unit_code"], units["name"], strict=True))
    return url_select(UNIT_KEY, t("data.pick_unit"), [None, *sorted(names)],
                       lambda code: t("data.pick_unit.none") if code is None else f"{names[code]} ({code})")


def _preview(table: pd.DataFrame):
    """Numbers written the user's way (88,30; 1.234) without changing what is downloaded."""
    formats = {}
    for column in table.columns:
        if pd.api.types.is_numeric_dtype(table[column]):
            places = 2 if pd.api.types.is_float_dtype(table[column]) else 0
            formats[column] = lambda v, places=places: "–" if pd.isna(v) else fmt_number(v, places)
    return table.head(PREVIEW_ROWS).style.format(formats)


def dataset_section(dataset: Table | Dataset, filters: Filters) -> None:
    """The chosen table: what it is, a preview, the page's own CSV/XLSX downloads, and what each column means."""
    if dataset.per_unit:
        unit = choose_unit(filters)
        if unit is None:
            st.info(t("data.pick_unit.help"), icon=":material/storefront:")
            return
        filters = Filters(unit=unit)
    scoped = dataset.scope(filters)
    frame = dataset.frame(scoped) if isinstance(dataset, Table) else None
    table = dataset.labelled(frame) if frame is not None else dataset.download(scoped)
    title = dataset.title(scoped)
    st.subheader(title)
    st.caption(f"{dataset.description()} {t('data.shown_on', page=t(f'nav.{dataset.page}'))}")
    st.caption(describe(scoped))
    if table.empty:
        st.info(t("data.empty"), icon=":material/info:")
        return
    if len(table) > PREVIEW_ROWS:
        st.caption(t("data.preview_rows", shown=fmt_number(PREVIEW_ROWS), total=fmt_number(len(table))))
    if frame is not None:
        show(dataset, frame.head(PREVIEW_ROWS))
    else:
        st.dataframe(_preview(table), hide_index=True, width="stretch")
    downloads(table, title, describe(scoped), dataset.filename, f"data-{dataset.key}")
    with st.expander(t("data.dictionary.of_table"), icon=":material/menu_book:"):
        dictionary = dataset.dictionary() if frame is not None else dataset.dictionary_of(table)
        st.dataframe(dictionary, hide_index=True, width="stretch")


def datasets_table(filters: Filters) -> pd.DataFrame:
    """Every downloadable table: its page, title, what it holds and its code for ?tabel=."""
    return pd.DataFrame([
        {t("data.col.page"): t(f"nav.{d.page}"), t("data.col.table"): d.title(filters),
         t("data.col.description"): d.description(), t("data.col.code"): d.key}
        for d in DATASETS
    ])
