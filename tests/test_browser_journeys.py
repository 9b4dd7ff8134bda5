"""Issue 17's three journeys, on a phone (390 px) in both languages, in headless Chromium:

- a citizen goes from Beranda to her puskesmas' card through the unit finder and reads its grade and its median
  first response;
- the Bupati opens Pimpinan and reads which units are slipping (with more than one unit in the official ranking)
  and which complaints are newly overdue;
- a journalist compares Kota and Kabupaten on Kepuasan, downloads the comparison's CSV and copies the citation.

The demo is loaded up to yesterday, as a live installation's data would be, and large enough for diligent units to
reach their minimum sample in the graded quarter (the shared browser demo ends in 2025 and is too small for that).
Every figure read on a page is checked against the data_access function that computes it, on the same database."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest

from components.formatting import fmt_date, fmt_number, fmt_quarter, short_name
from components.i18n import t
from components.leadership.views import SLIPPING_LISTED
from components.satisfaction.tables import REGIONS_TREND
from data_access import clock, config, leadership
from data_access.complaint_queries import unit_complaints_recent
from data_access.db_init import init_database
from data_access.demo import load_demo
from data_access.engine import make_engine
from data_access.filters import Filters
from data_access.ikm_queries import ikm_by_region, ikm_by_unit, ikm_trend, ranking, unit_current
from data_access.periods import period_bounds
from data_access.reference import REGION_CODES
from tests.browser import PHONE, assert_no_horizontal_scroll, new_page, page_errors, start_app, wait_for_app
from tests.test_browser_complaints import PERSONAL, _download

LANGS = ("id", "en")
# The smallest demo (in steps of 10,000 questionnaires) whose graded quarter ranks several units: every unit's
# volume follows its minimum sample, so below about 140,000 none reaches it. Loads in 6-10 s.
SURVEYS = 150_000
COMPLAINTS = 3_000


@pytest.fixture(scope="module")
def journey_db(tmp_path_factory) -> str:
    """A demo database whose data run to yesterday (WIB)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('journeys') / 'journeys.sqlite'}"
    engine = make_engine(url)
    try:
        init_database(engine)
        load_demo(engine, seed=7, until=clock.today_wib() - timedelta(days=1), surveys=SURVEYS,
                  complaints=COMPLAINTS)
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="module")
def facts(journey_db) -> dict:
    """What the pages should say, computed by data_access on the same database."""
    engine = make_engine(journey_db)
    try:
        with engine.connect() as conn:
            quarter = leadership.graded_quarter(conn)
            window = leadership.quarter_filters(Filters(), quarter)
            units = ikm_by_unit(conn, window)
            ranked, _ = ranking(units)
            puskesmas = None
            for row in ranked:
                if row["kind"] != "puskesmas":
                    continue
                recent = unit_complaints_recent(conn, row["unit_code"])
                if recent["received"] and recent["first_response"]["median_workdays"] is not None:
                    puskesmas = {**row, "recent": recent, "card": unit_current(conn, row["unit_code"])}
                    break
            return {
                "quarter": quarter,
                "ranked": ranked,
                "puskesmas": puskesmas,
                "comparison": leadership.unit_comparison(conn, Filters(), config.targets(), quarter),
                "overdue": leadership.newly_overdue(conn, Filters()),
                "regions": ikm_by_region(conn, window),
                "regions_trend": ikm_trend(conn, window, "quarter", by_region=True),
            }
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def journey_server(journey_db):
    with start_app(journey_db) as server:
        yield server


@pytest.fixture
def phone(browser, journey_server):
    page = new_page(browser, **PHONE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=journey_server.url)
    yield page
    page.context.close()


def _open(page, server, path: str, lang: str) -> None:
    joiner = "&" if "?" in path else "?"
    page.goto(f"{server.url}{path}" + (f"{joiner}lang=en" if lang == "en" else ""))
    wait_for_app(page)


def _text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def _finish(page) -> None:
    assert_no_horizontal_scroll(page)
    assert page_errors(page) == []


def test_the_demo_ranks_several_units_in_the_graded_quarter(facts):
    """The journeys' premise, on the data alone: the graded quarter is complete, several units are ranked, one of
    them a puskesmas with complaints in the last 12 months, some units slip and some complaints are newly overdue."""
    assert period_bounds(facts["quarter"])[1] < clock.today_wib()
    assert len(facts["ranked"]) > 1
    assert facts["puskesmas"] is not None
    assert any(row["slipping"] for row in facts["comparison"]["units"])
    assert facts["overdue"]["units"]


# --------------------------------------------------------------------------------------------- the citizen


