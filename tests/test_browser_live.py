"""The survey form and the live dashboards in a real browser: a questionnaire sent by tapping on a phone shows on an
open Beranda (and on the unit's card) within 5 seconds, without reloading it; the form fits a 390 px screen; the
per-browser limit holds across a reload."""

from __future__ import annotations

import re
import time

import pytest

from data_access.db_init import init_database
from data_access.elements import ANSWER_LABELS, ELEMENTS
from data_access.engine import make_engine
from tests.browser import (
    DESKTOP,
    ERROR_TEXT,
    PHONE,
    assert_no_horizontal_scroll,
    new_page,
    page_errors,
    screenshot,
    start_app,
    wait_for_app,
)
from tests.factories import add_done_when_units, add_unit

VISIBLE_WITHIN_SECONDS = 5
# The questions as the form asks them (Indonesian), to find each one's answers.
QUESTION_TEXT = {
    "persyaratan": "kesesuaian persyaratan pelayanan",
    "prosedur": "kemudahan prosedur pelayanan",
    "waktu": "kecepatan waktu",
    "biaya": "kewajaran biaya/tarif",
    "produk": "kesesuaian produk pelayanan",
    "kompetensi": "kompetensi/kemampuan petugas",
    "perilaku": "perilaku petugas",
    "sarana": "kualitas sarana dan prasarana",
    "pengaduan": "penanganan pengaduan pengguna layanan",
}

# The values of every metric tile with this label, in page order.
_TILE_VALUES_JS = """(label) => [...document.querySelectorAll('[data-testid="stMetric"]')]
    .filter(m => (m.querySelector('[data-testid="stMetricLabel"]')?.innerText || '').trim() === label)
    .map(m => m.querySelector('[data-testid="stMetricValue"]').innerText.trim())"""


@pytest.fixture(scope="module")
def live_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('live-browser') / 'live.sqlite'}"
    engine = make_engine(url)
    try:
        init_database(engine)
        add_done_when_units(engine)  # 3575-MPP (Kota) and 3514-MPP (Kabupaten) with questionnaires from 2025
        for code in ("3575-PKM1", "3575-PKM2", "3575-PKM3"):
            add_unit(engine, code, region="35.75", name=f"Puskesmas {code[-4:]}")
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="module")
def live_server(live_url, browser):
    server = start_app(live_url)
    try:
        yield server
    finally:
        server.stop()


def tile_values(page, label: str) -> list[str]:
    return page.evaluate(_TILE_VALUES_JS, label)


def answer_every_question(page, tap: bool) -> None:
    """One tap (or click) per question on the regulation's label: 'Sangat ...' (4) everywhere, 'Cukup' for sarana."""
    for name in ELEMENTS:
        group = page.get_by_role("radiogroup", name=QUESTION_TEXT[name])
        label = ANSWER_LABELS[name][1 if name == "sarana" else 3]
        button = group.get_by_role("radio", name=label, exact=True)
        button.scroll_into_view_if_needed()
        button.tap() if tap else button.click()
    page.wait_for_timeout(200)


def send(page, tap: bool) -> None:
    button = page.get_by_role("button", name="Kirim jawaban")
    button.scroll_into_view_if_needed()
    button.tap() if tap else button.click()


def wait_for_text(page, text: str, timeout: float = 15.0) -> None:
    page.get_by_text(text).filter(visible=True).first.wait_for(timeout=timeout * 1000)


def _no_errors(page) -> None:
    assert page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count() == 0
    found = ERROR_TEXT.findall(page.locator("body").inner_text())
    assert not found, f"error text: {found}"
    assert page_errors(page) == []


