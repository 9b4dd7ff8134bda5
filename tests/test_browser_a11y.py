"""Accessibility and phone width of every page in headless Chromium.

- axe-core finds no serious or critical violation on any page (every page of dashboard.py, the hidden unit card, Lacak
  with a real and an unknown ticket, the survey's steps: choosing the unit, answers missing, thanks; Data with a
  ?tabel=, one page in English), at desktop and phone width, with every expander open and every tab shown.
- Every chart carries its takeaway as its accessible name and has a table view, a <summary> the keyboard reaches.
- At 390 px nothing scrolls sideways, whichever tab is shown and with every expander open.
- With the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, typing; no mouse): Peta's list twin (filter it,
  move through it, download it, open a unit's card), the survey from the first question to a stored questionnaire,
  the ticket lookup, and Kepuasan's filters, table view and language switch; focus is visible on every control used.
"""

from __future__ import annotations

import csv as csv_module
import io
import re
import sqlite3
from contextlib import closing, suppress

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sqlalchemy import func, select

from components.i18n import STRINGS
from components.map.folium_map import MARKER_LETTERS
from data_access import schema
from data_access.engine import make_engine
from data_access.map_data import UNRATED
from tests.browser import (
    AXE_JS,
    DESKTOP,
    REPO_ROOT,
    assert_no_horizontal_scroll,
    new_page,
    open_expanders,
    page_errors,
    run_axe,
    screenshot,
    start_app,
    wait_for_app,
)

UNIT = "3514-MPP"  # a demo unit with questionnaires, so its card has charts
TICKET = "DEMO-P-000001"
BLOCKING = ("serious", "critical")
# The survey's answers given by keyboard, in the form's order (1 = worst, 4 = best).
KEYBOARD_ANSWERS = {"persyaratan": 4, "prosedur": 3, "waktu": 2, "biaya": 4, "produk": 3, "kompetensi": 4,
                    "perilaku": 4, "sarana": 1, "pengaduan": 3}


def text(key: str, lang: str = "id", **values) -> str:
    """A UI string as the page shows it (components/i18n.py)."""
    return STRINGS[key][lang].format(**values)


def fill_in_survey(page) -> None:
    """Answer the nine questions (mouse; the keyboard test does it by keyboard) and send them."""
    for group in page.locator('[data-testid="stForm"] [role="radiogroup"]').all():
        group.get_by_role("radio").last.click()
    page.get_by_role("button", name=text("survey.submit")).click()
    page.get_by_text("Terima kasih!").wait_for(timeout=60_000)


def send_empty_survey(page) -> None:
    page.get_by_role("button", name=text("survey.submit")).click()
    page.get_by_text(text("survey.problems")).wait_for(timeout=60_000)


# Every page, as a citizen reaches it: (path, what to do before looking, text that shows the page is the one meant).
VISITS = {
    "beranda": ("beranda", None, "Kabupaten Pasuruan"),
    "pimpinan": ("pimpinan", None, text("nav.pimpinan")),
    "kepuasan": ("kepuasan", None, text("ikm.title")),
    "kepuasan-en": ("kepuasan?lang=en", None, text("ikm.title", "en")),
    "peta": ("peta", None, text("map.list.heading")),
    "pengaduan": ("pengaduan", None, text("complaints.title")),
    "lacak": ("lacak", None, text("track.input")),
    "lacak-tiket": (f"lacak?tiket={TICKET}", None, text("track.stages")),
    "lacak-tidak-ada": ("lacak?tiket=DEMO-P-999999", None, "DEMO-P-999999"),
    "survei-pilih-unit": ("survei", None, text("survey.unit.choose")),
    "survei-masalah": (f"survei?unit={UNIT}", send_empty_survey, text("survey.problems")),
    "survei-terkirim": (f"survei?unit={UNIT}", fill_in_survey, "Terima kasih!"),
    "data": ("data", None, text("data.title")),
    "data-tabel": ("data?tabel=peta-unit", None, text("map.list.heading")),
    "unit": (f"unit?unit={UNIT}", None, "Mal Pelayanan Publik"),
}
# Pages that must show charts (the others may have none).
CHART_VISITS = {"pimpinan", "kepuasan", "kepuasan-en", "pengaduan", "unit"}


