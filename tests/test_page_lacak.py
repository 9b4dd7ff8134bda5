"""AppTest runs of Lacak pengaduan: a ticket from the URL or typed in, unknown and malformed tickets, nothing about
the person on the page."""

import pytest
import time_machine
from streamlit.testing.v1 import AppTest

from tests.app_runs import open_page
from tests.factories import add_complaint, add_unit, wib
from tests.test_page_pengaduan import page_text
from tests.test_tracker import CANARIES, PERSONAL

PAGE = "app_pages/lacak.py"


def _markdown(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def add_lebaran(engine) -> None:
    unit = add_unit(engine, "3575-PKM-A", name="Puskesmas Kebonsari")
    add_complaint(engine, unit, wib(2025, 3, 26, 9), "ditindaklanjuti", ticket="LAPOR-0001", category="kesehatan",
                  verified_at=wib(2025, 3, 27, 9), first_response_at=wib(2025, 4, 9, 10), description=PERSONAL)


def test_ticket_from_the_url_shows_stages_and_working_days(monkeypatch, engine, db_url):
    add_lebaran(engine)
    app = open_page(monkeypatch, db_url, PAGE, tiket="LAPOR-0001")
    assert app.title[0].value == "Lacak pengaduan"
    assert [h.value for h in app.header] == ["LAPOR-0001"]
    assert [s.value for s in app.subheader] == ["Tahapan"]
    text = _markdown(app)
    assert "[Puskesmas Kebonsari](/unit?unit=3575-PKM-A)" in text
    assert "Kesehatan" in text and "sederhana (5 hari kerja)" in text
    assert "**Ditindaklanjuti** · 9 Apr 2025  \n2 hari kerja dari batas 5 · dalam batas waktu" in text
    assert "**Terverifikasi** · 27 Mar 2025  \n1 hari kerja dari batas 3 · dalam batas waktu" in text
    assert "**Selesai** · menunggu" in text
    everything = page_text(app)
    for canary in CANARIES:
        assert canary not in everything


def test_typing_a_ticket_puts_it_in_the_url(monkeypatch, engine, db_url):
    add_lebaran(engine)
    app = open_page(monkeypatch, db_url, PAGE)
    assert not app.header and not app.subheader
    app.text_input(key="tiket").input(" LAPOR-0001 ").run()
    assert not app.exception
    assert app.query_params["tiket"] == "LAPOR-0001"
    assert "**Ditindaklanjuti** · 9 Apr 2025  \n2 hari kerja dari batas 5 · dalam batas waktu" in _markdown(app)


def test_in_english(monkeypatch, engine, db_url):
    add_lebaran(engine)
    app = open_page(monkeypatch, db_url, PAGE, tiket="LAPOR-0001", lang="en")
    assert app.title[0].value == "Track a complaint"
    assert "**Followed up** · 9 Apr 2025  \n2 of 5 working days allowed · within the limit" in _markdown(app)


def test_an_unknown_ticket_gets_a_friendly_word(monkeypatch, db_url):
    app = open_page(monkeypatch, db_url, PAGE, tiket="LAPOR-404")
    assert any("LAPOR-404" in i.value and "tidak ditemukan" in i.value for i in app.info)


@pytest.mark.parametrize("ticket", ["<script>alert(1)</script>", "'; DROP TABLE complaints; --", "x" * 5000])
def test_a_malformed_ticket_in_the_url_is_refused(monkeypatch, db_url, ticket):
    app = open_page(monkeypatch, db_url, PAGE, tiket=ticket)
    assert any("bukan nomor tiket yang sah" in w.value for w in app.warning)
    assert app.text_input(key="tiket").value == ""
    assert "tiket" not in app.query_params


def test_a_demo_ticket(monkeypatch, demo_url):
    app = open_page(monkeypatch, demo_url, PAGE, tiket="DEMO-P-000001")
    assert app.header[0].value == "DEMO-P-000001"
    assert "**Diterima** ·" in _markdown(app)
    assert "@example.com" not in page_text(app)


@pytest.mark.parametrize("typed", ["lapor-0001", "  Lapor-0001 "])
def test_a_ticket_typed_in_lower_case_or_with_blanks_is_found(monkeypatch, engine, db_url, typed):
    add_lebaran(engine)
    app = open_page(monkeypatch, db_url, PAGE)
    app.text_input(key="tiket").input(typed)
    app.button(key="track.search").click().run()
    assert not app.exception
    assert [h.value for h in app.header] == ["LAPOR-0001"]
    assert app.query_params["tiket"] == typed.strip()  # the link says what was typed, and finds it again


def test_the_search_button_is_labelled_in_both_languages(monkeypatch, db_url):
    for lang, label in (("id", "Cari"), ("en", "Search")):
        app = open_page(monkeypatch, db_url, PAGE, lang=lang)
        assert app.button(key="track.search").label == label


@pytest.mark.parametrize(("lang", "waiting", "late"), [
    ("id", ("**Selesai** · menunggu :red-badge[:material/alarm: Terlambat]  \nsudah 7 hari kerja dari batas 5 · "
           "sedang berjalan, batas 14 Apr 2025 sudah lewat"),
     ("**Ditindaklanjuti** · 15 Apr 2025 :red-badge[:material/alarm: Terlambat]  \n"
     "6 hari kerja dari batas 5 · melewati batas waktu")),
    ("en", ("**Finished** · waiting :red-badge[:material/alarm: Late]  \n7 of 5 working days allowed so far · "
           "under way, the limit of 14 Apr 2025 has passed"),
     ("**Followed up** · 15 Apr 2025 :red-badge[:material/alarm: Late]  \n"
     "6 of 5 working days allowed · past the limit")),
])
def test_an_overdue_stage_is_flagged_in_words_with_an_icon(monkeypatch, engine, db_url, lang, waiting, late):
    """Forwarded Thu 27 Mar 2025 (then Nyepi, Idul Fitri and cuti bersama until 7 Apr): the answer came Tue 15 Apr,
    6 working days on (27 Mar, 8-11 and 14 Apr), past the limit of 5; resolution has been waiting 7 (15 Apr too) by
    Wed 16 Apr, past its limit of 5, whose last day was 14 Apr."""
    unit = add_unit(engine, "3575-PKM-A", name="Puskesmas Kebonsari")
    add_complaint(engine, unit, wib(2025, 3, 26, 9), "ditindaklanjuti", ticket="LAPOR-0009",
                  verified_at=wib(2025, 3, 27, 9), first_response_at=wib(2025, 4, 15, 10))
    with time_machine.travel(wib(2025, 4, 16, 12), tick=False):
        app = open_page(monkeypatch, db_url, PAGE, tiket="LAPOR-0009", lang=lang)
    text = _markdown(app)
    assert f":material/warning: {waiting}" in text
    assert f":material/warning: {late}" in text
    badge = {"id": "Terlambat", "en": "Late"}[lang]
    assert any(m.value.endswith(f":red-badge[:material/alarm: {badge}]") for m in app.markdown)  # the status
