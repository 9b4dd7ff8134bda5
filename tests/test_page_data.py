"""AppTest runs of the Data & Metodologi page on both backends: freshness, the ?tabel= and ?unit= choices, and the
methodology's numbers as the domain modules compute them."""

import pandas as pd

from tests.app_runs import open_page
from tests.factories import add_done_when_units

PAGE = "app_pages/data.py"


def table_with(app, *columns: str) -> pd.DataFrame:
    for frame in app.dataframe:
        if set(columns) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with columns {columns}")


def test_page_shows_freshness_span_and_the_first_table(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, PAGE)
    assert app.title[0].value == "Data & Metodologi"
    text = " ".join(m.value for m in app.markdown)
    assert "**Ombudsman**: " in text and " WIB" in text
    captions = " ".join(c.value for c in app.caption)
    # The questionnaires are dated 5 May and 10 June 2025 (WIB).
    assert "mencakup 5 Mei 2025 sampai 10 Jun 2025" in captions
    assert app.subheader[0].value == "IKM per unit layanan"
    units = table_with(app, "Kode unit", "IKM")
    assert sorted(units["IKM"].tolist()) == [88.30, 88.32]


def test_tabel_in_the_url_selects_a_table_and_a_bad_one_is_ignored(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, PAGE, tabel="ikm-unsur")
    assert app.subheader[0].value == "Nilai per unsur pelayanan"
    assert len(table_with(app, "Unsur", "IKM", "Mutu")) == 9
    app = open_page(monkeypatch, db_url, PAGE, tabel="'; DROP TABLE x")
    assert app.subheader[0].value == "IKM per unit layanan"
    assert "tabel" not in app.query_params


def test_a_unit_table_asks_for_a_unit_then_shows_its_card_figures(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, PAGE, tabel="unit-unsur")
    assert any("pilih unitnya dulu" in i.value for i in app.info)
    app = open_page(monkeypatch, db_url, PAGE, tabel="unit-unsur", unit="3514-MPP")
    assert app.subheader[0].value == "Unsur pelayanan dan pita mutu"
    # The card's latest quarter with questionnaires is Q2 2025 (10 June).
    assert "unit: 3514-MPP; Periode: 1 Apr 2025 – 30 Jun 2025" in [c.value for c in app.caption]
    assert len(table_with(app, "Unsur", "IKM")) == 9


def test_methodology_numbers_come_from_the_domain_modules(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, PAGE)
    bands = table_with(app, "Mutu", "IKM × 25").set_index("Mutu")["IKM × 25"].to_dict()
    assert bands == {"A": "88,31 – 100,00", "B": "76,61 – 88,30", "C": "65,00 – 76,60", "D": "25,00 – 64,99"}
    scale4 = table_with(app, "Mutu", "IKM (skala 1–4)").set_index("Mutu")["IKM (skala 1–4)"]
    assert scale4["A"] == "3,5324 – 4,0000"
    sample = table_with(app, "Pengguna layanan (N)", "Sampel minimum")
    minimum = dict(zip(sample["Pengguna layanan (N)"], sample["Sampel minimum"], strict=True))
    # Rows of the published Krejcie & Morgan table (DOMAIN.md §1.4), which the page computes with the formula.
    assert minimum["100"] == "80" and minimum["150"] == "108" and minimum["500"] == "217" and \
        minimum["1.000"] == "278" and minimum["1.000.000"] == "384"
    limits = table_with(app, "Tahap", "Batas (hari kerja)")["Batas (hari kerja)"].tolist()
    assert limits == [3, 5, 5, 14, 60]
    holidays = table_with(app, "Tanggal", "Nama", "Jenis")
    # 2025 has 11 days of cuti bersama (DOMAIN.md §2.3), all counted as non-working by default.
    assert (holidays["Jenis"] == "cuti bersama").sum() == 11
    assert "28 Jan 2025" in holidays["Tanggal"].tolist()
    elements = table_with(app, "Kunci", "Unsur")
    assert elements["Kunci"].tolist()[-2:] == ["pengaduan", "sarana"]
    text = " ".join(m.value for m in app.markdown)
    assert "tepat **1/9**" in text and "IKM × 25, dibulatkan ke 2 desimal" in text
    assert "**s = χ² · N · P(1 − P) / (d² · (N − 1) + χ² · P(1 − P))**" in text
    assert "χ² = 3,841 (khi-kuadrat, 1 derajat bebas), P = 0,5 (proporsi populasi) dan d = 0,05" in text
    assert "minimum mendekati 384" in text
    assert '"<5"' in text and "CC BY 4.0" in text and "MIT" in text


def test_english_page_renders_with_the_dictionary_in_english(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, PAGE, lang="en", tabel="ikm-per-unit")
    assert app.title[0].value == "Data & Methodology"
    dictionary = table_with(app, "Column", "Meaning", "Unit")
    assert "–" not in dictionary["Meaning"].tolist()
    text = " ".join(m.value for m in app.markdown)
    assert "with χ² = 3.841 (chi-square, 1 degree of freedom), P = 0.5 (population proportion) and d = 0.05" in text
    assert "levels off at 384" in text
