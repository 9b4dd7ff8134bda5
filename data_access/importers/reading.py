"""Reading admins' files (CSV, XLSX, JSON) into trimmed strings; a file that cannot be read is rejected.

Rows keep their spreadsheet number (header = row 1, first data row = row 2) so every problem points at the row
an admin sees in Excel. A file is read as far as it really goes, never as far as it claims (an XLSX <dimension>),
and within MAX_ROWS, MAX_COLUMNS and MAX_XLSX_UNPACKED, each checked before the bulk of the file is read.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time
from functools import partial
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter

from data_access.importers.problems import ImportRejected, Problem, reject

UTF8_BOM = b"\xef\xbb\xbf"
HEADER_ROW = 1
SAVE_AS_UTF8 = "in Excel choose 'Save As' > 'CSV UTF-8 (Comma delimited)'"
NOT_A_WORKBOOK = "the file cannot be read as an .xlsx workbook"
# Rows a file may have, header included: Excel's own limit, so no genuine sheet is refused; a file any longer (or an
# .xlsx naming a row further down) is refused before the rest is read.
MAX_ROWS = 1_048_576
# Columns a file may have, known and ignored ones together: the imports read at most 19, and a header of a
# million columns took minutes and gigabytes to parse before its unknown columns were ignored.
MAX_COLUMNS = 256
# What an .xlsx's parts may unpack to together: a year of questionnaires is far less, a zip bomb far more.
MAX_XLSX_UNPACKED = 512 * 1024 * 1024
TOO_MANY_ROWS = (f"the file has more than {MAX_ROWS:,} rows (Excel's limit), header included; split it into "
                 "smaller files")


def read_table(path: Path, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> pd.DataFrame:
    """The file's known columns as trimmed strings (missing = NA), indexed by spreadsheet row number.

    Column names are matched case-insensitively; other columns are ignored; blank rows are skipped but still
    counted, so row numbers match the spreadsheet.
    """
    suffix = path.suffix.lower()
    known = (*required, *optional)
    if suffix == ".csv":
        grid = _csv_grid(_file_bytes(path))
        columns = _known_columns([_column_name(value) for value in grid.iloc[0]], required, known)
        body = grid.iloc[1:, list(columns)]
        body.index = pd.RangeIndex(HEADER_ROW + 1, HEADER_ROW + 1 + len(body))
    elif suffix == ".xlsx":
        columns, rows = _xlsx_rows(path, required, known)
        body = pd.DataFrame(list(rows.values()), index=list(rows), columns=range(len(columns)), dtype="str")
    elif suffix in (".xls", ".xlsm", ".ods"):
        raise reject(f"{suffix} files are not read; save the sheet as .xlsx or as CSV UTF-8")
    else:
        raise reject(f"unknown file type {suffix or '(no extension)'!r}: use .csv or .xlsx")
    body.columns = list(columns.values())
    return _trimmed_body(body)


def read_json(path: Path, item_word: str = "request") -> object:
    """The parsed JSON document in a UTF-8 file; refused when a number is not finite or an object repeats a key.

    Python's json module reads NaN, Infinity and numbers beyond a float (1e400, read as inf), which JSON does not
    allow and which would become text such as "nan" and "inf"; and it keeps the last of two equal keys, silently.
    Problems name the item of a top-level list (item_word and its number) and the key leading to the value.
    """
    data = _file_bytes(path)
    text = _utf8_text(data)
    if not text.strip():
        raise reject("the file is empty")
    suspect: list[bool] = []
    try:
        document = json.loads(text, parse_constant=partial(_not_finite, suspect),
                              parse_float=partial(_float, suspect), object_pairs_hook=partial(_object, suspect))
    except json.JSONDecodeError as error:
        raise reject(f"the file is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except RecursionError:
        raise reject("the file is not a list of service requests: its JSON is nested too deeply") from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise reject("the file holds a number too long to read (more than 4,300 digits)") from None
    if suspect:
        problems = _json_problems(document)
        if problems:
            raise ImportRejected(problems, row_word=item_word)
    return document


class _NotFinite(str):
    """A number JSON spells but no float holds (NaN, Infinity, 1e400), kept as written until it is reported."""


class _RepeatedKeys(dict):
    """A JSON object in which a key appears more than once; `repeated` lists those keys."""

    repeated: list[str]


def _not_finite(suspect: list[bool], constant: str) -> _NotFinite:
    suspect.append(True)
    return _NotFinite(constant)


def _float(suspect: list[bool], written: str) -> float | _NotFinite:
    number = float(written)
    if math.isfinite(number):
        return number
    suspect.append(True)
    return _NotFinite(written)


def _object(suspect: list[bool], pairs: list[tuple[str, object]]) -> dict:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    suspect.append(True)
    repeated = _RepeatedKeys(obj)
    counts = Counter(key for key, _ in pairs)
    repeated.repeated = [key for key, count in counts.items() if count > 1]
    return repeated


def _json_problems(document: object) -> list[Problem]:
    """Every non-finite number and repeated key in the document, walked without recursion (a document may be
    nested nearly as deep as the parser allows)."""
    problems = []
    items = enumerate(document, start=1) if isinstance(document, list) else [(None, document)]
    for number, item in items:
        stack: list[tuple[tuple[str, ...], object]] = [((), item)]
        while stack:
            path, value = stack.pop()
            where = " > ".join(path) or "the value"
            if isinstance(value, _NotFinite):
                reason = ("a number too large to read" if value not in ("NaN", "Infinity", "-Infinity")
                          else "which is not a number JSON allows")
                problems.append(Problem(number, None, None, f"{where} holds {value}, {reason}"))
            elif isinstance(value, dict):
                if isinstance(value, _RepeatedKeys):
                    inside = f" (in {where})" if path else ""
                    problems += [Problem(number, None, None, f"the key {json.dumps(key, ensure_ascii=False)} appears "
                                                             f"more than once in one object{inside}; keys must be "
                                                             "unique") for key in value.repeated]
                stack += [((*path, str(key)), child) for key, child in reversed(value.items())]
            elif isinstance(value, list):
                stack += [((*path, f"item {index}"), child) for index, child in reversed(list(enumerate(value, 1)))]
    return problems


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise reject(f"file not found: {path}")


def _file_bytes(path: Path) -> bytes:
    _require_file(path)
    try:
        return path.read_bytes()
    except OSError as error:
        raise reject(f"the file cannot be read: {error.strerror}") from None


def _utf8_text(data: bytes) -> str:
    """The text without its BOM, or a rejection naming every line that is not UTF-8."""
    try:
        return data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError:
        raise ImportRejected(_non_utf8_lines(data)) from None


def _non_utf8_lines(data: bytes) -> list[Problem]:
    problems = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            # A line, not a row: a quoted value may span lines, and JSON has no rows.
            problems.append(Problem(None, None, None, f"line {number} is not UTF-8 text; {SAVE_AS_UTF8}"))
    return problems


def _csv_grid(data: bytes) -> pd.DataFrame:
    """Every cell as a string, header included as row 0; blank lines are kept so numbering stays true."""
    text = _utf8_text(data)
    if not text.strip():
        raise reject("the file is empty")
    if "\x00" in text:
        raise ImportRejected(_nul_lines(text))
    delimiter = _delimiter(text)
    _check_header_width(text, delimiter)
    try:
        grid = pd.read_csv(
            io.BytesIO(data.removeprefix(UTF8_BOM)),
            sep=delimiter,
            header=None,
            dtype=str,
            na_filter=False,
            skip_blank_lines=False,
            encoding="utf-8",
            nrows=MAX_ROWS + 1,  # one more than allowed tells a file too long, without parsing all of it
        )
    except pd.errors.ParserError as error:
        raise ImportRejected(_ragged_rows(text, delimiter, error)) from None
    if len(grid) > MAX_ROWS:
        raise reject(TOO_MANY_ROWS)
    return grid


def _check_header_width(text: str, delimiter: str) -> None:
    """A header wider than MAX_COLUMNS is refused before pandas parses every row at that width."""
    try:
        header = next(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:  # a header cell over the csv module's 128 KiB limit: pandas says what is wrong
        return
    if len(header) > MAX_COLUMNS:
        raise reject(f"the header row has {len(header):,} columns; at most {MAX_COLUMNS:,} are read (the known "
                     "columns and others, which are ignored): delete the columns that are not needed")


def _nul_lines(text: str) -> list[Problem]:
    """NUL characters mean UTF-16 or a binary file, and PostgreSQL cannot store them in text."""
    return [
        Problem(None, None, None, f"line {number} holds a NUL character (byte 0): this is not a UTF-8 text file; "
                                  f"{SAVE_AS_UTF8}")
        for number, line in enumerate(text.split("\n"), start=1)
        if "\x00" in line
    ]


def _delimiter(text: str) -> str:
    """`;` (Indonesian Excel) or `,`, whichever the header line uses more."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _ragged_rows(text: str, delimiter: str, error: pd.errors.ParserError) -> list[Problem]:
    """Rows with more cells than the header, found with the csv module once pandas has refused the file; else
    pandas' own reason (a double quote that never closes)."""
    records = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        width = len(next(records))
        problems = [
            Problem(
                number,
                None,
                None,
                f"the row has {len(cells)} cells but the header has {width}; "
                f"a value containing {delimiter!r} must be in double quotes",
            )
            for number, cells in enumerate(records, start=HEADER_ROW + 1)
            if len(cells) > width
        ]
    except csv.Error:  # a cell over the csv module's 128 KiB limit: pandas' reason below says enough
        problems = []
    # pandas counts rows from 0 (the header); admins count them as the spreadsheet does.
    reason = re.sub(r"starting at row (\d+)", lambda match: f"starting in row {int(match[1]) + HEADER_ROW}",
                    str(error).removeprefix("Error tokenizing data. C error: ").strip())
    return problems or [Problem(None, None, None, f"the file cannot be read as CSV ({reason}); a value containing "
                                                  f"{delimiter!r}, a line break or a double quote must be in double "
                                                  f"quotes, and a double quote inside it written twice")]