def app_pages() -> set[str]:
    """Every url_path dashboard.py's navigation declares, hidden ones included."""
    return set(re.findall(r'url_path="([^"]+)"', (REPO_ROOT / "dashboard.py").read_text()))


def test_the_visits_cover_every_page_of_the_app():
    visited = {path.split("?", 1)[0] for path, _, _ in VISITS.values()}
    assert app_pages() <= visited, sorted(app_pages() - visited)


@pytest.fixture(scope="module")
def a11y_db(demo_sqlite_url, tmp_path_factory) -> str:
    """A copy of the shared demo database: the survey steps store questionnaires, the shared one must not change."""
    source = demo_sqlite_url.removeprefix("sqlite:///")
    target = tmp_path_factory.mktemp("a11y") / "demo.sqlite"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return f"sqlite:///{target}"


@pytest.fixture(scope="module")
def server(a11y_db, browser):
    app = start_app(a11y_db)
    try:
        yield app
    finally:
        app.stop()



@pytest.fixture
def page(browser):
    page = new_page(browser, **DESKTOP)
    yield page
    page.context.close()


def open_page(page, server, path: str) -> None:
    page.goto(f"{server.url}/{path}")
    wait_for_app(page, timeout=120_000)


# ------------------------------------------------------------------------------------------------ axe-core


def _tall(page) -> None:
    """Grow the viewport to the whole page (Streamlit scrolls inside stMain), so that axe judges colour contrast
    everywhere and not only in the first screen."""
    height = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"]')].map(e => e.scrollHeight))""")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(max(int(height), 600), 20_000)})
    page.wait_for_timeout(400)


def _axe(page, where: str, panel=None) -> list[str]:
    """axe-core on the document, the map's frame included (or on one element, e.g. the tab panel just shown): its
    serious and critical violations, each with the nodes it names."""
    options = {"resultTypes": ["violations"]}
    if panel is None:
        for frame in page.frames[1:]:  # axe reaches into a frame only where it runs too
            if not frame.is_detached() and not frame.evaluate("() => typeof window.axe !== 'undefined'"):
                frame.add_script_tag(path=str(AXE_JS))
        result = run_axe(page, options)
    else:
        result = page.evaluate("([panel, options]) => axe.run(panel, options)", [panel, options])
    found = []
    for violation in result["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        nodes = "; ".join(f"{' '.join(map(str, node['target']))} {node['html'][:120]!r}"
                          for node in violation["nodes"][:6])
        found.append(f"{where}: {violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes) "
                     f"{violation['help']} -> {nodes}")
    return found


# The charts and table views shown (those of a tab that is not chosen wait, undrawn, until it is).
_SHOWN_CHARTS_JS = """[...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
    .filter(chart => chart.checkVisibility())"""
_FIGURES_JS = f"""(label) => ({{
    charts: {_SHOWN_CHARTS_JS}.map(chart => ({{
        name: (chart.getAttribute('aria-label') || '').trim(), role: chart.getAttribute('role')}})),
    captions: [...document.querySelectorAll('[data-testid="stCaptionContainer"]')].map(c => c.innerText.trim()),
    tableViews: [...document.querySelectorAll('[data-testid="stExpander"] summary')]
        .filter(summary => summary.checkVisibility()
                && summary.querySelector('[data-testid="stMarkdownContainer"]').innerText.trim() === label)
        .map(summary => summary.tabIndex),
}})"""


