"""Every declared table of the registry, on the demo database of both backends: the Data page's screen table, its
CSV, its XLSX and the API's JSON hold the same rows and values, and each column has its words in both languages."""

from __future__ import annotations

import io
import math
import re
from urllib.parse import unquote

import openpyxl
import pandas as pd
import pytest

from components.datasets import DATASETS
from components.formatting import short_name
from components.i18n import LANGUAGES, STRINGS
from components.table import NAME_KEY, NAME_LINK_TEXT, UNIT_LINK_TEXT
from tests.app_runs import open_page
from tests.factories import a_unit_with_questionnaires
from tests.test_datasets import add_every_pimpinan_table

DATA_PAGE = "app_pages/data.py"
TABLES = DATASETS


def test_every_column_has_a_meaning_and_a_unit_in_both_languages():
    for table in TABLES:
        assert set(STRINGS[f"data.desc.{table.key}"]) == set(LANGUAGES), table.key
        keys = [column.key for column in table.columns]
        assert len(set(keys)) == len(keys), f"{table.key}: a column key twice"
        for column in table.columns:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", column.key), column.key
            for key in (column.label, f"data.dict.{column.entry or column.label}", f"data.unit.{column.unit}"):
                assert set(STRINGS[key]) == set(LANGUAGES), f"{table.key}.{column.key}: {key}"
    assert len({d.key for d in DATASETS}) == len(DATASETS)






def _files(app, media) -> dict[str, bytes]:
    files = {}
    for button in app.get("download_button"):
        url = media[-1].execute_deferred(button.proto.deferred_file_id)
        made = media[-1].read_file(url.rsplit("/", 1)[1])
        files[made.filename] = made.content
    return files


def _csv(content: bytes) -> pd.DataFrame:
    text = content.decode("utf-8-sig")
    return pd.read_csv(io.StringIO(text.split("\n\n", 1)[1]), sep=";", decimal=",", dtype=str, keep_default_na=False)


def _xlsx(content: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _same(a, b) -> bool:
    """Two cells holding the same value: blanks alike, numbers to 1e-9, text exactly."""
    blank_a, blank_b = (v is None or v is pd.NA or v == "" or (isinstance(v, float) and math.isnan(v)) for v in (a, b))
    if blank_a or blank_b:
        return blank_a and blank_b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=0, abs_tol=1e-9)
    return str(a) == str(b)


def _number(text: str):
    """A CSV cell as Indonesian Excel reads it: '88,3' and '1234' are numbers, the rest is text."""
    try:
        return float(text.replace(",", ".")) if re.fullmatch(r"-?\d+(,\d+)?", text) else text
    except ValueError:
        return text


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.key)
def test_screen_csv_xlsx_hold_the_same_rows_and_values(monkeypatch, demo_url, media, table):
    params = {"tabel": table.key}
    if table.per_unit:
        params["unit"] = a_unit_with_questionnaires(demo_url)
    same_everywhere(open_page(monkeypatch, demo_url, DATA_PAGE, **params), media, table)


PIMPINAN = [table for table in TABLES if table.page == "pimpinan"]


@pytest.mark.parametrize("table", PIMPINAN, ids=lambda table: table.key)
def test_pimpinan_tables_hold_the_same_rows_and_values_with_data_up_to_today(monkeypatch, engine, db_url, media,
                                                                             table):
    """Pimpinan's windows end today, long after the demo's last day: a database with a row for each of them."""
    add_every_pimpinan_table(engine)
    same_everywhere(open_page(monkeypatch, db_url, DATA_PAGE, tabel=table.key), media, table, must_have_rows=True)


def same_everywhere(app, media, table, must_have_rows: bool = False) -> None:
    """The Data page (open at `table`) shows, and offers as CSV and XLSX, the same rows and values."""
    headers = [column.header() for column in table.columns]
    screens = [f.value for f in app.dataframe if list(f.value.columns) == headers]
    if not screens:
        assert not must_have_rows, f"{table.key}: no rows"
        assert any(table.description() in c.value for c in app.caption)
        pytest.skip(f"{table.key}: empty on the demo database")
    [screen] = screens
    files = _files(app, media)
    csv, book = _csv(files[f"{table.filename}.csv"]), _xlsx(files[f"{table.filename}.xlsx"])

    assert list(csv.columns) == headers and book[0] == headers
    assert len(screen) == len(csv) == len(book) - 1 > 0
    for position, column in enumerate(table.columns):
        shown = screen.iloc[:, position].tolist()
        if column.link:
            shown = [None if v is None else re.search(UNIT_LINK_TEXT, v).group(1) for v in shown]
        elif column.card:  # a name linked to its card: what the link shows
            shown = [None if v is None else unquote(re.search(NAME_LINK_TEXT, v).group(1)) for v in shown]
        in_csv = [v if column.decimals is None else _number(v) for v in csv.iloc[:, position]]
        in_xlsx = [row[position] for row in book[1:]]
        for row, (a, b, c) in enumerate(zip(shown, in_csv, in_xlsx, strict=True)):
            if isinstance(a, str) and column.decimals is not None:
                a = _number(a.replace(".", ""))  # a number column holding words ('<5') is written on screen
            if column.key == NAME_KEY:
                assert a == short_name(b), f"{table.key} row {row}: {a!r} is not the short form of {b!r}"
                a = b  # the screen shortens a long name in the middle; the files hold it whole
            assert _same(a, b) and _same(b, c), f"{table.key} row {row} {column.key}: {a!r} {b!r} {c!r}"