def _xlsx_rows(path: Path, required: tuple[str, ...], known: tuple[str, ...]
               ) -> tuple[dict[int, str], dict[int, list[str | None]]]:
    """The first sheet's known columns (position -> name) and its non-blank rows (spreadsheet number -> the known
    columns' cells as text), read as far as the sheet really goes."""
    _require_file(path)
    _check_unpacked_size(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            # The sheet's <dimension> is what the writing program claimed, not what the file holds: trusted, an
            # understated one drops rows unseen and an overstated one pads every row to 16,384 cells.
            sheet.reset_dimensions()
            return _known_rows(sheet.iter_rows(values_only=True), required, known)
        finally:
            workbook.close()
    except ImportRejected:
        raise
    # A damaged workbook fails wherever zipfile, zlib, the XML parser or openpyxl notice it, each with its own
    # exception (BadZipFile, zlib.error, EOFError, ParseError, KeyError, ...); to an admin they all mean this.
    except Exception:  # noqa: BLE001
        raise reject(NOT_A_WORKBOOK) from None


def _check_unpacked_size(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than MAX_XLSX_UNPACKED: a few kilobytes of zip can unpack to
    gigabytes. The sizes the zip declares are binding: zipfile stops a part at its declared size."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise reject(NOT_A_WORKBOOK) from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise reject(f"the workbook unpacks to {unpacked:,} bytes, more than the {MAX_XLSX_UNPACKED:,} read; split "
                     "it into smaller files, or save it as CSV UTF-8")


def _known_rows(rows: Iterator[tuple], required: tuple[str, ...], known: tuple[str, ...]
                ) -> tuple[dict[int, str], dict[int, list[str | None]]]:
    """Row 1 as the header, then every later row's known cells, refusing a sheet beyond MAX_ROWS or
    MAX_COLUMNS: one cell at XFD1048576 would otherwise make a billion-cell grid."""
    header_cells = next(rows, None)
    if header_cells is None:
        raise reject("the file is empty")
    _check_row_width(HEADER_ROW, header_cells)
    columns = _known_columns([_column_name(_cell_text(value)) for value in header_cells], required, known)
    body: dict[int, list[str | None]] = {}
    for number, cells in enumerate(rows, start=HEADER_ROW + 1):
        if number > MAX_ROWS:
            raise reject(TOO_MANY_ROWS)
        if not cells:  # a row the sheet skips, filled in by openpyxl: nothing to look at
            continue
        _check_row_width(number, cells)
        texts = [_cell_text(cells[position]) if position < len(cells) else None for position in columns]
        if any(text is not None for text in texts):
            body[number] = texts
    return columns, body


def _check_row_width(number: int, cells: tuple) -> None:
    if any(value is not None for value in cells[MAX_COLUMNS:]):
        reason = (f"the row has a value beyond column {MAX_COLUMNS:,} ({get_column_letter(MAX_COLUMNS)}); at most "
                  f"{MAX_COLUMNS:,} columns are read: delete the cells to the right")
        raise ImportRejected([Problem(number, None, None, reason)])


def _cell_text(value: object) -> str | None:
    """A cell as the text an admin typed: Excel stores 4 as 4.0 and dates as datetimes."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def _known_columns(header: list[str], required: tuple[str, ...], known: tuple[str, ...]) -> dict[int, str]:
    """Position -> name of each known column in the header; refused when a required one is missing or one repeats."""
    problems = _header_problems(header, required, known)
    if problems:
        raise ImportRejected(problems)
    return {header.index(name): name for name in known if name in header}


def _trimmed_body(body: pd.DataFrame) -> pd.DataFrame:
    """The body trimmed, blank rows dropped; refused when no row is left."""
    body = body.copy()
    for column in body.columns:
        body[column] = _trimmed(body[column])
    body = body.dropna(how="all")
    if body.empty:
        raise reject("the file has a header row but no data rows")
    return body


def _column_name(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip().lower()


def _header_problems(header: list[str], required: tuple[str, ...], known: tuple[str, ...]) -> list[Problem]:
    """Required columns the header lacks, and known columns it repeats (other columns are ignored)."""
    problems = [
        Problem(HEADER_ROW, name, None, "this required column is missing from the header row")
        for name in required
        if name not in header
    ]
    for name in known:
        positions = [position for position, found in enumerate(header, start=1) if found == name]
        if len(positions) > 1:
            where = ", ".join(str(position) for position in positions)
            problems.append(
                Problem(HEADER_ROW, name, None, f"the column appears more than once in the header (columns {where})")
            )
    return problems


def _trimmed(cells: pd.Series) -> pd.Series:
    cells = cells.astype("str").str.strip()
    return cells.mask(cells.eq(""))
