"""AppTest runs of the Pimpinan page on real databases: the Ombudsman history after `init` alone, exceptions and
targets equal to the data_access figures, the slipping units and rankings of the last complete quarter (on the demo
under a clock frozen on 5 December 2026, when the running quarter is a third through), the URL-bound comparison and
week, and the weekly brief download."""

import io
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from pypdf import PdfReader
from streamlit.runtime.media_file_manager import MediaFileManager

from components.leadership.frames import period_text
from components.plain_text import WORD_JOINER, escape_markdown
from data_access.config import Targets
from data_access.db_init import init_database
from data_access.demo import load_demo
from data_access.engine import make_engine
from data_access.filters import Filters
from data_access.ikm_queries import ikm_by_unit, ranking
from data_access.leadership import comparison_date, last_complete_week, quarter_filters, unit_comparison
from data_access.periods import last_complete_quarter, period_bounds
from data_access.workdays import WIB
from tests.app_runs import open_page
from tests.conftest import DEMO_SIZE
from tests.factories import (
    add_done_when_units,
    add_questionnaires,
    add_unit,
    answers,
    wib,
)
from tests.test_page_kepuasan import table_with

PAGE = "app_pages/pimpinan.py"
# 40 users a year -> 10 in 90 days -> a minimum sample of 10.
SMALL_UNIT_USERS = 40


def _today():
    return datetime.now(UTC).astimezone(WIB).date()


def _at(days_ago: int) -> datetime:
    day = _today() - timedelta(days=days_ago)
    return wib(day.year, day.month, day.day, 9)


def _in_graded_quarter(days: int) -> datetime:
    """09.00 WIB `days` days into the last complete quarter: the quarter Pimpinan grades while data reach today."""
    start, _ = period_bounds(last_complete_quarter(_today()))
    day = start + timedelta(days=days)
    return wib(day.year, day.month, day.day, 9)


def _crossing_units(engine) -> None:
    """The windows are the 90 days to today and to a week (or a month) ago: 85 days ago is in both, 94 only in the
    earlier one, 2 only in today's."""
    drop = add_unit(engine, "3575-DROP", annual_users=SMALL_UNIT_USERS, name="Puskesmas Turun")
    add_questionnaires(engine, drop, [answers(4)] * 10, _at(94))
    add_questionnaires(engine, drop, [answers(3)] * 10, _at(85))
    add_questionnaires(engine, drop, [answers(2)] * 10, _at(2))
    rise = add_unit(engine, "3514-RISE", region="35.14", annual_users=SMALL_UNIT_USERS, name="Puskesmas Naik")
    add_questionnaires(engine, rise, [answers(3)] * 10, _at(94))
    add_questionnaires(engine, rise, [answers(4)] * 10, _at(2))


def _texts(app) -> str:
    return " ".join(e.value for e in [*app.markdown, *app.caption, *app.info])


def test_ombudsman_history_shows_after_init_alone(monkeypatch, db_url):
    app = open_page(monkeypatch, db_url, PAGE)
    assert app.title[0].value == "Pimpinan"
    table = table_with(app, "Pemerintah daerah", "Tahun", "Nilai", "Kategori tahun itu").set_index(
        ["Pemerintah daerah", "Tahun"])
    assert table.loc[("Kabupaten Pasuruan", 2024), "Nilai"] == 97.35
    assert table.loc[("Kota Pasuruan", 2024), "Nilai"] == 98.22
    assert table.loc[("Kota Pasuruan", 2021), "Kategori tahun itu"] == "zona kuning"  # the 2021 band set
    assert table.loc[("Kota Balikpapan", 2021), "Peran"] == "pembanding"
    texts = _texts(app)
    assert "Kabupaten Pasuruan 97,35 (2024, A — kualitas tertinggi)" in texts
    assert "Kota Pasuruan 98,22 (2024, A — kualitas tertinggi)" in texts
    # Nothing else to show yet, and the page says so instead of hiding.
    assert "Tidak ada unit yang berpindah mutu" in texts
    assert [h.value for h in app.header] == ["Pengecualian", "Target", "Peringkat", "Kepatuhan Ombudsman RI",
                                             "Ringkasan mingguan"]