def _figure_problems(page, lang: str, where: str) -> tuple[int, list[str]]:
    """The charts shown and what is wrong with them: each must be named by its takeaway, written under it too, and
    have a table view the keyboard reaches."""
    # Vega draws a chart, and names it, once it is shown; a chart still unnamed is reported below, chart by chart.
    with suppress(PlaywrightTimeoutError):
        page.wait_for_function(f"() => {_SHOWN_CHARTS_JS}.every(chart => chart.getAttribute('aria-label'))",
                               timeout=20_000)
    figures = page.evaluate(_FIGURES_JS, text("figure.table_view", lang))
    charts, views = figures["charts"], figures["tableViews"]
    problems = [f"{where}: {len(charts)} charts but {len(views)} table views"] if len(charts) != len(views) else []
    problems += [f"{where}: a chart with role {chart['role']!r}" for chart in charts
                 if chart["role"] != "graphics-document"]
    problems += [f"{where}: chart named {chart['name']!r}, not a takeaway written under it" for chart in charts
                 if not chart["name"] or chart["name"] not in figures["captions"]]
    problems += [f"{where}: a table view out of the tab order" for index in views if index < 0]
    return len(charts), problems


@pytest.mark.parametrize("visit", list(VISITS))
def test_page_is_accessible_and_fits_a_phone(server, sized_page, visit, tmp_path):
    """axe with every expander open, in every tab; every chart with alt text and table view; no sideways scroll."""
    page, size = sized_page, sized_page.size_name
    path, action, marker = VISITS[visit]
    lang = "en" if "lang=en" in path else "id"
    open_page(page, server, path)
    if action:
        action(page)
        wait_for_app(page, timeout=120_000)
    assert page.get_by_text(marker, exact=False).count() > 0, f"{marker!r} not on {visit}"
    assert page.locator('[data-testid="stException"]').count() == 0

    violations: list[str] = []
    open_expanders(page)
    if size == "phone":
        assert_no_horizontal_scroll(page)
    viewport = dict(page.viewport_size)
    _tall(page)
    violations += _axe(page, f"{visit} {size}")
    if size == "phone":
        screenshot(page, tmp_path / f"{visit}-{size}.png")  # the whole page: the viewport is that tall already
    charts, figures = _figure_problems(page, lang, f"{visit} {size}")
    page.set_viewport_size(viewport)
    if visit in CHART_VISITS:
        assert charts, f"no chart on {visit}"

    tabs = page.get_by_role("tab")
    for index in range(tabs.count()):
        tab = tabs.nth(index)
        if tab.get_attribute("aria-selected") == "true":  # the first tab of each group, checked above
            continue
        tab.click()
        open_expanders(page)
        where = f"{visit} {size} tab {tab.inner_text()!r}"
        panel = page.locator(f'[role="tabpanel"][aria-labelledby="{tab.get_attribute("id")}"]')
        panel.evaluate("panel => panel.scrollIntoView({block: 'start'})")
        figures += _figure_problems(page, lang, where)[1]
        if size == "phone":  # the same elements as on a desktop, only narrower: what matters here is the width
            assert_no_horizontal_scroll(page)
        else:  # a panel fits in the desktop viewport: axe checks it where it stands, without resizing the page
            violations += _axe(page, where, panel.element_handle())
    assert not violations, "axe-core found serious or critical violations:\n" + "\n".join(violations)
    assert not figures, "\n".join(figures)
    assert page_errors(page) == []


# ------------------------------------------------------------------------------------------------ keyboard

