"""Every importer the CLI offers (units, surveys, complaints as CSV or XLSX; Open311 JSON), fuzzed with hypothesis on
SQLite and PostgreSQL: hostile and formula-shaped text, answers out of range, wrong types, broken encodings, wrong
delimiters, missing, extra and repeated columns, damaged files.

Each generated file knows which of its cells are bad. The import must then either store exactly the expected values
(and keep the rollups equal to a full rebuild), or be refused with one problem per bad cell naming its row and column,
and leave every table exactly as it was. Private free text is never echoed. A handful of files also go through
`python -m data_access import`: exit status 2, the reason on stderr, no traceback.

Example counts are fixed per importer and backend (EXAMPLES; PostgreSQL gets fewer, each accepted file costing more
there); the `dasbor-ci` profile makes every run generate the same examples, with no deadline and no example database.
`HYPOTHESIS_PROFILE=dasbor-explore` draws new ones each run.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import resource
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from sqlalchemy import select, update

from data_access import complaint_rules, elements, reference, schema
from data_access.complaint_rollups import rebuild_complaint_rollups
from data_access.db_init import init_database
from data_access.engine import make_engine
from data_access.importers import import_file
from data_access.importers.problems import ImportRejected
from data_access.importers.reading import MAX_XLSX_UNPACKED
from data_access.importers.units import PERSONAL_DATA, PUBLISHED_TEXT
from data_access.privacy import found_by_scrub
from data_access.questionnaire import MAX_SERVICE_LENGTH, MAX_SUGGESTION_LENGTH
from data_access.rollups import rebuild_survey_rollups
from data_access.text_characters import PUBLISHED_REFUSED, has_refused_characters
from data_access.workdays import WIB
from tests.conftest import BACKENDS
from tests.test_importers import SHEET, declared_dimension, rewritten

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"

settings.register_profile(
    "dasbor-ci", deadline=None, database=None, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("dasbor-explore", settings.get_profile("dasbor-ci"), derandomize=False)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "dasbor-ci"))
# Files per importer and backend: 700 on SQLite and 320 on PostgreSQL, 1,020 in all.
EXAMPLES = {
    "units": {"sqlite": 120, "postgresql": 60},
    "surveys": {"sqlite": 150, "postgresql": 70},
    "complaints": {"sqlite": 150, "postgresql": 70},
    "open311": {"sqlite": 130, "postgresql": 60},
    "damaged": {"sqlite": 150, "postgresql": 60},
}


# ------------------------------------------------------------------------------------------------- the database

INACTIVE = "3575-TUTUP"
ACTIVE_UNITS = ("3575-MPP", "3514-PKM-NGEMPIT")
DATA_TABLES = (schema.complaint_status_history, schema.complaint_stage_monthly, schema.complaint_monthly,
               schema.complaints, schema.survey_profile_monthly, schema.survey_daily, schema.survey_responses)
ROLLUPS = (schema.survey_daily, schema.survey_profile_monthly, schema.complaint_monthly,
           schema.complaint_stage_monthly)


@dataclass
class FuzzDb:
    backend: str
    engine: object
    url: str
    folder: Path
    baseline: dict
    units: dict  # code -> id
    base_units: list
    base_sources: list
    files: int = 0

    def path(self, suffix: str) -> Path:
        self.files += 1
        return self.folder / f"case-{self.files}{suffix}"

    def reset(self) -> None:
        """Back to the units the module started with: every accepted file is undone before the next one."""
        with self.engine.begin() as conn:
            for table in DATA_TABLES:
                conn.execute(table.delete())
            units = schema.service_units
            conn.execute(units.delete().where(units.c.code.not_in([row["code"] for row in self.base_units])))
            for row in self.base_units:
                conn.execute(update(units).where(units.c.id == row["id"]).values(**row))
            conn.execute(schema.data_sources.delete())
            if self.base_sources:
                conn.execute(schema.data_sources.insert(), self.base_sources)


def snapshot(engine) -> dict[str, list]:
    """Every row of every table."""
    with engine.connect() as conn:
        return {table.name: sorted((tuple(row) for row in conn.execute(select(table))), key=repr)
                for table in schema.metadata.sorted_tables}


@pytest.fixture(scope="module", params=BACKENDS)
def fuzz_db(request, tmp_path_factory) -> FuzzDb:
    """The two template units (both active) and an inactive one, on a database this module alone uses."""
    folder = tmp_path_factory.mktemp(f"fuzz-{request.param}")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'fuzz.sqlite'}"
    else:
        url = request.getfixturevalue("pg_server").create_database("dasbor_fuzz")
    engine = make_engine(url)
    init_database(engine)
    import_file(engine, "units", TEMPLATES / "units.csv")
    units = schema.service_units
    with engine.begin() as conn:
        conn.execute(units.insert().values(code=INACTIVE, name="Unit tutup", kind="opd", region_code="35.75",
                                           active=False))
    with engine.connect() as conn:
        base_units = [dict(row._mapping) for row in conn.execute(select(units))]
        base_sources = [dict(row._mapping) for row in conn.execute(select(schema.data_sources))]
    units_by_code = {row["code"]: row["id"] for row in base_units}
    db = FuzzDb(request.param, engine, url, folder, snapshot(engine), units_by_code, base_units, base_sources)
    yield db
    engine.dispose()


# ------------------------------------------------------------------------------------------------------- cells


@dataclass(frozen=True)
class Cell:
    """One cell of a generated file: its text (None: left empty), whether the importer must refuse it, and the value
    the database must hold when the file is accepted. `native` is what an XLSX cell holds instead of the text."""

    text: str | None
    bad: bool = False
    stored: object = None
    native: object = None
    verbatim: bool = False  # stored as typed (trimmed): free text and keys


FORMULAS = ("=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example";"klik")', "+62 812 3456 7890", "-2+3",
            "@SUM(A1:A9)", "=1+1", " =1+1", "\t=1+1", "\r=1+1")
HOSTILE = (
    *FORMULAS,
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE complaints; --", '" OR "1"="1',
    "../../etc/passwd", "\u202eRTL override\u202c", 'Jl. Kenari; No. 7, "RT 01"', "baris\nbaru", "tab\tdi tengah",
    "😀👍🏽", "عربي", "𝕌𝕟𝕚𝕔𝕠𝕕𝕖", "NULL", "None", "nan", "#N/A", "\ufeffBOM di tengah", "Ⅳ", "½",
)
# XML 1.0 (inside XLSX) cannot hold most control characters, U+FFFE/U+FFFF or surrogates; CSV can hold all but NUL.
XML_ILLEGAL = "".join(map(chr, [*range(9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF]))


def characters(xlsx: bool):
    return st.characters(blacklist_categories=("Cs",), blacklist_characters=XML_ILLEGAL if xlsx else "\x00")


def pad(text: str):
    """text, maybe with blanks around it that the importer trims."""
    return st.sampled_from(["", " ", "  \t"]).map(lambda blank: blank + text + blank[::-1])


# Half the files are drawn clean (no spoiled cell, a readable layout), so that acceptance is tested about as often
# as refusal; the others spoil a cell now and then, so that they mix good and bad rows.
CLEAN = st.shared(st.booleans(), key="clean file")


def mutate():
    """Whether to spoil a cell (shrinks to 'no')."""
    return CLEAN.flatmap(lambda clean: st.just(False) if clean else st.sampled_from([False] * 7 + [True]))


def free_text(xlsx: bool, max_length: int):
    hostile = st.sampled_from(HOSTILE)
    if xlsx:
        hostile = hostile.filter(lambda text: not set(text) & set(XML_ILLEGAL))
    return st.one_of(hostile, st.text(characters(xlsx), min_size=1, max_size=min(30, max_length)))


def never(text: str) -> bool:
    return False


def one_line(text: str) -> bool:
    return has_refused_characters(text, free_text=False)


def several_lines(text: str) -> bool:
    return has_refused_characters(text, free_text=True)


def published(text: str) -> bool:
    return re.search(PUBLISHED_REFUSED, text) is not None


@st.composite
def text_cell(draw, xlsx: bool, max_length: int, required: bool, refuses=never) -> Cell:
    """refuses: whether the importer refuses the (trimmed) text for the characters in it."""
    if draw(mutate()):
        too_long = draw(st.sampled_from((*FORMULAS[:2], "x")))
        bad = draw(st.sampled_from(["long", "empty"] if required else ["long"]))
        if bad == "empty":
            return Cell(draw(st.sampled_from([None, " ", "\t "])), bad=True)
        return Cell("x" + (too_long * (max_length // len(too_long) + 1))[:max_length] + "x", bad=True)
    if not required and draw(st.booleans()):
        return Cell(None)
    text = draw(free_text(xlsx, max_length))
    stored = text.strip()
    refused = refuses(stored)
    if refused:
        event("text refused for its characters")
    return Cell(text, bad=(required and not stored) or refused, stored=stored or None, verbatim=True)


@st.composite
def key_cell(draw, xlsx: bool, row: int, max_length: int = 64) -> Cell:
    """A questionnaire's or complaint's key: anything up to 64 characters, unique in the file by its ending."""
    if draw(mutate()):
        return Cell(draw(st.sampled_from([None, " ", "K" * (max_length + 1)])), bad=True)
    prefix = draw(st.one_of(st.just(""), free_text(xlsx, 40))).strip()[:40]
    return Cell(draw(pad(f"{prefix}~{row}")), stored=f"{prefix}~{row}", verbatim=True)


@st.composite
def choice_cell(draw, words: tuple[str, ...], required: bool) -> Cell:
    """A word of the vocabulary in any case and with any separators (stored as listed), or something else."""
    if draw(mutate()):
        word = draw(st.sampled_from(words))
        bad = draw(st.sampled_from(["=" + word, word + "x", "#" + word, "tiga", "<b>" + word + "</b>"]
                                   + (["", None] if required else [])))
        return Cell(bad, bad=True)
    if not required and draw(st.booleans()):
        return Cell(None)
    word = draw(st.sampled_from(words))
    parts = word.replace("_", " ").replace("-", " ").replace("/", " ").split(" ")
    separator = draw(st.sampled_from([" ", "_", "-", "/", "–", "  "]))
    spelled = separator.join(parts) if len(parts) > 1 else word
    spelled = draw(st.sampled_from([spelled, spelled.upper(), spelled.lower(), spelled.title()]))
    return Cell(draw(pad(spelled)), stored=word)


@st.composite
def channel_cell(draw) -> Cell:
    """A complaint channel in any spelling of the alias table, in any case; or a word the table does not know."""
    if draw(mutate()):
        word = draw(st.sampled_from(complaint_rules.CHANNELS))
        return Cell(draw(st.sampled_from([word + "x", "fax", "tiga", "<b>" + word + "</b>", "", None])), bad=True)
    channel = draw(st.sampled_from(complaint_rules.CHANNELS))
    spelled = draw(st.sampled_from((channel, *complaint_rules.CHANNEL_ALIASES.get(channel, ()))))
    spelled = draw(st.sampled_from([spelled, spelled.upper(), spelled.lower()]))
    return Cell(draw(pad(spelled)), stored=channel)


@st.composite
def whole_cell(draw, low: int, high: int, required: bool) -> Cell:
    """A whole number in [low, high] as text, '4.0', '4,0' or an Excel number; or 7, 0, -1, 2.5, 'tiga' ..."""
    if draw(mutate()):
        bad = draw(st.sampled_from([low - 1, high + 1, -1, 2.5, "2,5", "tiga", "=4", "+", "4+", "@4", "IV", "1/2",
                                    "٣", "４", "0x4", "4 4"] + (["", None] if required else [])))
        text = None if bad is None else str(bad)
        return Cell(text, bad=True, native=bad if isinstance(bad, float) else None)
    if not required and draw(st.booleans()):
        return Cell(None)
    number = draw(st.integers(low, high))
    spelled = draw(st.sampled_from([str(number), f"{number}.0", f"{number},0", f"0{number}"]))
    native = draw(st.sampled_from([None, number, float(number)]))
    return Cell(draw(pad(spelled)), stored=number, native=native)


WHEN = datetime(2025, 3, 27, 9, 0, tzinfo=WIB)
# Valid spellings of one instant (WIB unless an offset says otherwise) and times the importer must refuse.
TIME_SPELLINGS = ("{:%Y-%m-%d %H:%M}", "{:%Y-%m-%dT%H:%M:%S}", "{:%Y-%m-%dT%H:%M:%S+07:00}", "{:%Y-%m-%dT%H:%M+0700}")
BAD_TIMES = ("27/03/2025 09:00", "2025-02-30 10:00", "2025-13-01", "2025-03-27 25:00", "2025-03-27T09:00+25:00",
             "1999-12-31 23:00", "1942-03-23 00:10", "1963-12-31 23:45", "2099-01-01", "=NOW()", "besok",
             "2025-03-27 09:00 WIB")


@st.composite
def time_cell(draw, when: datetime, required: bool) -> Cell:
    if draw(mutate()):
        return Cell(draw(st.sampled_from(BAD_TIMES + (("", None) if required else ()))), bad=True)
    if not required and draw(st.booleans()):
        return Cell(None)
    spelled = draw(st.sampled_from((*TIME_SPELLINGS, "utc")))
    text = f"{when.astimezone(UTC):%Y-%m-%dT%H:%MZ}" if spelled == "utc" else spelled.format(when)
    native = draw(st.sampled_from([None, when.replace(tzinfo=None)]))
    return Cell(draw(pad(text)), stored=when.astimezone(UTC), native=native)


@st.composite
def unit_code_cell(draw, codes: tuple[str, ...], refused: tuple[str, ...] = ()) -> Cell:
    """A code of an imported unit (any case, trimmed), or an unknown, inactive or malformed one."""
    if draw(mutate()):
        return Cell(draw(st.sampled_from(("3575-NOPE", "=3575-MPP", "", None, "'; DROP TABLE service_units; --",
                                          *refused))), bad=True)
    code = draw(st.sampled_from(codes))
    return Cell(draw(pad(draw(st.sampled_from([code, code.lower()])))), stored=code)


# --------------------------------------------------------------------------------------------------- the rows

ELEMENTS = elements.ELEMENTS
SURVEY_TEXT = {"service": 160}
UNIT_CODE_RULE = r"[A-Z0-9][A-Z0-9-]{0,24}"
KECAMATAN_OF = {row["code"]: row["region_code"] for row in reference.KECAMATAN}


@st.composite
def survey_row(draw, xlsx: bool, row: int) -> dict[str, Cell]:
    return {
        "response_id": draw(key_cell(xlsx, row)),
        "submitted_at": draw(time_cell(WHEN + timedelta(hours=row), required=True)),
        "unit_code": draw(unit_code_cell(ACTIVE_UNITS, refused=(INACTIVE,))),
        "service": draw(text_cell(xlsx, MAX_SERVICE_LENGTH, required=False, refuses=one_line)),
        **{name: draw(whole_cell(elements.MIN_ANSWER, elements.MAX_ANSWER, required=True)) for name in ELEMENTS},
        "sex": draw(choice_cell(elements.SEXES, required=False)),
        "age": draw(whole_cell(elements.MIN_AGE, elements.MAX_AGE, required=False)),
        "education": draw(choice_cell(elements.EDUCATIONS, required=False)),
        "occupation": draw(choice_cell(elements.OCCUPATIONS, required=False)),
        "channel": draw(choice_cell(elements.SURVEY_CHANNELS, required=False)),
        "suggestion": draw(text_cell(xlsx, MAX_SUGGESTION_LENGTH, required=False, refuses=several_lines)),
    }


STAGES = ("received_at", "verified_at", "first_response_at", "resolved_at")


@st.composite
def complaint_row(draw, xlsx: bool, row: int) -> dict[str, Cell]:
    received = WHEN + timedelta(days=row)
    cells = {
        "ticket": draw(key_cell(xlsx, row)),
        "unit_code": draw(unit_code_cell((*ACTIVE_UNITS, INACTIVE))),
        "channel": draw(channel_cell()),
        "classification": draw(choice_cell(complaint_rules.CLASSIFICATIONS, required=True)),
        "category": draw(choice_cell(complaint_rules.CATEGORIES, required=True)),
        "tier": draw(choice_cell(complaint_rules.TIERS, required=True)),
    }
    # Each stage a few hours after the one before, so that only a spoiled stage breaks the order.
    for number, stage in enumerate(STAGES):
        cells[stage] = draw(time_cell(received + timedelta(hours=5 * number), required=stage == "received_at"))
    if not cells["received_at"].bad and draw(mutate()):
        late = next((stage for stage in STAGES[1:] if cells[stage].text and not cells[stage].bad), None)
        if late:  # a stage before received_at
            cells[late] = Cell(f"{received - timedelta(hours=1):%Y-%m-%d %H:%M}", bad=True)
    cells["status"] = draw(choice_cell(complaint_rules.STATUSES, required=True))
    cells["description"] = draw(text_cell(xlsx, 10_000, required=False))
    if cells["status"].stored == "selesai" and cells["resolved_at"].text is None:
        cells["resolved_at"] = replace(cells["resolved_at"], bad=True)
    return cells


@st.composite
def unit_row(draw, xlsx: bool, row: int) -> dict[str, Cell]:
    if draw(mutate()):
        code = Cell(draw(st.sampled_from(["=cmd-U", "A", "K" * 41, "3575 MPP", "3575_MPP", "ÄBC-U", "", None,
                                          "<script>"])), bad=True)
    else:
        text = f"{draw(st.from_regex(UNIT_CODE_RULE, fullmatch=True))}-U{row}"
        code = Cell(draw(pad(draw(st.sampled_from([text, text.lower()])))), stored=text)
    region = draw(choice_cell(reference.REGION_CODES, required=True))
    if draw(mutate()):
        kecamatan = Cell(draw(st.sampled_from(["35.14.99", "=35.14.01", "3514.01"])), bad=True)
    elif draw(st.booleans()):
        kecamatan = Cell(None)
    else:
        own = [code for code in sorted(KECAMATAN_OF) if KECAMATAN_OF[code] == region.stored]
        chosen = draw(st.sampled_from(own if draw(CLEAN) and own else sorted(KECAMATAN_OF)))
        wrong = region.stored is not None and KECAMATAN_OF[chosen] != region.stored
        kecamatan = Cell(draw(pad(chosen)), bad=wrong, stored=chosen)
    return {
        "unit_code": code,
        "name": draw(text_cell(xlsx, 160, required=True, refuses=published)),
        "kind": draw(choice_cell(reference.UNIT_KINDS, required=True)),
        "region_code": region,
        "kecamatan_code": kecamatan,
        "address": draw(text_cell(xlsx, 240, required=False, refuses=published)),
        **draw(coordinates()),
        "annual_users": draw(whole_cell(0, 1_000_000_000, required=False)),
    }


@st.composite
def coordinates(draw) -> dict[str, Cell]:
    """Both coordinates inside the box, both empty, or one of them out of range, malformed or alone."""
    (low_lat, high_lat), (low_lng, high_lng) = reference.LATITUDE_RANGE, reference.LONGITUDE_RANGE
    lat = round(draw(st.floats(low_lat, high_lat)), 4)
    lng = round(draw(st.floats(low_lng, high_lng)), 4)
    comma = draw(st.booleans())

    def spelled(value: float) -> Cell:
        text = str(value).replace(".", ",") if comma else str(value)
        return Cell(text, stored=value, native=draw(st.sampled_from([None, value])))

    case = draw(st.sampled_from(["both"] * 4 + ["neither", "lat-bad", "lng-bad", "lat-alone", "lng-alone"]))
    if case == "neither":
        return {"latitude": Cell(None), "longitude": Cell(None)}
    bad = Cell(draw(st.sampled_from(["7.6435", "-9", "=-7.6", "-7.6.4", "abc", "-7,6,4", "1e400", "nan"])), bad=True)
    return {
        "both": {"latitude": spelled(lat), "longitude": spelled(lng)},
        "lat-bad": {"latitude": bad, "longitude": spelled(lng)},
        "lng-bad": {"latitude": spelled(lat), "longitude": bad},
        "lat-alone": {"latitude": spelled(lat), "longitude": Cell(None, bad=True)},
        "lng-alone": {"latitude": Cell(None, bad=True), "longitude": spelled(lng)},
    }[case]


@dataclass(frozen=True)
class Kind:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    key: str
    row: object
    table: object
    private: frozenset = frozenset()


KINDS = {
    "units": Kind("units", ("unit_code", "name", "kind", "region_code", "kecamatan_code", "address", "latitude",
                            "longitude"), ("annual_users",), "unit_code", unit_row, schema.service_units),
    "surveys": Kind("surveys", ("response_id", "submitted_at", "unit_code", "service", *ELEMENTS, "sex", "age",
                                "education", "occupation", "channel"), ("suggestion",), "response_id", survey_row,
                    schema.survey_responses, frozenset({"suggestion"})),
    "complaints": Kind("complaints", ("ticket", "unit_code", "channel", "classification", "category", "tier", *STAGES,
                                      "status", "description"), (), "ticket", complaint_row, schema.complaints,
                       frozenset({"description"})),
}


# ---------------------------------------------------------------------------------------------- whole files


@dataclass
class TableCase:
    """A CSV or XLSX file: rows of cells, how the file is laid out, and what the importer must say about it."""

    kind: Kind
    rows: list[dict[str, Cell]]
    fmt: str = "csv"
    delimiter: str = ","
    encoding: str = "utf-8"
    columns: list[str] = field(default_factory=list)  # in file order; may repeat or lack one, or add unknown ones
    header: dict[str, str] = field(default_factory=dict)  # the spelling of each column name in the header
    blank_before: set[int] = field(default_factory=set)  # rows preceded by an empty line
    duplicate_of_first: int | None = None  # a row that repeats the first row's key

    def not_utf8(self) -> bool:
        return self.encoding not in ("utf-8", "utf-8-sig")

    def one_column(self) -> bool:
        """Written with a delimiter the importer does not split on (tab, |)."""
        return self.delimiter not in (",", ";")

    def numbers(self) -> list[int]:
        """Spreadsheet row number of each data row (the header is row 1; blank lines count)."""
        numbers, current = [], 1
        for index in range(len(self.rows)):
            current += 1 + (index in self.blank_before)
            numbers.append(current)
        return numbers

    def header_problems(self) -> set[tuple[int, str]]:
        present = [name for name in self.columns if name in self.kind.required + self.kind.optional]
        missing = {(1, name) for name in self.kind.required if name not in present}
        repeated = {(1, name) for name in present if present.count(name) > 1}
        return missing | repeated

    def cell_problems(self) -> set[tuple[int, str]]:
        problems = {(number, column) for number, row in zip(self.numbers(), self.rows, strict=True)
                    for column, cell in row.items() if cell.bad and column in self.columns}
        if self.duplicate_of_first is not None:
            numbers = self.numbers()
            problems |= {(numbers[0], self.kind.key), (numbers[self.duplicate_of_first], self.kind.key)}
        return problems


@st.composite
def table_case(draw, kind_name: str) -> TableCase:
    kind = KINDS[kind_name]
    fmt = draw(st.sampled_from(["csv", "csv", "xlsx"]))
    rows = [draw(kind.row(fmt == "xlsx", index)) for index in range(draw(st.integers(1, 5)))]
    case = TableCase(kind, rows, fmt)
    columns = list(kind.required) + [name for name in kind.optional if draw(st.booleans())]
    columns = draw(st.permutations(columns))
    clean = draw(CLEAN)
    layout = draw(st.sampled_from(["plain", "extra"] if clean else
                                  ["plain"] * 6 + ["extra", "missing", "repeated", "duplicate-key"]))
    if layout == "extra":
        columns.insert(draw(st.integers(0, len(columns))), "catatan")
    elif layout == "missing":
        columns.remove(draw(st.sampled_from(kind.required)))
    elif layout == "repeated":
        columns.append(draw(st.sampled_from(columns)))
    elif layout == "duplicate-key" and len(rows) > 1 and not rows[0][kind.key].bad:
        case.duplicate_of_first = draw(st.integers(1, len(rows) - 1))
        rows[case.duplicate_of_first][kind.key] = rows[0][kind.key]
    case.columns = list(columns)
    case.header = {name: draw(st.sampled_from([name, name.upper(), f" {name.title()} "])) for name in columns}
    case.blank_before = set(draw(st.lists(st.integers(0, len(rows) - 1), max_size=2)))
    if fmt == "csv":
        case.delimiter = draw(st.sampled_from([",", ";"] if clean else [",", ",", ";", "\t", "|"]))
        case.encoding = draw(st.sampled_from(["utf-8", "utf-8-sig"] if clean else
                                             ["utf-8"] * 4 + ["utf-8-sig", "utf-16", "latin-1"]))
        if case.encoding == "latin-1" and "catatan" not in case.columns:
            case.columns.append("catatan")  # its 'é' is one byte in Latin-1, never valid UTF-8
            case.header["catatan"] = "catatan"
    return case


def write_table(case: TableCase, path: Path) -> Path:
    header = [case.header[name] for name in case.columns]
    lines: list[list] = [header]
    for index, row in enumerate(case.rows):
        if index in case.blank_before:
            lines.append([])
        lines.append([row[name] if name in row else Cell("catatan dinas é") for name in case.columns])
    if case.fmt == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        for number, line in enumerate(lines, start=1):
            for column, cell in enumerate(line, start=1):
                target = sheet.cell(row=number, column=column)
                if isinstance(cell, str):
                    target.value = cell
                elif cell.native is not None:
                    target.value = cell.native
                elif cell.text is not None:
                    target.value = cell.text
                    target.data_type = "s"  # text, even when it starts with '=' as a formula would
        book.save(path)
        return path
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=case.delimiter, lineterminator="\r\n")
    for line in lines:
        writer.writerow([cell if isinstance(cell, str) else (cell.text or "") for cell in line])
    path.write_bytes(buffer.getvalue().encode(case.encoding, errors="replace"))
    return path


def xlsx_text(text: str) -> str:
    """XML turns every line ending into \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def expected_row(case: TableCase, row: dict[str, Cell], units: dict[str, int]) -> dict:
    """The database row an accepted file must hold for a generated row."""
    values = {}
    for column, cell in row.items():
        if column not in case.columns:
            continue
        stored = cell.stored
        if cell.verbatim and case.fmt == "xlsx" and cell.text is not None:
            stored = xlsx_text(cell.text).strip() or None
        values[column] = stored
    if case.kind.name == "units":
        values["code"] = values.pop("unit_code")
        values["active"] = True
    else:
        values["unit_id"] = units[values.pop("unit_code")]
        values["source"] = "import"
    return values


