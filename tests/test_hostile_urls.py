"""Hostile URLs on every page: each query parameter the app reads, and unknown ones, set to oversized, repeated,
malformed, unicode/RTL/NUL, path-traversal, SQL- and HTML/script-shaped values.

AppTest runs the whole matrix on SQLite, and on PostgreSQL for the pages whose free-text parameters (?tiket=, ?unit=)
reach a query. Each page must render what it renders with no parameters at all (same title and headings, the same
filter values), drop the bad values from the address (or say plainly that a ticket or unit code is not valid), show no
traceback and no database notice, and leave the database exactly as it was. A few of the nastiest URLs then go through
headless Chromium: no dialog opens, no injected element exists, no JavaScript error.

Unknown parameters are ignored: no page reads them, and the "Salin tautan / Kutip" link leaves them out. They stay in
the address bar, where the visitor put them.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from components.i18n import STRINGS
from data_access import schema
from data_access.db_init import init_database
from data_access.engine import make_engine
from tests.app_runs import ROOT, open_app
from tests.browser import new_page, page_errors, start_app, wait_for_app
from tests.factories import add_complaint, add_done_when_units, wib

# Every query parameter the app reads, with a value it accepts (test_every_parameter_the_app_reads_is_listed keeps
# this list complete).
VALID = {
    "lang": "en", "wilayah": "35.75", "jenis": "mpp", "kecamatan": "35.75.04", "periode": "2025", "tabel": "ikm-unsur",
    "unit": "3575-MPP", "mutu": "A", "ukuran": "pengaduan", "banding": "bulan", "minggu": "2025-W20", "tren": "quarter",
    "tiket": "LAPOR-0001",
}
# Free text a page looks up (after checking its shape) rather than picking from a list.
LOOKED_UP = {"unit", "tiket"}
UNKNOWN = ("zz", "<script>alert('k')</script>", "utm_source")

SCRIPT = "\"><script>alert('xss')</script><img src=x onerror=alert(1)>[klik](javascript:alert(2))"
# Streamlit ignores a whole query string longer than 512 Ki characters, so the matrix's every-parameter run uses
# 30,000 characters a value (about 480,000 in all); each parameter also gets 100 kB alone
# (test_a_100_kb_value_in_each_parameter_is_dropped), and the 512 Ki limit is passed once.
HOSTILE: dict[str, str] = {
    "oversized": "A" * 30_000,
    "unicode-malformed": "\u202e٣٥.٧٥\x00ＭＰＰ😀\r\n%%;&=?#",  # RTL override, Arabic-Indic and full-width digits, NUL
    "traversal-sql": "../../../../etc/passwd' OR '1'='1'; DROP TABLE complaints; --",
    "script": SCRIPT,
    "empty": "",
}
# Besides these, "repeated": each parameter given twice, a valid value then the script-shaped one (the last counts).
VALUE_NAMES = [*HOSTILE, "repeated"]
PAGES_WITH_LOOKUPS = ("lacak", "unit", "survei", "data")


def app_pages() -> list[str]:
    """The pages dashboard.py registers, by file stem (hidden ones included)."""
    return re.findall(r'st\.Page\("app_pages/(\w+)\.py"', (ROOT / "dashboard.py").read_text())


def query(value_name: str) -> dict[str, str | list[str]]:
    """Every parameter the app reads, and the unknown ones, set to the named hostile value."""
    if value_name == "repeated":
        return {**{key: [valid, SCRIPT] for key, valid in VALID.items()}, **{key: [SCRIPT, SCRIPT] for key in UNKNOWN}}
    return dict.fromkeys((*VALID, *UNKNOWN), HOSTILE[value_name])


# --------------------------------------------------------------------------------------------------- the database


def snapshot(url: str) -> dict[str, list]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {table.name: sorted((tuple(row) for row in conn.execute(select(table))), key=repr)
                    for table in schema.metadata.sorted_tables}
    finally:
        engine.dispose()


@dataclass
class Site:
    url: str
    baselines: dict = field(default_factory=dict)  # page -> the page opened without parameters


def _build(url: str) -> Site:
    engine = make_engine(url)
    try:
        init_database(engine)
        add_done_when_units(engine)
        with engine.connect() as conn:
            unit = conn.execute(select(schema.service_units.c.id).where(schema.service_units.c.code == "3575-MPP")) \
                .scalar_one()
        add_complaint(engine, unit, wib(2025, 3, 26, 9), "ditindaklanjuti", ticket="LAPOR-0001",
                      verified_at=wib(2025, 3, 27, 9), first_response_at=wib(2025, 4, 9, 10))
    finally:
        engine.dispose()
    return Site(url)


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory) -> Site:
    return _build(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.sqlite'}")


@pytest.fixture(scope="module")
def postgresql_site(pg_server) -> Site:
    return _build(pg_server.create_database("dasbor_hostile"))


# ---------------------------------------------------------------------------------------------------- the pages


def open_page(monkeypatch, url: str, page: str, params: dict) -> AppTest:
    return open_app(monkeypatch, url, f"app_pages/{page}.py", params)


@dataclass(frozen=True)
class Seen:
    """What a visitor sees of a page's structure, and the values its URL-bound filters took."""

    headings: tuple
    filters: tuple
    notices: tuple
    address: tuple  # the filters the page's own address names (a page may pin its default period there)

    @classmethod
    def of(cls, app: AppTest) -> Seen:
        headings = tuple((kind, element.value) for kind in ("title", "header", "subheader") for element in
                         getattr(app, kind))
        state = app.session_state
        filters = tuple((key, state[key]) for key in VALID if key not in LOOKED_UP and key in state)
        notices = tuple(kind for kind in ("error", "warning", "info", "success") if getattr(app, kind))
        address = tuple((key, app.query_params[key]) for key, _ in filters if key in app.query_params)
        return cls(headings, filters, notices, address)


