"""Privacy crawl in headless Chromium: complaint texts, survey suggestions and the services respondents typed carry
canary personal data (names, NIK, phone numbers in several formats, e-mail, home address) in four units of both
regions, recent and years old; every page of dashboard.py, with the filters, languages, tabs, expanders, popovers and
map popups that matter, and every file those views offer (CSV, XLSX, PNG, the weekly PDF, every ?tabel= of the Data
page) must hold none of it. What the browser receives over Streamlit's websocket is searched too: tables are drawn
on a canvas and charts from a spec, so neither shows up whole in the page's HTML.
Small counts are checked the same way: a kecamatan × category cell of 3 complaints reads "<5" on the page and in
its downloads, together with the cells that would give it away."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from components.datasets import DATASETS
from components.i18n import STRINGS, t
from data_access import schema
from data_access.complaint_rules import CATEGORIES
from data_access.db_init import init_database
from data_access.demo import load_demo
from data_access.demo_units import UNITS
from data_access.elements import ELEMENTS
from data_access.engine import make_engine
from data_access.importers import import_file
from data_access.leadership import GRADE_WINDOW_DAYS
from data_access.reference import KECAMATAN
from data_access.sample import minimum_sample, period_population
from data_access.survey_intake import Submission, submit_questionnaire
from data_access.workdays import WIB, add_workdays, wib_date
from tests.browser import DESKTOP, REPO_ROOT, new_page, open_expanders, start_app, wait_for_app
from tests.conftest import DEMO_SIZE
from tests.factories import add_complaint, add_questionnaires, answers
from tests.test_browser_citation import _read_excel_csv
from tests.test_browser_complaints import PERSONAL, _download
from tests.test_browser_live import answer_every_question, send
from tests.test_browser_map import CLUSTERS, MAP_FRAME, UNIT_MARKERS, open_a_popup

# ------------------------------------------------------------------------------------------------- canaries


@dataclass(frozen=True)
class Person:
    """A fictitious person whose every detail is distinctive enough to search for anywhere."""

    name: str
    nik: str
    phones: tuple[str, ...]  # as people write them: dashes, dots, spaces, +62, an area code in brackets
    email: str
    address: str

    def words(self) -> tuple[str, ...]:
        """Lower-case pieces that must never appear: each name, the e-mail's parts, the street, the RT/RW."""
        local, domain = self.email.split("@")
        street = re.match(r"(?:Jl\.|Gg\.) (\w+)", self.address)[1]
        rt_rw = re.search(r"RT \d+/RW \d+", self.address)[0]
        return (*self.name.lower().split(), local, domain, street.lower(), rt_rw.lower())

    def numbers(self) -> tuple[str, ...]:
        """The NIK and each phone's subscriber digits (without 0 or 62), to be found in any grouping."""
        phones = [re.sub(r"^(?:62|0)", "", re.sub(r"\D", "", phone)) for phone in self.phones]
        return (self.nik, *phones)


COMPLAINANT = Person("Gandaresmi Wulungsari", "3514087654321098",
                     ("0812-3456-7890", "+62 857 1122 3344", "(0343) 4219876"),
                     "gandaresmi.wulung@surel-contoh.id", "Jl. Srigunting Kencana No. 47 RT 17/RW 23")
RESPONDENT = Person("Larasindah Purbasari", "3575016543210987",
                    ("0878.5566.4433", "081377665544", "62 896 7788 9900"),
                    "larasindah.p@surel-contoh.id", "Gg. Cendrawasih Jingga No. 5 RT 04/RW 09")
PEOPLE = (COMPLAINANT, RESPONDENT)


def complaint_text(topic: str, person: Person = COMPLAINANT) -> str:
    phones = person.phones
    return (f"{topic} Nama saya {person.name}, NIK {person.nik}, HP {phones[0]}, WA {phones[1]}, "
            f"telp rumah {phones[2]}, email {person.email}, alamat {person.address}.")


def suggestion_text(person: Person = RESPONDENT) -> str:
    phones = person.phones
    return (f"Antrean terlalu lama. Saya {person.name} (NIK {person.nik}) mohon dihubungi di {phones[0]}, "
            f"{phones[1]} atau {phones[2]}, {person.email}; rumah saya {person.address}.")