def personal_data(case: TableCase, codes: list[str], stored: dict) -> set[tuple[int, str]]:
    """(row, column) of each stored unit name or address in which the privacy scrubber finds what units warn of;
    codes are the units' codes in the file's order."""
    if case.kind.name != "units":
        return set()
    rows = dict(zip(codes, case.numbers(), strict=True))
    return {(rows[code], column) for code, values in stored.items() for column in PUBLISHED_TEXT
            if set(PERSONAL_DATA) & found_by_scrub(values[column])}


def stored_rows(engine, table, key: str, keys: list) -> dict:
    column = table.c["code" if key == "unit_code" else key]
    with engine.connect() as conn:
        return {row._mapping[column.name]: dict(row._mapping)
                for row in conn.execute(select(table).where(column.in_(keys)))}


def assert_rollups_match_a_rebuild(engine) -> None:
    """The rollups an import refreshed equal the ones a full rebuild computes (rolled back afterwards)."""
    with engine.connect() as conn:
        transaction = conn.begin()
        kept = {table.name: sorted(map(tuple, conn.execute(select(table))), key=repr) for table in ROLLUPS}
        rebuild_survey_rollups(conn)
        rebuild_complaint_rollups(conn)
        rebuilt = {table.name: sorted(map(tuple, conn.execute(select(table))), key=repr) for table in ROLLUPS}
        transaction.rollback()
    assert kept == rebuilt