def everything_shown(app: AppTest) -> str:
    """Every text on the page but the code boxes (the "Salin tautan / Kutip" link and citation)."""
    parts = [str(element.value) for kind in ("title", "header", "subheader", "markdown", "caption", "info",
                                             "warning", "error", "success", "text")
             for element in getattr(app, kind)]
    parts += [f"{metric.label} {metric.value}" for metric in app.metric]
    parts += [frame.value.to_csv() for frame in app.dataframe]
    return "\n".join(parts)


DB_NOTICE = {STRINGS["app.db_unavailable"]["id"], STRINGS["app.db_unavailable"]["en"]}


def check_hostile_page(monkeypatch, site: Site, page: str, value_name: str, params: dict | None = None) -> None:
    """Open the page with hostile parameters (all of them, or `params`) and compare it with the page opened bare."""
    if page not in site.baselines:
        site.baselines[page] = Seen.of(open_page(monkeypatch, site.url, page, {}))
    baseline = site.baselines[page]
    before = snapshot(site.url)
    params = query(value_name) if params is None else params

    app = open_page(monkeypatch, site.url, page, params)

    assert not app.exception, app.exception
    shown = everything_shown(app)
    assert "Traceback" not in shown and 'File "' not in shown
    assert not DB_NOTICE & {warning.value for warning in app.warning}
    seen = Seen.of(app)
    assert seen.headings == baseline.headings
    assert seen.filters == baseline.filters  # every bad value dropped: each filter as with no parameters
    # every bad value dropped from the address too: it names what the bare page's does (its pinned default period)
    assert seen.address == baseline.address, f"address {seen.address} kept, bare page has {baseline.address}"
    # The script-shaped value is never echoed (Streamlit's markdown would not run it anyway); a malformed ticket or
    # unit code is named as malformed instead. The link to cite holds only parameters the app reads, as plain text.
    assert "<script>" not in shown and "onerror" not in shown and "javascript:" not in shown
    assert not any("<script>" in code.value or "javascript:" in code.value for code in app.code)
    assert not any(quote(key, safe="") + "=" in code.value for code in app.code for key in UNKNOWN)
    extra = set(seen.notices) - set(baseline.notices)
    if page == "lacak" and value_name != "empty" and "tiket" in params:
        assert any("bukan nomor tiket yang sah" in warning.value for warning in app.warning)
        assert "tiket" not in app.query_params
    elif page in ("unit", "survei") and value_name != "empty" and "unit" in params:
        assert any("kode unit yang sah" in info.value for info in app.info), \
            [info.value for info in app.info]
    else:
        assert not extra, extra
    assert snapshot(site.url) == before