def service_text(person: Person = RESPONDENT) -> str:
    return f"Legalisir KK a.n. {person.name}, NIK {person.nik}, HP {person.phones[1]}"


# Digits of a canary in any grouping: up to two of the separators people and spreadsheets put between digits.
_SEPARATORS = r"[\s.\-/()+]{0,2}"
CANARY_WORDS = tuple(word for person in PEOPLE for word in person.words())
CANARY_NUMBERS = tuple(re.compile(_SEPARATORS.join(number)) for person in PEOPLE for number in person.numbers())


def canaries_in(text: str) -> list[str]:
    """Every canary word or number found in `text`."""
    lowered = text.lower()
    found = [word for word in CANARY_WORDS if word in lowered]
    return found + [match.group(0) for pattern in CANARY_NUMBERS for match in pattern.finditer(text)]


# ------------------------------------------------------------------------------------------- the database


def _first_unit(region: str, kind: str):
    return min((u for u in UNITS if u.region_code == region and u.kind == kind), key=lambda u: u.code)


# The demo's units are the same whatever the seed: two in each region, of four kinds.
KOTA_PUSKESMAS = _first_unit("35.75", "puskesmas")
KOTA_KELURAHAN = _first_unit("35.75", "kelurahan")
KAB_DESA = _first_unit("35.14", "desa")
KAB_RSUD = _first_unit("35.14", "rsud")
CANARY_UNITS = (KOTA_PUSKESMAS, KOTA_KELURAHAN, KAB_DESA, KAB_RSUD)
KECAMATAN_NAMES = {row["code"]: row["name"] for row in KECAMATAN}

TODAY = wib_date(datetime.now(UTC))
RECENT_MONTH = f"{TODAY:%Y-%m}"
RECENT_QUARTER = f"{TODAY.year}-Q{(TODAY.month - 1) // 3 + 1}"
# Long before the demo's 15 months: the only complaints of that month are the ones seeded below.
OLD_MONTH = date(2024, 3, 1)
OLD_PERIOD = f"{OLD_MONTH:%Y-%m}"

# Complaints of OLD_MONTH per (unit, category); their kecamatan are KOTA_PUSKESMAS's and KAB_DESA's.
SMALL_CELLS = {
    (KOTA_PUSKESMAS, "kesehatan"): 3,  # below 5: suppressed
    (KOTA_PUSKESMAS, "administrasi_kependudukan"): 6,  # its kecamatan's total would give the 3 away
    (KOTA_PUSKESMAS, "pendidikan"): 9,  # shown: two suppressed cells in its kecamatan already
    (KAB_DESA, "infrastruktur_jalan"): 7,  # shown: its kecamatan has two suppressed cells already
    (KAB_DESA, "kesehatan"): 8,  # the category's total would give the 3 away
}
SUPPRESSED = t("complaints.suppressed", "id", n=5)
# Hand-computed with privacy.suppress_small's rule (margins: each kecamatan, then each category): every kecamatan ×
# category cell of OLD_MONTH as the page shows it; categories not listed are 0. Kab's zero in administrasi
# kependudukan goes with Kota's 6, which the category's total would otherwise give away.
PLACES_EXPECTED = {
    KAB_DESA.kecamatan_code: {"infrastruktur_jalan": "7", "kesehatan": SUPPRESSED,
                              "administrasi_kependudukan": SUPPRESSED},
    KOTA_PUSKESMAS.kecamatan_code: {"kesehatan": SUPPRESSED, "administrasi_kependudukan": SUPPRESSED,
                                    "pendidikan": "9"},
}


def _tickets(unit) -> dict[str, str]:
    stem = unit.code.replace("-", "")
    return {state: f"PRIV-{stem}-{state.upper()}" for state in ("baru", "lewat", "selesai", "lama")}


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=WIB)