@pytest.mark.parametrize("lang", LANGS)
def test_a_citizen_finds_her_puskesmas_on_beranda_and_reads_its_grade_and_first_response(
        journey_server, phone, facts, lang):
    page, unit = phone, facts["puskesmas"]
    _open(page, journey_server, "/", lang)
    # She types part of her puskesmas' name in the finder and picks it from what is left.
    finder = page.locator('[data-testid="stSelectbox"]').filter(has_text=t("home.find_unit", lang))
    finder.click()
    typed = unit["name"].split()[-1].lower()
    page.keyboard.type(typed)
    option = f"{unit['name']} · {t('region.' + unit['region_code'], lang)}"
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app(page)
    page.get_by_role("link", name=t("home.find_unit.open", lang)).click()
    page.wait_for_url(re.compile(r"/unit\?"))
    wait_for_app(page)
    assert f"unit={unit['unit_code']}" in page.url
    assert page.get_by_role("heading", name=unit["name"], exact=True).is_visible()

    # Its grade, as the card computes it (ikm_queries.unit_current): the quarter, the IKM and the grade in words.
    card = unit["card"]
    headline = page.locator('[data-testid="stMetric"]').first
    quarter = fmt_quarter(period_bounds(card["period"])[0], lang)
    assert headline.locator('[data-testid="stMetricLabel"]').inner_text().strip() == t("unit.ikm_now", lang,
                                                                                       quarter=quarter)
    graded = card["graded"]
    assert headline.locator('[data-testid="stMetricValue"]').inner_text() == fmt_number(graded["ikm"], 2, lang)
    grade = t("home.grade", lang, grade=graded["grade"], label=t(f"grade.{graded['grade']}", lang))
    assert page.get_by_text(grade, exact=True).is_visible()
    # Its complaint handling over the last 12 months, with the median first response.
    recent = unit["recent"]
    first = recent["first_response"]
    median = t("complaints.workday" if first["median_workdays"] == 1 else "complaints.workdays", lang,
               n=fmt_number(first["median_workdays"], 0, lang))
    block = page.locator('[data-testid="stVerticalBlock"]').filter(
        has=page.get_by_role("heading", name=t("unit.complaints.title", lang, months=12)))
    block_text = block.last.inner_text()  # the innermost block holding the heading: its bordered box
    assert t("unit.complaints.window", lang, first=fmt_date(recent["date_from"], lang),
             last=fmt_date(recent["date_to"], lang)) in block_text
    assert t("unit.complaints.first_response", lang, median=median).replace("**", "") in block_text
    assert t("unit.complaints.received", lang, n=fmt_number(recent["received"], 0, lang)).replace("**", "") \
        in block_text
    _finish(page)


def test_the_card_grades_the_last_complete_quarter_or_says_its_quarter_is_running(journey_server, phone, facts):
    lang, unit = "id", facts["puskesmas"]
    _open(phone, journey_server, f"/unit?unit={unit['unit_code']}", lang)
    """The card grades the quarter Pimpinan ranks (the last complete one), with the ranking's IKM; the running
    quarter appears only labelled as running."""
    label = phone.locator('[data-testid="stMetricLabel"]').first.inner_text().strip()
    assert label == t("unit.ikm_now", lang, quarter=fmt_quarter(period_bounds(facts["quarter"])[0], lang))
    assert phone.locator('[data-testid="stMetricValue"]').first.inner_text() == fmt_number(unit["ikm"], 2, lang)
    running = t("period.running", lang, day="").split(",")[0]  # "berjalan"
    assert unit["card"]["running"] is not None and running in _text(phone)


# ----------------------------------------------------------------------------------------------- the Bupati


def _grid_rows(page, key: str) -> list[list[str]]:
    """The rows (header first) a table's accessible grid shows; the table is the one above the `key` downloads."""
    table = page.locator(f".st-key-{key}-csv").locator("xpath=preceding::div[@data-testid='stDataFrame'][1]")
    table.scroll_into_view_if_needed()
    grid = table.locator('table[role="grid"]')
    grid.wait_for(state="attached")
    return grid.locator("tr").evaluate_all("rows => rows.map(r => [...r.children].map(c => c.innerText.trim()))")


@pytest.mark.parametrize("lang", LANGS)
def test_the_bupati_reads_on_pimpinan_which_units_slip_and_what_is_newly_overdue(
        journey_server, phone, facts, lang):
    page = phone
    _open(page, journey_server, "/pimpinan", lang)
    text = _text(page)

    # Which units are slipping: the takeaway's counts, then the slipping units by name and region, in order.
    assert page.get_by_role("heading", name=t("lead.slipping.heading", lang), exact=True).is_visible()
    units = facts["comparison"]["units"]
    slipping = [row for row in units if row["slipping"]]
    judged = sum(row["judged"] for row in units)
    counts = t("lead.slipping.takeaway", lang, slipping=fmt_number(len(slipping), 0, lang),
               judged=fmt_number(judged, 0, lang), quarter="", previous="", below="", dropped="", provisional="")
    assert counts.split(":")[0].replace("**", "") in text  # "128 of 150 units that can be judged slipped in "
    ci = re.escape(t("lead.slipping.ci", lang, ikm="@", low="@", high="@")).replace("@", r"[\d.,]+")
    items = page.locator('[data-testid="stMarkdownContainer"] li').filter(has_text=re.compile(ci)).all_inner_texts()
    assert len(items) == min(len(slipping), SLIPPING_LISTED)
    for item, row in zip(items, slipping, strict=False):
        assert item.startswith(f"{row['name']}, {t('region.' + row['region_code'], lang)}: "), item

    # More than one unit in the official ranking of the same quarter.
    ranked = facts["ranked"]
    assert len(ranked) > 1
    caption = t("ikm.ranking.caption", lang, ranked=fmt_number(len(ranked), 0, lang), inadequate="@", unknown="@")
    assert caption.split("@")[0] in text  # "Only units with an adequate sample are ranked (13 units). Not ranked: "

    # What is overdue: the complaints that newly passed their limit, the unit with most of them first, by name.
    overdue = facts["overdue"]
    assert page.get_by_role("heading", name=t("lead.overdue.heading", lang), exact=True).is_visible()
    newly = sum(row["newly_overdue"] for row in overdue["units"])
    takeaway = t("lead.exceptions.takeaway", lang, date=fmt_date(overdue["since"], lang), down="0", up="0",
                 newly=fmt_number(newly, 0, lang), units=fmt_number(len(overdue["units"]), 0, lang))
    assert takeaway.split(":")[0] in text and takeaway.split(", ", 2)[-1] in text  # the date; the newly overdue
    _header, first_row, *_ = _grid_rows(page, "newly-overdue")
    assert first_row[0] == short_name(overdue["units"][0]["name"])
    _finish(page)


