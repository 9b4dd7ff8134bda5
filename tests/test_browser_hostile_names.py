"""In Chromium at 1280 px, with every request outside the app refused: units named and addressed in markdown and
HTML (tests/test_hostile_names.py's database) show as the text they are on every page that names them — the card,
the survey form and its thanks, Lacak, Kepuasan, Pengaduan, Pimpinan, Peta and Beranda's finder. No link leads out
of the app but its own (OpenStreetMap from the card), no image comes from elsewhere, no request leaves the app, no
heading of its own says BIG, and '**X**' is there to read."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from components.survey.views import QUESTION_ORDER
from tests.browser import new_page, page_errors, start_app, wait_for_app
from tests.test_hostile_names import TICKET, hostile_db  # noqa: F401 (the database fixture)

WIDTH, HEIGHT = 1280, 900
# Outside addresses the app links to itself: the card's map link, the map's credits.
OWN_OUTSIDE_LINKS = ("https://www.openstreetmap.org/", "https://leafletjs.com/",
                     "https://github.com/cahyadsn/wilayah_boundaries")
# Every link, image and heading of the page and of its frames (the map is an iframe).
_DOCUMENT_JS = """() => {
    const docs = [document];
    for (const frame of document.querySelectorAll('iframe')) {
        try { if (frame.contentDocument) docs.push(frame.contentDocument); } catch (e) {}
    }
    const all = (selector) => docs.flatMap(d => [...d.querySelectorAll(selector)]);
    return {links: all('a[href]').map(a => a.href), images: all('img').map(i => i.src),
            headings: all('h1, h2, h3, h4, h5, h6').map(h => h.innerText)};
}"""


@pytest.fixture(scope="module")
def hostile_server(hostile_db):  # noqa: F811
    """The app on the hostile database, without map tiles (they are the only outside requests the app makes)."""
    url, code = hostile_db
    with start_app(url, env={"MAP_TILES": "none"}) as server:
        server.unit = code
        yield server


@pytest.fixture
def app_only(browser, hostile_server):
    """A 1280 px page whose requests outside the app's host and port are refused and listed."""
    page = new_page(browser, WIDTH, HEIGHT, route_cdn=False)
    origin = urlsplit(hostile_server.url).netloc
    refused: list[str] = []

    def refuse(route):
        refused.append(route.request.url)
        route.abort("internetdisconnected")

    page.context.route(lambda url: urlsplit(url).netloc != origin, refuse)
    yield page, refused
    page.context.close()


def check_page(page, origin: str, literal: str | None = "**X**") -> None:
    """Nothing on the page (or in its frames) links or loads outside the app, no heading of its own says BIG (a
    title holding the whole name, '# BIG' in it, is the name as text), and `literal` can be read."""
    found = page.evaluate(_DOCUMENT_JS)
    outside = [href for href in found["links"] if urlsplit(href).scheme in ("http", "https")
               and urlsplit(href).netloc != origin and not href.startswith(OWN_OUTSIDE_LINKS)]
    assert outside == []
    assert [src for src in found["images"] if not src.startswith(("data:", "blob:"))
            and urlsplit(src).netloc != origin] == []
    assert [h for h in found["headings"] if h.strip().startswith("BIG")] == []  # what '\n\n# BIG' would open
    if literal is not None:
        assert page.get_by_text(literal, exact=False).filter(visible=True).count() > 0, page.url


def pick(page, label: str, code: str) -> None:
    """The unit `code` chosen in the selectbox labelled `label`, by typing its code."""
    page.locator('[data-testid="stSelectbox"]').filter(has_text=label).click()
    page.keyboard.type(code)
    page.get_by_role("option").filter(has_text=code).first.click()


def test_hostile_names_stay_text_on_every_page(hostile_server, app_only):
    page, refused = app_only
    base, code = hostile_server.url, hostile_server.unit
    origin = urlsplit(base).netloc

    page.goto(f"{base}/unit?unit={code}")
    wait_for_app(page)
    check_page(page, origin)
    assert page.locator("h1").first.inner_text().startswith(f"**X** {code} [klik](https:")
    check_page(page, origin, "Jl. <img src=http:")  # the address, as typed

    page.goto(f"{base}/lacak?tiket={TICKET}")
    wait_for_app(page)
    check_page(page, origin)
    unit_link = page.locator('[data-testid="stMarkdownContainer"] a', has_text="**X**")
    assert unit_link.get_attribute("href").endswith(f"/unit?unit={code}")  # a real link to the card
    check_page(page, origin, "**kategori** <img src=http:")

    for path in ("kepuasan", "pengaduan", "pimpinan"):
        page.goto(f"{base}/{path}")
        wait_for_app(page)
        check_page(page, origin)

    page.goto(f"{base}/peta")
    wait_for_app(page)
    pick(page, "rapor", code)
    wait_for_app(page)
    check_page(page, origin)
    assert page.locator('[data-testid="stPageLink"]', has_text="**X**").count() == 1

    page.goto(base)
    wait_for_app(page)
    pick(page, "Cari unit layanan", code)
    wait_for_app(page)
    check_page(page, origin, None)
    finder = page.locator('[data-testid="stSelectbox"]').filter(has_text="Cari unit layanan").locator("input")
    assert finder.input_value().startswith(f"**X** {code} [klik](https://evil.example/)")  # a box shows plain text

    page.goto(f"{base}/survei?unit={code}")
    wait_for_app(page)
    check_page(page, origin)
    for name in QUESTION_ORDER:
        page.locator(f".st-key-survey-{name} button").nth(2).click()
    page.get_by_role("button", name="Kirim jawaban").click()
    wait_for_app(page)
    assert page.locator('[data-testid="stAlert"]', has_text="Terima kasih").count() == 1
    check_page(page, origin)

    assert refused == []
    assert page_errors(page) == []