def _seed_complaints(engine, unit_ids: dict[str, int]) -> None:
    """Per canary unit: one received two working days ago (open, due soon), one past its first-response limit, one
    resolved last month and one resolved months ago; then OLD_MONTH's small counts. Every text names the complainant."""
    for unit in CANARY_UNITS:
        tickets, unit_id = _tickets(unit), unit_ids[unit.code]
        received = add_workdays(TODAY, -2)  # due tomorrow at the latest: verification takes up to 3 working days
        add_complaint(engine, unit_id, _at(received, 10), "diterima", ticket=tickets["baru"], category="kesehatan",
                      description=complaint_text("Obat habis."))
        received = add_workdays(TODAY, -9)
        add_complaint(engine, unit_id, _at(received, 9), "terverifikasi", verified_at=_at(add_workdays(received, 1), 9),
                      ticket=tickets["lewat"], category="perizinan", channel="whatsapp",
                      description=complaint_text("Izin tidak kunjung diproses."))
        for state, days_ago in (("selesai", 40), ("lama", 250)):
            received = add_workdays(TODAY - timedelta(days=days_ago), 0)
            add_complaint(engine, unit_id, _at(received, 9), "selesai", tier="tanpa_pemeriksaan",
                          verified_at=_at(add_workdays(received, 1), 9),
                          first_response_at=_at(add_workdays(received, 2), 9),
                          resolved_at=_at(add_workdays(received, 6), 9), ticket=tickets[state],
                          category="pendidikan", description=complaint_text("Pungutan di sekolah."))
    for (unit, category), count in SMALL_CELLS.items():
        for number in range(count):
            received = add_workdays(OLD_MONTH, number)
            add_complaint(engine, unit_ids[unit.code], _at(received, 10), "selesai",
                          verified_at=_at(received, 13), first_response_at=_at(add_workdays(received, 1), 10),
                          resolved_at=_at(add_workdays(received, 3), 10), category=category,
                          description=complaint_text("Keluhan lama."))


def _seed_ranked_unit(engine, unit_id: int) -> None:
    """KOTA_KELURAHAN answers 'very good' 93 days ago, 'poor' 100 days ago (both in the graded quarter, whose IKM is
    then well below the target) and 'poor' 3 days ago, each time enough for an adequate sample over any window up to
    two quarters: ranked, slipping, and a grade crossing against last week and last month, so that the rankings,
    slipping and crossings tables hold a canary unit instead of being empty."""
    adequate = minimum_sample(period_population(KOTA_KELURAHAN.users, 2 * GRADE_WINDOW_DAYS))
    add_questionnaires(engine, unit_id, [answers(2)] * adequate, _at(TODAY - timedelta(days=100), 10))
    add_questionnaires(engine, unit_id, [answers(4)] * adequate, _at(TODAY - timedelta(days=93), 10))
    add_questionnaires(engine, unit_id, [answers(2)] * adequate, _at(TODAY - timedelta(days=3), 10))


def _seed_questionnaires(engine) -> None:
    """Per canary unit, questionnaires yesterday, last month, last quarter and in OLD_MONTH, through the form's own
    write path, whose suggestion and service carry the respondent."""
    days = (add_workdays(TODAY, -1), TODAY - timedelta(days=35), TODAY - timedelta(days=100), OLD_MONTH)
    for unit in CANARY_UNITS:
        for number, day in enumerate(days):
            given = {name: 2 + (number + index) % 3 for index, name in enumerate(ELEMENTS)}
            submission = Submission(unit.code, given, sex="P", age=34, education="SMA", occupation="Wirausaha",
                                    service=service_text(), suggestion=suggestion_text())
            submit_questionnaire(engine, submission, now=_at(day, 11).astimezone(UTC))


def _seed_published_summary(engine, tmp_path) -> None:
    """A published SKM result of KOTA_PUSKESMAS for the first half of 2018, long before its questionnaires (the demo's
    months, OLD_MONTH), so that its card's table of periods from published results holds rows."""
    rows = [["unit_code", "period_start", "period_end", "respondents", *ELEMENTS],
            [KOTA_PUSKESMAS.code, "2018-01-01", "2018-06-30", "120", *["3.25"] * len(ELEMENTS)]]
    path = tmp_path / "skm-summary.csv"
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    import_file(engine, "skm-summary", path)