def assert_refused_as_expected(db: FuzzDb, rejected: ImportRejected, expected: set, private: frozenset,
                               cells: dict | None = None) -> None:
    """One problem per expected place (row, column), each with a reason; private text withheld; nothing written."""
    found = {(problem.row, problem.column) for problem in rejected.problems}
    assert found == expected, rejected.render()
    for problem in rejected.problems:
        assert problem.reason and "Traceback" not in problem.reason
        if problem.column in private:
            assert problem.value is None  # never echoed
        elif cells and (problem.row, problem.column) in cells and problem.value is not None:
            assert problem.value in cells[(problem.row, problem.column)]
    assert "Traceback" not in rejected.render()
    assert snapshot(db.engine) == db.baseline


def check_table_import(db: FuzzDb, case: TableCase) -> None:
    path = write_table(case, db.path(f".{case.fmt}"))
    try:
        result = import_file(db.engine, case.kind.name, path)
    except ImportRejected as rejected:
        event(f"refused ({case.fmt})")
        if case.not_utf8():
            assert all(problem.row is None and problem.column is None and "UTF-8" in problem.reason
                       for problem in rejected.problems), rejected.render()
            assert snapshot(db.engine) == db.baseline
            return
        if case.one_column():
            # The header is one unknown column; rows whose text holds a ',' or ';' split into more cells than it.
            assert all((problem.row, problem.column) in {(1, name) for name in case.kind.required}
                       or (problem.column is None and ("the header has 1" in problem.reason
                                                       or "cannot be read as CSV" in problem.reason))
                       for problem in rejected.problems), rejected.render()
            assert snapshot(db.engine) == db.baseline
            return
        expected = case.header_problems() or case.cell_problems()
        texts = {(number, column): {(cell.text or "").strip(), xlsx_text(cell.text or "").strip()}
                 for number, row in zip(case.numbers(), case.rows, strict=True) for column, cell in row.items()}
        assert_refused_as_expected(db, rejected, expected, case.kind.private, texts)
        return
    assert not (case.not_utf8() or case.one_column() or case.header_problems() or case.cell_problems()), result
    event(f"accepted ({case.fmt})")
    try:
        warnings = result.pop("warnings")
        assert result == {"kind": case.kind.name, "added": len(case.rows), "updated": 0, "unchanged": 0}
        key = "code" if case.kind.name == "units" else case.kind.key
        expected = {values[key]: values for values in (expected_row(case, row, db.units) for row in case.rows)}
        stored = stored_rows(db.engine, case.kind.table, case.kind.key, list(expected))
        assert set(stored) == set(expected)
        for key, values in expected.items():
            assert {name: stored[key][name] for name in values} == values
        assert {(warning.row, warning.column) for warning in warnings} == personal_data(case, list(expected), stored)
        if case.kind.name == "complaints":
            with db.engine.connect() as conn:
                history = conn.execute(select(schema.complaint_status_history)).all()
            assert len(history) == len(case.rows)  # one first status event per new complaint
        assert_rollups_match_a_rebuild(db.engine)
    finally:
        db.reset()


