"""The Kepuasan page and the unit cards in a real browser, on the issue's two-unit database, at desktop and phone
width: the figures are visible, nothing scrolls sideways, no JavaScript error, and a table link opens a card."""

from __future__ import annotations

import pytest

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
from tests.factories import done_when_database


@pytest.fixture(scope="module")
def done_when_url(tmp_path_factory) -> str:
    return done_when_database(f"sqlite:///{tmp_path_factory.mktemp('ikm-browser') / 'two-units.sqlite'}")


@pytest.fixture(scope="module")
def ikm_server(done_when_url, browser):
    server = start_app(done_when_url)
    try:
        yield server
    finally:
        server.stop()


def _visible(page, text: str) -> bool:
    return page.get_by_text(text, exact=True).filter(visible=True).count() > 0


def _check(page, shot) -> None:
    screenshot(page, shot)  # first, so that a failure leaves a picture
    assert page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count() == 0
    found = ERROR_TEXT.findall(page.locator("body").inner_text())
    assert not found, f"error text: {found}"
    assert page_errors(page) == []
    assert_no_horizontal_scroll(page)


def test_kepuasan_shows_both_units(ikm_server, sized_page, tmp_path):
    sized_page.goto(f"{ikm_server.url}/kepuasan")
    wait_for_app(sized_page)
    _check(sized_page, tmp_path / f"kepuasan-{sized_page.size_name}.png")
    for text in ("Kepuasan masyarakat (IKM)", "88,30", "88,32", "250", "625", "Kota Pasuruan", "Kabupaten Pasuruan"):
        assert _visible(sized_page, text), f"{text!r} not visible"
    assert sized_page.locator('[data-testid="stVegaLiteChart"]').count() >= 4


@pytest.mark.parametrize("code, ikm, n", [("3575-MPP", "88,30", "250"), ("3514-MPP", "88,32", "625")])
def test_unit_card(ikm_server, sized_page, tmp_path, code, ikm, n):
    sized_page.goto(f"{ikm_server.url}/unit?unit={code}")
    wait_for_app(sized_page)
    _check(sized_page, tmp_path / f"unit-{code}-{sized_page.size_name}.png")
    for text in (ikm, n, "IKM Triwulan 2 2025", "Lokasi"):
        assert _visible(sized_page, text), f"{text!r} not visible on {code}"


def test_unknown_unit_gets_a_friendly_message(ikm_server, browser, tmp_path):
    page = new_page(browser, **PHONE)
    try:
        page.goto(f"{ikm_server.url}/unit?unit=%3Cscript%3Ealert(1)%3C/script%3E")
        wait_for_app(page)
        _check(page, tmp_path / "unit-malformed-phone.png")
        assert page.get_by_text("tidak memuat kode unit yang sah").filter(visible=True).count() == 1
        assert page.get_by_role("link", name="Kembali ke halaman Kepuasan").count() == 1
    finally:
        page.context.close()


def test_a_unit_link_in_the_kepuasan_table_opens_its_card(ikm_server, browser, tmp_path):
    page = new_page(browser, **DESKTOP)
    try:
        page.goto(f"{ikm_server.url}/kepuasan")
        wait_for_app(page)
        # The grid's accessible table holds only the columns in view: "Jenis unit" is, before the grid scrolls.
        grid = page.locator('[data-testid="stDataFrame"]').filter(visible=True).filter(has_text="Jenis unit").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        canvas = grid.locator('[data-testid="data-grid-canvas"]').element_handle()
        # The grid is drawn on a canvas and lists the best IKM first; its last column, the unit code, links to the
        # card. Scrolled to its right end, the first row's link sits below the 35 px header near the grid's right
        # edge, and the grid shows a pointer only while the link's text is hovered.
        y = box["y"] + 35 + 17
        page.mouse.move(box["x"] + box["width"] / 2, y)
        page.mouse.wheel(10 * box["width"], 0)
        page.wait_for_timeout(300)
        for x in range(int(box["x"] + box["width"]) - 4, int(box["x"] + box["width"] / 2), -8):
            page.mouse.move(x, y)
            page.wait_for_timeout(50)
            if canvas.evaluate("element => element.style.cursor") == "pointer":
                break
        else:
            raise AssertionError("no link in the first row's last column")
        with page.context.expect_page() as opened:
            page.mouse.click(x, y)
        card = opened.value
        wait_for_app(card)
        assert card.url.endswith("/unit?unit=3514-MPP")
        assert card.get_by_text("88,32", exact=True).filter(visible=True).count() > 0
        screenshot(card, tmp_path / "unit-from-link.png")
    finally:
        page.context.close()


def test_the_unit_table_downloads_as_excel_ready_csv(ikm_server, browser, tmp_path):
    page = new_page(browser, **DESKTOP)
    try:
        page.goto(f"{ikm_server.url}/kepuasan")
        wait_for_app(page)
        button = page.get_by_role("button", name="Unduh CSV (Excel)").filter(visible=True).first
        with page.expect_download() as download:
            button.click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        text = path.read_text(encoding="utf-8-sig")
        assert download.value.suggested_filename == "ikm-per-unit.csv"
        row = next(line for line in text.splitlines() if line.endswith(";3514-MPP"))  # the unit code comes last
        # Indonesian Excel: ';' between cells, decimal comma
        assert row.startswith("Mal Pelayanan Publik Kabupaten Pasuruan;Kabupaten Pasuruan;Mal Pelayanan Publik;"
                              "88,32;A;625;")
    finally:
        page.context.close()


def test_a_deep_link_as_a_fresh_servers_first_request_gets_the_app_shell(done_when_url, browser):
    with start_app(done_when_url) as server:
        page = new_page(browser, **DESKTOP)
        try:
            page.goto(f"{server.url}/unit?unit=3575-MPP")
            wait_for_app(page)
            assert page.get_by_text("Bahasa Indonesia").filter(visible=True).count() == 1
        finally:
            page.context.close()