def canary_database(tmp_path_factory) -> str:
    """A demo database up to today plus the canary complaints, questionnaires and a published summary."""
    url = f"sqlite:///{tmp_path_factory.mktemp('privacy') / 'privacy.sqlite'}"
    engine = make_engine(url)
    try:
        init_database(engine)
        load_demo(engine, seed=19, **DEMO_SIZE)
        units = schema.service_units
        with engine.connect() as conn:
            unit_ids = dict(conn.execute(select(units.c.code, units.c.id)).all())
        _seed_complaints(engine, unit_ids)
        _seed_ranked_unit(engine, unit_ids[KOTA_KELURAHAN.code])
        _seed_questionnaires(engine)
        _seed_published_summary(engine, tmp_path_factory.mktemp("summary"))
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="module")
def canary_url(tmp_path_factory) -> str:
    return canary_database(tmp_path_factory)


@pytest.fixture(scope="module")
def privacy_server(canary_url):
    server = start_app(canary_url)
    try:
        yield server
    finally:
        server.stop()


@dataclass
class Crawler:
    """One browser page for the module (its context keeps the app's scripts cached between views) and the websocket
    messages it has received since `reset`."""

    page: object
    base_url: str
    frames: list

    def reset(self) -> None:
        self.frames.clear()

    def received(self) -> str:
        """What the app sent over the websocket, bytes kept as they are (latin-1), for canary searches."""
        return "\n".join(f.decode("latin-1") if isinstance(f, bytes) else f for f in self.frames)


@pytest.fixture(scope="module")
def crawler(privacy_server, browser):
    page = new_page(browser, **DESKTOP)
    frames: list = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda payload: frames.append(payload)))
    try:
        yield Crawler(page, privacy_server.url, frames)
    finally:
        page.context.close()


# ------------------------------------------------------------------------------------------------ the crawl

# Playwright sends the pattern as a /regex/ literal, so its slashes are escaped too.
CITE = re.compile("^(" + "|".join(re.escape(STRINGS["cite.button"][lang]).replace("/", r"\/")
                                  for lang in ("id", "en")) + ")$")
WIDGET_KEY_JS = "element => (element.closest('[class*=\"st-key-\"]') || {}).className || ''"


def widget_class(key: str) -> str:
    """The CSS class Streamlit gives the container of the widget with this key (other characters become '-')."""
    return "st-key-" + re.sub(r"[^\w-]", "-", key)


def file_text(path: Path) -> str:
    """The text a downloaded file carries: a CSV whole; every cell and every part of an XLSX; a PDF's text and
    metadata; a PNG's bytes (its text chunks are plain; its drawing is the chart whose spec the page received)."""
    data = path.read_bytes()
    if path.suffix == ".png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), path.name
        return data.decode("latin-1")
    if path.suffix == ".pdf":
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert text.strip(), path.name
        return text + "\n" + "\n".join(str(value) for value in (reader.metadata or {}).values())
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        cells = [str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                 for value in row if value is not None]
        book.close()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
        return "\n".join(cells + parts)
    return data.decode("utf-8-sig")


def _unique(folder: Path, name: str) -> Path:
    """Where to save a file of this name (a name offered twice on one view gets a number)."""
    target, copies = folder / name, 1
    while target.exists():
        copies += 1
        target = folder / f"{Path(name).stem}#{copies}{Path(name).suffix}"
    return target


CSV_LABEL = re.compile("^(" + "|".join(re.escape(label) for label in STRINGS["download.csv"].values()) + ")$")


@dataclass
class Seen:
    """Every surface of one view as text, by where it came from, and the files it gave."""

    surfaces: dict[str, str] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    popovers: int = 0

    def click_download(self, page, button, folder: Path) -> None:
        download = _download(page, button)
        target = _unique(folder, download.suggested_filename)
        download.save_as(target)
        self.files[target.name] = target
        self.surfaces[f"file {target.name}"] = file_text(target)