def fuzz(db: FuzzDb, importer: str, strategy, check) -> None:
    """check(db, example) for EXAMPLES[importer][backend] examples drawn from strategy, every one of them run."""
    wanted = EXAMPLES[importer][db.backend]
    checked = []

    @settings(PROFILE, max_examples=wanted)
    @given(strategy)
    def example(value):
        checked.append(1)
        check(db, value)

    example()
    assert len(checked) >= wanted


@pytest.mark.slow
def test_units_files(fuzz_db):
    fuzz(fuzz_db, "units", table_case("units"), check_table_import)


@pytest.mark.slow
def test_survey_files(fuzz_db):
    fuzz(fuzz_db, "surveys", table_case("surveys"), check_table_import)


@pytest.mark.slow
def test_complaint_files(fuzz_db):
    fuzz(fuzz_db, "complaints", table_case("complaints"), check_table_import)


# ------------------------------------------------------------------------------------------------------ Open311

OPEN311_FIELD = {"ticket": "service_request_id", "unit_code": "agency_responsible", "category": "service_code",
                 "status": "status", "received_at": "requested_datetime", "resolved_at": "updated_datetime",
                 "description": "description"}
EXTENDED = ("channel", "classification", "tier")
WRONG_TYPES = ({"nested": "object"}, ["a", "list"], True, False)


