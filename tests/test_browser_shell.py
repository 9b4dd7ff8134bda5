"""The shell as the public meets it in Chromium: Beranda's tiles whole at 1280 and 390 px in both languages, the
tab's title in the page's language, no English ⋮ menu, and a tab icon the app serves itself."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser import new_page, screenshot, wait_for_app

# For every metric's label and value: its text, and whether it is wider than its box (cut with an ellipsis).
_CUT_JS = """() => [...document.querySelectorAll(
    '[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"], [data-testid="stMetricValue"]')]
    .map(e => { const box = e.querySelector('p') || e;
                const cut = box.scrollWidth > box.clientWidth + 1 || e.scrollWidth > e.clientWidth + 1;
                return [e.innerText.trim(), cut]; })"""
TITLES = {"id": "Dasbor Pelayanan Publik Pasuruan", "en": "Pasuruan Public Service Dashboard"}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_beranda_tiles_show_every_label_and_value_whole(app_server, browser, tmp_path, width, lang):
    page = new_page(browser, width, 900)
    try:
        page.goto(f"{app_server.url}/?lang={lang}")
        wait_for_app(page)
        page.wait_for_selector('[data-testid="stMetricValue"]')
        screenshot(page, tmp_path / f"beranda-{lang}-{width}.png")
        assert page.title().startswith(TITLES[lang])  # the tab speaks the page's language too
        tiles = page.evaluate(_CUT_JS)
        assert len(tiles) >= 14  # two regions, seven figures each, each a label and a value
        assert not [text for text, cut in tiles if cut], tiles
    finally:
        page.context.close()


def test_no_menu_for_the_public_and_the_tab_icon_comes_from_the_app(app_server, browser):
    page = new_page(browser, 1280, 900, route_cdn=False)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(app_server.url)
        wait_for_app(page)
        page.wait_for_selector('[data-testid="stMetricValue"]')
        assert page.locator('[data-testid="stMainMenu"]').count() == 0  # toolbarMode "minimal": no "Record screen"
        icons = page.evaluate("() => [...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)")
        app_host = urlsplit(app_server.url).netloc
        assert icons and all(urlsplit(icon).netloc == app_host for icon in icons), icons
        assert all(urlsplit(url).netloc == app_host for url in requested if url.startswith("http")), requested
    finally:
        page.context.close()
