"""Importing admins' files: validate the whole file, then write it in one transaction, or write nothing.

Checks run column by column as vectorised pandas operations and collect every problem with its spreadsheet row;
only a file without problems reaches the database. The formats, for admins: docs/formats.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from itertools import repeat
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Dialect,
    Engine,
    Table,
    any_,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql

from data_access import clock, complaint_rules, elements, reference, schema
from data_access.complaint_rollups import refresh_for_instants as refresh_complaint_rollups_for
from data_access.db_init import touch_source
from data_access.file_reading import ImportRejected, Problem, read_json, read_table, reject
from data_access.progress import Progress, silent
from data_access.rollups import refresh_for_instants
from data_access.summaries import flag_summarised
from data_access.workdays import WIB

__all__ = ["ImportRejected", "Problem", "import_file"]

# SQLite page cache during a bulk import, as PRAGMA cache_size wants it (negative = KiB): 256 MiB.
BULK_CACHE_KIB = -256 * 1024
# Rows per executemany and per IN (...) lookup: fast, and far below every driver's parameter limit.
CHUNK_ROWS = 5_000
# Phones and office PCs run a little fast; minutes ahead is clock drift, not a time in the future.
CLOCK_SKEW = timedelta(minutes=5)
# Anything earlier is a mistyped year: the SKM standard in force dates from 2017.
EARLIEST_TIME = pd.Timestamp("2000-01-01", tz="UTC")
# Free text longer than this is a misaligned column, not a suggestion or a complaint.
MAX_TEXT_LENGTH = 10_000
MAX_ANNUAL_USERS = 1_000_000_000
# Their values may hold names, NIK or phone numbers, so problems never quote them.
PRIVATE_COLUMNS = frozenset({"description", "suggestion"})
# How many other rows a duplicate-key problem names.
MAX_ROWS_NAMED = 5

UNIT_COLUMNS = ("unit_code", "name", "kind", "region_code", "kecamatan_code", "address", "latitude", "longitude")
UNIT_OPTIONAL = ("annual_users",)
PROFILE_COLUMNS = ("sex", "age", "education", "occupation", "channel")
SURVEY_COLUMNS = ("response_id", "submitted_at", "unit_code", "service", *elements.ELEMENTS, *PROFILE_COLUMNS)
SURVEY_OPTIONAL = ("suggestion",)
STAGES = ("received_at", "verified_at", "first_response_at", "resolved_at")
COMPLAINT_COLUMNS = ("ticket", "unit_code", "channel", "classification", "category", "tier", *STAGES, "status",
                     "description")
# Fields of an existing complaint that a newer export may change.
COMPLAINT_FIELDS = ("unit_id", "channel", "classification", "category", "tier", *STAGES, "status", "description")

# ISO 8601 date, or date and time with an optional UTC offset; without an offset the time is WIB.
ISO_TIME = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
WITH_OFFSET = r"[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})$"
TIME_RULE = "must be an ISO 8601 time such as 2025-03-27 09:00 (WIB) or 2025-03-27T09:00+07:00"
# Vocabulary words match whatever separates their parts: "SD ke bawah" = "sd_ke_bawah", "D1-D4" = "d1 d4".
LOOSE_SEPARATORS = r"[\s_\-–/]+"
ANSWER_RULE = f"answer must be a whole number from {elements.MIN_ANSWER} to {elements.MAX_ANSWER}"

# The stage time that dates each status in the history; ditunda has none, so the import dates it.
STATUS_STAGE = {
    "diterima": "received_at",
    "terverifikasi": "verified_at",
    "didisposisikan": "verified_at",  # forwarding is the end of verification (DOMAIN.md §2.2)
    "ditindaklanjuti": "first_response_at",
    "selesai": "resolved_at",
    **dict.fromkeys(complaint_rules.EXIT_STATUSES, "resolved_at"),
}

# GeoReport v2 field behind each complaint column (docs/formats.md, "Open311").
OPEN311_FIELDS = {
    "ticket": "service_request_id",
    "unit_code": "agency_responsible",
    "category": "service_code",
    "status": "status",
    "received_at": "requested_datetime",
    "resolved_at": "updated_datetime",
    "description": "description",
    "channel": "extended_attributes.channel",
    "classification": "extended_attributes.classification",
    "tier": "extended_attributes.tier",
}
# Read besides OPEN311_FIELDS: a map may name units and categories by it.
OPEN311_SERVICE_NAME = "service_name"
# Every GeoReport field read, by the column of the requests' frame it fills, and the other way round.
OPEN311_READ = {**OPEN311_FIELDS, OPEN311_SERVICE_NAME: OPEN311_SERVICE_NAME}
OPEN311_COLUMN = {field: column for column, field in OPEN311_READ.items()}
OPEN311_EXTENSIONS = "extended_attributes"
# A GeoReport request does not say by which SP4N-LAPOR! sub-channel it came: "lapor" says exactly that.
OPEN311_DEFAULTS = {"channel": "lapor", "classification": "pengaduan", "tier": "sederhana"}
OPEN311_STATUSES = {"open": "diterima", "closed": "selesai"}
# Sections of an Open311 map file and the GeoReport fields each maps by, in the order they are tried.
OPEN311_MAP_FIELDS = {
    "category": ("service_code", OPEN311_SERVICE_NAME),
    "unit": ("agency_responsible", OPEN311_SERVICE_NAME),
}
OPEN311_MAP_SECTIONS = (*OPEN311_MAP_FIELDS, "status")
OPEN311_MAP_EXAMPLE = "templates/open311-map.json"
# Statuses whose request's updated_datetime is the time it was closed.
FINISHED_STATUSES = frozenset(complaint_rules.STATUSES) - complaint_rules.OPEN_STATUSES
UNSTORABLE_TEXT = "holds a NUL character (\\u0000) or an unpaired surrogate (\\ud800-\\udfff), which cannot be stored"

KECAMATAN_REGION = {row["code"]: row["region_code"] for row in reference.KECAMATAN}


def import_file(
    engine: Engine, kind: str, path: str | Path, progress: Progress = silent, map_path: str | Path | None = None
) -> dict:
    """Import a units, surveys or complaints CSV/XLSX, or an Open311 JSON file, all or nothing.

    map_path: for open311, a JSON map of the city's own service codes, agencies and statuses to ours
    (docs/formats.md, "Open311 map").
    Returns {"kind", "added", "updated", "unchanged"}; raises ImportRejected, having written nothing, when any
    row is invalid or the map file is.
    """
    importer = IMPORTERS.get(kind)
    if importer is None:
        raise ValueError(f"unknown import kind {kind!r}; expected one of {', '.join(IMPORTERS)}")
    if map_path is not None:
        if kind != "open311":
            raise reject("a map file (--map) is only read by open311 imports")
        importer = partial(_import_open311, open311_map=_read_open311_map(Path(map_path)))
    path = Path(path)
    now = pd.Timestamp(clock.now())
    counts = importer(engine, path, now, progress)
    return {"kind": kind, **counts}


# --- checks -----------------------------------------------------------------------------------------------------


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
        mask = _as_mask(mask)
        if column in self.excused:
            mask = mask & ~self.excused[column]
        if not mask.any():
            return
        reasons = repeat(reason) if isinstance(reason, str) else reason[mask]
        label = self.label(column)
        if column in PRIVATE_COLUMNS:
            self.problems += [
                Problem(int(row), label, None, why, withheld=True)
                for row, why in zip(self.frame.index[mask], reasons)
            ]
            return
        values = self.column(column)[mask].astype(object)
        self.problems += [
            Problem(int(row), label, None if pd.isna(value) else value, why)
            for row, value, why in zip(self.frame.index[mask], values, reasons)
        ]

    def excuse(self, column: str, mask: pd.Series, problems: list[Problem]) -> None:
        """Record problems that speak for these cells of the column together (one per value, not one per row)."""
        self.problems += problems
        self.excused[column] = self.excused.get(column, False) | _as_mask(mask)

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

    def choice(
        self, column: str, choices: Mapping[str, str], *, required: bool, rule: str | None = None
    ) -> pd.Series:
        """The stored value of each accepted spelling; case, spaces, dashes and underscores do not matter."""
        values = self.column(column)
        rule = rule or f"must be one of: {', '.join(choices)}"
        present = self.present(column, required=required, rule=rule)
        loose_choices = {_loose_key(key): value for key, value in choices.items()}
        stored = _by_distinct(values, lambda distinct: _loose(distinct).map(loose_choices), missing=None)
        self.flag(present & stored.isna(), column, rule)
        return stored

    def channel(self, column: str, *, required: bool) -> pd.Series:
        """Our complaint channel for each spelling admins use (complaint_rules.channel_of)."""
        values = self.column(column)
        rule = (f"must be one of: {', '.join(complaint_rules.CHANNELS)}, or a usual spelling of one such as "
                "SP4N-LAPOR!, WA or e-Sambat (docs/formats.md)")
        present = self.present(column, required=required, rule=rule)
        stored = _by_distinct(values, lambda distinct: distinct.map(complaint_rules.channel_of), missing=None)
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
        shaped = present & _as_mask(values.str.fullmatch(ISO_TIME))
        with_offset = shaped & _as_mask(values.str.contains(WITH_OFFSET))
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
        future = _as_mask(times > now + CLOCK_SKEW)
        ancient = _as_mask(times < EARLIEST_TIME)
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
        ids = _by_distinct(codes, lambda distinct: distinct.map(units["id"]), missing=None).astype("Int64")
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


def _as_mask(mask: pd.Series) -> np.ndarray:
    """A plain boolean array; missing (NA) counts as False."""
    return pd.Series(mask).fillna(False).to_numpy(dtype=bool)


def _numbers(values: pd.Series) -> pd.Series:
    """Numbers as floats (NaN where not a number); a decimal comma, as Indonesian Excel writes, is accepted."""
    numbers = _by_distinct(
        values, lambda distinct: pd.to_numeric(distinct.str.replace(",", ".", regex=False), errors="coerce"), np.nan
    )
    return numbers.astype(float)


def _loose(values: pd.Series) -> pd.Series:
    return values.str.lower().str.replace(LOOSE_SEPARATORS, "_", regex=True)


def _by_distinct(values: pd.Series, convert: Callable[[pd.Series], pd.Series], missing: object) -> pd.Series:
    """convert applied once per distinct value, spread back to every row (missing where the cell is).

    Survey columns repeat a handful of values a million times; converting each distinct value once is what
    keeps validation of large files fast.
    """
    codes, distinct = pd.factorize(values)
    converted = convert(pd.Series(distinct, dtype=values.dtype)).to_numpy(dtype=object)
    # Code -1 (a missing cell) picks the appended missing value.
    spread = np.append(converted, [missing])[codes]
    return pd.Series(spread, index=values.index)


def _same(values: tuple[str, ...]) -> dict[str, str]:
    """A vocabulary whose accepted spellings are stored as they are."""
    return {value: value for value in values}


def _loose_key(value: str) -> str:
    return re.sub(LOOSE_SEPARATORS, "_", value.lower())


def _max_length(column: Column) -> int:
    return column.type.length


# --- units ------------------------------------------------------------------------------------------------------


def _import_units(engine: Engine, path: Path, now: pd.Timestamp, progress: Progress) -> dict:
    frame = read_table(path, UNIT_COLUMNS, UNIT_OPTIONAL)
    units = _valid_units(Checks(frame))
    with engine.begin() as conn:
        counts = _write_units(conn, units, progress)
        touch_source(conn, "units", _detail(path, counts))
    return counts


def _valid_units(checks: Checks) -> pd.DataFrame:
    """Columns named as in service_units; annual_users only when the file has that column."""
    table = schema.service_units.c
    codes = checks.column("unit_code").str.upper()
    present = checks.present("unit_code", required=True)
    checks.flag(
        present & ~_as_mask(codes.str.fullmatch(reference.UNIT_CODE_PATTERN)),
        "unit_code",
        "a unit code is 2 to 40 upper-case letters, digits and dashes, such as 3575-MPP",
    )
    checks.unique("unit_code", codes)
    name = checks.text("name", required=True, max_length=_max_length(table.name))
    kind = checks.choice("kind", _same(reference.UNIT_KINDS), required=True)
    region = checks.choice("region_code", _same(reference.REGION_CODES), required=True)
    kecamatan = checks.choice(
        "kecamatan_code",
        _same(tuple(KECAMATAN_REGION)),
        required=False,
        rule="unknown kecamatan code; codes look like 35.14.01 or 35.75.04",
    )
    wrong_region = kecamatan.notna() & region.notna() & kecamatan.map(KECAMATAN_REGION).ne(region)
    checks.flag(wrong_region, "kecamatan_code", "this kecamatan is not in region " + region.astype(str))
    units = {
        "code": codes,
        "name": name,
        "kind": kind,
        "region_code": region,
        "kecamatan_code": kecamatan,
        "address": checks.text("address", required=False, max_length=_max_length(table.address)),
        **_coordinates(checks),
    }
    if "annual_users" in checks.frame.columns:
        units["annual_users"] = checks.whole_number(
            "annual_users", 0, MAX_ANNUAL_USERS, required=False,
            rule=f"must be a whole number of service users per year, from 0 to {MAX_ANNUAL_USERS:,}",
        )
    checks.raise_if_any()
    return pd.DataFrame(units)


def _coordinates(checks: Checks) -> dict[str, pd.Series]:
    """Latitude and longitude inside the box around both regions, both given or neither."""
    low_lat, high_lat = reference.LATITUDE_RANGE
    low_lng, high_lng = reference.LONGITUDE_RANGE
    latitude = checks.number("latitude", low_lat, high_lat, rule=f"must be a number from {low_lat} to {high_lat}")
    longitude = checks.number("longitude", low_lng, high_lng, rule=f"must be a number from {low_lng} to {high_lng}")
    has_latitude = checks.column("latitude").notna()
    has_longitude = checks.column("longitude").notna()
    checks.flag(has_longitude & ~has_latitude, "latitude", "missing while longitude is given; give both or neither")
    checks.flag(has_latitude & ~has_longitude, "longitude", "missing while latitude is given; give both or neither")
    return {"latitude": latitude, "longitude": longitude}


def _write_units(conn: Connection, units: pd.DataFrame, progress: Progress) -> dict:
    """Insert new codes, update changed ones; the few hundred units are compared in Python."""
    table = schema.service_units
    existing = {row.code: row._mapping for row in conn.execute(select(table))}
    fields = [name for name in units.columns if name != "code"]
    new, changed = [], []
    for unit in _records(units):
        old = existing.get(unit["code"])
        if old is None:
            new.append({**unit, "active": True})
        elif any(old[name] != unit[name] for name in fields):
            changed.append({"unit_code": unit["code"], **{name: unit[name] for name in fields}})
    if new:
        conn.execute(insert(table), new)
    if changed:
        conn.execute(update(table).where(table.c.code == bindparam("unit_code")), changed)
    progress("units", len(units), len(units))
    return {"added": len(new), "updated": len(changed), "unchanged": len(units) - len(new) - len(changed)}


def _unit_index(conn: Connection) -> pd.DataFrame:
    """id and active of every unit, indexed by code."""
    table = schema.service_units.c
    rows = conn.execute(select(table.code, table.id, table.active)).all()
    return pd.DataFrame(rows, columns=["code", "id", "active"]).set_index("code")


# --- surveys ----------------------------------------------------------------------------------------------------


def _import_surveys(engine: Engine, path: Path, now: pd.Timestamp, progress: Progress) -> dict:
    frame = read_table(path, SURVEY_COLUMNS, SURVEY_OPTIONAL)
    with engine.begin() as conn, _bulk_write_cache(conn):
        surveys = _valid_surveys(Checks(frame), _unit_index(conn), now, conn)
        counts = _write_surveys(conn, surveys, progress)
        touch_source(conn, "surveys", _detail(path, counts))
    return counts


def _valid_surveys(checks: Checks, units: pd.DataFrame, now: pd.Timestamp, conn: Connection) -> pd.DataFrame:
    """Columns named as in survey_responses; none dated inside a published summary of its unit."""
    table = schema.survey_responses.c
    response_id = checks.text("response_id", required=True, max_length=_max_length(table.response_id))
    checks.unique("response_id", response_id)
    surveys = {
        "response_id": response_id,
        "submitted_at": checks.timestamp("submitted_at", required=True, now=now),
        "unit_id": checks.unit_ids("unit_code", units, require_active=True),
        "service": checks.text("service", required=False, max_length=_max_length(table.service)),
        **{
            name: checks.whole_number(
                name, elements.MIN_ANSWER, elements.MAX_ANSWER, required=True, rule=ANSWER_RULE
            )
            for name in elements.ELEMENTS
        },
        "sex": checks.choice("sex", _same(elements.SEXES), required=False),
        "age": checks.whole_number(
            "age", elements.MIN_AGE, elements.MAX_AGE, required=False,
            rule=f"age must be a whole number from {elements.MIN_AGE} to {elements.MAX_AGE}",
        ),
        "education": checks.choice("education", _same(elements.EDUCATIONS), required=False),
        "occupation": checks.choice("occupation", _same(elements.OCCUPATIONS), required=False),
        "channel": checks.choice("channel", _same(elements.SURVEY_CHANNELS), required=False),
        "suggestion": checks.text("suggestion", required=False, max_length=MAX_TEXT_LENGTH),
    }
    flag_summarised(conn, checks, surveys["unit_id"], surveys["submitted_at"], "submitted_at")
    checks.raise_if_any()
    return pd.DataFrame(surveys)


def _write_surveys(conn: Connection, surveys: pd.DataFrame, progress: Progress) -> dict:
    """Insert questionnaires not yet stored (stored ones are immutable), then refresh the days they fall on."""
    table = schema.survey_responses
    is_new: list[bool] = []
    for done, chunk in _chunks(surveys):
        keys = chunk["response_id"].tolist()
        stored = _stored_keys(conn, table.c.response_id, keys)
        new = [key not in stored for key in keys]
        if any(new):
            _insert_many(conn, table, chunk[new].assign(source="import"))
        is_new += new
        progress("surveys", done, len(surveys))
    added = surveys["submitted_at"][is_new]
    if len(added):
        refresh_for_instants(conn, added.min().to_pydatetime(), added.max().to_pydatetime())
    return {"added": len(added), "updated": 0, "unchanged": len(surveys) - len(added)}


# --- complaints -------------------------------------------------------------------------------------------------


def _import_complaints(engine: Engine, path: Path, now: pd.Timestamp, progress: Progress) -> dict:
    frame = read_table(path, COMPLAINT_COLUMNS)
    with engine.begin() as conn:
        complaints = _valid_complaints(Checks(frame), _unit_index(conn), now, _same(complaint_rules.STATUSES))
        counts = _write_complaints(conn, complaints, "import", now, progress)
        touch_source(conn, "complaints", _detail(path, counts))
    return counts


def _valid_complaints(
    checks: Checks, units: pd.DataFrame, now: pd.Timestamp, statuses: Mapping[str, str]
) -> pd.DataFrame:
    """Columns named as in complaints; statuses maps the file's status words to ours. Checked in column order."""
    table = schema.complaints.c
    ticket = checks.text("ticket", required=True, max_length=_max_length(table.ticket))
    checks.unique("ticket", ticket)
    complaints = {
        "ticket": ticket,
        "unit_id": checks.unit_ids("unit_code", units, require_active=False),
        "channel": checks.channel("channel", required=True),
        "classification": checks.choice("classification", _same(complaint_rules.CLASSIFICATIONS), required=True),
        "category": checks.choice("category", _same(complaint_rules.CATEGORIES), required=True),
        "tier": checks.choice("tier", _same(complaint_rules.TIERS), required=True),
        **{stage: checks.timestamp(stage, required=stage == "received_at", now=now) for stage in STAGES},
        "status": checks.choice("status", statuses, required=True),
        "description": checks.text("description", required=False, max_length=MAX_TEXT_LENGTH),
    }
    checks.stage_order({stage: complaints[stage] for stage in STAGES})
    finished_words = " or ".join(word for word, ours in statuses.items() if ours == "selesai")
    checks.flag(
        complaints["status"].eq("selesai") & complaints["resolved_at"].isna(),
        "resolved_at",
        f"a value is required when the status is {finished_words}",
    )
    checks.raise_if_any()
    return pd.DataFrame(complaints)


