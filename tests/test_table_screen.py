"""A table on screen: the unit's name first, whole or shortened by the one rule, wide enough, the only pinned
column; the download keeps the full name."""

import math
import re
from urllib.parse import unquote

from components.i18n import request_language
from components.map.tables import UNIT_COLUMNS
from components.table import NAME_LINK_TEXT, NAME_PADDING_PIXELS, NAME_PIXELS_PER_CHARACTER, Table, screen

LONG = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pasuruan"
ROWS = [
    {"name": "Puskesmas Tutur", "marker": "A", "ikm": 90.0, "respondents": 50, "sample": "memadai", "open": 1,
     "overdue": 0, "kind": "puskesmas", "kecamatan_name": "Tutur", "region_code": "35.14", "address": None,
     "latitude": -7.9, "longitude": 112.8, "minimum_sample": 40, "unit_code": "3514-PKM-TUTUR"},
]
ROWS.append({**ROWS[0], "name": LONG, "unit_code": "3514-DISPENDUKCAPIL"})
TABLE = Table("peta-unit", "peta", lambda f: "", lambda f: ROWS, UNIT_COLUMNS, "peta-unit")


def test_the_name_leads_whole_or_shortened_wide_enough_and_alone_pinned():
    with request_language("en"):
        frame = TABLE.frame(None)
        styled, config, order = screen(TABLE, frame)
        shown = styled.data
        downloaded = TABLE.download(None)
    assert order[:2] == ["Unit", "Grade"] and order[-1] == "Unit code"  # the name first, the code last
    # the map's list links the name itself to the card: the link shows the name after its '#'
    assert [unquote(re.search(NAME_LINK_TEXT, link).group(1)) for link in shown["Unit"]] == [
        "Puskesmas Tutur", "Dinas Kependudukan … Kab. Pasuruan"]
    assert shown["Unit"][0].startswith("/unit?unit=3514-PKM-TUTUR&lang=en#")
    name = config["Unit"]
    assert name["pinned"] is True
    assert name["width"] == math.ceil(NAME_PIXELS_PER_CHARACTER * 34) + NAME_PADDING_PIXELS  # the longest: 34 chars
    assert not any(c.get("pinned") for header, c in config.items() if header != "Unit")
    assert downloaded["Unit"].tolist()[1] == LONG  # the files hold the name whole