def _visible_unseen(locator, seen: set[str]) -> list:
    """The visible widgets of `locator` whose Streamlit key (st-key-...) has not been handled yet."""
    found = []
    for element in locator.filter(visible=True).all():
        key = element.evaluate(WIDGET_KEY_JS)
        if key not in seen:
            seen.add(key)
            found.append(element)
    return found


def _open_popover(page, button, seen: Seen) -> None:
    button.click()
    body = page.locator('[data-testid="stPopoverBody"]').filter(visible=True)
    body.locator('[data-testid="stCode"]').last.wait_for()
    seen.popovers += 1
    seen.surfaces[f"popover {seen.popovers}"] = body.inner_text()
    page.keyboard.press("Escape")
    body.wait_for(state="hidden")


def crawl(crawler: Crawler, path: str, folder: Path, *, deep: bool = False, map_popup: bool = False,
          buttons: tuple[str, ...] = ()) -> Seen:
    """Open `path` in a new session and gather what it shows, with every tab and expander open and every CSV it
    offers downloaded; with `deep`, also open every citation popover and click every other download button (XLSX,
    PNG, PDF; each widget once, by its key); `buttons` names download buttons (their widget keys) to click anyway."""
    page = crawler.page
    crawler.reset()
    page.goto(f"{crawler.base_url}/{path}", wait_until="commit")  # wait_for_app waits for what matters
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0, f"{path} raised"
    assert page.get_by_role("dialog").count() == 0, f"{path} opened a dialog (page not found?)"
    seen = Seen()
    if map_popup:
        frame = page.frame_locator(MAP_FRAME)
        frame.locator(f"{UNIT_MARKERS}, {CLUSTERS}").first.wait_for(state="visible")
        seen.surfaces["map popup"] = open_a_popup(page, frame).inner_html()
    keys: set[str] = set()
    downloads = page.locator('[data-testid="stDownloadButton"]').get_by_role("button", name=None if deep else CSV_LABEL)
    tabs = page.get_by_role("tab")
    for index in range(max(tabs.count(), 1)):
        if tabs.count():
            tabs.nth(index).click()
        open_expanders(page)
        if deep:
            for button in _visible_unseen(page.get_by_role("button", name=CITE), keys):
                _open_popover(page, button, seen)
        for button in _visible_unseen(downloads, keys):
            seen.click_download(page, button, folder)
    for key in buttons:
        seen.click_download(page, page.locator(f".{widget_class(key)} button"), folder)
    wait_for_app(page)
    received = crawler.received()
    seen.surfaces.update({"URL": page.url, "HTML": page.content(), "text": page.locator("body").inner_text(),
                          "websocket": received})
    for index, frame in enumerate(page.frames[1:], 1):
        seen.surfaces[f"frame {index} {frame.url[:60]}"] = frame.content()
    return seen


def assert_no_personal_data(seen: Seen) -> None:
    """No canary anywhere; nor, where the text is ours rather than a framework's (hashes and minified scripts could
    look like a NIK by chance), any of the demo's own fictitious NIKs, 08xx numbers, e-mails or RT/RW."""
    leaks = {}
    for where, text in seen.surfaces.items():
        found = canaries_in(text)
        if where != "websocket" and not where.startswith("frame "):
            found += PERSONAL.findall(text)
        if found:
            leaks[where] = sorted(set(found))[:5]
    assert not leaks, f"personal data found: {leaks}"


