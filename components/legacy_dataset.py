"""The registry's entries not yet declared as `components.table.Table`: each builds its page's download frame and
finds its columns' dictionary entries by their translated headers. Removed once every area declares its tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from components.i18n import t
from components.methodology import dictionary_table
from data_access.filters import Filters

# Where each page's column headers come from (i18n key prefixes, first match wins).
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "kepuasan": ("ikm.col.", "filter."),
    "unit": ("ikm.col.",),
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
