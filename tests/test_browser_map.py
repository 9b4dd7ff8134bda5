"""The Peta page in headless Chromium with no internet: markers drawn from local Leaflet copies, a popup whose link
opens the unit page, filters that swap markers without reloading the map, and self-hosted map assets."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import openpyxl
import pytest

from tests.browser import (
    DESKTOP,
    NODE_MODULES,
    assert_no_horizontal_scroll,
    classify_request,
    new_page,
    page_errors,
    screenshot,
    start_app,
    wait_for_app,
)

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
UNIT_MARKERS = ".leaflet-marker-icon.peta-unit"
CLUSTERS = ".leaflet-marker-icon.peta-cluster"


@pytest.fixture(scope="module")
def server(app_server, browser):
    """The module's app on the demo database."""
    return app_server


def open_map(page, url: str):
    """/peta opened and its map drawn; the map's frame."""
    page.goto(f"{url}/peta")
    wait_for_app(page)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(f"{UNIT_MARKERS}, {CLUSTERS}").first.wait_for(state="visible", timeout=30_000)
    return frame


def map_window(page):
    """The map iframe's Frame (for scripts run inside it)."""
    return page.locator(MAP_FRAME).element_handle().content_frame()


def drawn_markers(frame) -> int:
    """Units on the map: single markers plus the units inside cluster icons."""
    singles = frame.locator(UNIT_MARKERS).count()
    clustered = sum(int(text) for text in frame.locator(CLUSTERS).all_inner_texts())
    return singles + clustered


def in_view(page, locator):
    """The first of these map icons whose middle lies inside the map's frame (Leaflet keeps icons just outside the
    view in the document too), or None."""
    frame_box = page.locator(MAP_FRAME).bounding_box()
    for index in range(locator.count()):
        box = locator.nth(index).bounding_box()
        if box is None:
            continue
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        if frame_box["x"] + 10 < x < frame_box["x"] + frame_box["width"] - 10 and \
                frame_box["y"] + 10 < y < frame_box["y"] + frame_box["height"] - 10:
            return locator.nth(index)
    return None


def open_a_popup(page, frame):
    """Click clusters (each zooms in) until a single unit's marker shows, then click it; its popup."""
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    for _ in range(8):
        single = in_view(page, frame.locator(UNIT_MARKERS))
        if single:
            single.click()
            popup = frame.locator(".leaflet-popup-content")
            popup.wait_for(state="visible")
            return popup
        in_view(page, frame.locator(CLUSTERS)).click()
        frame.locator(".leaflet-zoom-anim").wait_for(state="detached")  # the zoom animation is over
    raise AssertionError("no single marker after zooming into clusters")


def test_markers_are_drawn_and_a_popup_link_opens_the_unit_page(server, desktop_page, tmp_path):
    frame = open_map(desktop_page, server.url)
    screenshot(desktop_page, tmp_path / "peta-desktop.png")
    assert drawn_markers(frame) == 156  # every demo unit: all have coordinates
    summary = desktop_page.get_by_text("156 unit", exact=False).filter(visible=True)
    assert summary.count() > 0
    popup = open_a_popup(desktop_page, frame)
    name = popup.locator("strong").inner_text()
    link = popup.locator("a[data-peta-link]")
    assert link.inner_text() == "Buka rapor unit"
    code = link.get_attribute("href").split("unit=", 1)[1]
    link.click()
    desktop_page.wait_for_url(f"**/unit?unit={code}")
    wait_for_app(desktop_page)
    assert desktop_page.locator("h1").filter(has_text=name).count() == 1  # the unit page shows that unit
    assert page_errors(desktop_page) == []


def test_filters_swap_the_markers_without_reloading_the_map(server, desktop_page):
    frame = open_map(desktop_page, server.url)
    map_window(desktop_page).evaluate("() => { window.keptAcrossReruns = true; }")
    before = drawn_markers(frame)
    desktop_page.locator('[data-testid="stSelectbox"]').filter(has_text="Jenis unit").click()
    desktop_page.get_by_role("option", name="Puskesmas").click()
    wait_for_app(desktop_page)
    assert "jenis=puskesmas" in desktop_page.url
    summary = desktop_page.locator('[data-testid="stMarkdownContainer"]', has_text="di peta — mutu:")
    puskesmas = int(summary.inner_text().split(" unit", 1)[0])
    for _ in range(50):  # the component swaps the layers after the rerun
        if drawn_markers(frame) == puskesmas:
            break
        desktop_page.wait_for_timeout(200)
    assert 0 < drawn_markers(frame) == puskesmas < before
    # the same iframe document: the base map was not rebuilt, only its layers were swapped
    assert map_window(desktop_page).evaluate("() => window.keptAcrossReruns")


def test_zooming_the_map_does_not_rerun_the_app(server, desktop_page):
    frame = open_map(desktop_page, server.url)
    sent: list[int] = []
    desktop_page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(len(payload))))
    frame.locator(".leaflet-control-zoom-in").click()
    desktop_page.wait_for_timeout(1_500)  # streamlit-folium reports map moves after 250 ms
    assert sent == []
    assert desktop_page.locator('[data-testid="stApp"]').get_attribute("data-test-script-state") == "notRunning"


def test_phone_shows_the_map_and_the_list_without_sideways_scrolling(server, phone_page, tmp_path):
    frame = open_map(phone_page, server.url)
    screenshot(phone_page, tmp_path / "peta-phone.png")
    assert drawn_markers(frame) == 156
    assert phone_page.get_by_text("Daftar unit", exact=True).count() == 1
    assert_no_horizontal_scroll(phone_page)
    assert page_errors(phone_page) == []


def test_the_list_downloads_as_xlsx_with_every_unit(server, desktop_page, tmp_path):
    open_map(desktop_page, server.url)
    button = desktop_page.get_by_role("button", name="Unduh XLSX").filter(visible=True)
    with desktop_page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "peta-unit.xlsx"
    path = tmp_path / "peta-unit.xlsx"
    download.value.save_as(path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    names = [row[header.index("Unit")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(names) == 156 and header[0] == "Unit" and header[-1] == "Kode unit"


@pytest.fixture
def asset_server():
    """node_modules over HTTP on 127.0.0.1, standing in for the app's self-hosted map assets."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(NODE_MODULES))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_self_hosted_assets_draw_the_markers_with_no_cdn_at_all(demo_sqlite_url, browser, asset_server):
    env = {"MAP_ASSETS_URL": asset_server, "MAP_TILES": "none"}
    with start_app(demo_sqlite_url, env=env) as offline:
        page = new_page(browser, **DESKTOP, route_cdn=False)
        external: list[str] = []

        def refuse(route):
            if "streamlit_folium" in route.request.frame.url:  # the map's own requests (the app's favicon aside)
                external.append(route.request.url)
            route.abort("internetdisconnected")

        page.context.route(lambda url: classify_request(url) != "local", refuse)
        try:
            page.goto(offline.url)
            wait_for_app(page)
            frame = open_map(page, offline.url)
            assert drawn_markers(frame) == 156
            assert external == []  # nothing was even asked of a CDN or a tile server
            assert page_errors(page) == []
        finally:
            page.context.close()
