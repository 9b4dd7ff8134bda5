"""AppTest runs of the shell and Beranda on real databases: figures, language switch, URL filters."""


import pytest
import time_machine
from streamlit.testing.v1 import AppTest

from data_access.complaint_rules import VERIFICATION_LIMIT
from tests.app_runs import open_page
from tests.factories import (
    add_complaint,
    add_questionnaires,
    add_unit,
    answers,
    answers_totalling,
    wib,
)


def _run(monkeypatch, url: str, **params) -> AppTest:
    return open_page(monkeypatch, url, None, **params)


def _metrics(app: AppTest) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in app.metric]


def test_beranda_on_an_empty_database_shows_both_regions_without_figures(monkeypatch, db_url):
    app = _run(monkeypatch, db_url)
    assert app.title[0].value == "Dasbor Pelayanan Publik Pasuruan"
    assert [s.value for s in app.subheader] == ["Kabupaten Pasuruan", "Kota Pasuruan"]
    assert "Belum ada kuesioner" in [c.value for c in app.caption]
    assert ("Pengaduan terbuka", "0") in _metrics(app)
    assert not app.info  # no demo banner on a database without demo data


def test_beranda_shows_the_quarter_ikm_grade_and_complaints(monkeypatch, engine, db_url):
    unit = add_unit(engine, "3575-MPP", region="35.75", kind="mpp")
    add_questionnaires(engine, unit, answers_totalling(7947, 250), wib(2025, 5, 5, 10))
    # received long ago and never verified: overdue at verification
    add_complaint(engine, unit, wib(2025, 5, 5, 9), "diterima")
    add_complaint(engine, unit, wib(2025, 5, 5, 9), "selesai", verified_at=wib(2025, 5, 6, 9),
                  first_response_at=wib(2025, 5, 8, 9), resolved_at=wib(2025, 5, 9, 9))
    app = _run(monkeypatch, db_url)
    metrics = _metrics(app)
    assert ("IKM Triwulan 2 2025", "88,30") in metrics
    assert ("Responden triwulan ini", "250") in metrics
    assert metrics.count(("Pengaduan terbuka", "1")) == 1
    assert metrics.count(("Melewati batas waktu", "1")) == 1
    assert ("Median tanggapan pertama", "2 hari kerja") in metrics
    assert "**Mutu B · Baik**" in [m.value for m in app.markdown]
    assert VERIFICATION_LIMIT == 3


def test_english_switch_changes_words_and_number_format(monkeypatch, engine, db_url):
    unit = add_unit(engine, "3514-MPP", region="35.14", kind="mpp")
    add_questionnaires(engine, unit, answers_totalling(7948, 250), wib(2025, 11, 5, 10))
    app = _run(monkeypatch, db_url, lang="en")
    assert app.title[0].value == "Pasuruan Public Service Dashboard"
    assert [s.value for s in app.subheader] == ["Pasuruan Regency", "Pasuruan City"]
    assert ("IKM Q4 2025", "88.31") in _metrics(app)
    assert "**Grade A · Very good**" in [m.value for m in app.markdown]


@pytest.mark.parametrize(("lang", "ikm_label", "grade", "band", "freshness"), [
    ("id", "IKM Triwulan 4 2026 (berjalan, s.d. 5 Des)", "**Mutu sementara B · Baik**", "A — kualitas tertinggi",
     "Data per — Kuesioner: 3 Des 2026 14.30 WIB · Ombudsman: penilaian 2024"),
    ("en", "IKM Q4 2026 (running, to 5 Dec)", "**Provisional grade B · Good**", "A — highest quality",
     "Data as of — Questionnaires: 3 Dec 2026 14:30 WIB · Ombudsman: 2024 assessment"),
])
def test_beranda_labels_the_running_quarter_and_dates_each_source_by_its_data(monkeypatch, engine, db_url, lang,
                                                                             ikm_label, grade, band, freshness):
    unit = add_unit(engine, "3575-MPP", region="35.75", kind="mpp")
    add_questionnaires(engine, unit, answers_totalling(7947, 250), wib(2026, 12, 3, 14, 30))  # 88.30, grade B
    with time_machine.travel(wib(2026, 12, 5, 10), tick=False):  # 5 December: the quarter runs to 31 December
        app = _run(monkeypatch, db_url, lang=lang)
    assert (ikm_label, "88.30" if lang == "en" else "88,30") in _metrics(app)
    assert grade in [m.value for m in app.markdown]
    captions = [c.value for c in app.caption]
    assert captions.count(band) == 2  # both regions' Ombudsman 2024 band, in the reader's language
    assert freshness in captions


def test_region_filter_comes_from_the_url(monkeypatch, db_url):
    app = _run(monkeypatch, db_url, wilayah="35.75")
    assert [s.value for s in app.subheader] == ["Kota Pasuruan"]


@pytest.mark.parametrize(
    "params",
    [
        {"wilayah": "35.99"},
        {"wilayah": "'; DROP TABLE complaints; --"},
        {"lang": "xx"},
        {"wilayah": "x" * 5000, "lang": ""},
    ],
)
def test_odd_url_parameters_are_ignored(monkeypatch, db_url, params):
    app = _run(monkeypatch, db_url, **params)
    assert [s.value for s in app.subheader] in (
        ["Kabupaten Pasuruan", "Kota Pasuruan"],
    )