def test_grade_crossings_since_last_week_by_default(monkeypatch, engine, db_url):
    _crossing_units(engine)
    app = open_page(monkeypatch, db_url, PAGE)
    assert app.segmented_control(key="banding").value == "minggu"
    table = table_with(app, "Kode unit", "Mutu sebelum", "Mutu kini")
    assert table[["Kode unit", "Arah", "Mutu sebelum", "IKM sebelum", "Mutu kini", "IKM kini", "Perubahan"]
                 ].values.tolist() == [
        ["/unit?unit=3575-DROP", "turun", "B", 87.50, "D", 62.50, -25.0],  # (4+3)/2 -> (3+2)/2, x 25
        ["/unit?unit=3514-RISE", "naik", "C", 75.00, "A", 100.00, 25.0],
    ]
    since = comparison_date(_today(), "minggu")
    assert f"Sejak {since.day} " in _texts(app) and "1 unit turun mutu, 1 unit naik mutu" in _texts(app)


@pytest.mark.parametrize("value, expected", [("bulan", "bulan"), ("tahun", "minggu")])
def test_comparison_comes_from_the_url_and_bad_values_are_ignored(monkeypatch, engine, db_url, value, expected):
    _crossing_units(engine)
    app = open_page(monkeypatch, db_url, PAGE, banding=value, wilayah="35.75")
    assert app.segmented_control(key="banding").value == expected
    assert app.query_params.get("banding") == (value if value == expected else None)
    since = comparison_date(_today(), expected)
    assert any(c.value.startswith("IKM 90 hari terakhir") and period_text(since - timedelta(days=89), since)
               in c.value for c in app.caption)
    # The region filter narrows the crossings and the targets to the Kota.
    assert table_with(app, "Kode unit", "Mutu sebelum")["Kode unit"].tolist() == ["/unit?unit=3575-DROP"]
    assert [s.value for s in app.subheader if "Pasuruan" in s.value] == ["Kota Pasuruan"]


def test_targets_side_by_side_with_their_distance(monkeypatch, engine, db_url):
    add_done_when_units(engine)  # Kota 88.30 (B, n=250), Kabupaten 88.32 (A, n=625), both in 2025-Q2
    app = open_page(monkeypatch, db_url, PAGE)
    assert [s.value for s in app.subheader if "Pasuruan" in s.value] == ["Kabupaten Pasuruan", "Kota Pasuruan"]
    blocks = [m.value for m in app.markdown if m.value.startswith("**IKM Triwulan 2 2025**")]
    assert "88,32 (mutu A, n = 625)" in blocks[0] and "tercapai" in blocks[0]
    assert "88,30 (mutu B, n = 250)" in blocks[1] and "kurang 0,01 poin" in blocks[1]
    assert "Target: mutu A (≥ 88,31)" in blocks[1]


def test_target_settings_change_the_page(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    monkeypatch.setenv("TARGET_IKM_GRADE", "B")
    app = open_page(monkeypatch, db_url, PAGE, wilayah="35.75")
    block = next(m.value for m in app.markdown if m.value.startswith("**IKM Triwulan 2 2025**"))
    assert "Target: mutu B (≥ 76,61)" in block and "tercapai" in block


@pytest.fixture
def deferred_downloads(monkeypatch) -> dict:
    """File name -> callable of every download made on click, as the server registers them."""
    registered = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        registered[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return registered


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), reader.pages[0].extract_text()


def test_weekly_brief_downloads_the_chosen_week_and_names_it(monkeypatch, engine, db_url, deferred_downloads):
    add_done_when_units(engine)  # data from May 2025, so weeks back to then can be chosen
    app = open_page(monkeypatch, db_url, PAGE, minggu="2025-W36")
    assert app.selectbox(key="minggu").value == "2025-W36"
    assert app.query_params["minggu"] == "2025-W36"
    pages, text = _pdf_text(deferred_downloads["ringkasan-mingguan-2025-W36.pdf"]())
    assert pages == 1
    assert "Minggu 1–7 Sep 2025 (2025-W36)" in text and "Data per " in text
    assert "97,35" in text and "98,22" in text


@pytest.mark.parametrize("value", ["2025-W99", "kemarin", "1999-W01"])
def test_a_bad_week_falls_back_to_the_last_complete_week(monkeypatch, engine, db_url, deferred_downloads, value):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, PAGE, minggu=value)
    week = last_complete_week()
    assert app.selectbox(key="minggu").value == week.code
    assert "minggu" not in app.query_params
    assert f"ringkasan-mingguan-{week.code}.pdf" in deferred_downloads


