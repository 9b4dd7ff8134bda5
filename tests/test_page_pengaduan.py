"""AppTest runs of the Pengaduan page on real databases: the demo, an empty database, the issue's cases, URL filters,
and no personal data anywhere on the page."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from data_access.demo import FAKE_LAST_NAMES
from data_access.engine import make_engine
from data_access.filters import Filters
from data_access.report import complaints_report
from tests.app_runs import open_page
from tests.factories import add_complaint, add_unit, wib
from tests.test_complaint_queries import add_median_not_reached
from tests.test_page_kepuasan import metrics, table_with

PAGE = "app_pages/pengaduan.py"
# What personal data in complaint texts looks like (data_access/demo.py writes such texts into a fifth of them).
PERSONAL_PATTERNS = [re.compile(p) for p in (r"\d{16}", r"\b08\d{8,11}\b", r"@example\.com", r"\bRT \d\d/RW",
                                             r"\bJl\. ", *(rf"\b{name}\b" for name in FAKE_LAST_NAMES))]


def page_text(app: AppTest) -> str:
    """Every piece of text the page shows, tables included."""
    parts = [str(element.value) for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning")
             for element in getattr(app, kind)]
    parts += [f"{m.label} {m.value}" for m in app.metric]
    parts += [frame.value.to_csv() for frame in app.dataframe]
    return "\n".join(parts)


def test_the_demo_page_shows_every_section_and_no_personal_data(monkeypatch, demo_url):
    app = open_page(monkeypatch, demo_url, PAGE)
    assert app.title[0].value == "Pengaduan"
    assert [h.value for h in app.header] == [
        "Jumlah pengaduan", "Waktu penanganan dalam hari kerja", "Posisi pengaduan sekarang",
        "Pengaduan terbuka menurut umur", "Unit layanan", "Kategori per kecamatan",
    ]
    engine = make_engine(demo_url)
    try:
        report = complaints_report(engine, Filters())
    finally:
        engine.dispose()
    shown = dict(metrics(app))
    assert shown["Pengaduan diterima"] == f"{report['received']:,}".replace(",", ".")
    assert shown["Masih terbuka"] == str(report["open"])
    funnel = table_with(app, "Status", "Jalur").set_index("Status")
    assert funnel.loc["Diarsipkan", "Pengaduan"] == report["by_status"]["diarsipkan"] > 0
    assert funnel.loc["Bukan wewenang", "Jalur"] == "jalur samping"
    text = page_text(app)
    for pattern in PERSONAL_PATTERNS:
        assert not pattern.search(text), pattern.pattern


def test_an_empty_database_says_there_are_no_complaints(monkeypatch, db_url):
    app = open_page(monkeypatch, db_url, PAGE)
    assert any("Belum ada pengaduan" in i.value for i in app.info)
    assert not app.header


def test_three_resolved_in_two_days_and_seven_open_shows_median_not_reached(monkeypatch, engine, db_url):
    add_median_not_reached(engine, add_unit(engine, "3575-PKM-A"))
    app = open_page(monkeypatch, db_url, PAGE)
    shown = dict(metrics(app))
    assert shown["Median penyelesaian"] == "belum tercapai"
    assert shown["Median tanggapan pertama"] == "1 hari kerja"
    timing = table_with(app, "Tahap", "Median (hari kerja)").set_index("Tahap")
    assert timing.loc["Penyelesaian, sederhana (5 hari kerja)", "Median (hari kerja)"] == "belum tercapai"
    assert timing.loc["Penyelesaian, sederhana (5 hari kerja)", "Masih terbuka (%)"] == 70.0
    english = open_page(monkeypatch, db_url, PAGE, lang="en")
    assert dict(metrics(english))["Median resolution"] == "not reached"


def test_lebaran_answer_counts_two_working_days_on_the_page(monkeypatch, engine, db_url):
    unit = add_unit(engine, "3575-PKM-A")
    add_complaint(engine, unit, wib(2025, 3, 26, 9), "ditindaklanjuti", verified_at=wib(2025, 3, 27, 9),
                  first_response_at=wib(2025, 4, 9, 10))
    app = open_page(monkeypatch, db_url, PAGE)
    shown = dict(metrics(app))
    assert shown["Median tanggapan pertama"] == "2 hari kerja"
    assert any("Batas 5 hari kerja · 100,0% dalam batas" in c.value for c in app.caption)


def test_a_kecamatan_from_the_url_has_no_rate_and_hides_small_category_counts(monkeypatch, engine, db_url):
    unit = add_unit(engine, "3575-PKM-A", kecamatan_code="35.75.01")
    for category, n in (("kesehatan", 9), ("sosial", 2), ("pendidikan", 12)):
        for _ in range(n):
            add_complaint(engine, unit, wib(2025, 5, 5, 9), "diterima", category=category)
    app = open_page(monkeypatch, db_url, PAGE, kecamatan="35.75.01")
    assert any("penduduk kecamatan ini belum dimuat" in i.value for i in app.info)
    categories = table_with(app, "Kategori", "Pengaduan").set_index("Kategori")
    assert categories.loc["Sosial", "Pengaduan"] == "<5"
    assert categories.loc["Kesehatan", "Pengaduan"] == "<5"  # complementary: the total (23) is shown above
    assert categories.loc["Pendidikan", "Pengaduan"] == "12"
    places = table_with(app, "Kecamatan", "Sosial")
    assert places.iloc[0]["Sosial"] == "<5"


def test_the_ranking_leads_with_the_unit_name_and_links_its_code_to_the_card(monkeypatch, engine, db_url):
    unit = add_unit(engine, "3575-PKM-A", name="Puskesmas Uji")
    for day in range(5, 10):
        add_complaint(engine, unit, wib(2025, 5, day, 9), "diterima")
    ranking = table_with(open_page(monkeypatch, db_url, PAGE), "Peringkat", "Kode unit")
    assert (ranking.columns[0], ranking.columns[-1]) == ("Unit layanan", "Kode unit")
    assert ranking[["Unit layanan", "Peringkat", "Pengaduan"]].values.tolist() == [["Puskesmas Uji", 1, 5]]
    assert ranking["Kode unit"].tolist() == ["/unit?unit=3575-PKM-A"]  # shown as the code, opening the unit's card


@pytest.mark.parametrize("params", [{"kecamatan": "99.99.99"}, {"periode": "'; DROP TABLE complaints; --"}])
def test_odd_url_filters_are_ignored(monkeypatch, engine, db_url, params):
    add_complaint(engine, add_unit(engine, "3575-PKM-A"), wib(2025, 5, 5, 9), "diterima")
    app = open_page(monkeypatch, db_url, PAGE, **params)
    assert dict(metrics(app))["Pengaduan diterima"] == "1"


def test_a_kecamatan_with_only_small_counts_hides_them_all(monkeypatch, engine, db_url):
    unit = add_unit(engine, "3575-PKM-A", kecamatan_code="35.75.01")
    for category in ("kesehatan", "kesehatan", "sosial"):
        add_complaint(engine, unit, wib(2025, 5, 5, 9), "diterima", category=category)
    app = open_page(monkeypatch, db_url, PAGE, kecamatan="35.75.01")
    categories = table_with(app, "Kategori", "Pengaduan").set_index("Kategori")
    assert categories.loc["Kesehatan", "Pengaduan"] == "<5" and categories.loc["Sosial", "Pengaduan"] == "<5"
    assert any("setiap kategori di bawah 5" in c.value for c in app.caption)
    assert "Kesehatan: 2" not in page_text(app)


def test_every_stored_key_has_words_in_both_languages():
    from components.i18n import LANGUAGES, STRINGS
    from data_access.complaint_rules import CATEGORIES, CHANNELS, CLASSIFICATIONS, STATUSES, TIERS

    for kind, keys in (("channel", CHANNELS), ("classification", CLASSIFICATIONS), ("category", CATEGORIES),
                       ("status", STATUSES), ("tier", TIERS)):
        for key in keys:
            assert set(STRINGS[f"complaints.{kind}.{key}"]) == set(LANGUAGES), (kind, key)
    for key, texts in STRINGS.items():
        if key.startswith(("complaints.", "track.")):
            assert set(texts) == set(LANGUAGES) and all(texts.values()), key