def _write_complaints(
    conn: Connection, complaints: pd.DataFrame, source: str, now: pd.Timestamp, progress: Progress
) -> dict:
    """Insert new tickets, update changed ones, and log each new status in complaint_status_history."""
    changed_at = now.to_pydatetime()
    added = updated = 0
    received: list[datetime] = []  # days of receipt whose rollups this write changes (old ones of moved complaints)
    for done, chunk in _chunks(complaints):
        rows = _records(chunk)
        stored = _stored_complaints(conn, [row["ticket"] for row in rows])
        new = [row for row in rows if row["ticket"] not in stored]
        changed = [
            (row, stored[row["ticket"]])
            for row in rows
            if row["ticket"] in stored and any(row[name] != stored[row["ticket"]][name] for name in COMPLAINT_FIELDS)
        ]
        events = _insert_complaints(conn, new, source, changed_at) + _update_complaints(conn, changed, changed_at)
        _append_history(conn, events)
        received += [row["received_at"] for row in new]
        received += [when for row, old in changed for when in (row["received_at"], old["received_at"])]
        added += len(new)
        updated += len(changed)
        progress("complaints", done, len(complaints))
    if received:
        instants = [pd.Timestamp(when).tz_convert("UTC") if pd.Timestamp(when).tzinfo else
                    pd.Timestamp(when).tz_localize("UTC") for when in received]
        refresh_complaint_rollups_for(conn, min(instants).to_pydatetime(), max(instants).to_pydatetime())
    return {"added": added, "updated": updated, "unchanged": len(complaints) - added - updated}


