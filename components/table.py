"""A table declared once: its columns, and from them the screen table, the downloads, the dictionary and the API.

A `Table` names the figures function that feeds it (`rows`: one dict per row, in the order shown) and its columns.
Everything else is derived: `frame` keyed by column keys (the API's JSON and CSV), `download` under the user's
headers (the page's and the Data page's CSV/XLSX), `show` for the screen (numbers written the user's way, unit codes
linked to their cards, the phone's columns first and pinned) and `dictionary` (each column's meaning and unit).
Adding a column is one `Column(...)` in its table's spec, and the field in the query that feeds it.
"""

from __future__ import annotations

import hashlib
import math
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pandas as pd
import streamlit as st

from components.formatting import fmt_number, short_name
from components.i18n import current_language, t
from data_access.filters import Filters
from data_access.ikm import GRADES, HIGHEST_SCORE, IKM_DECIMALS, LOWEST_SCORE, SCALE
from data_access.privacy import SMALL_COUNT_THRESHOLD

# A unit column's link shows the unit code taken from the link itself; a name's link, the name after its '#'.
UNIT_LINK_TEXT = r"unit=([^&]*)"
NAME_LINK_TEXT = r"#(.+)$"
# What a name keeps unescaped in its link: the grid's accessible table reads a link cell's address, not its text,
# so a screen reader hears the name at its end; '%' and '+' stay escaped (the link text is decoded, '+' as a space).
NAME_LINK_SAFE = " !$&'()*,-./:;=?@_~"
# The key of every table's unit-name column: on screen a long name is shortened by one rule (short_name) that keeps
# what tells units apart, so a phone sees the name and the figure beside it.
NAME_KEY = "unit"
# The grid's 14 px sans-serif averages under 7.2 px a character; the padding is the cell's own.
NAME_PIXELS_PER_CHARACTER = 7.2
NAME_PADDING_PIXELS = 24


def unit_link(code: str, base_path: str = "", lang: str | None = None) -> str:
    """The address of a unit's report card, under the app's base path when it is served below one, keeping the
    language when it is not the default."""
    suffix = "&lang=en" if lang == "en" else ""
    return f"{base_path}/unit?unit={code}{suffix}"


def dictionary_rules() -> dict[str, object]:
    """The rules the dictionary's meanings and units state (scale, rounding, grades, small counts), from their
    homes."""
    best, worst = GRADES[0], GRADES[-1]
    return {"scale": SCALE, "decimals": IKM_DECIMALS, "lowest": LOWEST_SCORE, "highest": HIGHEST_SCORE,
            "grades": f"{best}–{worst}", "best": f"{best} {t(f'grade.{best}')}",
            "worst": f"{worst} {t(f'grade.{worst}')}", "small": SMALL_COUNT_THRESHOLD}


def _field(key: str) -> Callable[[dict], Any]:
    return lambda row: row.get(key)


@dataclass(frozen=True)
class Column:
    key: str  # the field's name in the API: stable, English, snake_case
    label: str  # i18n key of its header
    unit: str  # its unit of measure: data.unit.<unit>
    value: Callable[[dict], Any] | None = None  # how a row gives it; by default the row's field of the same key
    decimals: int | None = None  # None: text; 0: a whole number; n: a number written with n decimals on screen
    link: bool = False  # a unit code: on screen a link to the unit's card
    card: str | None = None  # the key of the row's unit code: on screen this text (a name) links to that card
    phone: bool = False  # first on screen (pinned, unless the table has a unit's name), so a phone sees it at once
    entry: str | None = None  # its dictionary text is data.dict.<entry>; by default data.dict.<label>

    def of(self, row: dict) -> Any:
        return (self.value or _field(self.key))(row)

    def header(self) -> str:
        return t(self.label)

    def meaning(self) -> str:
        """What the column holds, in plain words; a family's text names the member (an element, a category)."""
        return t(f"data.dict.{self.entry or self.label}", label=self.header(), **dictionary_rules())

    def unit_text(self) -> str:
        return t(f"data.unit.{self.unit}", **dictionary_rules())


def _as_is(filters: Filters) -> Filters:
    return filters


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not pd.isna(value)


def _is_blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _typed(values: list, column: Column) -> pd.Series:
    """Whole numbers as integers (a blank stays blank, never 8046.0), other numbers as floats; a column mixing
    numbers with words (a suppressed '<5') stays as it is."""
    if column.decimals is None or any(not _is_blank(v) and not _is_number(v) for v in values):
        return pd.Series(values, dtype=object)
    if column.decimals == 0:
        return pd.Series([None if _is_blank(v) else int(v) for v in values], dtype="Int64")
    return pd.Series(values, dtype="float64")


