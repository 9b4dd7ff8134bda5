"""Downloads: CSV that opens correctly in Indonesian Excel (UTF-8 BOM, ';', comma decimals) and XLSX,
each carrying its filters, period and data time above the table."""

from __future__ import annotations

import io

import pandas as pd

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would execute gets a leading apostrophe; numbers and other text pass."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    safe.columns = [str(neutralise(str(c))) for c in safe.columns]
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    return safe


def excel_csv(frame: pd.DataFrame, meta: dict[str, str]) -> bytes:
    """CSV for Excel set to Indonesian: metadata lines, a blank line, then the table."""
    buffer = io.StringIO()
    meta_frame = pd.DataFrame([(neutralise(k), neutralise(v)) for k, v in meta.items()])
    meta_frame.to_csv(buffer, sep=";", index=False, header=False)
    buffer.write("\n")
    _safe(frame).to_csv(buffer, sep=";", decimal=",", index=False)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx(frame: pd.DataFrame, meta: dict[str, str], sheet: str = "data") -> bytes:
    """An XLSX workbook: the table on the first sheet, the metadata on a second sheet 'keterangan'."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _safe(frame).to_excel(writer, sheet_name=sheet[:31], index=False)
        pd.DataFrame([(neutralise(k), neutralise(v)) for k, v in meta.items()], columns=["keterangan", "nilai"]) \
            .to_excel(writer, sheet_name="keterangan", index=False)
    return buffer.getvalue()