DEFAULTS = {"channel": "lapor", "classification": "pengaduan", "tier": "sederhana"}
# An unknown agency, service code or status is named once per value, not per request: a map file fixes them.
NAMED_ONCE = ("agency_responsible", "service_code", "status")


@dataclass
class Request:
    """A GeoReport v2 request, the fields the importer must refuse while reading the JSON (wrong types, text no
    database holds) and afterwards (values), and the complaint it must store."""

    body: dict
    # A NaN or infinite number anywhere: JSON allows none, and the file is refused while it is parsed.
    not_finite: bool = False
    unreadable: set[str] = field(default_factory=set)
    bad: set[str] = field(default_factory=set)
    stored: dict = field(default_factory=dict)


@st.composite
def open311_request(draw, row: int) -> Request:
    cells = draw(complaint_row(False, row))
    closed = draw(st.booleans())
    cells["status"] = Cell(draw(pad(draw(st.sampled_from(["closed", "Closed", "CLOSED"] if closed else
                                                         ["open", "OPEN"])))), stored="selesai" if closed else
                           "diterima")
    if draw(mutate()):
        cells["status"] = Cell(draw(st.sampled_from(["pending", "=open", "", None])), bad=True)
    closed = cells["status"].stored == "selesai"
    request = Request({})
    for column, name in OPEN311_FIELD.items():
        cell = cells[column]
        if column == "resolved_at" and not closed:
            cell = Cell(cell.text)  # an open request's updated_datetime is its last change: ignored
        elif column == "resolved_at" and cell.text is None:
            cell = replace(cell, bad=True)  # required when closed
        if column == "ticket" and not cell.bad and draw(st.booleans()):
            cell = Cell(str(70_000 + row), stored=str(70_000 + row), native=70_000 + row)  # a number is a ticket too
        if cell.text is not None:
            request.body[name] = cell.native if column == "ticket" and cell.native else cell.text
        if draw(mutate()):
            request.body[name] = draw(st.sampled_from((*WRONG_TYPES, "x\x00y", "\ud800 alone")))
            request.unreadable.add(name)
        elif cell.bad:
            request.bad.add(name)
        request.stored[column] = cell.stored
    extensions = {}
    for column in EXTENDED:
        cell = cells[column]
        if not draw(st.booleans()) or not (cell.text or "").strip():
            request.stored[column] = DEFAULTS[column]
            continue
        extensions[column] = cell.text
        request.stored[column] = cell.stored
        if cell.bad:
            request.bad.add(f"extended_attributes.{column}")
    request.body["extended_attributes"] = extensions
    if draw(mutate()):
        request.body["extended_attributes"] = draw(st.sampled_from(["x", 5, ["channel"]]))
        request.unreadable.add("extended_attributes")
    extras = draw(st.dictionaries(st.sampled_from(["lat", "long", "media_url", "status_notes"]),
                                  st.one_of(st.none(), st.floats(), st.text(max_size=5)), max_size=2))
    request.body.update(extras)
    request.not_finite = any(isinstance(value, float) and not math.isfinite(value) for value in extras.values())
    return request