@dataclass(frozen=True)
class Table:
    key: str  # its code: ?tabel=<key> on the Data page, /api/v1/<key>.json
    page: str  # the page it appears on: app_pages/<page>.py
    title: Callable[[Filters], str]  # the title the page gives it (written into the files)
    # The cached figures function feeding it: rows (dicts, or a frame's rows) in the order shown.
    rows: Callable[[Filters], Sequence[dict] | pd.DataFrame]
    columns: tuple[Column, ...]
    filename: str  # the page's file name, without extension
    # The filters the page applies: a unit's card ignores the page filters and keeps only its unit (and quarter).
    scope: Callable[[Filters], Filters] = _as_is

    @property
    def per_unit(self) -> bool:
        return self.page == "unit"

    def description(self) -> str:
        return t(f"data.desc.{self.key}")

    def frame_of(self, rows: Sequence[dict] | pd.DataFrame) -> pd.DataFrame:
        """The rows as the API gives them: one column per Column, keyed by its key, numbers typed."""
        if isinstance(rows, pd.DataFrame):
            rows = rows.to_dict("records")
        return pd.DataFrame({c.key: _typed([c.of(row) for row in rows], c) for c in self.columns},
                            index=pd.RangeIndex(len(rows)))

    def frame(self, filters: Filters) -> pd.DataFrame:
        """The table for `filters` (already scoped, as the page passes them)."""
        return self.frame_of(self.rows(filters))

    def labelled(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The same frame under the user's headers: what the CSV and XLSX hold."""
        return frame.rename(columns={c.key: c.header() for c in self.columns})

    def download(self, filters: Filters) -> pd.DataFrame:
        return self.labelled(self.frame(filters))

    def dictionary(self) -> pd.DataFrame:
        """One row per column: its header, meaning and unit."""
        return pd.DataFrame([{t("data.col.column"): c.header(), t("data.col.meaning"): c.meaning(),
                              t("data.col.unit"): c.unit_text()} for c in self.columns])


# ------------------------------------------------------------------------------------------------- on screen


def _written(column: Column, lang: str) -> Callable[[Any], Any]:
    """A cell the user's way: 88,30 and 1.234; a blank as '–'; words in a number column ('<5') as they are."""
    places = column.decimals or 0

    def write(value):
        if _is_number(value):
            return fmt_number(value, places, lang)
        if _is_blank(value):
            return "–"
        return value

    return write


def name_width(names: pd.Series) -> int | None:
    """Pixels a name column needs for its longest name: the grid sizes a column by its first rows only, and cuts a
    longer name further down."""
    longest = max((len(name) for name in names if isinstance(name, str)), default=0)
    return math.ceil(NAME_PIXELS_PER_CHARACTER * longest) + NAME_PADDING_PIXELS if longest else None


def screen(table: Table, frame: pd.DataFrame, base_path: str = ""):
    """(styled table, column config, column order) of `frame` on screen: the downloads' values and headers (long unit
    names shortened in the middle and wide enough), unit codes linked to their cards, the phone's columns first and
    pinned (of a table with unit names, only the name); sorting still sees the numbers."""
    shown = frame.copy()
    lang = current_language()
    formats, config = {}, {}
    # A unit's name takes most of a phone's width, so where a table has one, only it stays put: the figures beside
    # it come next and scroll, where pinned they would be pushed off the screen and out of reach.
    has_name = any(column.key == NAME_KEY for column in table.columns)
    for column in table.columns:
        header = column.header()
        pinned = (column.key == NAME_KEY) if has_name else column.phone
        width = None
        if column.key == NAME_KEY:
            shown[column.key] = shown[column.key].map(lambda name: name if _is_blank(name) else short_name(name))
            width = name_width(shown[column.key])
        if column.link:
            shown[column.key] = shown[column.key].map(
                lambda code: None if code is None else unit_link(code, base_path, lang))
            config[header] = st.column_config.LinkColumn(header, display_text=UNIT_LINK_TEXT, help=t("ikm.card_help"),
                                                         pinned=pinned or None)
        elif column.card:
            # the name rides in the link's fragment, which the card ignores, so the link can show it
            shown[column.key] = [None if code is None or _is_blank(name) else
                                 f"{unit_link(code, base_path, lang)}#{quote(str(name), safe=NAME_LINK_SAFE)}"
                                 for name, code in zip(shown[column.key], frame[column.card], strict=True)]
            config[header] = st.column_config.LinkColumn(header, display_text=NAME_LINK_TEXT, help=t("ikm.card_help"),
                                                         pinned=pinned or None, width=width)
        elif column.decimals is not None and shown[column.key].dtype == object:
            shown[column.key] = shown[column.key].map(_written(column, lang))
        elif column.decimals is not None:
            formats[header] = _written(column, lang)
        if (pinned or width) and not (column.link or column.card):
            config[header] = st.column_config.Column(header, pinned=pinned or None, width=width)
    shown = table.labelled(shown)
    order = [c.header() for c in table.columns if c.phone] + [c.header() for c in table.columns if not c.phone]
    return shown.style.format(formats), config, order


def show(table: Table, frame: pd.DataFrame, base_path: str = "") -> None:
    _shown(table, table.key, frame, base_path, current_language())


def frame_fingerprint(frame: pd.DataFrame) -> bytes:
    """A frame's key in st.cache_data: a digest of its pickle. Streamlit's own frame hash cost 2.5 ms for a table of
    units, more than the replay it keys; equal pickles are equal frames, and equal frames pickled differently only
    cost a miss."""
    return hashlib.md5(pickle.dumps(frame, protocol=5), usedforsecurity=False).digest()


FRAME_HASH = {pd.DataFrame: frame_fingerprint}


@st.cache_data(max_entries=512, show_spinner=False, hash_funcs=FRAME_HASH)
def _shown(_table: Table, key: str, frame: pd.DataFrame, base_path: str, language: str) -> None:
    """The table drawn once per table, rows, link base and language (`_table` is not hashed: its key stands for it).

    Streamlit keeps the element a cached function drew and replays it on a hit: a warm view sends the same table
    without formatting every cell again, which was most of what a page of tables cost on the server."""
    styled, config, order = screen(_table, frame, base_path)
    st.dataframe(styled, hide_index=True, width="stretch", column_config=config, column_order=order)


def titled(key: str, **values: Callable[[], str] | int) -> Callable[[Filters], str]:
    """A title from a string key; callable values are filled in the language active when the title is asked for."""
    return lambda filters: t(key, **{name: v() if callable(v) else v for name, v in values.items()})