_ACTIVE_JS = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const group = element.closest('[role="radiogroup"]');
    const shown = element.cloneNode(true);  // its text without icons (aria-hidden), as a screen reader says it
    shown.querySelectorAll('[aria-hidden="true"]').forEach(node => node.remove());
    return {tag: element.tagName, role: element.getAttribute('role') || '',
            name: (element.getAttribute('aria-label') || shown.textContent || element.value || '').trim()
                  .replace(/\\s+/g, ' ').slice(0, 120),
            group: group ? group.getAttribute('aria-label') : null,
            testid: (element.closest('[data-testid]') || element).getAttribute('data-testid')};
}"""

# The focused element and the widget around it, with room for a focus ring drawn outside them.
_FOCUS_BOX_JS = """() => {
    const element = document.activeElement;
    let widget = element;
    for (let node = element; node && node !== document.body; node = node.parentElement) {
        const id = node.getAttribute('data-testid');
        if (id && id.startsWith('st')) { widget = node; break; }
    }
    const a = element.getBoundingClientRect(), b = widget.getBoundingClientRect();
    const left = Math.max(0, Math.min(a.left, b.left) - 6), top = Math.max(0, Math.min(a.top, b.top) - 6);
    const right = Math.min(window.innerWidth, Math.max(a.right, b.right) + 6);
    const bottom = Math.min(window.innerHeight, Math.max(a.bottom, b.bottom) + 6);
    return {x: left, y: top, width: right - left, height: bottom - top};
}"""


def active(page) -> dict | None:
    return page.evaluate(_ACTIVE_JS)


def tab_to(page, matches, *, backwards: bool = False, limit: int = 80) -> dict:
    """Press Tab (Shift+Tab backwards) until the focused element satisfies `matches`; that element."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        page.wait_for_timeout(60)
        focused = active(page)
        if focused and matches(focused):
            return focused
        seen.append(focused and f"{focused['tag']}:{focused['name'][:30]}")
    raise AssertionError(f"not reached with {'Shift+' if backwards else ''}Tab; focus went through {seen}")


def named(name: str, tag: str | None = None):
    return lambda focused: focused["name"].startswith(name) and tag in (None, focused["tag"])


def assert_focus_visible(page) -> None:
    """The focused control looks different from the same control unfocused (a ring, a border, a highlight)."""
    page.evaluate("() => document.activeElement.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(150)
    element = page.evaluate_handle("() => document.activeElement")
    box = page.evaluate(_FOCUS_BOX_JS)
    focused = page.screenshot(clip=box, animations="disabled")
    element.evaluate("element => element.blur()")
    page.wait_for_timeout(150)
    unfocused = page.screenshot(clip=box, animations="disabled")
    element.evaluate("element => element.focus({focusVisible: true})")
    page.wait_for_timeout(150)
    assert focused != unfocused, f"no visible focus on {active(page)}"


def press(page, key: str) -> None:
    """A key that makes the app run again; returns when the run is over."""
    page.keyboard.press(key)
    page.wait_for_timeout(300)  # the rerun's request reaches the server
    wait_for_app(page, timeout=120_000)


def _selected_cell(page) -> dict:
    """The list twin's selected cell in the grid's accessible table: its column, row and text."""
    return page.evaluate("""() => {
        const cell = document.activeElement.closest('[data-testid="stDataFrame"]')
            .querySelector('td[aria-selected="true"]');
        const [, column, row] = cell.id.match(/glide-cell-(\\d+)-(\\d+)/);
        return {column: +column, row: +row, text: cell.innerText.trim()};
    }""")


def test_the_map_list_twin_works_by_keyboard(server, page, tmp_path):
    open_page(page, server, "peta")
    # The list follows the page's filters: Puskesmas only, typed into the kind of unit.
    tab_to(page, named(text("filter.kind"), "INPUT"))
    assert_focus_visible(page)
    page.keyboard.type(text("kind.puskesmas"))
    press(page, "Enter")
    assert "jenis=puskesmas" in page.url
    summary = page.locator('[data-testid="stMarkdownContainer"]', has_text="di peta — mutu:").inner_text()
    listed = int(summary.split(" unit", 1)[0])
    assert 0 < listed < 156

    # Past the map in one step, into the list.
    tab_to(page, named(text("a11y.map.skip"), "A"))
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert page.url.endswith("#daftar-unit")
    tab_to(page, lambda focused: focused["testid"] == "data-grid-canvas", limit=12)
    grid = page.locator('[data-testid="stDataFrame"]').filter(has=page.locator(":focus"))
    assert grid.locator("table").get_attribute("aria-rowcount") == str(listed + 1)  # heading row + units
    assert_focus_visible(page)
    first = _selected_cell(page)
    assert (first["column"], first["row"]) == (0, 0)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)  # the grid redraws, then renders its accessible table
    cell = _selected_cell(page)
    assert (cell["column"], cell["row"]) == (1, 1) and cell["text"] == MARKER_LETTERS[UNRATED]  # its grade
    page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(300)
    name = _selected_cell(page)["text"].split("#", 1)[1]  # the name linked to its card, read at its link's end

    # Out of the grid (Escape, Tab) to the downloads: the CSV holds every listed unit.
    page.keyboard.press("Escape")
    tab_to(page, named(text("download.csv"), "BUTTON"), limit=10)
    assert_focus_visible(page)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    csv = tmp_path / download.value.suggested_filename
    download.value.save_as(csv)
    assert csv.name == "peta-unit.csv"
    table = csv.read_text(encoding="utf-8-sig").split("\n\n", 1)[1]  # below the metadata lines
    rows = list(csv_module.DictReader(io.StringIO(table), delimiter=";"))
    assert len(rows) == listed and {row[text("map.col.kind")] for row in rows} == {text("kind.puskesmas")}

    # Back (Shift+Tab) to the card picker: type the unit's name, Enter, then the link to its card.
    tab_to(page, named(text("a11y.map.card_pick"), "INPUT"), backwards=True, limit=6)
    assert_focus_visible(page)
    page.keyboard.type(name)
    press(page, "Enter")
    link = tab_to(page, lambda focused: focused["tag"] == "A" and name in focused["name"], limit=4)
    assert text("a11y.map.card_open", name=name) in link["name"]
    assert_focus_visible(page)
    press(page, "Enter")
    assert "/unit?unit=" in page.url
    assert page.locator("h1").filter(has_text=name).count() == 1
    assert page_errors(page) == []