@pytest.mark.slow
def test_open311_files(fuzz_db):
    requests = st.integers(1, 4).flatmap(lambda n: st.tuples(*(open311_request(row) for row in range(n))))
    fuzz(fuzz_db, "open311", requests, check_open311_import)


def check_open311_import(db: FuzzDb, requests: tuple[Request, ...]) -> None:
    path = db.path(".json")
    path.write_text(json.dumps([request.body for request in requests]), encoding="utf-8")
    # Wrong types and unstorable text are found while reading the JSON, before any value is checked.
    unreadable = {(number, name) for number, request in enumerate(requests, start=1) for name in request.unreadable}
    bad = {(None if name in NAMED_ONCE and str(request.body.get(name) or "").strip() else number, name)
           for number, request in enumerate(requests, start=1) for name in request.bad}
    not_finite = {(number, None) for number, request in enumerate(requests, start=1) if request.not_finite}
    try:
        result = import_file(db.engine, "open311", path)
    except ImportRejected as rejected:
        event("refused")
        assert_refused_as_expected(db, rejected, not_finite or unreadable or bad, frozenset({"description"}))
        return
    assert not not_finite and not unreadable and not bad, result
    event("accepted")
    try:
        assert result == {"kind": "open311", "added": len(requests), "updated": 0, "unchanged": 0, "warnings": []}
        rows = stored_rows(db.engine, schema.complaints, "ticket", [request.stored["ticket"] for request in requests])
        for request in requests:
            row = rows[request.stored["ticket"]]
            assert row["unit_id"] == db.units[request.stored["unit_code"]]
            assert row["source"] == "open311"
            for column in ("category", "status", "received_at", "resolved_at", "description", *EXTENDED):
                assert row[column] == request.stored[column], column
        assert_rollups_match_a_rebuild(db.engine)
    finally:
        db.reset()


# ------------------------------------------------------------------------------------------------ damaged files