def _insert_complaints(conn: Connection, new: list[dict], source: str, now: datetime) -> list[dict]:
    """Insert complaints; returns their first status events."""
    if not new:
        return []
    table = schema.complaints
    inserted = conn.execute(
        insert(table).returning(table.c.ticket, table.c.id),
        [{**row, "source": source, "updated_at": now} for row in new],
    )
    ids = dict(inserted.all())
    return [_status_event(ids[row["ticket"]], row, now) for row in new]


def _update_complaints(conn: Connection, changed: list[tuple[dict, Mapping]], now: datetime) -> list[dict]:
    """Bring stored complaints up to the file; returns the events of those whose status changed."""
    if not changed:
        return []
    table = schema.complaints
    conn.execute(
        update(table).where(table.c.id == bindparam("complaint_id")),
        [
            {"complaint_id": old["id"], **{name: row[name] for name in COMPLAINT_FIELDS}, "updated_at": now}
            for row, old in changed
        ],
    )
    return [_status_event(old["id"], row, now) for row, old in changed if row["status"] != old["status"]]


def _stored_complaints(conn: Connection, tickets: list[str]) -> dict[str, Mapping]:
    table = schema.complaints.c
    columns = [table.id, table.ticket, *(table[name] for name in COMPLAINT_FIELDS)]
    rows = conn.execute(select(*columns).where(_one_of(conn, table.ticket, tickets)))
    return {row.ticket: row._mapping for row in rows}