@pytest.mark.parametrize("value_name", VALUE_NAMES)
@pytest.mark.parametrize("page", app_pages())
def test_every_page_drops_hostile_parameters_on_sqlite(monkeypatch, sqlite_site, page, value_name):
    check_hostile_page(monkeypatch, sqlite_site, page, value_name)


@pytest.mark.parametrize("value_name", VALUE_NAMES)
@pytest.mark.parametrize("page", PAGES_WITH_LOOKUPS)
def test_pages_that_look_values_up_drop_hostile_parameters_on_postgresql(monkeypatch, postgresql_site, page,
                                                                         value_name):
    check_hostile_page(monkeypatch, postgresql_site, page, value_name)


# The page that reads each parameter (the sidebar's are read everywhere).
READER = {"lang": "beranda", "wilayah": "pengaduan", "jenis": "kepuasan", "kecamatan": "kepuasan",
          "periode": "kepuasan", "tabel": "data", "unit": "unit", "mutu": "peta", "ukuran": "peta",
          "banding": "pimpinan", "minggu": "pimpinan", "tren": "kepuasan", "tiket": "lacak"}


@pytest.mark.parametrize("key", list(VALID))
def test_a_100_kb_value_in_each_parameter_is_dropped(monkeypatch, sqlite_site, key):
    check_hostile_page(monkeypatch, sqlite_site, READER[key], "oversized", {key: "=" + "A" * 100_000})


def test_a_query_string_past_streamlits_limit_is_ignored_whole(monkeypatch, sqlite_site):
    """1.6 MB of parameters: Streamlit reads none of them (its limit is 512 Ki characters); the page is the bare one."""
    params = dict.fromkeys(VALID, "A" * 100000)
    app = open_page(monkeypatch, sqlite_site.url, "kepuasan", params)
    assert not app.exception, app.exception
    if "kepuasan" not in sqlite_site.baselines:
        sqlite_site.baselines["kepuasan"] = Seen.of(open_page(monkeypatch, sqlite_site.url, "kepuasan", {}))
    assert Seen.of(app) == sqlite_site.baselines["kepuasan"]


def test_a_repeated_parameter_counts_by_its_last_value(monkeypatch, sqlite_site):
    """?a=bad&a=good: the good one is used (browsers and Streamlit keep the last), so a shared link still works."""
    params = {key: [SCRIPT, valid] for key, valid in VALID.items()}
    app = open_page(monkeypatch, sqlite_site.url, "kepuasan", params)
    assert not app.exception, app.exception
    state = app.session_state
    assert [state[key] for key in ("lang", "wilayah", "jenis", "kecamatan", "periode")] == \
        ["en", "35.75", "mpp", "35.75.04", "2025"]
    assert app.title[0].value == "Citizen satisfaction (IKM)"
    app = open_page(monkeypatch, sqlite_site.url, "lacak", params)
    assert "LAPOR-0001" in [heading for _, heading in Seen.of(app).headings]