TEMPLATE_BYTES = {kind: (TEMPLATES / f"{kind}.csv").read_bytes() for kind in ("units", "surveys", "complaints")}


def _as_xlsx(csv_bytes: bytes) -> bytes:
    book = io.BytesIO()
    workbook = openpyxl.Workbook()
    for line in csv.reader(io.StringIO(csv_bytes.decode())):
        workbook.active.append(line)
    workbook.save(book)
    return book.getvalue()


# Made once: a workbook carries its creation time, and hypothesis needs the same bytes each time it replays a case.
TEMPLATE_XLSX = {kind: _as_xlsx(data) for kind, data in TEMPLATE_BYTES.items()}


@st.composite
def damaged_file(draw) -> tuple[str, str, bytes]:
    """(kind, suffix, bytes): random bytes, a template with bytes flipped, an XLSX or JSON cut short, empty files."""
    kind = draw(st.sampled_from(["units", "surveys", "complaints", "open311"]))
    how = draw(st.sampled_from(["random", "flipped", "truncated", "empty", "bom", "blank", "json"]))
    if kind == "open311" or how == "json":
        kind = "open311"
        text = (TEMPLATES / "open311.json").read_text(encoding="utf-8")
        data = draw(st.one_of(
            st.binary(max_size=200),
            st.just(text.encode()[: draw(st.integers(0, len(text) - 1))]),
            st.recursive(st.none() | st.booleans() | st.floats() | st.text(max_size=8),
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                     max_size=3),
                         max_leaves=12).map(lambda doc: json.dumps(doc).encode()),
            st.integers(1, 5000).map(lambda depth: ("[" * depth + "]" * depth).encode()),
        ))
        return kind, ".json", data
    suffix = draw(st.sampled_from([".csv", ".xlsx"]))
    template = TEMPLATE_XLSX[kind] if suffix == ".xlsx" else TEMPLATE_BYTES[kind]
    if how == "random":
        return kind, suffix, draw(st.binary(max_size=300))
    if how == "flipped":
        data = bytearray(template)
        for position, value in draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)),
                                             min_size=1, max_size=8)):
            data[position] = value
        return kind, suffix, bytes(data)
    if how == "truncated":
        return kind, suffix, template[: draw(st.integers(0, len(template) - 1))]
    return kind, suffix, {"empty": b"", "bom": b"\xef\xbb\xbf", "blank": b" \r\n\r\n\t\n"}.get(how, template)


def test_damaged_files_are_refused_or_read_never_half_written(fuzz_db):
    fuzz(fuzz_db, "damaged", damaged_file(), check_damaged_import)


def check_damaged_import(db: FuzzDb, damaged: tuple[str, str, bytes]) -> None:
    """Whatever the bytes: imported whole, or refused with reasons and nothing written; never another exception."""
    kind, suffix, data = damaged
    path = db.path(suffix)
    path.write_bytes(data)
    try:
        import_file(db.engine, kind, path)
    except ImportRejected as rejected:
        assert rejected.problems and all(problem.reason for problem in rejected.problems)
        assert snapshot(db.engine) == db.baseline
        return
    try:
        assert_rollups_match_a_rebuild(db.engine)
    finally:
        db.reset()


# ------------------------------------------------------------------------------------------ big files, the CLI