# Every page registered in dashboard.py, with the filter combinations that decide which rows reach it: both regions, a
# unit kind, the periods (this month and quarter, a year, the old month), a canary unit's kecamatan, English. The
# first view of each page is crawled deep (every tab, expander, popover and download button); every view gives the
# files whose bytes it already holds (the CSVs); Pimpinan's views each render their weekly PDF.
BRIEF = ("brief-pdf",)
PAGE_VISITS = [
    pytest.param("", True, (), id="beranda"),  # the default page lives at the root: /beranda is "page not found"
    pytest.param("?wilayah=35.14", False, (), id="beranda-kab"),
    pytest.param("?wilayah=35.75&lang=en", False, (), id="beranda-kota-en"),
    pytest.param("kepuasan", True, (), id="kepuasan"),
    pytest.param(f"kepuasan?wilayah=35.75&jenis=puskesmas&periode={RECENT_QUARTER}&tren=quarter", False, (),
                 id="kepuasan-kota-puskesmas-quarter"),
    pytest.param(f"kepuasan?kecamatan={KAB_DESA.kecamatan_code}&periode={OLD_MONTH.year}&lang=en", False, (),
                 id="kepuasan-kecamatan-old-year-en"),
    pytest.param("pengaduan", True, (), id="pengaduan"),
    pytest.param(f"pengaduan?wilayah=35.14&jenis=desa&periode={RECENT_QUARTER}", False, (), id="pengaduan-kab-desa"),
    pytest.param(f"pengaduan?wilayah=35.75&periode={RECENT_MONTH}&lang=en", False, (), id="pengaduan-kota-month-en"),
    pytest.param(f"pengaduan?kecamatan={KOTA_PUSKESMAS.kecamatan_code}", False, (), id="pengaduan-kecamatan"),
    pytest.param("pimpinan", True, (), id="pimpinan"),
    pytest.param("pimpinan?wilayah=35.14&banding=bulan", False, BRIEF, id="pimpinan-kab-month"),
    pytest.param("pimpinan?wilayah=35.75&lang=en", False, BRIEF, id="pimpinan-kota-en"),
    *[pytest.param(f"lacak?tiket={_tickets(KOTA_PUSKESMAS)[state]}", False, (), id=f"lacak-{state}")
      for state in ("baru", "lewat", "selesai")],  # waiting, late and done stages
    pytest.param(f"lacak?tiket={_tickets(KAB_RSUD)['lewat']}&lang=en", False, (), id="lacak-en"),
    pytest.param("survei", False, (), id="survei-choose-unit"),
    pytest.param(f"survei?unit={KAB_DESA.code}&lang=en", False, (), id="survei-form-en"),
    *[pytest.param(f"unit?unit={unit.code}", unit == KOTA_PUSKESMAS, (), id=f"unit-{unit.kind}-{unit.region_code}")
      for unit in CANARY_UNITS],
    pytest.param(f"unit?unit={KAB_RSUD.code}&tren=quarter&lang=en", False, (), id="unit-en"),
]
MAP_VISITS = [
    pytest.param("peta", True, id="peta"),
    pytest.param("peta?wilayah=35.14&ukuran=pengaduan", False, id="peta-kab-complaints"),
    pytest.param(f"peta?kecamatan={KOTA_PUSKESMAS.kecamatan_code}&ukuran=terlambat&lang=en", False,
                 id="peta-kecamatan-en"),
]


def test_the_canary_search_finds_every_seeded_text():
    """The crawl's search is not vacuous: it finds every canary in the seeded texts, regrouped digits included."""
    for text in (complaint_text("x"), suggestion_text(), service_text()):
        assert canaries_in(text)
    for person in PEOPLE:
        assert all(canaries_in(phone) for phone in person.phones)
        assert canaries_in(" ".join(re.findall(r"\d{4}", person.nik)))  # the NIK in groups of four
        assert canaries_in(person.email.upper()) and canaries_in(person.address)
    assert not canaries_in("Pengaduan 1.234; IKM 88,30; 35.14.01; 3514-MPP; RT 05/RW 02")


def test_every_page_of_the_app_is_crawled():
    """The visits below cover every page dashboard.py registers (the hidden unit card included)."""
    registered = set(re.findall(r'url_path="(\w+)"', (REPO_ROOT / "dashboard.py").read_text()))
    visited = {param.values[0].split("?")[0] or "beranda" for param in PAGE_VISITS + MAP_VISITS} | {"data"}
    assert registered and registered == visited