def _status_event(complaint_id: int, complaint: Mapping, now: datetime) -> dict:
    """The history row for a complaint's status, dated by the stage time that status marks."""
    stage = STATUS_STAGE.get(complaint["status"])
    changed_at = complaint[stage] if stage and complaint[stage] is not None else now
    return {"complaint_id": complaint_id, "status": complaint["status"], "changed_at": changed_at}


def _append_history(conn: Connection, events: list[dict]) -> None:
    """Insert the events the history does not hold yet (a status can come back with the same time)."""
    if not events:
        return
    table = schema.complaint_status_history.c
    ids = list({event["complaint_id"] for event in events})
    history = select(table.complaint_id, table.status, table.changed_at)
    rows = conn.execute(history.where(_one_of(conn, table.complaint_id, ids)))
    stored = {tuple(row) for row in rows}
    fresh = [event for event in events if (event["complaint_id"], event["status"], event["changed_at"]) not in stored]
    if fresh:
        conn.execute(insert(schema.complaint_status_history), fresh)


# --- open311 ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Open311Map:
    """What a city's own GeoReport values stand for in ours (docs/formats.md, "Open311 map").

    Keys are the GeoReport values made loose (_loose_key); values are ours, already checked.
    """

    category: Mapping[str, Mapping[str, str]]  # GeoReport field -> its value -> our category
    unit: Mapping[str, Mapping[str, str]]  # GeoReport field -> its value -> unit code
    status: Mapping[str, str]  # GeoReport status -> our status
    name: str | None = None  # the map file's name; None when no map was given


