"""Reading admins' files (CSV, XLSX, JSON) into trimmed strings; a file that cannot be read is rejected.

Rows keep their spreadsheet number (header = row 1, first data row = row 2) so every problem points at the row
an admin sees in Excel.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pandas as pd

from data_access.importers.problems import ImportRejected, Problem, reject

UTF8_BOM = b"\xef\xbb\xbf"
HEADER_ROW = 1
SAVE_AS_UTF8 = "in Excel choose 'Save As' > 'CSV UTF-8 (Comma delimited)'"


def read_table(path: Path, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> pd.DataFrame:
    """The file's known columns as trimmed strings (missing = NA), indexed by spreadsheet row number.

    Column names are matched case-insensitively; other columns are ignored; blank rows are skipped but still
    counted, so row numbers match the spreadsheet.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        grid = _csv_grid(_file_bytes(path))
    elif suffix == ".xlsx":
        grid = _xlsx_grid(path)
    elif suffix in (".xls", ".xlsm", ".ods"):
        raise reject(f"{suffix} files are not read; save the sheet as .xlsx or as CSV UTF-8")
    else:
        raise reject(f"unknown file type {suffix or '(no extension)'!r}: use .csv or .xlsx")
    return _table(grid, required, optional)


def read_json(path: Path) -> object:
    """The parsed JSON document in a UTF-8 file."""
    data = _file_bytes(path)
    text = _utf8_text(data)
    if not text.strip():
        raise reject("the file is empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise reject(f"the file is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except RecursionError:
        raise reject("the file is not a list of service requests: its JSON is nested too deeply") from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise reject("the file holds a number too long to read (more than 4,300 digits)") from None


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
    try:
        return pd.read_csv(
            io.BytesIO(data.removeprefix(UTF8_BOM)),
            sep=delimiter,
            header=None,
            dtype=str,
            na_filter=False,
            skip_blank_lines=False,
            encoding="utf-8",
        )
    except pd.errors.ParserError as error:
        raise ImportRejected(_ragged_rows(text, delimiter, error)) from None


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


def _xlsx_grid(path: Path) -> pd.DataFrame:
    """The first sheet's cells as strings (header included as row 0)."""
    _require_file(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            cells = list(workbook.worksheets[0].iter_rows(values_only=True))
        finally:
            workbook.close()
    # A damaged workbook fails wherever zipfile, zlib, the XML parser or openpyxl notice it, each with its own
    # exception (BadZipFile, zlib.error, EOFError, ParseError, KeyError, ...); to an admin they all mean this.
    except Exception:  # noqa: BLE001
        raise reject("the file cannot be read as an .xlsx workbook") from None
    rows = [[_cell_text(value) for value in row] for row in cells]
    if not rows:
        raise reject("the file is empty")
    return pd.DataFrame(rows, dtype="str")


def _cell_text(value: object) -> str | None:
    """A cell as the text an admin typed: Excel stores 4 as 4.0 and dates as datetimes."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def _table(grid: pd.DataFrame, required: tuple[str, ...], optional: tuple[str, ...]) -> pd.DataFrame:
    """The known columns of the grid's body, trimmed, indexed by spreadsheet row; blank rows dropped."""
    header = [_column_name(value) for value in grid.iloc[0]]
    known = (*required, *optional)
    problems = _header_problems(header, required, known)
    if problems:
        raise ImportRejected(problems)
    positions = [header.index(name) for name in known if name in header]
    body = grid.iloc[1:, positions].copy()
    body.columns = [header[position] for position in positions]
    body.index = pd.RangeIndex(HEADER_ROW + 1, HEADER_ROW + 1 + len(body))
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
