"""Downloads: CSV that opens correctly in Indonesian Excel (UTF-8 BOM, ';', comma decimals) and XLSX,
each carrying its filters, period and data time above the table; and the open data API's plain CSV for programs.

No text cell, header or metadata line can run as a formula: text that a spreadsheet would read as one gets a leading
apostrophe (OWASP "CSV injection"). Numeric columns stay numbers, negative ones included: a number cannot run
anything, and a journalist's sums must keep working. Text that merely looks like a negative number ("-2") is text and
is neutralised like any other.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# A cell whose text starts with one of these, after any blanks, is run as a formula by spreadsheet programs;
FORMULA_PREFIXES = ("=", "+", "-", "@")
# and a leading tab or carriage return is treated as a formula trigger on its own.
CONTROL_PREFIXES = ("\t", "\r")
# Characters XML 1.0 cannot hold at all (openpyxl writes them, and the workbook no longer opens).
XML_NONCHARACTERS = str.maketrans("", "", "\ufffe\uffff")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would execute gets a leading apostrophe; numbers and other text pass."""
    if isinstance(value, str) and (value.startswith(CONTROL_PREFIXES) or value.lstrip().startswith(FORMULA_PREFIXES)):
        return "'" + value
    return value


def _csv_text(value: object) -> object:
    """Text with its line breaks as \\n, then neutralised. The CSV writer quotes a value holding \\n but not one
    holding a lone \\r: "Jl. Mawar\\r=cmd|..." went out unquoted, and a spreadsheet began a new row at "=cmd|..."."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return neutralise(value)


def _xml_text(value: object) -> object:
    """Text without the characters an XLSX file cannot hold (control characters, which openpyxl refuses to write,
    and U+FFFE/U+FFFF, which it writes into a file nothing opens)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value).translate(XML_NONCHARACTERS) if isinstance(value, str) else value


def _is_text(values: pd.Series) -> bool:
    return not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values)
                or pd.api.types.is_datetime64_any_dtype(values))


def _cells(frame: pd.DataFrame, text: Callable[[object], object]) -> pd.DataFrame:
    """The frame with `text` applied to every header and every cell of its text columns (by position, so that
    repeated names and categorical columns are covered too)."""
    safe = frame.copy()
    safe.columns = [text(str(column)) for column in safe.columns]
    for position in range(safe.shape[1]):
        values = safe.iloc[:, position]
        if _is_text(values):
            safe.isetitem(position, values.astype(object).map(text))
    return safe


def _meta_rows(meta: dict[str, str], text: Callable[[object], object]) -> list[tuple[object, object]]:
    return [(text(key), text(value)) for key, value in meta.items()]


def excel_csv(frame: pd.DataFrame, meta: dict[str, str]) -> bytes:
    """CSV for Excel set to Indonesian: metadata lines, a blank line, then the table."""
    buffer = io.StringIO()
    pd.DataFrame(_meta_rows(meta, _csv_text)).to_csv(buffer, sep=";", index=False, header=False)
    buffer.write("\n")
    _cells(frame, _csv_text).to_csv(buffer, sep=";", decimal=",", index=False)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def plain_csv(frame: pd.DataFrame) -> bytes:
    """CSV for programs: UTF-8 without BOM, ',' between fields, '.' decimals, the header row alone above the rows.
    Text cells are neutralised as in every download: a person may still open the file in a spreadsheet."""
    return _cells(frame, _csv_text).to_csv(index=False, lineterminator="\n").encode("utf-8")


def _xlsx_text(value: object) -> object:
    # Control characters go first: "\x01=1+1" would otherwise become the formula "=1+1" once they are gone.
    return neutralise(_xml_text(value))


def xlsx(frame: pd.DataFrame, meta: dict[str, str], sheet: str = "data") -> bytes:
    """An XLSX workbook: the table on the first sheet, the metadata on a second sheet 'keterangan'."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _cells(frame, _xlsx_text).to_excel(writer, sheet_name=sheet[:31], index=False)
        pd.DataFrame(_meta_rows(meta, _xlsx_text), columns=["keterangan", "nilai"]) \
            .to_excel(writer, sheet_name="keterangan", index=False)
    return buffer.getvalue()