# ------------------------------------------------------------------------------------------- the journalist


def _excel_csv(text: str) -> tuple[dict[str, str], list[list[str]]]:
    """Metadata lines, a blank line, then the table (header first), read as Indonesian Excel does: `;` between
    cells."""
    head, table = text.split("\n\n", 1)
    meta = {row[0]: row[1] for row in csv.reader(io.StringIO(head), delimiter=";")}
    return meta, list(csv.reader(io.StringIO(table), delimiter=";"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_journalist_compares_kota_and_kabupaten_downloads_the_csv_and_copies_the_citation(
        journey_server, phone, facts, lang, tmp_path):
    page = phone
    _open(page, journey_server, "/kepuasan", lang)

    # Kota and Kabupaten side by side (stacked on a phone), each with its IKM and respondents of the graded quarter.
    heading = page.get_by_role("heading", name=t("ikm.regions.heading", lang), exact=True)
    assert heading.is_visible()
    regions = facts["regions"]
    for code in REGION_CODES:
        card = page.locator('[data-testid="stVerticalBlock"]').filter(
            has=page.get_by_role("heading", name=t(f"region.{code}", lang), exact=True)).last
        values = card.locator('[data-testid="stMetricValue"]').all_inner_texts()
        assert values[:2] == [fmt_number(regions[code].ikm, 2, lang), fmt_number(regions[code].respondents, 0, lang)]

    # The comparison's table, downloaded as CSV.
    page.locator(".st-key-trend-regions-table-view summary").click()  # drawn when opened
    wait_for_app(page)
    download = _download(page, page.locator(".st-key-trend-regions-csv button"))
    assert download.suggested_filename == f"{REGIONS_TREND.filename}.csv"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    raw = path.read_bytes().decode("utf-8")
    assert raw.startswith("\ufeff")
    meta, (header, *rows) = _excel_csv(raw.lstrip("\ufeff"))
    assert meta[t("download.licence", lang)] == "CC BY 4.0"
    assert header == [t(column.label, lang) for column in REGIONS_TREND.columns]
    column = {label: i for i, label in enumerate(header)}
    written = {row[column[t("filter.region", lang)]]: row for row in rows}
    expected = {t(f"region.{p['region_code']}", lang): p for p in facts["regions_trend"]}
    assert written.keys() == expected.keys() == {t(f"region.{code}", lang) for code in REGION_CODES}
    for name, point in expected.items():
        # The file and the cards above it compare the regions on the same figures.
        assert point["ikm"] == regions[point["region_code"]].ikm
        row = written[name]
        # Numbers as the app writes them for Indonesian Excel: comma decimals, whole counts without decimals.
        assert row[column[t("ikm.col.ikm", lang)]] == f"{point['ikm']}".replace(".", ",")
        assert row[column[t("ikm.col.respondents", lang)]] == str(point["respondents"])
        assert row[column[t("ikm.col.grade", lang)]] == point["grade"]
    assert not PERSONAL.findall(raw)

    # The citation, copied to the clipboard from the page's "Copy link / Cite".
    page.get_by_role("button", name=t("cite.button", lang), exact=True).first.click()
    boxes = page.locator('[data-testid="stPopoverBody"]').filter(visible=True).locator('[data-testid="stCode"]')
    boxes.nth(1).wait_for()
    link, shown = boxes.nth(0).inner_text().strip(), boxes.nth(1).inner_text().strip()
    boxes.nth(1).hover()
    boxes.nth(1).get_by_role("button", name="Copy to clipboard").click()
    copied = page.evaluate("navigator.clipboard.readText()").strip()
    assert copied == shown
    assert link.startswith(f"{journey_server.url}/kepuasan?") and f"periode={facts['quarter']}" in link
    assert (lang == "en") == ("lang=en" in link)
    for part in (f". {t('ikm.title', lang)}. ", link, "CC BY 4.0"):
        assert part in copied
    page.keyboard.press("Escape")
    _finish(page)
