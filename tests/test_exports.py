"""Downloads open correctly in Indonesian Excel and never carry runnable formulas."""

import io

import openpyxl
import pandas as pd

from data_access.exports import excel_csv, neutralise, xlsx

FRAME = pd.DataFrame({"unit": ["MPP Kota", "=cmd|' /C calc'!A0"], "ikm": [88.3, 76.61], "n": [250, 3]})
META = {"Filter": "Wilayah: Kota Pasuruan", "Data per": "22 Nov 2026 14.05 WIB"}


def test_csv_has_bom_semicolons_comma_decimals_and_metadata_first():
    raw = excel_csv(FRAME, META)
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[:2] == ["Filter;Wilayah: Kota Pasuruan", "Data per;22 Nov 2026 14.05 WIB"]
    table = pd.read_csv(io.StringIO("\n".join(lines[3:])), sep=";", decimal=",")
    assert table["ikm"].tolist() == [88.3, 76.61]
    assert table["unit"].tolist()[1].startswith("'=")


def test_formula_cells_are_neutralised_but_numbers_are_not():
    for text in ("=1+1", "+62812", "-2", "@SUM(A1)", "\t=x"):
        assert neutralise(text) == "'" + text
    assert neutralise(-2) == -2
    assert neutralise("Puskesmas") == "Puskesmas"


def test_xlsx_has_the_table_and_a_metadata_sheet():
    book = openpyxl.load_workbook(io.BytesIO(xlsx(FRAME, META)))
    rows = list(book["data"].values)
    assert rows[0] == ("unit", "ikm", "n")
    assert rows[1] == ("MPP Kota", 88.3, 250)
    assert rows[2][0].startswith("'=")
    assert ("Filter", "Wilayah: Kota Pasuruan") in list(book["keterangan"].values)
