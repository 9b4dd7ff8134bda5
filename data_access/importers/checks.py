"""Checks over a file's rows, column by column as vectorised pandas operations: every failing cell becomes a Problem
with its spreadsheet row, and nothing stops early, so an admin fixes the whole file in one go.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from itertools import repeat

import numpy as np
import pandas as pd
from sqlalchemy import Column

from data_access import complaint_rules
from data_access.importers.columns import PRIVATE_COLUMNS
from data_access.importers.problems import ImportRejected, Problem
from data_access.text_characters import PUBLISHED_REFUSED
from data_access.workdays import WIB

# Phones and office PCs run a little fast; minutes ahead is clock drift, not a time in the future.
CLOCK_SKEW = timedelta(minutes=5)
# Anything earlier is a mistyped year: the SKM standard in force dates from 2017.
EARLIEST_TIME = pd.Timestamp("2000-01-01", tz="UTC")
# How many other rows a duplicate-key problem names.
MAX_ROWS_NAMED = 5
# ISO 8601 date, or date and time with an optional UTC offset; without an offset the time is WIB.
ISO_TIME = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
WITH_OFFSET = r"[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})$"
TIME_RULE = "must be an ISO 8601 time such as 2025-03-27 09:00 (WIB) or 2025-03-27T09:00+07:00"
PUBLISHED_RULE = ("holds a control character, line break, tab or bidirectional control (U+0000-U+001F, "
                  "U+007F-U+009F, U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C); a published name or "
                  "address must be one line of plain text")
# Vocabulary words match whatever separates their parts: "SD ke bawah" = "sd_ke_bawah", "D1-D4" = "d1 d4".
LOOSE_SEPARATORS = r"[\s_\-–/]+"


class Checks:
    """Vectorised checks over one file's rows; each failing cell becomes a Problem and nothing stops early."""

    def __init__(
        self,
        frame: pd.DataFrame,
        labels: Mapping[str, str] | None = None,
        *,
        row_word: str = "row",
        column_word: str = "column",
    ):
        self.frame = frame
        self.labels = labels or {}
        self.row_word = row_word
        self.column_word = column_word
        self.problems: list[Problem] = []
        # Values imported all the same, which the admin should look at.
        self.warnings: list[Problem] = []
        # Cells whose problem is already reported (once per value, see excuse): later checks pass over them.
        self.excused: dict[str, np.ndarray] = {}

    def label(self, column: str) -> str:
        """The column's name as the admin's file spells it."""
        return self.labels.get(column, column)

    def column(self, name: str) -> pd.Series:
        """The column's cells; an optional column the file lacks reads as all missing."""
        if name in self.frame.columns:
            return self.frame[name]
        return pd.Series(None, index=self.frame.index, dtype="str")

    def flag(self, mask: pd.Series, column: str, reason: str | pd.Series) -> None:
        """Record a problem for every row where mask holds; reason may differ per row."""
        mask = as_mask(mask)
        if column in self.excused:
            mask = mask & ~self.excused[column]
        if not mask.any():
            return
        rows = self.frame.index[mask]
        reasons = _per_row(reason, mask)
        label = self.label(column)
        if column in PRIVATE_COLUMNS:
            self.problems += [
                Problem(int(row), label, None, why, withheld=True) for row, why in zip(rows, reasons, strict=True)
            ]
            return
        values = self.column(column)[mask].astype(object)
        self.problems += [
            Problem(int(row), label, None if pd.isna(value) else value, why)
            for row, value, why in zip(rows, values, reasons, strict=True)
        ]

    def warn(self, mask: pd.Series, column: str, reason: str | pd.Series) -> None:
        """Record a warning for every row where mask holds; the value is not quoted, it is what the warning is about."""
        mask = as_mask(mask)
        self.warnings += [
            Problem(int(row), self.label(column), None, why)
            for row, why in zip(self.frame.index[mask], _per_row(reason, mask), strict=True)
        ]

    def excuse(self, column: str, mask: pd.Series, problems: list[Problem]) -> None:
        """Record problems that speak for these cells of the column together (one per value, not one per row)."""
        self.problems += problems
        self.excused[column] = self.excused.get(column, False) | as_mask(mask)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ImportRejected(self.problems, row_word=self.row_word, column_word=self.column_word)

    def present(self, column: str, *, required: bool, rule: str | None = None) -> pd.Series:
        present = self.column(column).notna()
        if required:
            self.flag(~present, column, f"value is missing; {rule}" if rule else "value is missing")
        return present

    def text(self, column: str, *, required: bool, max_length: int) -> pd.Series:
        values = self.column(column)
        self.present(column, required=required)
        self.flag(values.str.len() > max_length, column, f"text is longer than {max_length:,} characters")
        return values

    def published_text(self, column: str) -> None:
        """Refuse control and bidirectional characters (data_access.text_characters) in a text every page shows."""
        self.flag(as_mask(self.column(column).str.contains(PUBLISHED_REFUSED, regex=True)), column, PUBLISHED_RULE)

    def choice(
        self, column: str, choices: Mapping[str, str], *, required: bool, rule: str | None = None
    ) -> pd.Series:
        """The stored value of each accepted spelling; case, spaces, dashes and underscores do not matter."""
        values = self.column(column)
        rule = rule or f"must be one of: {', '.join(choices)}"
        present = self.present(column, required=required, rule=rule)
        loose_choices = {loose_key(key): value for key, value in choices.items()}
        stored = by_distinct(values, lambda distinct: loose(distinct).map(loose_choices), missing=None)
        self.flag(present & stored.isna(), column, rule)
        return stored

    def channel(self, column: str, *, required: bool) -> pd.Series:
        """Our complaint channel for each spelling admins use (complaint_rules.channel_of)."""
        values = self.column(column)
        rule = (f"must be one of: {', '.join(complaint_rules.CHANNELS)}, or a usual spelling of one such as "
                "SP4N-LAPOR!, WA or e-Sambat (docs/formats.md)")
        present = self.present(column, required=required, rule=rule)
        stored = by_distinct(values, lambda distinct: distinct.map(complaint_rules.channel_of), missing=None)
        self.flag(present & stored.isna(), column, rule)
        return stored

    def whole_number(self, column: str, low: int, high: int, *, required: bool, rule: str) -> pd.Series:
        """Whole numbers in [low, high] as Int64; 4.0 (how Excel stores 4) is a whole number."""
        present = self.present(column, required=required, rule=rule)
        numbers = _numbers(self.column(column))
        valid = numbers.notna() & (numbers % 1 == 0) & numbers.between(low, high)
        self.flag(present & ~valid, column, rule)
        return numbers.where(valid).astype("Int64")

    def number(self, column: str, low: float, high: float, *, rule: str) -> pd.Series:
        present = self.present(column, required=False)
        numbers = _numbers(self.column(column))
        valid = numbers.between(low, high)
        self.flag(present & ~valid, column, rule)
        return numbers.where(valid)

    def timestamp(self, column: str, *, required: bool, now: pd.Timestamp) -> pd.Series:
        """Aware UTC times; an offset in the text is honoured, a time without one is WIB."""
        values = self.column(column)
        present = self.present(column, required=required, rule=TIME_RULE)
        shaped = present & as_mask(values.str.fullmatch(ISO_TIME))
        with_offset = shaped & as_mask(values.str.contains(WITH_OFFSET))
        local = shaped & ~with_offset
        times = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us, UTC]")
        times[with_offset] = pd.to_datetime(values[with_offset], format="ISO8601", errors="coerce", utc=True)
        wib = pd.to_datetime(values[local], format="ISO8601", errors="coerce")
        # Before 1964 Asia/Jakarta moved its clocks several times, so some local times happened twice or never;
        # read them one way instead of failing: they are rejected below as before 2000 anyway.
        times[local] = wib.dt.tz_localize(
            WIB, ambiguous=np.zeros(len(wib), dtype=bool), nonexistent="shift_forward"
        ).dt.tz_convert("UTC")
        self.flag(present & times.isna(), column, TIME_RULE)
        future = as_mask(times > now + CLOCK_SKEW)
        ancient = as_mask(times < EARLIEST_TIME)
        self.flag(future, column, "time is in the future")
        self.flag(ancient, column, "time is before the year 2000; check the year")
        # A refused time takes no part in the stage order: each mistake is reported once, in its own cell.
        return times.mask(future | ancient)

    def unique(self, column: str, keys: pd.Series) -> None:
        """Every row whose key another row of the file repeats, naming the other rows."""
        repeated = keys.notna() & keys.duplicated(keep=False)
        if not repeated.any():
            return
        rows_by_key = keys[repeated].groupby(keys[repeated]).groups
        reasons = pd.Series(
            {row: self._also_in(column, row, rows_by_key[key]) for row, key in keys[repeated].items()}, dtype=object
        )
        self.flag(repeated, column, reasons.reindex(keys.index))

    def _also_in(self, column: str, row: int, rows: pd.Index) -> str:
        others = [int(other) for other in rows if other != row]
        named = ", ".join(str(other) for other in others[:MAX_ROWS_NAMED])
        more = f" and {len(others) - MAX_ROWS_NAMED} more" if len(others) > MAX_ROWS_NAMED else ""
        plural = "s" if len(others) > 1 else ""
        return f"the same {self.label(column)} is also in {self.row_word}{plural} {named}{more}"

    def unit_ids(self, column: str, units: pd.DataFrame, *, require_active: bool) -> pd.Series:
        """service_units.id of each unit code (matched upper-case, as codes are)."""
        codes = self.column(column).str.upper()
        present = self.present(column, required=True)
        ids = by_distinct(codes, lambda distinct: distinct.map(units["id"]), missing=None).astype("Int64")
        self.flag(
            present & ids.isna(), column, "unknown unit code; import it first: python -m data_access import units FILE"
        )
        if require_active:
            inactive = present & ids.notna() & codes.isin(units.index[units["active"].eq(False)])
            self.flag(inactive, column, "this unit is marked inactive")
        return ids

    def stage_order(self, times: Mapping[str, pd.Series]) -> None:
        """Each stage time is not before the latest earlier stage filled in (received <= verified <= ...)."""
        index = self.frame.index
        latest = pd.Series(pd.NaT, index=index, dtype="datetime64[us, UTC]")
        latest_stage = pd.Series(None, index=index, dtype=object)
        for stage, current in times.items():
            early = current.notna() & latest.notna() & (current < latest)
            for earlier in latest_stage[early].unique():
                self.flag(early & latest_stage.eq(earlier), stage, f"must not be before {self.label(earlier)}")
            advance = current.notna() & ~early
            latest = latest.where(~advance, current)
            latest_stage = latest_stage.where(~advance, stage)