def test_english_brief_follows_the_ui_language(monkeypatch, db_url, deferred_downloads):
    app = open_page(monkeypatch, db_url, PAGE, lang="en")
    assert app.title[0].value == "Leadership"
    week = last_complete_week()
    _, text = _pdf_text(deferred_downloads[f"ringkasan-mingguan-{week.code}.pdf"]())
    assert "Weekly public-service brief" in text and f"({week.code})" in text
    assert "97.35" in text and "98.22" in text


def test_pimpinan_runs_on_the_demo_database(monkeypatch, demo_url):
    app = open_page(monkeypatch, demo_url, PAGE)
    assert len(app.header) == 5
    assert table_with(app, "Pemerintah daerah", "Nilai") is not None


# 5 December 2026: the running quarter holds a third of its respondents; Pimpinan grades 2026-Q3.
DECEMBER_5 = wib(2026, 12, 5, 10)


@pytest.fixture(scope="module")
def december_demo(tmp_path_factory) -> str:
    """The demo as the quick start loads it (its default number of questionnaires: enough for diligent units to
    reach their sample, which the small load of other tests is not), up to 5 December 2026, on SQLite only (the
    backends' agreement is tested elsewhere)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('december') / 'demo.sqlite'}"
    engine = make_engine(url)
    try:
        init_database(engine)
        with time_machine.travel(DECEMBER_5, tick=False):
            load_demo(engine, seed=7, until=date(2026, 12, 5), complaints=DEMO_SIZE["complaints"])
    finally:
        engine.dispose()
    return url


def test_on_5_december_the_demo_is_ranked_and_judged_on_the_third_quarter(monkeypatch, december_demo):
    with time_machine.travel(DECEMBER_5, tick=False):
        app = open_page(monkeypatch, december_demo, PAGE)
    engine = make_engine(december_demo)
    with engine.connect() as conn:
        ranked, _ = ranking(ikm_by_unit(conn, quarter_filters(Filters(), "2026-Q3")))
        slipping = [r for r in unit_comparison(conn, Filters(), Targets(), "2026-Q3")["units"] if r["slipping"]]
    engine.dispose()
    assert any(c.value.startswith("Triwulan 3 2026 (1 Jul – 30 Sep 2026), triwulan lengkap terakhir")
               for c in app.caption)
    assert len(ranked) > 1
    table = table_with(app, "Peringkat", "Unit layanan", "IKM")
    assert table["Kode unit"].tolist() == [f"/unit?unit={r['unit_code']}" for r in ranked]
    # The slipping units, named first with their region, worst first; all of them in the table below.
    assert slipping
    listed = next(m.value for m in app.markdown if m.value.startswith("- **"))
    first = slipping[0]
    region = "Kota" if first["region_code"] == "35.75" else "Kab"
    assert listed.startswith(f"- **{escape_markdown(first['name'])}**, {region}")
    assert "**" + str(len(slipping)) + " dari " in _texts(app)
    assert table_with(app, "Keadaan", "Unit layanan")["Kode unit"].tolist() == [
        f"/unit?unit={r['unit_code']}" for r in slipping]
    # The targets are of the same quarter; complaints past their limit are today's, said to be running.
    assert [m.value for m in app.markdown if m.value.startswith("**IKM Triwulan 3 2026**")]
    assert any("hari ini (5 Des 2026, berjalan)" in c.value for c in app.caption)


def test_english_names_the_quarter_and_the_slipping_rule(monkeypatch, december_demo):
    with time_machine.travel(DECEMBER_5, tick=False):
        app = open_page(monkeypatch, december_demo, PAGE, lang="en")
    assert "Units slipping" in [s.value for s in app.subheader]
    assert any(c.value.startswith("Q3 2026 (1 Jul – 30 Sep 2026), the last complete quarter") for c in app.caption)
    rule = next(m.value for m in app.markdown if "upper end of its interval" in m.value)
    assert "below the IKM target 88.31 (grade A)" in rule and "in Q2 2026" in rule
    assert "README" not in _texts(app)


def test_a_unit_name_in_the_slipping_list_is_text_not_markdown():
    assert escape_markdown("Puskesmas [A](http://x) *B* :red[C] <b>") == (
        rf"Puskesmas \[A\](http:{WORD_JOINER}//x) \*B\* :{WORD_JOINER}red\[C\] \<b\>")
