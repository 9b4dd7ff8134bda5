"""A file made on click can still be fetched a while after the click.

The unit card's live figures rerun every two seconds, and the end of each rerun lets Streamlit collect files no
session refers to, as a busy server's other sessions do many times a second. A loaded browser or phone may ask for
the file only seconds after the click, so the test asks again seven seconds later, after three or more reruns.
(Holding the browser's own request back with a Playwright route does not show the failure: the paused download
still arrives whole, so the late request is made with the page's request context.)"""

from __future__ import annotations

import io
import time

from openpyxl import load_workbook

from tests.browser import DESKTOP, new_page, wait_for_app
from tests.test_browser_a11y import UNIT

LATE_SECONDS = 7


def downloaded(page, button, media_urls: list[str]) -> tuple[str, bytes]:
    """The file a click on `button` downloads, and the address it came from."""
    before = len(media_urls)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.failure() is None, download.failure()
    assert len(media_urls) == before + 1
    return media_urls[-1], open(download.path(), "rb").read()


def test_made_on_click_files_can_be_fetched_after_live_reruns(app_server, browser):
    page = new_page(browser, **DESKTOP)
    media_urls: list[str] = []
    reruns: list[float] = []
    try:
        page.on("websocket", lambda socket: socket.on("framesent", lambda _payload: reruns.append(time.monotonic())))
        page.goto(f"{app_server.url}/unit?unit={UNIT}")
        wait_for_app(page)
        page.on("request", lambda request: media_urls.append(request.url) if "/media/" in request.url else None)

        png_url, png = downloaded(
            page, page.get_by_role("button", name="Unduh gambar (PNG)").filter(visible=True).first, media_urls)
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        page.get_by_text("Lihat tabel dan unduh").filter(visible=True).first.click()
        xlsx_url, xlsx = downloaded(
            page, page.get_by_role("button", name="Unduh XLSX").filter(visible=True).first, media_urls)
        assert load_workbook(io.BytesIO(xlsx), read_only=True).active.max_row > 5

        clicked = time.monotonic()
        page.wait_for_timeout(LATE_SECONDS * 1000)
        assert sum(sent > clicked for sent in reruns) >= 3  # the live figures reran meanwhile
        for url, content in ((png_url, png), (xlsx_url, xlsx)):
            late = page.request.get(url)
            assert late.status == 200, f"{url}: {late.status}"
            assert late.body() == content
    finally:
        page.context.close()