NO_MAP = Open311Map(category={}, unit={}, status={})


def _import_open311(
    engine: Engine, path: Path, now: pd.Timestamp, progress: Progress, open311_map: Open311Map = NO_MAP
) -> dict:
    frame = _open311_frame(read_json(path))
    checks = Checks(frame, OPEN311_FIELDS, row_word="request", column_word="field")
    with engine.begin() as conn:
        units = _unit_index(conn)
        _check_map_units(open311_map, units)
        statuses = _apply_open311_map(checks, open311_map, units)
        complaints = _valid_complaints(checks, units, now, statuses)
        counts = _write_complaints(conn, complaints, "open311", now, progress)
        touch_source(conn, "complaints", _detail(path, counts))
    return counts


def _open311_frame(document: object) -> pd.DataFrame:
    """GeoReport v2 service requests as complaint columns of text, indexed by position (first request = 1)."""
    if not isinstance(document, list):
        raise reject("expected a JSON list of service requests (GeoReport v2)")
    if not document:
        raise reject("the file holds no service requests")
    problems: list[Problem] = []
    rows = {}
    for number, request in enumerate(document, start=1):
        if isinstance(request, dict):
            rows[number] = _open311_row(number, request, problems)
        else:
            problems.append(Problem(number, None, None, "a service request must be a JSON object"))
    if problems:
        raise ImportRejected(problems, row_word="request", column_word="field")
    return pd.DataFrame.from_dict(rows, orient="index", dtype="str")


