"""The Peta page in headless Chromium: markers drawn, a popup whose link opens the unit page, filters that swap
markers without reloading the map; and, with every request outside the app refused, the map drawn from the app's
own Leaflet copies with grade-coloured markers and clusters and the kecamatan polygons, or a notice where the map
would be when Leaflet cannot load."""

from __future__ import annotations

from urllib.parse import urlsplit

import openpyxl
import pytest

from components.chart_style import GRADE_COLORS
from data_access.db_init import init_database
from data_access.elements import ELEMENTS
from data_access.engine import make_engine
from tests.browser import (
    DESKTOP,
    assert_no_horizontal_scroll,
    new_page,
    page_errors,
    screenshot,
    start_app,
    wait_for_app,
)
from tests.factories import add_questionnaires, add_unit, answers_totalling, wib

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
UNIT_MARKERS = ".leaflet-marker-icon.peta-unit"
CLUSTERS = ".leaflet-marker-icon.peta-cluster"


@pytest.fixture(scope="module")
def server(app_server, browser):
    """The module's app on the demo database."""
    return app_server


def open_map(page, url: str, query: str = ""):
    """/peta opened (with ?query) and its map drawn; the map's frame."""
    page.goto(f"{url}/peta{query}")
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
    clusters = frame.locator(f"{CLUSTERS} [data-n]")
    return singles + sum(int(clusters.nth(i).get_attribute("data-n")) for i in range(clusters.count()))


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


# ------------------------------------------------------------------------------- offline, from the app alone

SURVEYED = wib(2025, 7, 15, 10)
# Ten respondents from units serving ten users a year: an adequate sample by any reading of the rule.
TEN_USERS = 10
ALL_ANSWERS = {"A": 4, "C": 3, "D": 2}  # every answer 4: IKM 100 (A); 3: 75 (C); 2: 50 (D)


def graded_unit(engine, code: str, grade: str, lat: float, lng: float, region: str = "35.75") -> None:
    unit = add_unit(engine, code, region=region, name=f"Unit {code}", annual_users=TEN_USERS, latitude=lat,
                    longitude=lng)
    if grade == "B":  # 306 points over 90 answers: 3.4 a point, IKM 85.00
        add_questionnaires(engine, unit, answers_totalling(306, 10), SURVEYED)
    else:
        add_questionnaires(engine, unit, [dict.fromkeys(ELEMENTS, ALL_ANSWERS[grade])] * 10, SURVEYED)


@pytest.fixture(scope="module")
def graded_server(tmp_path_factory):
    """The app on a few units whose grades are known: in the Kota a close group of 3 B, 1 A and 1 not yet graded
    (a B cluster); in the Kabupaten a group of 2 C and 2 D (a tie: a D cluster); and two units alone, A and D."""
    url = f"sqlite:///{tmp_path_factory.mktemp('graded') / 'graded.sqlite'}"
    engine = make_engine(url)
    try:
        init_database(engine)
        for i, grade in enumerate("BBBA"):
            graded_unit(engine, f"3575-K{i}", grade, -7.645 + i * 0.001, 112.905)
        add_unit(engine, "3575-K9", name="Unit tanpa kuesioner", latitude=-7.649, longitude=112.905)
        for i, grade in enumerate("CCDD"):
            graded_unit(engine, f"3514-T{i}", grade, -7.75 + i * 0.001, 112.70, region="35.14")
        graded_unit(engine, "3514-SA", "A", -7.90, 112.60, region="35.14")
        graded_unit(engine, "3514-SD", "D", -7.62, 113.02, region="35.14")
    finally:
        engine.dispose()
    with start_app(url) as server:
        yield server


def app_only_page(browser, server):
    """A page whose every request outside the app's own host and port is refused; the refused ones are listed."""
    page = new_page(browser, **DESKTOP, route_cdn=False)
    origin = urlsplit(server.url).netloc
    refused: list[tuple[str, str]] = []

    def refuse(route):
        refused.append((route.request.resource_type, route.request.url))
        route.abort("internetdisconnected")

    page.context.route(lambda url: urlsplit(url).netloc != origin, refuse)
    return page, refused


def rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def fill_of(locator) -> str:
    return locator.evaluate("el => getComputedStyle(el.querySelector('span')).backgroundColor")


def test_with_only_the_app_the_map_draws_grade_colours_clusters_and_kecamatan(graded_server, browser, tmp_path):
    page, refused = app_only_page(browser, graded_server)
    try:
        frame = open_map(page, graded_server.url, "?periode=semua")
        screenshot(page, tmp_path / "peta-offline.png")
        # single units in their grade's colour, the letter on it
        for grade in ("A", "D"):
            single = frame.locator(f"{UNIT_MARKERS}.peta-{grade}")
            assert single.count() == 1 and single.inner_text() == grade
            assert fill_of(single) == rgb(GRADE_COLORS[grade])
        # clusters in their units' most common grade, the lower one on a tie, with count and letter
        majority_b, tie_d = frame.locator(".peta-cluster-B"), frame.locator(".peta-cluster-D")
        assert majority_b.count() == tie_d.count() == 1
        assert fill_of(majority_b) == rgb(GRADE_COLORS["B"]) and fill_of(tie_d) == rgb(GRADE_COLORS["D"])
        assert majority_b.inner_text().split() == ["5", "B"] and tie_d.inner_text().split() == ["4", "D"]
        assert "A 1, B 3, C 0, D 0, – 1" in majority_b.locator("[aria-label]").get_attribute("aria-label")
        assert drawn_markers(frame) == 11
        # the shipped kecamatan boundaries: one polygon each (the regions' outlines are not interactive)
        polygons = frame.locator(".leaflet-overlay-pane path.leaflet-interactive")
        assert polygons.count() == 28
        credit = frame.locator(".leaflet-control-attribution")
        assert "© cahya dsn (MIT)" in credit.inner_text()
        assert credit.locator('a[href="https://github.com/cahyadsn/wilayah_boundaries"]').count() == 1
        # nothing the map needs came from elsewhere: only background tiles were asked of other hosts
        assert [url for kind, url in refused if kind in ("script", "stylesheet", "font")] == []
        assert page_errors(page) == []
    finally:
        page.context.close()


def test_a_notice_stands_where_the_map_would_be_when_leaflet_cannot_load(graded_server, browser):
    page, _ = app_only_page(browser, graded_server)
    page.context.route("**/leaflet.js", lambda route: route.abort("connectionrefused"))
    try:
        page.goto(graded_server.url + "/peta?lang=en")
        wait_for_app(page)
        notice = page.frame_locator(MAP_FRAME).get_by_role("alert")
        notice.wait_for(state="visible", timeout=30_000)
        assert notice.inner_text().startswith("The map could not be loaded in this browser.")
        assert page.locator(MAP_FRAME).bounding_box()["height"] >= 40  # not a 0-px frame
    finally:
        page.context.close()