def test_the_survey_form_does_not_show_a_suggestion_back(crawler, tmp_path):
    """A respondent types the canaries into the form: once sent, the thanks and the unit's card show none of it
    (first, so that every view crawled after it also holds a questionnaire sent through the browser)."""
    page = crawler.page
    crawler.reset()
    page.goto(f"{crawler.base_url}/survei?unit={KOTA_KELURAHAN.code}")
    wait_for_app(page)
    answer_every_question(page, tap=False)
    page.get_by_role("textbox", name=t("survey.service", "id")).fill(service_text(COMPLAINANT))
    page.get_by_role("textbox", name=t("survey.suggestion", "id")).fill(suggestion_text(COMPLAINANT))
    send(page, tap=False)
    page.get_by_text(t("survey.see_unit", "id")).wait_for()
    wait_for_app(page)
    assert_no_personal_data(Seen({"URL": page.url, "HTML": page.content(), "text": page.locator("body").inner_text(),
                                  "websocket": crawler.received()}))
    assert_no_personal_data(crawl(crawler, f"unit?unit={KOTA_KELURAHAN.code}", tmp_path))


@pytest.mark.parametrize("path, deep, buttons", PAGE_VISITS)
def test_no_personal_data_on_a_page_or_in_its_files(crawler, tmp_path, path, deep, buttons):
    seen = crawl(crawler, path, tmp_path, deep=deep, buttons=buttons)
    if path.split("?")[0] not in ("", "lacak", "survei"):
        assert seen.files, f"{path} offered no file"
    assert_no_personal_data(seen)


@pytest.mark.parametrize("path, deep", MAP_VISITS)
def test_no_personal_data_on_the_map_its_popups_or_its_list(crawler, tmp_path, path, deep):
    seen = crawl(crawler, path, tmp_path, deep=deep, map_popup=True)
    assert {"peta-unit.csv", "peta-kecamatan.csv"} <= set(seen.files)
    assert seen.surfaces["map popup"]
    assert_no_personal_data(seen)


# Tables that must list canary units: the crawl reaches their rows, it does not merely miss them.
REACHES = {
    "ikm-per-unit": CANARY_UNITS,
    "peta-unit": CANARY_UNITS,
    "pengaduan-jatuh-tempo": CANARY_UNITS,  # each unit's newest complaint falls due within days
    "pimpinan-jatuh-tempo": CANARY_UNITS,
    **dict.fromkeys(("ikm-peringkat", "pimpinan-peringkat-ikm", "pimpinan-pindah-mutu-minggu",
                     "pimpinan-pindah-mutu-bulan", "pimpinan-menurun", "pimpinan-selang-kepercayaan"),
                    (KOTA_KELURAHAN,)),
}


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda dataset: dataset.key)
def test_no_personal_data_in_any_table_of_the_data_page(crawler, tmp_path, dataset):
    """Every ?tabel= (a report card's with a canary unit), its CSV and XLSX; the page's expanders and citation once."""
    path = f"data?tabel={dataset.key}" + (f"&unit={KOTA_PUSKESMAS.code}" if dataset.per_unit else "")
    seen = crawl(crawler, path, tmp_path, deep=dataset == DATASETS[0])
    if f"{dataset.filename}.xlsx" not in seen.files:
        seen.click_download(crawler.page, crawler.page.locator(f".{widget_class(f'data-{dataset.key}-xlsx')} button"),
                            tmp_path)
    assert {f"{dataset.filename}.csv", f"{dataset.filename}.xlsx"} <= set(seen.files), sorted(seen.files)
    for unit in REACHES.get(dataset.key, ()):
        assert unit.name in seen.surfaces[f"file {dataset.filename}.csv"], unit.name
    assert_no_personal_data(seen)


# -------------------------------------------------------------------------------------- small-count suppression


def _grid(page, table) -> list[list[str]]:
    """The rows a Streamlit dataframe shows (its accessible grid), header first."""
    table.scroll_into_view_if_needed()
    grid = table.locator('table[role="grid"]')
    grid.wait_for(state="attached")
    return grid.locator("tr").evaluate_all("rows => rows.map(r => [...r.children].map(c => c.innerText.trim()))")