def _open311_row(number: int, request: dict, problems: list[Problem]) -> dict[str, str | None]:
    extensions = request.get(OPEN311_EXTENSIONS) or {}
    if not isinstance(extensions, dict):
        problems.append(Problem(number, OPEN311_EXTENSIONS, None, "must be a JSON object"))
        extensions = {}
    row = {}
    for column, field in OPEN311_READ.items():
        source, _, key = field.rpartition(".")
        value = extensions.get(key) if source == OPEN311_EXTENSIONS else request.get(field)
        if isinstance(value, (dict, list, bool)):
            problems.append(Problem(number, field, None, "must be text or a number"))
            value = None
        text = None if value is None else str(value).strip()
        if text and not _storable(text):
            problems.append(Problem(number, field, None, UNSTORABLE_TEXT))
            text = None
        row[column] = text or OPEN311_DEFAULTS.get(column)
    return row


def _apply_open311_map(checks: Checks, open311_map: Open311Map, units: pd.DataFrame) -> dict[str, str]:
    """Our unit codes and categories into the requests' frame; returns the status words and the statuses they mean.

    A value that is neither ours nor in the map is reported once, with how many requests carry it: a city's export
    repeats a few dozen agencies and services over thousands of requests.
    """
    frame = checks.frame
    where = (f"in the map file {open311_map.name}" if open311_map.name
             else f"in a map file and import with --map MAPFILE (example: {OPEN311_MAP_EXAMPLE})")
    codes = frame["unit_code"].str.upper()
    own_codes = codes.where(codes.isin(units.index))
    _map_column(checks, "unit_code", "unit", open311_map.unit, own_codes, lambda field: (
        f'not the code of an imported unit: map it to one under "unit" > "{field}" {where}'
        if field != OPEN311_SERVICE_NAME else
        f'no agency_responsible: map this service to a unit code under "unit" > "{field}" {where}'))
    categories = {_loose_key(category): category for category in complaint_rules.CATEGORIES}
    own_categories = _by_distinct(frame["category"], lambda distinct: _loose(distinct).map(categories), None)
    _map_column(checks, "category", "category", open311_map.category, own_categories, lambda field: (
        f'not one of our complaint categories: map it to one under "category" > "{field}" {where}'
        if field != OPEN311_SERVICE_NAME else
        f'no service_code: map this service to a category under "category" > "{field}" {where}'))
    statuses = {**OPEN311_STATUSES, **open311_map.status}
    loose_statuses = {_loose_key(word): ours for word, ours in statuses.items()}
    ours = _by_distinct(frame["status"], lambda distinct: _loose(distinct).map(loose_statuses), None)
    _report_once(checks, "status", {"status": frame["status"]}, frame["status"].notna() & ours.isna(),
                 lambda field: f'not an Open311 status (open, closed): map it to one of ours under "status" {where}')
    # The updated_datetime of a request still open is its last change, not its closing.
    frame["resolved_at"] = frame["resolved_at"].where(ours.isin(FINISHED_STATUSES))
    return statuses