def control_rule(*, free_text: bool) -> str:
    """Why a text with a control character (data_access.text_characters) is refused, in an admin's words."""
    if free_text:
        return ("holds a control character (U+0000-U+001F, U+007F-U+009F, such as NUL); only line breaks and tabs "
                "may be in it")
    return ("holds a control character, line break or tab (U+0000-U+001F, U+007F-U+009F); it must be one line of "
            "plain text")


def as_mask(mask: pd.Series) -> np.ndarray:
    """A plain boolean array; missing (NA) counts as False."""
    return pd.Series(mask).fillna(False).to_numpy(dtype=bool)


def _per_row(reason: str | pd.Series, mask: np.ndarray) -> Iterable[str]:
    """The reason of each row where mask holds."""
    return repeat(reason, int(mask.sum())) if isinstance(reason, str) else reason[mask]


def _numbers(values: pd.Series) -> pd.Series:
    """Numbers as floats (NaN where not a number)."""
    return by_distinct(values, _parse_numbers, np.nan).astype(float)


def _parse_numbers(distinct: pd.Series) -> pd.Series:
    # A decimal comma, as Indonesian Excel writes, is accepted.
    return pd.to_numeric(distinct.str.replace(",", ".", regex=False), errors="coerce")


def whole_numbers(distinct: pd.Series) -> pd.Series:
    """Each cell as an int when it holds a whole number (4, or 4.0 and 4,0 as Excel may write it), else its text."""
    numbers = _parse_numbers(distinct)
    whole = numbers.notna() & (numbers % 1 == 0)
    return pd.Series(
        [int(number) if is_whole else text for number, is_whole, text in zip(numbers, whole, distinct, strict=True)],
        index=distinct.index,
        dtype=object,
    )


