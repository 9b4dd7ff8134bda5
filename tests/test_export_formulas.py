"""No downloaded CSV or XLSX can run a formula: every text cell, header and metadata line that a spreadsheet would read
as one (starting with =, +, -, @, also after blanks, or with a tab or carriage return) carries a leading apostrophe,
while numeric columns keep their numbers, negative ones included.

A hypothesis property over data_access.exports, then every table the app offers for download (components/datasets.py:
the pages' own download buttons hold the same bytes, tests/test_datasets.py) built from a database whose units are
named and addressed like formulas.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from data_access.db_init import init_database
from data_access.engine import make_engine
from data_access.exports import excel_csv, neutralise, xlsx
from tests.factories import add_complaint, add_questionnaires, add_unit, answers, wib
from tests.test_importer_fuzz import PROFILE

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", " =", "  +", "\t=", "\r\n@", "\n-", " \t@", "\x1c=", "\x01=", "\r=")


def runs_as_formula(text: object) -> bool:
    return isinstance(text, str) and (text.startswith(("\t", "\r"))
                                      or text.lstrip().startswith(("=", "+", "-", "@")))


def in_csv(value: str) -> str:
    """What a CSV cell holding text `value` reads back as: line breaks as \\n (a lone \\r is not quoted by the CSV
    writer and would start a new row), neutralised."""
    return neutralise(value.replace("\r\n", "\n").replace("\r", "\n"))


def in_xlsx(value: str) -> str | None:
    """What an XLSX cell reads back for a text cell holding `value`: the control characters XML cannot hold are
    dropped before neutralising, and XML turns every line ending into \\n. Empty text is an empty cell."""
    kept = "".join(char for char in value if (char in "\t\n\r" or ord(char) >= 32) and char not in "\ufffe\uffff")
    return neutralise(kept).replace("\r\n", "\n").replace("\r", "\n") or None


plain_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
text = st.one_of(plain_text, st.tuples(st.sampled_from(TRIGGERS), plain_text).map("".join), st.just("-2"))


@st.composite
def tables(draw) -> pd.DataFrame:
    rows = draw(st.integers(0, 4))
    headers = draw(st.lists(text, min_size=6, max_size=6, unique_by=lambda h: str(neutralise(h))))
    column = st.lists(st.one_of(st.none(), text), min_size=rows, max_size=rows)
    floats = st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=rows, max_size=rows)
    ints = st.lists(st.one_of(st.none(), st.integers(-10**6, 10**6)), min_size=rows, max_size=rows)
    return pd.DataFrame({
        headers[0]: pd.Series(draw(column), dtype=object),
        headers[1]: pd.Series(draw(column), dtype="str"),
        headers[2]: pd.Series(draw(column), dtype="category"),
        headers[3]: pd.Series(draw(floats), dtype=float),
        headers[4]: pd.Series(draw(ints), dtype="Int64"),
        headers[5]: pd.Series(draw(st.lists(st.integers(-99, 99), min_size=rows, max_size=rows)), dtype="int64"),
    })


NUMERIC = 3  # the first numeric column of tables()


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def as_csv_number(value) -> str:
    return "" if pd.isna(value) else str(value).replace(".", ",")


@settings(PROFILE, max_examples=200)
@given(frame=tables(), meta=st.dictionaries(text, text, max_size=3))
def test_every_text_cell_is_neutralised_and_numbers_stay_numbers(frame, meta):
    rows = csv_rows(excel_csv(frame, meta))
    assert rows[: len(meta)] == [[in_csv(key), in_csv(value)] for key, value in meta.items()]
    assert rows[len(meta)] == []  # the blank line between the metadata and the table
    header, *body = rows[len(meta) + 1:]
    assert header == [in_csv(str(name)) for name in frame.columns]
    assert len(body) == len(frame)
    for line, (_, record) in zip(body, frame.iterrows(), strict=True):
        for position, (cell, value) in enumerate(zip(line, record, strict=True)):
            if position >= NUMERIC:
                assert cell == as_csv_number(value)  # -2.5 is written -2,5: a number, not a formula
            else:
                assert cell == ("" if pd.isna(value) else in_csv(value))
                assert not runs_as_formula(cell)
    for key, value in rows[: len(meta)]:
        assert not runs_as_formula(key) and not runs_as_formula(value)

    book = openpyxl.load_workbook(io.BytesIO(xlsx(frame, meta)))
    data, notes = book["data"], book["keterangan"]
    cells = [cell for sheet in (data, notes) for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert not any(runs_as_formula(cell.value) for cell in cells)
    shown = [[cell.value for cell in row] for row in data.iter_rows()]
    assert shown[0] == [in_xlsx(str(name)) for name in frame.columns]
    for line, (_, record) in zip(shown[1:], frame.iterrows(), strict=True):
        for position, (cell, value) in enumerate(zip(line, record, strict=True)):
            if position >= NUMERIC:  # openpyxl writes 17 significant digits at most
                assert cell == (None if pd.isna(value) else pytest.approx(value, rel=1e-15))
            else:
                assert cell == (None if pd.isna(value) else in_xlsx(value))


def test_neutralise_looks_past_blanks_and_leaves_numbers_alone():
    for formula in ("=1+1", " =1+1", "\t=1+1", "\r=1+1", "\n@SUM(A1)", "  -2+3", "+62 812", "-2", "@x"):
        assert neutralise(formula) == "'" + formula
    for value in (-2, -2.5, "Puskesmas -2", "a=b", "", " ", None):
        assert neutralise(value) == value


# ------------------------------------------------------------------------------------ every table the app offers

NAMES = ("=HYPERLINK(\"http://evil.example\";\"Klik\")", "+62 812 3456 7890", "-2+3 Puskesmas", "@SUM(A1:A9)",
         " =cmd|' /C calc'!A0", "\t=1+1", "\x01=1+1")


def every_download(unit_code: str) -> None:
    """App script (AppTest.from_function): every dataset as the Data page builds it, its CSV and XLSX bytes."""
    import streamlit as st

    from components.datasets import DATASETS
    from components.figure import download_meta
    from components.filters import describe
    from data_access.exports import excel_csv, xlsx
    from data_access.filters import Filters

    files = {}
    for dataset in DATASETS:
        scoped = dataset.scope(Filters(unit=unit_code) if dataset.per_unit else Filters())
        table = dataset.download(scoped)
        meta = download_meta(dataset.title(scoped), describe(scoped))
        files[dataset.key] = (table, excel_csv(table, meta), xlsx(table, meta))
    st.session_state["files"] = files


@pytest.fixture
def formula_units(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'formulas.sqlite'}"
    engine = make_engine(url)
    try:
        init_database(engine)
        for number, name in enumerate(NAMES):
            unit = add_unit(engine, f"3575-F{number}", name=name, address=NAMES[-1 - number], kind="mpp")
            add_questionnaires(engine, unit, [answers(3, waktu=2)] * 30, wib(2025, 6, 2 + number, 9))
            for day in range(6):
                add_complaint(engine, unit, wib(2025, 6, 2 + day, 8), "diterima")
    finally:
        engine.dispose()
    return url


def test_every_download_of_the_app_neutralises_formula_shaped_names(monkeypatch, formula_units):
    monkeypatch.setenv("DATABASE_URL", formula_units)
    monkeypatch.delenv("PUBLIC_DATABASE_URL", raising=False)
    app = AppTest.from_function(every_download, args=("3575-F0",), default_timeout=300)
    app.run()
    assert not app.exception, app.exception
    files = app.session_state["files"]
    seen_names = 0
    for key, (table, csv_bytes, xlsx_bytes) in files.items():
        numeric = {position for position in range(table.shape[1])
                   if pd.api.types.is_numeric_dtype(table.iloc[:, position])}
        rows = csv_rows(csv_bytes)
        blank = rows.index([])
        for number, line in enumerate(rows):
            for position, cell in enumerate(line):
                if number > blank + 1 and position in numeric:
                    assert cell == "" or pd.notna(pd.to_numeric(cell.replace(",", "."), errors="coerce")), (key, cell)
                else:
                    assert not runs_as_formula(cell), (key, cell)
        seen_names += sum(f"'{name}" in line for line in rows for name in NAMES[:-1])
        book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes))
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f" and not runs_as_formula(cell.value), (key, sheet.title, cell.value)
    assert seen_names >= len(NAMES) - 1  # the names did reach the files (as text), so the checks above bit