def _map_column(
    checks: Checks,
    column: str,
    section: str,
    tables: Mapping[str, Mapping[str, str]],
    own: pd.Series,
    advice: Callable[[str], str],
) -> None:
    """The column becomes ours: the first map entry matching one of its fields in order, else own (the value when
    it is already ours); the others are reported once per value of the first field they have."""
    frame = checks.frame
    fields = {field: frame[OPEN311_COLUMN[field]] for field in OPEN311_MAP_FIELDS[section]}
    ours = pd.Series(None, index=frame.index, dtype=object)
    for field, values in fields.items():
        table = tables.get(field, {})
        mapped = _by_distinct(values, lambda distinct, table=table: _loose(distinct).map(table), None)
        ours = ours.where(ours.notna(), mapped)
    ours = ours.where(ours.notna(), own)
    has_value = pd.concat(fields.values(), axis=1).notna().any(axis=1)
    _report_once(checks, column, fields, has_value & ours.isna(), advice)
    frame[column] = ours


def _report_once(
    checks: Checks,
    column: str,
    fields: Mapping[str, pd.Series],
    unmapped: pd.Series,
    advice: Callable[[str], str],
) -> None:
    """One problem per value of the first of fields each unmapped request has, with how many requests carry it."""
    named = pd.DataFrame({"field": None, "value": None}, index=checks.frame.index, dtype=object)
    for field, values in reversed(fields.items()):
        has = values.notna()
        named.loc[has, "field"] = field
        named.loc[has, "value"] = values[has]
    counts = named[_as_mask(unmapped)].groupby(["field", "value"], sort=False).size()
    checks.excuse(column, unmapped, [
        Problem(None, field, value, f"{count} request{'' if count == 1 else 's'}; {advice(field)}")
        for (field, value), count in counts.items()
    ])


def _read_open311_map(path: Path) -> Open311Map:
    """The map file, checked in full before any request is read: every problem in it is listed."""
    name = path.name
    try:
        document = read_json(path)
    except ImportRejected as rejected:
        raise ImportRejected(
            [replace(problem, reason=f"map file {name}: {problem.reason}") for problem in rejected.problems]
        ) from None
    problems: list[str] = []
    if not isinstance(document, dict):
        problems.append('expected a JSON object with the sections "category", "unit" and "status" (example: '
                        f"{OPEN311_MAP_EXAMPLE})")
        document = {}
    problems += [f'unknown section "{section}"; the sections are "category", "unit" and "status"'
                 for section in document if section not in OPEN311_MAP_SECTIONS]
    categories = {_loose_key(category): category for category in complaint_rules.CATEGORIES}
    statuses = {_loose_key(status): status for status in complaint_rules.STATUSES}
    category = _map_section(
        document, "category", lambda text: categories.get(_loose_key(text)),
        f"is not one of our complaint categories ({', '.join(complaint_rules.CATEGORIES)})", problems,
    )
    unit = _map_section(
        document, "unit", _unit_code, "is not a unit code (2 to 40 upper-case letters, digits and dashes)", problems
    )
    status = _map_table(
        document.get("status", {}), '"status"', lambda text: statuses.get(_loose_key(text)),
        f"is not one of our statuses ({', '.join(complaint_rules.STATUSES)})", problems,
    )
    if problems:
        raise ImportRejected([Problem(None, None, None, f"map file {name}: {reason}") for reason in problems])
    return Open311Map(category=category, unit=unit, status=status, name=name)


def _map_section(
    document: dict, section: str, ours: Callable[[str], str | None], rule: str, problems: list[str]
) -> dict[str, dict[str, str]]:
    """A section of the map: for each GeoReport field it maps by, that field's table."""
    tables = document.get(section, {})
    fields = OPEN311_MAP_FIELDS[section]
    allowed = " or ".join(f'"{field}"' for field in fields)
    if not isinstance(tables, dict):
        problems.append(f'"{section}" must be a JSON object with {allowed}')
        return {}
    problems += [f'"{section}" > "{field}": unknown field; {section} is mapped by {allowed}'
                 for field in tables if field not in fields]
    return {
        field: _map_table(tables[field], f'"{section}" > "{field}"', ours, rule, problems)
        for field in fields if field in tables
    }


def _map_table(
    table: object, where: str, ours: Callable[[str], str | None], rule: str, problems: list[str]
) -> dict[str, str]:
    """GeoReport value (loose) -> ours; two spellings of one value may not mean two things."""
    if not isinstance(table, dict):
        problems.append(f"{where} must be a JSON object of GeoReport values, each with what it stands for")
        return {}
    mapped: dict[str, str] = {}
    for value, target in table.items():
        key = _loose_key(value.strip())
        stored = ours(target) if isinstance(target, str) else None
        if not key:
            problems.append(f"{where}: an entry has an empty name")
        elif stored is None:
            problems.append(f"{where} > {json.dumps(value, ensure_ascii=False)}: "
                            f"{json.dumps(target, ensure_ascii=False)} {rule}")
        elif mapped.setdefault(key, stored) != stored:
            problems.append(f"{where} > {json.dumps(value, ensure_ascii=False)}: another spelling of it (case, spaces "
                            f"and dashes aside) is mapped to {mapped[key]}")
    return mapped


def _unit_code(text: str) -> str | None:
    code = text.strip().upper()
    return code if re.fullmatch(reference.UNIT_CODE_PATTERN, code) else None


