"""Smoke test in a real browser: the app starts on the demo database and Beranda renders, on a desktop and a phone."""

from __future__ import annotations

from tests.browser import ERROR_TEXT, assert_no_horizontal_scroll, page_errors, screenshot, wait_for_app


def _check_beranda(page, tmp_path, name: str) -> None:
    screenshot(page, tmp_path / f"beranda-{name}.png")  # first, so that a failure leaves a picture
    assert "Dasbor Pelayanan Publik Pasuruan" in page.title()
    for text in ("Kabupaten Pasuruan", "Kota Pasuruan", "Data simulasi"):
        visible = page.get_by_text(text).filter(visible=True)
        assert visible.count() > 0, f"{text!r} not visible on {name}"
    assert page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count() == 0
    body = page.locator("body").inner_text()
    found = ERROR_TEXT.findall(body)
    assert not found, f"error text on {name}: {found}"
    assert page_errors(page) == []


def test_beranda_desktop(app_server, desktop_page, tmp_path):
    desktop_page.goto(app_server.url)
    wait_for_app(desktop_page)
    _check_beranda(desktop_page, tmp_path, "desktop")


def test_beranda_phone_has_no_horizontal_scroll(app_server, phone_page, tmp_path):
    phone_page.goto(app_server.url)
    wait_for_app(phone_page)
    _check_beranda(phone_page, tmp_path, "phone")
    assert_no_horizontal_scroll(phone_page)