def loose(values: pd.Series) -> pd.Series:
    return values.str.lower().str.replace(LOOSE_SEPARATORS, "_", regex=True)


def by_distinct(values: pd.Series, convert: Callable[[pd.Series], pd.Series], missing: object) -> pd.Series:
    """convert applied once per distinct value, spread back to every row (missing where the cell is).

    Survey columns repeat a handful of values a million times; converting each distinct value once is what
    keeps validation of large files fast.
    """
    codes, distinct = pd.factorize(values)
    return spread(convert(pd.Series(distinct, dtype=values.dtype)), codes, missing, values.index)


def spread(converted: pd.Series, codes: np.ndarray, missing: object, index: pd.Index) -> pd.Series:
    """The converted distinct value of each cell, by its pd.factorize code; missing where the cell is."""
    # Code -1 (a missing cell) picks the appended missing value.
    return pd.Series(np.append(converted.to_numpy(dtype=object), [missing])[codes], index=index)


def same(values: tuple[str, ...]) -> dict[str, str]:
    """A vocabulary whose accepted spellings are stored as they are."""
    return {value: value for value in values}


def loose_key(value: str) -> str:
    return re.sub(LOOSE_SEPARATORS, "_", value.lower())


def max_length(column: Column) -> int:
    return column.type.length