def test_choosing_language_and_region_in_the_sidebar(monkeypatch, db_url):
    app = _run(monkeypatch, db_url)
    app.sidebar.button_group(key="lang").set_value("en").run()
    assert not app.exception
    assert app.title[0].value == "Pasuruan Public Service Dashboard"
    app = _run(monkeypatch, db_url)
    app.sidebar.button_group(key="wilayah").set_value("35.14").run()
    assert [s.value for s in app.subheader] == ["Kabupaten Pasuruan"]


def test_a_missing_database_file_gives_a_notice_not_a_traceback(monkeypatch, tmp_path):
    app = _run(monkeypatch, f"sqlite:///{tmp_path / 'absent.sqlite'}")
    assert any("tidak dapat dihubungi" in w.value for w in app.warning)
    assert not (tmp_path / "absent.sqlite").exists()  # the read-only path never creates it


def test_a_database_without_schema_tells_the_public_plainly_and_the_admin_in_the_log(monkeypatch, tmp_path, caplog):
    import sqlite3

    path = tmp_path / "blank.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE unrelated (x INTEGER)").connection.close()
    app = _run(monkeypatch, f"sqlite:///{path}")
    assert any("Data belum tersedia" in w.value for w in app.warning)
    assert not any("python -m" in w.value for w in app.warning)  # no developer's note on a public page
    assert "python -m data_access init" in caplog.text


def test_a_citizen_finds_her_unit_from_beranda_by_name(monkeypatch, engine, db_url):
    add_unit(engine, "3514-PKM-01", region="35.14", name="Puskesmas Bangil")
    add_unit(engine, "3575-PKM-01", region="35.75", name="Puskesmas Bugul Kidul")
    app = _run(monkeypatch, db_url)
    finder = app.selectbox(key="home.unit_finder")
    assert finder.options == [
        "Puskesmas Bangil · Kabupaten Pasuruan", "Puskesmas Bugul Kidul · Kota Pasuruan"]
    assert not app.get("page_link")
    finder.select("3575-PKM-01").run()
    link = app.get("page_link")[0].proto
    assert (link.label, link.page, link.query_string) == ("Buka rapor unit ini", "unit", "unit=3575-PKM-01")


def test_the_unit_finder_keeps_to_the_chosen_region(monkeypatch, engine, db_url):
    add_unit(engine, "3514-PKM-01", region="35.14", name="Puskesmas Bangil")
    add_unit(engine, "3575-PKM-01", region="35.75", name="Puskesmas Bugul Kidul")
    app = _run(monkeypatch, db_url, wilayah="35.75", lang="en")
    finder = app.selectbox(key="home.unit_finder")
    assert finder.label == "Find your service unit"
    assert finder.options == ["Puskesmas Bugul Kidul · Pasuruan City"]


KEPUASAN, PENGADUAN = "app_pages/kepuasan.py", "app_pages/pengaduan.py"


def _period_data(engine) -> None:
    """On 5 December 2026 Kepuasan defaults to the graded 2026-Q3, Pengaduan to all periods."""
    unit = add_unit(engine, "3575-PKM-A")
    add_questionnaires(engine, unit, [answers(4)] * 10, wib(2026, 8, 3, 9))
    add_questionnaires(engine, unit, [answers(3)] * 4, wib(2026, 12, 2, 9))


def _period(app: AppTest) -> str:
    return app.selectbox(key="periode").value


def test_a_pages_default_period_does_not_carry_over_but_a_chosen_one_does(monkeypatch, engine, db_url):
    _period_data(engine)
    with time_machine.travel(wib(2026, 12, 5, 10), tick=False):
        app = open_page(monkeypatch, db_url, PENGADUAN)
        assert _period(app) == "semua"
        app.switch_page(KEPUASAN).run()
        assert _period(app) == "2026-Q3"  # Pengaduan's default was not a choice
        app.switch_page(PENGADUAN).run()
        assert _period(app) == "semua"
        app.selectbox(key="periode").set_value("2026-Q4").run()  # chosen by the visitor: it goes along
        app.switch_page(KEPUASAN).run()
        assert _period(app) == "2026-Q4"
        app.switch_page("app_pages/beranda.py").run()  # through Beranda, which has no period
        app.switch_page(PENGADUAN).run()
        assert _period(app) == "2026-Q4"
        assert not app.exception


def test_a_period_named_by_the_address_carries_over(monkeypatch, engine, db_url):
    _period_data(engine)
    with time_machine.travel(wib(2026, 12, 5, 10), tick=False):
        app = open_page(monkeypatch, db_url, KEPUASAN, periode="semua")
        assert _period(app) == "semua"
        app.switch_page(PENGADUAN).run()
        assert _period(app) == "semua"
        app.switch_page(KEPUASAN).run()
        assert _period(app) == "semua"
        # The graded quarter in a Kepuasan link (pinned there) is that page's default, not a choice.
        pinned = open_page(monkeypatch, db_url, KEPUASAN, periode="2026-Q3")
        pinned.switch_page(PENGADUAN).run()
        assert _period(pinned) == "semua"
