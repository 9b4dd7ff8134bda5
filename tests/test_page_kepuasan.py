"""AppTest runs of the Kepuasan page on real databases: the issue's two units, URL filters, and agreement with
`python -m data_access report ikm --by unit`."""

import json
import subprocess
import sys

import pandas as pd
import pytest
import time_machine
from streamlit.testing.v1 import AppTest

from tests.app_runs import ROOT, open_page, open_table_views
from tests.factories import (
    add_complaint,
    add_done_when_units,
    add_questionnaires,
    add_unit,
    answers,
    wib,
)


def metrics(app: AppTest) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in app.metric]


def table_with(app: AppTest, *columns: str) -> pd.DataFrame:
    """The first table on the page holding all these columns, a chart's table view opened if need be."""
    for _ in range(2):
        for frame in app.dataframe:
            if set(columns) <= set(frame.value.columns):
                return frame.value
        open_table_views(app)
    raise AssertionError(f"no table with columns {columns}")


def test_both_units_figures_and_counts_appear(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py")
    assert app.title[0].value == "Kepuasan masyarakat (IKM)"
    shown = metrics(app)
    # Kota holds only the 88.30 unit and Kabupaten only the 88.32 one: each region card shows its figures.
    assert ("IKM", "88,30") in shown and ("IKM", "88,32") in shown
    assert ("Responden (n)", "250") in shown and ("Responden (n)", "625") in shown
    # Both together: 27,819 points over 875 x 9 answers = 3.53257 -> x 25 = 88.31 (A), n = 875.
    assert shown[:2] == [("IKM", "88,31"), ("Responden (n)", "875")]
    units = table_with(app, "Kode unit", "IKM", "Mutu", "n").set_index("Kode unit")
    assert units.loc["/unit?unit=3575-MPP", ["IKM", "Mutu", "n"]].tolist() == [88.30, "B", 250]
    assert units.loc["/unit?unit=3514-MPP", ["IKM", "Mutu", "n"]].tolist() == [88.32, "A", 625]
    assert units.loc["/unit?unit=3575-MPP", "Kecukupan sampel"] == "populasi tidak diketahui"
    assert units.loc["/unit?unit=3514-MPP", "Kecukupan sampel"] == "memadai"
    grades = [m.value for m in app.markdown if m.value.startswith("**Mutu")]
    assert any("Mutu B · Baik" in g for g in grades) and any("Mutu A · Sangat Baik" in g for g in grades)


def test_ranking_leaves_out_the_unit_with_unknown_population_and_says_why(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py")
    ranking = table_with(app, "Peringkat", "Kode unit")
    assert ranking[["Peringkat", "Kode unit", "IKM"]].values.tolist() == [[1, "/unit?unit=3514-MPP", 88.32]]
    left_out = table_with(app, "Alasan", "Kode unit")
    assert left_out[["Kode unit", "Alasan"]].values.tolist() == [["/unit?unit=3575-MPP", "populasi tidak diketahui"]]
    captions = " ".join(c.value for c in app.caption)
    assert "(1 unit). Tidak diperingkat: 0 unit dengan sampel belum memadai dan 1 unit yang populasinya" in captions


def test_report_ikm_by_unit_agrees_with_the_page(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    done = subprocess.run([sys.executable, "-m", "data_access", "--url", db_url, "report", "ikm", "--by", "unit"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    report = {u["unit_code"]: u for u in json.loads(done.stdout)["units"]}
    app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py")
    units = table_with(app, "Kode unit", "IKM", "Mutu", "n", "SK 95% bawah", "SK 95% atas")
    page = {link.split("=", 1)[1]: row for link, row in units.set_index("Kode unit").iterrows()}
    assert set(page) == set(report) == {"3575-MPP", "3514-MPP"}
    for code, unit in report.items():
        shown = page[code][["IKM", "Mutu", "n", "SK 95% bawah", "SK 95% atas"]].tolist()
        assert shown == [unit["ikm"], unit["grade"], unit["respondents"], *unit["ci95"]]


def _filter_database(engine) -> None:
    add_done_when_units(engine)
    clinic = add_unit(engine, "3575-PKM-PURWOREJO", region="35.75", kind="puskesmas", kecamatan_code="35.75.02")
    add_questionnaires(engine, clinic, [answers(3)] * 40, wib(2025, 8, 1, 9))  # 75.00, C, in Q3


@pytest.mark.parametrize(
    "params, headline",
    [
        # Without ?periode: the newest complete quarter with data, 2025-Q3 (the data end in August 2025).
        ({}, [("IKM", "75,00"), ("Responden (n)", "40")]),
        ({"periode": "semua"}, [("IKM", "87,73"), ("Responden (n)", "915")]),  # (7,947 + 19,872 + 40 x 27) / 8,235 x 25
        ({"jenis": "mpp", "periode": "semua"}, [("IKM", "88,31"), ("Responden (n)", "875")]),
        ({"jenis": "puskesmas"}, [("IKM", "75,00"), ("Responden (n)", "40")]),
        ({"kecamatan": "35.75.02"}, [("IKM", "75,00"), ("Responden (n)", "40")]),
        ({"periode": "2025-Q2"}, [("IKM", "88,31"), ("Responden (n)", "875")]),
        ({"periode": "2025-08"}, [("IKM", "75,00"), ("Responden (n)", "40")]),
        ({"wilayah": "35.75", "periode": "2025"}, [("IKM", "86,47"), ("Responden (n)", "290")]),  # 9,027 / 2,610
    ],
)
def test_filters_from_the_url_change_the_figures(monkeypatch, engine, db_url, params, headline):
    # The three units: 88.30 (Kota MPP, May), 88.32 (Kabupaten MPP, June) and 75.00 (Kota puskesmas in kecamatan
    # Purworejo, August). MPPs together: 27,819 points / (875 x 9) x 25 = 88.31.
    _filter_database(engine)
    app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py", **params)
    assert metrics(app)[:2] == headline
    for key, value in params.items():
        assert app.query_params[key] == value  # the view stays shareable


def test_region_choice_explains_the_missing_comparison(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py", wilayah="35.75")
    assert metrics(app)[:2] == [("IKM", "88,30"), ("Responden (n)", "250")]
    assert any("membandingkan Kota dan Kabupaten" in c.value for c in app.caption)


def test_english_page_uses_english_words_and_number_format(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py", lang="en")
    assert app.title[0].value == "Citizen satisfaction (IKM)"
    assert ("IKM", "88.30") in metrics(app) and ("Respondents (n)", "625") in metrics(app)


def test_an_empty_database_says_there_are_no_questionnaires(monkeypatch, db_url):
    app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py")
    assert any("Belum ada kuesioner" in i.value for i in app.info)


def test_kepuasan_runs_on_the_demo_database(monkeypatch, demo_url):
    app = open_page(monkeypatch, demo_url, "app_pages/kepuasan.py")
    headers = [h.value for h in app.header]
    assert headers == ["Kota dan Kabupaten", "IKM per unit layanan", "Peringkat unit layanan",
                       "Sembilan unsur pelayanan", "Tren IKM", "Persepsi dan kinerja pengaduan", "Profil responden"]
    links = table_with(app, "Kode unit", "IKM")["Kode unit"]
    assert links.str.fullmatch(r"/unit\?unit=[A-Z0-9-]+").all()
    app.segmented_control(key="tren").set_value("quarter").run()
    assert not app.exception
    assert app.query_params["tren"] == "quarter"  # the granularity is part of the shareable link
    assert any(c.value.startswith("IKM ") and "TW4 2025" in c.value for c in app.caption)


@pytest.mark.parametrize("respondents, withheld", [(3, True), (5, False)])
def test_the_profile_of_fewer_than_five_respondents_is_withheld(monkeypatch, engine, db_url, respondents, withheld):
    unit = add_unit(engine, "3575-KECIL", region="35.75")
    add_questionnaires(engine, unit, [answers(3)] * respondents, wib(2025, 5, 5, 9))
    app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py")
    notices = [info.value for info in app.info if "Profil responden tidak ditampilkan" in info.value]
    assert len(notices) == int(withheld)
    profile_tabs = [tab for tab in app.tabs if tab.label == "Jenis kelamin"]
    assert len(profile_tabs) == int(not withheld)


def test_the_page_opens_on_the_last_complete_quarter_and_labels_a_running_one(monkeypatch, engine, db_url):
    """On 5 December 2026 the default is 2026-Q3 (said under the filters); a link naming the running quarter keeps
    it, labelled as running in the note, the caption and the trend."""
    clinic = add_unit(engine, "3575-PKM-A")
    add_questionnaires(engine, clinic, [answers(4)] * 10, wib(2026, 8, 3, 9))  # 100.00 in Q3
    add_questionnaires(engine, clinic, [answers(3)] * 4, wib(2026, 12, 2, 9))  # 75.00 so far in Q4
    with time_machine.travel(wib(2026, 12, 5, 10), tick=False):
        app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py")
        assert app.selectbox(key="periode").value == "2026-Q3"
        assert app.query_params["periode"] == "2026-Q3"  # in the link: it keeps its meaning next quarter
        assert metrics(app)[:2] == [("IKM", "100,00"), ("Responden (n)", "10")]
        captions = [c.value for c in app.caption]
        assert any(c.startswith("Periode bawaan: Triwulan 3 2026, triwulan lengkap terakhir") for c in captions)
        assert "Periode: 1 Jul 2026 – 30 Sep 2026" in captions

        running = open_page(monkeypatch, db_url, "app_pages/kepuasan.py", periode="2026-Q4")
        assert running.selectbox(key="periode").value == "2026-Q4"
        assert metrics(running)[:2] == [("IKM", "75,00"), ("Responden (n)", "4")]
        captions = [c.value for c in running.caption]
        assert "Triwulan 4 2026 (berjalan, s.d. 5 Des): angkanya sementara, bukan nilai akhir." in captions
        assert "Periode: 1 Okt 2026 – 31 Des 2026 (berjalan, s.d. 5 Des)" in captions

        everything = open_page(monkeypatch, db_url, "app_pages/kepuasan.py", periode="semua", tren="quarter")
        text = " ".join(c.value for c in everything.caption)
        assert "IKM tetap" not in text and "menjadi 75,00" not in text  # the running quarter ends no comparison
        assert "TW4 2026 (berjalan, s.d. 5 Des): IKM sementara 75,00 dari 4 responden, belum nilai akhir." in text
        assert "Garis putus-putus ke titik berongga: periode berjalan, s.d. 5 Des, angka sementara." in text


def test_an_english_running_quarter_says_running(monkeypatch, engine, db_url):
    clinic = add_unit(engine, "3575-PKM-A")
    add_questionnaires(engine, clinic, [answers(3)] * 4, wib(2026, 12, 2, 9))
    with time_machine.travel(wib(2026, 12, 5, 10), tick=False):
        app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py", lang="en")
    # Only the running quarter holds data: no complete quarter to default to, so all data, with its note in English.
    assert app.selectbox(key="periode").value == "semua"
    assert any("(running, to 5 Dec)" in c.value for c in app.caption)


def test_a_trend_leads_up_to_the_chosen_period_and_stops_at_its_end(monkeypatch, engine, db_url):
    """Kepuasan grades one quarter; its trends show how that quarter was reached, not three lone months."""
    unit = add_unit(engine, "3575-TREN", region="35.75")
    for month, value in ((4, 3), (8, 4), (11, 2)):  # Q2, Q3 (chosen), Q4 (after it)
        add_questionnaires(engine, unit, [answers(value)] * 5, wib(2025, month, 10, 9))
    app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py", periode="2025-Q3")
    assert metrics(app)[:2] == [("IKM", "100,00"), ("Responden (n)", "5")]  # the figures: the quarter alone
    regions = table_with(app, "Wilayah", "Periode", "IKM")
    assert regions[["Periode", "IKM"]].values.tolist() == [["TW2 2025", 75.0], ["TW3 2025", 100.0]]
    [months] = [f.value for f in app.dataframe if "Periode" in f.value and "Wilayah" not in f.value]
    assert months[["Periode", "IKM"]].values.tolist() == [["Apr 2025", 75.0], ["Agu 2025", 100.0]]


def test_the_default_period_is_graded_from_questionnaires_not_later_complaints(monkeypatch, engine, db_url):
    """Complaints that run on after the questionnaires stopped do not move the graded quarter to one without any."""
    unit = add_unit(engine, "3575-SPAN", region="35.75")
    add_questionnaires(engine, unit, [answers(3)] * 5, wib(2025, 5, 10, 9))
    add_complaint(engine, unit, wib(2026, 1, 15, 9), "diterima")
    app = open_page(monkeypatch, db_url, "app_pages/kepuasan.py")
    assert app.selectbox(key="periode").value == "2025-Q2"
    assert metrics(app)[:2] == [("IKM", "75,00"), ("Responden (n)", "5")]