def test_a_file_of_several_megabytes_imports_whole_and_a_megabyte_cell_is_refused_briefly(fuzz_db):
    db = fuzz_db
    header = ",".join((*KINDS["surveys"].required, "suggestion"))
    line = "R-{n},2025-03-27 09:00,3575-MPP,Perekaman KTP-el,4,3,3,4,4,3,4,3,3,P,34,SMA,Wirausaha,qr,{note}"
    note = '"=cmd|\' /C calc\'!A0; antrean pagi, ' + "x" * 60 + '"'
    body = "\r\n".join(line.format(n=n, note=note) for n in range(20_000))
    path = db.path(".csv")
    path.write_text(f"{header}\r\n{body}\r\n", encoding="utf-8")
    assert path.stat().st_size > 2_500_000
    try:
        assert import_file(db.engine, "surveys", path)["added"] == 20_000
        with db.engine.connect() as conn:
            stored = conn.execute(select(schema.survey_responses.c.suggestion)
                                  .where(schema.survey_responses.c.response_id == "R-19999")).scalar_one()
        assert stored == note.strip('"')
        assert_rollups_match_a_rebuild(db.engine)
    finally:
        db.reset()
    megabyte = "=" + "x" * 1_000_000
    units = TEMPLATE_BYTES["units"].decode().replace("Puskesmas Ngempit", megabyte)
    path = db.path(".csv")
    path.write_text(units, encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_file(db.engine, "units", path)
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (3, "name")
    assert len(caught.value.render()) < 400  # the value is quoted in part, with its length
    assert "(1,000,001 characters): text is longer than 160 characters" in caught.value.render()
    assert snapshot(db.engine) == db.baseline


def written_data(state) -> dict:
    """A snapshot without the Ombudsman's 'data per' time, which every CLI run moves: `import` first runs `init`,
    and init_database touches that source each time (data_access/db_init.py)."""
    tables = snapshot(state) if not isinstance(state, dict) else dict(state)
    tables["data_sources"] = [row for row in tables["data_sources"] if row[0] != "ombudsman"]
    return tables


def run_cli(url: str, kind: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "data_access", "--url", url, "import", kind, str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.slow
def test_the_cli_refuses_hostile_files_with_a_reason_and_no_traceback(fuzz_db):
    """Every case on SQLite; on PostgreSQL (each CLI run costs seconds) the two whose text it cannot store."""
    db = fuzz_db
    surveys = TEMPLATE_BYTES["surveys"].decode()
    broken_xlsx = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active.append(["unit_code"])
    workbook.save(broken_xlsx)
    cases = [
        ("surveys", ".csv", surveys.replace(",4,3,3,4,4,3,4,3,3,", ",7,3,3,4,4,3,4,3,3,", 1).encode(),
         "row 2, column persyaratan, value '7': answer must be a whole number from 1 to 4"),
        ("surveys", ".csv", surveys.replace("Antrean", "Ant\x00rean").encode(), "line 2 holds a NUL character"),
        ("surveys", ".csv", surveys.encode("utf-16"), "line 1 is not UTF-8 text"),
        ("surveys", ".csv", surveys.replace("2025-03-27 09:00", "1942-03-23 00:10").encode(),
         "row 2, column submitted_at, value '1942-03-23 00:10': time is before the year 2000"),
        ("complaints", ".csv", b'ticket,unit_code\n"LAPOR-1,3575-MPP\n',
         "the file cannot be read as CSV (EOF inside string starting in row 2)"),
        ("units", ".xlsx", broken_xlsx.getvalue()[:-40], "the file cannot be read as an .xlsx workbook"),
        ("open311", ".json", b"[" * 100_000 + b"]" * 100_000, "its JSON is nested too deeply"),
        ("open311", ".json", json.dumps([{"service_request_id": "\ud800"}]).encode(),
         "request 1, field service_request_id: holds a NUL character"),
    ]
    if db.url.startswith("postgresql"):
        cases = [case for case in cases if "NUL" in case[3]]
    try:
        for kind, suffix, data, reason in cases:
            path = db.path(suffix)
            path.write_bytes(data)
            result = run_cli(db.url, kind, path)
            assert result.returncode == 2, (kind, reason, result.stderr)
            assert result.stdout == ""
            assert "nothing was written" in result.stderr and reason in result.stderr, result.stderr
            assert "Traceback" not in result.stderr
            assert written_data(db.engine) == written_data(db.baseline)
        if db.url.startswith("sqlite"):
            missing = run_cli(db.url, "units", db.folder / "tidak-ada.csv")
            assert missing.returncode == 2 and "file not found" in missing.stderr
            assert "Traceback" not in missing.stderr
    finally:
        db.reset()


# ----------------------------------------------------------------------------------- hostile workbooks and JSON

SURVEY_COLUMNS_END = get_column_letter(len(next(csv.reader(io.StringIO(TEMPLATE_BYTES["surveys"].decode())))))


def survey_workbook(rows: int = 5, invalid_row: int | None = None, far_cell: bool = False) -> bytes:
    """A small openpyxl-written surveys workbook of `rows` valid questionnaires; the one at position invalid_row
    (1 = the first data row) answers 7; far_cell puts a value at XFD1048576, the last cell Excel has."""
    lines = list(csv.reader(io.StringIO(TEMPLATE_BYTES["surveys"].decode())))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(lines[0])
    for number in range(1, rows + 1):
        row = [f"XL-{number}", *lines[1][1:]]
        if number == invalid_row:
            row[lines[0].index("waktu")] = "7"
        sheet.append(row)
    if far_cell:
        sheet.cell(row=1_048_576, column=16_384, value="x")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def far_empty_row(xml: str) -> str:
    return xml.replace("</sheetData>", '<row r="300000" s="1" customFormat="1"/></sheetData>', 1)


def with_bomb(xlsx: bytes) -> bytes:
    """The workbook plus a part of zeros one byte over MAX_XLSX_UNPACKED, deflated to about half a megabyte."""
    buffer = io.BytesIO(xlsx)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive, \
            archive.open("xl/media/image1.png", "w", force_zip64=True) as part:
        zeros = bytes(1 << 20)
        for _ in range(MAX_XLSX_UNPACKED >> 20):
            part.write(zeros)
        part.write(b"\0")
    return buffer.getvalue()


# Address space for the CLI reading one of these tiny files: far more than it needs, far less than the grid of
# billions of cells a sheet's far corner once made (without the cap, that took the machine down rather than failing).
MEMORY_CAP = 2 << 30


def cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


HOSTILE_FILES = {
    # A 5 KB workbook whose last cell made the importer allocate 128 GiB (1,048,576 rows x 16,384 cells).
    "huge cell reference": (".xlsx", lambda: survey_workbook(far_cell=True),
                            "row 1048576: the row has a value beyond column 256 (IV)"),
    # The whole sheet declared, and a formatted but empty row far down: trusted, the dimension padded each row in
    # between to 16,384 cells.
    "huge declared dimension": (".xlsx", lambda: rewritten(rewritten(survey_workbook(invalid_row=5), SHEET,
                                                                     declared_dimension("A1:XFD1048576")),
                                                           SHEET, far_empty_row),
                                "row 6, column waktu, value '7': answer must be a whole number from 1 to 4"),
    # Trusted, this dimension read one questionnaire, said so and dropped the rest: the invalid fifth one too.
    "understated dimension": (".xlsx", lambda: rewritten(survey_workbook(invalid_row=5), SHEET,
                                                         declared_dimension(f"A1:{SURVEY_COLUMNS_END}2")),
                              "row 6, column waktu, value '7': answer must be a whole number from 1 to 4"),
    "zip bomb": (".xlsx", lambda: with_bomb(survey_workbook()),
                 f"bytes, more than the {MAX_XLSX_UNPACKED:,} read; split it into smaller files"),
    "CSV of a thousand columns": (".csv", lambda: (TEMPLATE_BYTES["surveys"].decode().replace(
        "suggestion", "suggestion" + ",x" * 1_000, 1)).encode(), "the header row has 1,019 columns; at most 256"),
    "NaN": (".json", lambda: b'[{"service_request_id": NaN}]',
            "request 1: service_request_id holds NaN, which is not a number JSON allows"),
    "Infinity": (".json", lambda: b'[{"service_request_id": -Infinity}]',
                 "request 1: service_request_id holds -Infinity, which is not a number JSON allows"),
    "1e400": (".json", lambda: b'[{"service_request_id": 1e400}]',
              "request 1: service_request_id holds 1e400, a number too large to read"),
    "duplicate key": (".json", lambda: b'[{"service_request_id": "1"}, '
                                       b'{"service_request_id": "2", "status": "open", "status": "closed"}]',
                      'request 2: the key "status" appears more than once in one object; keys must be unique'),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(HOSTILE_FILES))
def test_the_cli_refuses_hostile_workbooks_and_json_cleanly(fuzz_db, case):
    """Each file refused with exit status 2 and its reason, no traceback, the database as it was."""
    db = fuzz_db
    suffix, build, reason = HOSTILE_FILES[case]
    path = db.path(suffix)
    path.write_bytes(build())
    kind = {".json": "open311"}.get(suffix, "surveys")
    result = subprocess.run([sys.executable, "-m", "data_access", "--url", db.url, "import", kind, str(path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
                            preexec_fn=cap_memory)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "nothing was written" in result.stderr and reason in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert written_data(db.engine) == written_data(db.baseline)
