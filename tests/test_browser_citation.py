"""Permalinks, citations, chart images and CSV files in a real browser on the demo database: a link copied with
"Salin tautan / Kutip" opens the same view with the same figures in a fresh browser; the citation names the figure,
filters, period, data time, link and licence; a chart downloads as a PNG; a CSV read with `;` and comma decimals
holds the page's numbers under a header that states the filters and the data time."""

from __future__ import annotations

import csv
import io
import re

import pytest
from PIL import Image

from tests.browser import DESKTOP, new_page, open_expanders, wait_for_app
from tests.test_browser_complaints import PERSONAL, _download

CITE = re.compile(r"^(Salin tautan \/ Kutip|Copy link \/ Cite)$")  # either language


def _page(browser, server):
    page = new_page(browser, **DESKTOP)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    return page


def _view(page) -> dict:
    """What a reader sees of the figures: every metric, every caption (takeaways hold the numbers), every chosen
    filter value."""
    def texts(selector: str) -> list[str]:
        return page.locator(selector).filter(visible=True).all_inner_texts()
    return {
        "metrics": texts('[data-testid="stMetricValue"]'),
        "captions": texts('[data-testid="stCaptionContainer"]'),
        "selects": page.locator('[data-testid="stSelectbox"] input').evaluate_all("inputs => inputs.map(i => i.value)"),
        "headings": texts("h1, h2, h3"),
    }


def _open_citation(page, index: int = 0):
    """Open the index-th citation popover; returns its two boxes (link, citation)."""
    page.get_by_role("button", name=CITE).filter(visible=True).nth(index).click()
    body = page.locator('[data-testid="stPopoverBody"]').filter(visible=True)
    boxes = body.locator('[data-testid="stCode"]')
    boxes.nth(1).wait_for()
    return boxes


def _copied_link(page) -> str:
    """Click the copy button of the page's link box and read what landed on the clipboard."""
    boxes = _open_citation(page)
    boxes.first.hover()
    boxes.first.get_by_role("button", name="Copy to clipboard").click()
    link = page.evaluate("navigator.clipboard.readText()")
    page.keyboard.press("Escape")
    return link


def test_a_copied_link_reproduces_the_view_and_its_figures(app_server, browser):
    page = _page(browser, app_server)
    other = new_page(browser, **DESKTOP)
    try:
        page.goto(f"{app_server.url}/kepuasan")
        wait_for_app(page)
        # Choose a view by hand, as a journalist would: Kota, puskesmas, quarterly trend.
        page.locator('[data-testid="stSidebar"]').get_by_role("radio", name="Kota Pasuruan").click()
        wait_for_app(page)
        page.locator('[data-testid="stSelectbox"]').filter(has_text="Jenis unit").click()
        page.get_by_role("option", name="Puskesmas").click()
        wait_for_app(page)
        page.get_by_role("radio", name="Triwulan").click()
        wait_for_app(page)
        seen = _view(page)
        link = _copied_link(page)
        assert link.startswith(f"{app_server.url}/kepuasan?")
        for param in ("wilayah=35.75", "jenis=puskesmas", "tren=quarter"):
            assert param in link

        other.goto(link)  # a fresh browser context: a new session that knows only the link
        wait_for_app(other)
        assert _view(other) == seen
        assert any("Kota Pasuruan" in caption for caption in seen["captions"]) and "Puskesmas" in seen["selects"]
        assert any(re.fullmatch(r"\d{2},\d{2}", m) for m in seen["metrics"])
    finally:
        page.context.close()
        other.context.close()


@pytest.mark.parametrize("path", [
    "pengaduan?wilayah=35.14&periode=2025-Q4&jenis=puskesmas",
    "peta?mutu=B&jenis=puskesmas&ukuran=terlambat",
    "kepuasan?kecamatan=35.14.17&periode=2025&tren=quarter&lang=en",
])
def test_a_link_opened_in_a_new_session_shows_the_same_figures(app_server, browser, path):
    page = _page(browser, app_server)
    other = new_page(browser, **DESKTOP)
    try:
        page.goto(f"{app_server.url}/{path}")
        wait_for_app(page)
        link = _copied_link(page)
        # A page that opens on the last complete quarter writes it into the link, so the link keeps its meaning.
        given = path.split("?", 1)[1].split("&")
        pinned = [] if any(p.startswith("periode=") for p in given) else ["periode=2025-Q4"]
        assert sorted(link.split("?", 1)[1].split("&")) == sorted(given + pinned)
        other.goto(link)
        wait_for_app(other)
        assert _view(other) == _view(page)
    finally:
        page.context.close()
        other.context.close()