def _places_rows(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    """{kecamatan name: {category label: cell}} of a kecamatan × category table (header row first)."""
    header, *body = rows
    return {row[0]: dict(zip(header[1:], row[1:], strict=False)) for row in body}


def _expected_places() -> dict[str, dict[str, str]]:
    return {KECAMATAN_NAMES[code]: {t(f"complaints.category.{c}", "id"): cells.get(c, "0") for c in CATEGORIES}
            for code, cells in PLACES_EXPECTED.items()}


def _csv_rows(path: Path) -> list[list[str]]:
    _, rows = _read_excel_csv(path.read_bytes().decode("utf-8-sig"))
    return [list(rows[0])] + [list(row.values()) for row in rows]


def _xlsx_rows(path: Path) -> list[list[str]]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [["" if v is None else str(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return rows


def test_a_small_place_and_category_count_is_suppressed_on_the_page_and_in_its_files(crawler, tmp_path):
    expected = _expected_places()
    seen = crawl(crawler, f"pengaduan?periode={OLD_PERIOD}", tmp_path, buttons=("places-xlsx",))
    page = crawler.page
    received = t("complaints.kpi.received", "id")
    assert re.search(rf"{received}\s+{sum(SMALL_CELLS.values())}\n", seen.surfaces["text"])  # the total is public
    table = page.locator(".st-key-places-csv").locator("xpath=preceding::div[@data-testid='stDataFrame'][1]")
    shown = _places_rows(_grid(page, table))  # the columns scrolled into view; the first categories at least
    assert shown.keys() == expected.keys()
    assert all(shown[place].items() <= expected[place].items() for place in shown)
    kesehatan = t("complaints.category.kesehatan", "id")
    assert all(shown[place][kesehatan] == SUPPRESSED for place in shown)
    assert _places_rows(_csv_rows(seen.files["pengaduan-kecamatan-kategori.csv"])) == expected
    assert _places_rows(_xlsx_rows(seen.files["pengaduan-kecamatan-kategori.xlsx"])) == expected
    assert_no_personal_data(seen)

    seen = crawl(crawler, f"data?tabel=pengaduan-kecamatan-kategori&periode={OLD_PERIOD}", tmp_path)
    assert _places_rows(_csv_rows(seen.files["pengaduan-kecamatan-kategori#2.csv"])) == expected


def test_a_small_category_count_in_one_kecamatan_is_suppressed_in_chart_table_and_files(crawler, tmp_path):
    """Within one kecamatan (fine granularity) the category counts 3 and 6 read '<5': the 6 would give the 3 away
    through the published total of 18."""
    seen = crawl(crawler, f"pengaduan?kecamatan={KOTA_PUSKESMAS.kecamatan_code}&periode={OLD_PERIOD}", tmp_path)
    page = crawler.page
    page.get_by_role("tab", name=t("complaints.dim.category", "id"), exact=True).click()
    open_expanders(page)
    seen.click_download(page, page.locator(".st-key-volume-category-xlsx button"), tmp_path)
    label = {c: t(f"complaints.category.{c}", "id") for c in CATEGORIES}
    suppressed = ("administrasi_kependudukan", "kesehatan")
    expected = [[label["pendidikan"], "9", "50,0"],
                *[[label[c], "0", "0,0"] for c in CATEGORIES if c not in ("pendidikan", *suppressed)],
                *[[label[c], SUPPRESSED, ""] for c in suppressed]]
    assert _csv_rows(seen.files["pengaduan-category.csv"])[1:] == expected
    assert [row[:2] for row in _xlsx_rows(seen.files["pengaduan-category.xlsx"])[1:]] == [row[:2] for row in expected]
    chart = page.locator(".st-key-volume-category-png").locator(
        "xpath=preceding::div[@data-testid='stVegaLiteChart'][1]")
    bars = chart.locator("text").all_text_contents()
    assert bars.count(SUPPRESSED) == 2 and not {"3", "6"} & set(bars), bars
    table = page.locator(".st-key-volume-category-csv").locator(
        "xpath=preceding::div[@data-testid='stDataFrame'][1]")
    shown = {row[0]: row[1] for row in _grid(page, table)[1:]}
    assert shown[label["pendidikan"]] == "9"
    assert all(shown.get(label[c], SUPPRESSED) == SUPPRESSED for c in suppressed)  # rows below the fold: not drawn
    assert_no_personal_data(seen)
