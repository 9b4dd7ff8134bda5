"""AppTest runs of Lacak pengaduan: a ticket from the URL or typed in, unknown and malformed tickets, nothing about
the person on the page."""

import pytest
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