def _check_map_units(open311_map: Open311Map, units: pd.DataFrame) -> None:
    """Every unit the map names is imported: a map entry pointing nowhere is a mistake even if no request uses it."""
    unknown = [
        Problem(None, None, None, f'map file {open311_map.name}: "unit" > "{field}": {code} is not the code of an '
                                  "imported unit; import it first: python -m data_access import units FILE")
        for field, table in open311_map.unit.items()
        for code in sorted(set(table.values()) - set(units.index))
    ]
    if unknown:
        raise ImportRejected(unknown)


def _storable(text: str) -> bool:
    """False for what JSON escapes can spell but no database text column holds: NUL (\\u0000), lone surrogates."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- shared -----------------------------------------------------------------------------------------------------


def _chunks(frame: pd.DataFrame) -> Iterator[tuple[int, pd.DataFrame]]:
    """Slices of CHUNK_ROWS rows, each with the number of rows done once it is written."""
    for start in range(0, len(frame), CHUNK_ROWS):
        chunk = frame.iloc[start : start + CHUNK_ROWS]
        yield start + len(chunk), chunk


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values, None where missing, ready for executemany."""
    columns = [_python_values(frame[name]) for name in frame.columns]
    return [dict(zip(frame.columns, values)) for values in zip(*columns)]


def _python_values(values: pd.Series) -> list:
    """Plain Python values, None where missing: drivers take neither numpy nor pandas scalars."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        values = values.dt.to_pydatetime()
    return values.to_numpy(dtype=object, na_value=None).tolist()


def _insert_many(conn: Connection, table: Table, frame: pd.DataFrame) -> None:
    """Bulk insert with values converted as the column types would: COPY on PostgreSQL, else driver executemany.

    SQLAlchemy's per-row parameter handling would cost more than the database's own work, and large survey
    files must load at tens of thousands of rows per second.
    """
    dialect = conn.dialect
    values = {name: _driver_values(table.c[name], frame[name], dialect) for name in frame.columns}
    if dialect.name == "postgresql":
        _copy_rows(conn, table, list(values), zip(*values.values()))
        return
    statement = insert(table).inline().compile(dialect=dialect, column_keys=list(values))
    if statement.positional:
        rows = list(zip(*(values[name] for name in statement.positiontup)))
    else:
        rows = [dict(zip(values, row)) for row in zip(*values.values())]
    conn.exec_driver_sql(str(statement), rows)


def _copy_rows(conn: Connection, table: Table, columns: list[str], rows: Iterable[tuple]) -> None:
    """COPY ... FROM STDIN through psycopg, inside the connection's transaction."""
    quote = conn.dialect.identifier_preparer
    target = f"{quote.format_table(table)} ({', '.join(quote.quote(name) for name in columns)})"
    with conn.connection.cursor() as cursor, cursor.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _driver_values(column: Column, values: pd.Series, dialect: Dialect) -> list:
    column_type = column.type
    if isinstance(column_type, schema.UTCDateTime):
        # What UTCDateTime does per value (naive UTC), done for the whole column at once.
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
        column_type = column_type.impl_instance
    python = _python_values(values)
    # The dialect's own type (SQLite's DATETIME writes '... HH:MM:SS.ffffff' like every other writer; the generic
    # type has no processor and sqlite3 would write '... HH:MM:SS', which sorts before the same instant as text).
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    return [process(value) for value in python] if process else python


def _stored_keys(conn: Connection, key: Column, values: list) -> set:
    """Which of these key values (one chunk) the table already holds."""
    return set(conn.execute(select(key).where(_one_of(conn, key, values))).scalars())


def _one_of(conn: Connection, column: Column, values: list) -> ColumnElement[bool]:
    """column IN values; on PostgreSQL one array parameter, which binds and plans several times faster."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam("values", values, type_=postgresql.ARRAY(column.type)))
    return column.in_(values)


@contextmanager
def _bulk_write_cache(conn: Connection) -> Iterator[None]:
    """A large SQLite page cache while bulk inserting: index pages stay in memory, which halves insert time."""
    if conn.dialect.name != "sqlite":
        yield
        return
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(previous)}")


def _detail(path: Path, counts: dict) -> str:
    detail = f"impor {path.name}: {counts['added']} baru, {counts['updated']} diubah, {counts['unchanged']} sama"
    return detail[: _max_length(schema.data_sources.c.detail)]


def _import_skm_summary(engine: Engine, path: Path, now: pd.Timestamp, progress: Progress) -> dict:
    # Imported when used: summary_import builds on this module's Checks, so a top-level import would be circular.
    from data_access.summary_import import import_skm_summary

    return import_skm_summary(engine, path, now, progress)


IMPORTERS: dict[str, Callable[[Engine, Path, pd.Timestamp, Progress], dict]] = {
    "units": _import_units,
    "surveys": _import_surveys,
    "complaints": _import_complaints,
    "open311": _import_open311,
    "skm-summary": _import_skm_summary,
}