def test_every_parameter_the_app_reads_is_listed():
    """Every key passed to adopt_query_param / url_select or read from st.query_params is in VALID, so the matrix
    above covers parameters added later too; and every registered page is in it."""
    read = set()
    for path in sorted((ROOT / "components").rglob("*.py")) + sorted((ROOT / "app_pages").glob("*.py")):
        source = path.read_text()
        names = re.findall(r"(?:adopt_query_param|url_select)\(\s*([A-Z_]+)\b", source)
        names += re.findall(r"query_params(?:\.get\(|\[)\s*([A-Z_]+)\b", source)
        if names:  # only components name parameters: importing a page script would run it
            module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
            read |= {getattr(module, name) for name in names}
    read |= {"lang", "wilayah"}  # the sidebar's, read through layout.py's constants LANG_KEY and REGION_KEY
    assert read == set(VALID)
    assert set(PAGES_WITH_LOOKUPS) <= set(app_pages())
    assert len(app_pages()) == 9


# ------------------------------------------------------------------------------------------------------ Chromium

# (address, the page's title): the page still shows its normal heading. Values stay at 30,000 characters here:
# Tornado, in front of the app, refuses a request whose first lines pass 64 KiB with "400 Invalid HTTP request"
# (or not, depending on how the bytes arrive), before any of the app runs; AppTest covers 100 kB values.
NASTY = [
    ("lacak?tiket=" + quote("<img src=x onerror=alert(1)>") + "&zz=" + quote("<script>alert(2)</script>"),
     "Lacak pengaduan"),
    ("unit?unit=" + quote('"><svg onload=alert(3)>'), "Rapor unit"),
    ("data?tabel=" + quote("../../etc/passwd") + "&unit=" + quote("' OR 1=1--") + "&lang="
     + quote("<script>alert(4)</script>"), "Data & Metodologi"),
    # Invalid UTF-8 (%FF%FE), an encoded lone surrogate (%ED%A0%80) and NUL, besides the script.
    ("kepuasan?wilayah=35.75&wilayah=" + quote("<script>alert(5)</script>") + "&periode=%00&jenis=%FF%FE"
     + "&kecamatan=%ED%A0%80&tren=" + quote("javascript:alert(6)") + "&x=" + "B" * 30_000,
     "Kepuasan masyarakat (IKM)"),
    ("pimpinan?minggu=" + "9" * 30_000 + "&banding=" + quote("' OR '1'='1'; DROP TABLE complaints; --"),
     "Pimpinan"),
    ("survei?unit=" + quote("\u202e<iframe src=javascript:alert(7)>"), "Survei Kepuasan Masyarakat"),
]
INJECTED = """() => [
    ...document.querySelectorAll('img[src="x"], svg[onload], iframe[src^="javascript"], [onerror], [onload]'),
    ...[...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert(')),
].length"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    site = _build(f"sqlite:///{tmp_path_factory.mktemp('hostile-browser') / 'hostile.sqlite'}")
    server = start_app(site.url)
    try:
        yield server, site
    finally:
        server.stop()


def test_nasty_urls_run_no_script_in_chromium(hostile_server, browser):
    server, site = hostile_server
    before = snapshot(site.url)
    dialogs: list[str] = []
    for path, title in NASTY:
        page = new_page(browser, 1366, 900)  # a fresh one each time: no 30 kB Referer from the page before
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            page.goto(f"{server.url}/{path}")
            wait_for_app(page)
            text = page.inner_text("body")
            assert page.locator("h1").first.inner_text().strip() == title, path
            assert "Traceback" not in text, path
            assert page.evaluate(INJECTED) == 0, path
            assert page.locator('[data-testid="stException"]').count() == 0, path
            if path.startswith("kepuasan"):
                page.get_by_role("button", name="Salin tautan / Kutip").first.click()
                link = page.locator('[data-testid="stCode"]').first.inner_text()
                assert "<script>" not in link and "%3Cscript%3E" not in link  # the bad region was dropped
                assert "x=BBB" not in link  # and the unknown parameter left out
            assert page_errors(page) == [], path
        finally:
            page.context.close()
    assert dialogs == []
    assert snapshot(site.url) == before
