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
from components.map import figures as peta_data
from components.map.tables import TABLES as MAP_TABLES
from components.satisfaction.tables import TABLES as SATISFACTION_TABLES
from components.table import Table, show
from data_access.filters import UNIT_PARAM as UNIT_KEY
from data_access.filters import Filters

DATASETS: tuple[Table, ...] = (*SATISFACTION_TABLES, *COMPLAINT_TABLES, *MAP_TABLES, *LEADERSHIP_TABLES)
BY_KEY: dict[str, Table] = {dataset.key: dataset for dataset in DATASETS}
# Pages in the order the navigation lists them; the Data page groups its list this way.
PAGES: tuple[str, ...] = tuple(dict.fromkeys(dataset.page for dataset in DATASETS))


# ---------------------------------------------------------------------------------------------- on the page

TABLE_KEY = "tabel"
# The preview shows this many rows; the downloads hold them all.
PREVIEW_ROWS = 200


def dataset_label(dataset: Table, filters: Filters) -> str:
    return f"{t(f'nav.{dataset.page}')} · {dataset.title(filters)}"


def choose_dataset(filters: Filters) -> Table:
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


def dataset_section(dataset: Table, filters: Filters) -> None:
    """The chosen table: what it is, a preview, the page's own CSV/XLSX downloads, and what each column means."""
    if dataset.per_unit:
        unit = choose_unit(filters)
        if unit is None:
            st.info(t("data.pick_unit.help"), icon=":material/storefront:")
            return
        filters = Filters(unit=unit)
    scoped = dataset.scope(filters)
    frame = dataset.frame(scoped)
    table = dataset.labelled(frame)
    title = dataset.title(scoped)
    st.subheader(title)
    st.caption(f"{dataset.description()} {t('data.shown_on', page=t(f'nav.{dataset.page}'))}")
    st.caption(describe(scoped))
    if table.empty:
        st.info(t("data.empty"), icon=":material/info:")
        return
    if len(table) > PREVIEW_ROWS:
        st.caption(t("data.preview_rows", shown=fmt_number(PREVIEW_ROWS), total=fmt_number(len(table))))
    show(dataset, frame.head(PREVIEW_ROWS))
    downloads(table, title, describe(scoped), dataset.filename, f"data-{dataset.key}")
    with st.expander(t("data.dictionary.of_table"), icon=":material/menu_book:"):
        st.dataframe(dataset.dictionary(), hide_index=True, width="stretch")


def datasets_table(filters: Filters) -> pd.DataFrame:
    """Every downloadable table: its page, title, what it holds and its code for ?tabel=."""
    return pd.DataFrame([
        {t("data.col.page"): t(f"nav.{d.page}"), t("data.col.table"): d.title(filters),
         t("data.col.description"): d.description(), t("data.col.code"): d.key}
        for d in DATASETS
    ])


def full_dictionary() -> pd.DataFrame:
    """Every column of every table, with its meaning and unit (one row per header and meaning)."""
    rows = {(c.header(), c.meaning(), c.unit_text()): None for d in DATASETS for c in d.columns}
    return pd.DataFrame(sorted(rows, key=lambda row: row[0].lower()),
                        columns=[t("data.col.column"), t("data.col.meaning"), t("data.col.unit")])