def test_a_questionnaire_tapped_on_a_phone_shows_on_an_open_beranda_within_5_seconds(live_server, browser,
                                                                                       tmp_path):
    dashboard = new_page(browser, **DESKTOP)
    phone = new_page(browser, **PHONE)
    try:
        dashboard.goto(f"{live_server.url}/?wilayah=35.75")  # Kota only: one "Kuesioner hari ini" tile
        wait_for_app(dashboard)
        [before] = tile_values(dashboard, "Kuesioner hari ini")
        dashboard.evaluate("() => { window.__notReloaded = true; }")

        phone.goto(f"{live_server.url}/survei?unit=3575-MPP")
        wait_for_app(phone)
        answer_every_question(phone, tap=True)
        send(phone, tap=True)
        sent_at = time.monotonic()
        expected = str(int(before) + 1)
        seen = None
        while time.monotonic() - sent_at < VISIBLE_WITHIN_SECONDS + 5:
            if tile_values(dashboard, "Kuesioner hari ini") == [expected]:
                seen = time.monotonic() - sent_at
                break
            dashboard.wait_for_timeout(50)
        screenshot(dashboard, tmp_path / "beranda-after.png")
        assert seen is not None, f"the tile still shows {tile_values(dashboard, 'Kuesioner hari ini')}"
        assert seen <= VISIBLE_WITHIN_SECONDS, f"visible after {seen:.1f} s"
        assert dashboard.evaluate("() => window.__notReloaded === true"), "Beranda was reloaded"
        _no_errors(dashboard)

        wait_for_text(phone, "Terima kasih!")
        screenshot(phone, tmp_path / "survei-thanks-phone.png")
        assert phone.get_by_role("link", name="Lihat rapor unit ini").count() == 1
        _no_errors(phone)
    finally:
        dashboard.context.close()
        phone.context.close()


def test_the_unit_card_headline_refreshes_by_itself(live_server, browser):
    card = new_page(browser, **DESKTOP)
    form = new_page(browser, **DESKTOP)
    try:
        card.goto(f"{live_server.url}/unit?unit=3575-PKM1")
        wait_for_app(card)
        assert card.get_by_text("Belum ada kuesioner untuk unit ini.").filter(visible=True).count() == 1
        form.goto(f"{live_server.url}/survei?unit=3575-PKM1")
        wait_for_app(form)
        answer_every_question(form, tap=False)
        send(form, tap=False)
        sent_at = time.monotonic()
        # Today's questionnaire is in the running quarter: the card shows it as provisional, with its n, no grade.
        running = card.get_by_text(re.compile(r"IKM sementara [\d,]+ dari 1 responden")).filter(visible=True)
        while running.count() != 1 and time.monotonic() - sent_at < VISIBLE_WITHIN_SECONDS + 5:
            card.wait_for_timeout(50)
        assert running.count() == 1
        assert time.monotonic() - sent_at <= VISIBLE_WITHIN_SECONDS
    finally:
        card.context.close()
        form.context.close()


def test_the_form_fits_a_phone_and_a_missing_answer_is_explained(live_server, browser, tmp_path):
    phone = new_page(browser, **PHONE)
    try:
        phone.goto(f"{live_server.url}/survei?unit=3575-PKM2")
        wait_for_app(phone)
        screenshot(phone, tmp_path / "survei-phone.png")
        assert_no_horizontal_scroll(phone)
        _no_errors(phone)
        buttons = phone.get_by_role("radiogroup", name=QUESTION_TEXT["perilaku"]).get_by_role("radio")
        assert buttons.count() == 4
        # Thumb-sized answers: at least 32 px tall and each fully on screen.
        for box in (buttons.nth(i).bounding_box() for i in range(4)):
            assert box["height"] >= 32 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        send(phone, tap=True)
        wait_for_text(phone, "Jawaban belum terkirim")
        screenshot(phone, tmp_path / "survei-problems-phone.png")
        assert phone.get_by_text("Persyaratan (pertanyaan 1): belum dijawab.").filter(visible=True).count() == 1
        assert_no_horizontal_scroll(phone)
    finally:
        phone.context.close()


def test_a_reload_does_not_reset_the_limit_but_another_browser_does(live_server, browser):
    phone = new_page(browser, **PHONE)
    other = new_page(browser, **PHONE)
    try:
        phone.goto(f"{live_server.url}/survei?unit=3575-PKM3")
        wait_for_app(phone)
        answer_every_question(phone, tap=True)
        send(phone, tap=True)
        wait_for_text(phone, "Terima kasih!")
        phone.reload()  # a new Streamlit session in the same browser
        wait_for_app(phone)
        wait_for_text(phone, "perangkat ini baru saja mengisi survei untuk unit ini")
        assert phone.get_by_role("radiogroup", name=QUESTION_TEXT["waktu"]).count() == 0
        # What the limit cannot stop (README, "Keamanan & privasi"): another browser or a private window.
        other.goto(f"{live_server.url}/survei?unit=3575-PKM3")
        wait_for_app(other)
        assert other.get_by_role("radiogroup", name=QUESTION_TEXT["waktu"]).count() == 1
    finally:
        phone.context.close()
        other.context.close()
