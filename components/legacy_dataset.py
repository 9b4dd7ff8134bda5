"""The registry's entries not yet declared as `components.table.Table`: each builds its page's download frame and
finds its columns' dictionary entries by their translated headers; `table_block` shows such a (shown, downloaded)
pair. Removed once every area declares its tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from components.figure import downloads
from components.filters import describe
from components.formatting import fmt_number
from components.i18n import t
from components.methodology import dictionary_table
from components.table import UNIT_LINK_TEXT
from data_access.filters import Filters

# Where each page's column headers come from (i18n key prefixes, first match wins).
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "kepuasan": ("ikm.col.", "filter."),
    "unit": ("ikm.col.",),
    "pengaduan": ("complaints.col.", "complaints.dim.", "complaints.stage.", "complaints.category."),
    "peta": ("map.col.", "map.kec.col.", "filter."),
    "pimpinan": ("lead.col.", "ikm.col.", "complaints.stage.", "filter."),
}


def _as_is(filters: Filters) -> Filters:
    return filters


@dataclass(frozen=True)
class Dataset:
    key: str
    page: str
    title: Callable[[Filters], str]
    build: Callable[[Filters], pd.DataFrame]
    filename: str
    scope: Callable[[Filters], Filters] = _as_is
    vocabulary: tuple[str, ...] = field(default=())

    @property
    def per_unit(self) -> bool:
        return self.page == "unit"

    def description(self) -> str:
        return t(f"data.desc.{self.key}")

    def download(self, filters: Filters) -> pd.DataFrame:
        return self.build(filters)

    def dictionary_of(self, table: pd.DataFrame) -> pd.DataFrame:
        return dictionary_table(table, self.vocabulary or VOCABULARIES.get(self.page, ()))


def _styled(table: pd.DataFrame, decimals: dict[str, int] | None = None):
    """The table with numbers written the user's way (88,30; 1.234); sorting still sees the numbers."""
    decimals = decimals or {}
    formats = {}
    for column in table.columns:
        if column in decimals:
            places = decimals[column]
        elif pd.api.types.is_integer_dtype(table[column]):
            places = 0
        elif pd.api.types.is_float_dtype(table[column]):
            places = 2
        else:
            continue
        formats[column] = lambda value, places=places: "–" if pd.isna(value) else fmt_number(value, places)
    return table.style.format(formats)


def _link_config(table: pd.DataFrame) -> dict:
    column = t("ikm.col.card")
    if column not in table.columns:
        return {}
    return {column: st.column_config.LinkColumn(column, display_text=UNIT_LINK_TEXT, help=t("ikm.card_help"))}


def table_block(shown: pd.DataFrame, downloaded: pd.DataFrame, title: str, filters: Filters, filename: str,
                key: str, decimals: dict[str, int] | None = None) -> None:
    """A table on screen (units linked to their cards) and downloads of the same figures as plain numbers."""
    st.dataframe(_styled(shown, decimals), hide_index=True, width="stretch", column_config=_link_config(shown))
    downloads(downloaded, title, describe(filters), filename, key)