def test_a_chart_citation_names_figure_filters_period_time_link_and_licence(app_server, browser):
    page = _page(browser, app_server)
    try:
        page.goto(f"{app_server.url}/kepuasan?wilayah=35.14&periode=2025-Q4")
        wait_for_app(page)
        boxes = _open_citation(page, index=1)  # the first chart's control; index 0 is the page's
        link, citation = boxes.nth(0).inner_text(), boxes.nth(1).inner_text()
        assert citation.startswith("Dasbor Pelayanan Publik Pasuruan (")
        for part in ("Wilayah: Kabupaten Pasuruan", "Periode: 1 Okt 2025 – 31 Des 2025", link, "Lisensi CC BY 4.0"):
            assert part in citation
        assert re.search(r"Data per \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB", citation)
        figure = citation.split(". ", 2)[1]
        assert figure and figure in page.locator("body").inner_text()  # the chart's own title
    finally:
        page.context.close()


def test_a_chart_downloads_as_a_png_image(app_server, browser, tmp_path):
    page = _page(browser, app_server)
    try:
        page.goto(f"{app_server.url}/pengaduan?wilayah=35.75")
        wait_for_app(page)
        button = page.get_by_role("button", name="Unduh gambar (PNG)").filter(visible=True).first
        download = _download(page, button)
        assert download.suggested_filename == "pengaduan-channel.png"
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert image.width >= 1440 and image.height > 300  # 720 px drawn at twice the size, for print
    finally:
        page.context.close()


def _read_excel_csv(text: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Metadata lines, a blank line, then the table — read as Indonesian Excel does: `;` between cells."""
    head, table = text.split("\n\n", 1)
    meta = {row[0]: row[1] for row in csv.reader(io.StringIO(head), delimiter=";")}
    return meta, list(csv.DictReader(io.StringIO(table), delimiter=";"))


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def _save_csv(page, key: str, folder) -> tuple[str, str]:
    """Open the expanders, download the CSV of the widget with this key; returns (file name, text)."""
    open_expanders(page)
    download = _download(page, page.locator(f".st-key-{key}-csv button"))
    path = folder / download.suggested_filename
    download.save_as(path)
    return download.suggested_filename, path.read_bytes().decode("utf-8")


def test_downloaded_csvs_hold_the_pages_numbers_filters_and_data_time(app_server, browser, tmp_path):
    page = _page(browser, app_server)
    try:
        page.goto(f"{app_server.url}/kepuasan?wilayah=35.75&jenis=puskesmas&periode=2025")
        wait_for_app(page)
        name, text = _save_csv(page, "units", tmp_path)
        assert name == "ikm-per-unit.csv"
        assert text.startswith("\ufeff")  # the BOM that makes Excel read UTF-8
        meta, rows = _read_excel_csv(text.lstrip("\ufeff"))
        assert meta["Filter"] == "Wilayah: Kota Pasuruan; Jenis unit: Puskesmas; Periode: 1 Jan 2025 – 31 Des 2025"
        assert re.fullmatch(r"\d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB", meta["Data per"])
        assert meta["Lisensi"] == "CC BY 4.0"
        assert rows and all(row["Jenis unit"] == "Puskesmas" for row in rows)
        assert not PERSONAL.findall(text)
        # The headline counts every respondent of the selection: the units' n add up to it.
        metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
        assert f"{sum(int(row['n']) for row in rows):,}".replace(",", ".") == metrics[1]

        name, text = _save_csv(page, "elements", tmp_path)
        assert name == "ikm-unsur-elements.csv"
        meta, rows = _read_excel_csv(text.lstrip("\ufeff"))
        assert meta["Filter"].startswith("Wilayah: Kota Pasuruan; Jenis unit: Puskesmas")
        # The headline names the weakest element with its score and grade: the file has the same figures.
        weakest = re.search(r"Unsur terlemah: (\w+) \((\d+,\d\d), mutu ([A-D])\)", page.locator("body").inner_text())
        assert weakest
        row = next(row for row in rows if row["Unsur"] == weakest[1])
        assert (_number(row["IKM"]), row["Mutu"]) == (_number(weakest[2]), weakest[3])
        assert min(_number(r["IKM"]) for r in rows) == _number(weakest[2])
    finally:
        page.context.close()