def _questionnaires(url: str) -> tuple[list[dict], int]:
    """The unit's questionnaires sent through the form, oldest first, and how many questionnaires there are."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            responses, units = schema.survey_responses, schema.service_units
            rows = conn.execute(
                select(responses).join(units, units.c.id == responses.c.unit_id)
                .where(units.c.code == UNIT, responses.c.source == "form").order_by(responses.c.id)
            ).mappings().all()
            total = conn.execute(select(func.count()).select_from(responses)).scalar_one()
        return [dict(row) for row in rows], total
    finally:
        engine.dispose()


def test_the_survey_is_answered_and_stored_by_keyboard(server, a11y_db, page):
    stored_before, total_before = _questionnaires(a11y_db)
    open_page(page, server, f"survei?unit={UNIT}")
    tab_to(page, lambda focused: (focused["group"] or "").startswith("1. "))
    for number, (element, answer) in enumerate(KEYBOARD_ANSWERS.items(), start=1):
        focused = active(page)
        assert focused["group"].startswith(f"{number}. "), focused
        assert focused["name"] == text(f"survey.answer.{element}.1")  # none chosen: the first answer
        if number == 1:
            assert_focus_visible(page)
        for _ in range(answer - 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Space" if number % 2 else "Enter")  # both choose
        checked = page.locator('[role="radiogroup"]', has=page.locator(":focus")).locator('[aria-checked="true"]')
        assert checked.inner_text() == text(f"survey.answer.{element}.{answer}")
        if number < len(KEYBOARD_ANSWERS):
            page.keyboard.press("Tab")
    # The optional profile: sex by arrows, age typed; the rest left out.
    tab_to(page, lambda focused: focused["group"] == text("survey.sex"), limit=3)  # past the heading's link
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    tab_to(page, named(text("survey.age"), "INPUT"), limit=3)
    assert_focus_visible(page)
    page.keyboard.type("34")
    tab_to(page, named(text("survey.submit"), "BUTTON"), limit=40)
    assert_focus_visible(page)
    press(page, "Enter")

    page.get_by_text("Terima kasih!").filter(visible=True).wait_for(timeout=60_000)
    stored, total = _questionnaires(a11y_db)
    assert total == total_before + 1 and len(stored) == len(stored_before) + 1
    row = stored[-1]
    assert {element: row[element] for element in KEYBOARD_ANSWERS} == KEYBOARD_ANSWERS
    assert (row["sex"], row["age"], row["education"], row["channel"]) == ("P", 34, None, "qr")
    assert page_errors(page) == []


def test_a_ticket_is_looked_up_by_keyboard(server, page):
    open_page(page, server, "lacak")
    tab_to(page, named(text("track.input"), "INPUT"))
    assert_focus_visible(page)
    page.keyboard.type(TICKET)
    press(page, "Enter")
    assert f"tiket={TICKET}" in page.url
    assert page.locator("h2").filter(has_text=TICKET).count() == 1
    assert page.get_by_text(text("track.stages"), exact=True).count() == 1

    tab_to(page, named(text("track.input"), "INPUT"), backwards=True)  # the result's links lie after the field
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("DEMO-P-999999")
    press(page, "Enter")
    assert page.get_by_text("Tiket DEMO-P-999999 tidak ditemukan", exact=False).count() == 1
    assert page.locator("h2").filter(has_text=TICKET).count() == 0

    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("<b>bukan tiket</b>")
    press(page, "Enter")
    assert page.get_by_text(text("track.invalid", max=0)[:30], exact=False).count() == 1
    assert "tiket=" not in page.url
    assert page_errors(page) == []


def test_kepuasan_filters_table_view_and_language_by_keyboard(server, page):
    open_page(page, server, "kepuasan")
    # The page opens on the last complete quarter with data, and says so under the filters.
    default_note = text("period.default_note", period="\0").split("\0")[0]
    assert page.locator('[data-testid="stCaptionContainer"]', has_text=default_note).count() == 1

    tab_to(page, named(text("filter.kind"), "INPUT"))
    assert_focus_visible(page)
    page.keyboard.type(text("kind.puskesmas"))
    press(page, "Enter")
    assert "jenis=puskesmas" in page.url
    assert page.get_by_text(f"{text('filter.kind')}: {text('kind.puskesmas')}").count() > 0

    tab_to(page, named(text("filter.period"), "INPUT"), limit=3)
    assert_focus_visible(page)
    page.keyboard.press("ArrowDown")  # opens the list on the current period (the default quarter)
    page.keyboard.press("ArrowDown")
    press(page, "Enter")
    assert "periode=" in page.url
    assert page.get_by_text(f"{text('filter.period')}: ").count() > 0
    # Shift+Tab back to the kind of unit; the arrow opens its list, Home goes to "Semua", Enter takes it.
    tab_to(page, named(text("filter.kind"), "INPUT"), backwards=True, limit=3)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Home")
    press(page, "Enter")
    assert "jenis=" not in page.url

    # A chart's table view opens with Enter and shows its table.
    summary = tab_to(page, named(text("figure.table_view")))
    assert summary["tag"] == "SUMMARY"
    assert_focus_visible(page)
    details = page.locator("details", has=page.locator("summary:focus"))
    page.keyboard.press("Enter")
    details.locator('[data-testid="stDataFrame"]').wait_for(state="visible")
    page.keyboard.press("Space")  # and closes with Space
    page.wait_for_function("details => !details.open", arg=details.element_handle())

    # The language switch in the sidebar: back to its first choice, an arrow to English, Space.
    tab_to(page, lambda focused: focused["name"] == "Bahasa Indonesia", backwards=True, limit=120)
    assert_focus_visible(page)
    page.keyboard.press("ArrowRight")
    press(page, "Space")
    assert "lang=en" in page.url
    assert page.locator("h1").filter(has_text=text("ikm.title", "en")).count() == 1
    assert page_errors(page) == []
