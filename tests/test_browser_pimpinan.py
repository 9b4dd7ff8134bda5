"""The Pimpinan page in a real browser: after `init` alone the Ombudsman scores of both regions are on the page;
on the demo database the weekly brief downloads as a one-page PDF that names its week and data time, and a phone
reads the slipping units and the newly overdue complaints without scrolling sideways."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from data_access.db_init import init_database
from data_access.engine import make_engine
from tests.browser import (
    DESKTOP,
    PHONE,
    assert_no_horizontal_scroll,
    new_page,
    page_errors,
    screenshot,
    start_app,
    wait_for_app,
)
from tests.test_browser_complaints import PERSONAL, _download


@pytest.fixture(scope="module")
def init_only_server(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('init-only') / 'init.sqlite'}"
    engine = make_engine(url)
    try:
        init_database(engine)
    finally:
        engine.dispose()
    with start_app(url) as server:
        yield server


def test_ombudsman_scores_are_on_the_page_after_init_alone(init_only_server, browser, tmp_path):
    page = new_page(browser, **DESKTOP)
    try:
        page.goto(f"{init_only_server.url}/pimpinan")
        wait_for_app(page)
        screenshot(page, tmp_path / "pimpinan-init-only.png")
        text = page.locator("body").inner_text()
        assert "Kabupaten Pasuruan 97,35 (2024" in text and "Kota Pasuruan 98,22 (2024" in text
        assert page_errors(page) == []
    finally:
        page.context.close()


def test_the_weekly_brief_downloads_and_names_its_week(app_server, browser, tmp_path):
    page = new_page(browser, **DESKTOP)
    try:
        page.goto(f"{app_server.url}/pimpinan?minggu=2025-W50")
        wait_for_app(page)
        download = _download(page, page.get_by_role("button", name="Unduh ringkasan (PDF)"))
        assert download.suggested_filename == "ringkasan-mingguan-2025-W50.pdf"
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        reader = PdfReader(io.BytesIO(path.read_bytes()))
        assert len(reader.pages) == 1
        text = reader.pages[0].extract_text()
        assert "Minggu 8–14 Des 2025 (2025-W50)" in text
        assert re.search(r"Data per \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB", text)
        assert "CC BY 4.0" in text and "/pimpinan" in text
        assert not PERSONAL.findall(text)
    finally:
        page.context.close()


def test_phone_reads_the_slipping_units_and_what_is_overdue_without_horizontal_scroll(app_server, browser,
                                                                                      tmp_path):
    page = new_page(browser, **PHONE)
    try:
        page.goto(f"{app_server.url}/pimpinan")
        wait_for_app(page)
        screenshot(page, tmp_path / "pimpinan-phone.png")
        assert_no_horizontal_scroll(page)
        for heading in ("Unit yang menurun", "Pengaduan yang baru melewati batas waktu"):
            assert page.get_by_role("heading", name=heading).is_visible()
        # The demo ends in 2025: its last quarter is graded, and the page says which.
        assert "Triwulan 4 2025 (1 Okt – 31 Des 2025), triwulan lengkap terakhir" in page.locator("body").inner_text()
    finally:
        page.context.close()
