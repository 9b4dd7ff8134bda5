"""Pengaduan and Lacak pengaduan in a real browser: a complaint whose text holds a name, NIK, phone number, e-mail
and home address shows none of them on either page or in any file the pages offer; phone width has no sideways
scroll."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sqlalchemy import select

from data_access import schema
from data_access.db_init import init_database
from data_access.demo import load_demo
from data_access.engine import make_engine
from data_access.workdays import add_workdays, wib_date
from tests.browser import (
    assert_no_horizontal_scroll,
    open_expanders,
    page_errors,
    screenshot,
    start_app,
    wait_for_app,
)
from tests.conftest import DEMO_SIZE
from tests.factories import add_complaint, wib

TICKET = "LAPOR-7700123"
DESCRIPTION = ("Obat di puskesmas habis. Nama saya Wiryawan Kenariputra, NIK 3575019876543210, HP 0812-9988-7766, "
               "email wiryawan.kenari@example.com, alamat Jl. Kenari No. 7 RT 01/RW 02.")
CANARIES = ("Wiryawan", "Kenariputra", "3575019876543210", "0812-9988-7766", "081299887766", "wiryawan.kenari",
            "Jl. Kenari")
# The demo's own fictitious people (data_access/demo.py): 16-digit NIKs, 08xx numbers, example.com addresses.
# Digits after a decimal point are fractions (openpyxl writes 0.94 as 0.9399999999999999), not NIKs.
PERSONAL = re.compile(r"(?<![\d.,])\d{16}(?!\d)|(?<![\d.,])08\d{8,11}(?!\d)|@example\.com|\bRT \d\d/RW")


@pytest.fixture(scope="module")
def canary_server(tmp_path_factory):
    """The app on a small demo database up to today, plus one complaint full of personal data, received one working
    day ago so that it also falls due soon."""
    url = f"sqlite:///{tmp_path_factory.mktemp('canary') / 'canary.sqlite'}"
    engine = make_engine(url)
    try:
        init_database(engine)
        load_demo(engine, seed=11, **DEMO_SIZE)
        with engine.connect() as conn:
            unit = conn.execute(select(schema.service_units.c.id).order_by(schema.service_units.c.id)).scalars().first()
        received = add_workdays(wib_date(datetime.now(UTC)), -1)
        add_complaint(engine, unit, wib(received.year, received.month, received.day, 10), "diterima", ticket=TICKET,
                      category="kesehatan", description=DESCRIPTION, source="import")
    finally:
        engine.dispose()
    server = start_app(url)
    try:
        yield server
    finally:
        server.stop()


def _open(page, server, path: str) -> None:
    page.goto(f"{server.url}/{path}")
    wait_for_app(page)


def _assert_clean(text: str, where: str) -> None:
    for canary in CANARIES:
        assert canary not in text, f"{canary!r} in {where}"
    found = PERSONAL.findall(text)
    assert not found, f"personal data in {where}: {found[:3]}"


def _file_text(path: Path) -> str:
    """The text a file carries: every part of an XLSX, a CSV whole, a PNG's text chunks (its drawn text is the
    chart's, built from the same rows as its CSV)."""
    data = path.read_bytes()
    if path.suffix == ".png":
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG"
            return "\n".join(f"{key}: {value}" for key, value in image.info.items() if isinstance(value, str))
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return "\n".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())
    return data.decode("utf-8-sig")


def _download_everything(page, folder: Path) -> dict[str, Path]:
    """Open every tab and expander and save every file the page offers, by file name."""
    files: dict[str, Path] = {}
    seen: set[str] = set()
    tabs = page.get_by_role("tab")
    for index in range(max(tabs.count(), 1)):
        if tabs.count():
            tabs.nth(index).click()
            page.wait_for_timeout(200)
        open_expanders(page)
        buttons = page.locator('[data-testid="stDownloadButton"] button').filter(visible=True)
        for position in range(buttons.count()):
            button = buttons.nth(position)
            # Streamlit marks each widget's container with its key (st-key-...): fetch each file once.
            key = button.evaluate("b => (b.closest('[class*=\"st-key-\"]') || {}).className || ''")
            if key and key in seen:
                continue
            seen.add(key)
            download = _download(page, button)
            target = folder / download.suggested_filename
            download.save_as(target)
            files[download.suggested_filename] = target
    return files


def _download(page, button, attempts: int = 3):
    """Click a download button and return the download. Tables and charts above a button may still be settling
    after it is scrolled into view and swallow the click, so scroll first, let the layout settle, and retry."""
    for attempt in range(1, attempts + 1):
        button.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        try:
            with page.expect_download(timeout=10_000) as info:
                button.click()
            return info.value
        except PlaywrightTimeoutError:
            if attempt == attempts:
                raise


def test_no_personal_data_on_the_complaints_page_or_in_its_downloads(canary_server, desktop_page, tmp_path):
    _open(desktop_page, canary_server, "pengaduan")
    screenshot(desktop_page, tmp_path / "pengaduan-desktop.png")
    assert desktop_page.get_by_role("heading", name="Pengaduan", exact=True).count() == 1
    files = _download_everything(desktop_page, tmp_path)
    expected = {f"pengaduan-{name}.{kind}" for kind in ("csv", "xlsx") for name in (
        "channel", "classification", "category", "per-10000-penduduk", "per-bulan", "waktu-penanganan", "status",
        "terbuka-umur", "jatuh-tempo", "peringkat-unit", "kecamatan-kategori")}
    assert expected <= set(files), sorted(expected - set(files))
    for name, path in files.items():
        _assert_clean(_file_text(path), name)
    assert "Puskesmas" in _file_text(files["pengaduan-jatuh-tempo.csv"])  # the canary's unit, without the person
    _assert_clean(desktop_page.content(), "page HTML")
    _assert_clean(desktop_page.locator("body").inner_text(), "page text")
    assert page_errors(desktop_page) == []


def test_the_tracker_shows_the_stages_and_nothing_about_the_person(canary_server, desktop_page, tmp_path):
    _open(desktop_page, canary_server, f"lacak?tiket={TICKET}")
    screenshot(desktop_page, tmp_path / "lacak-desktop.png")
    body = desktop_page.locator("body").inner_text()
    assert TICKET in body and "Tahapan" in body and "Terverifikasi" in body
    assert "sudah 1 hari kerja dari batas 3" in body
    _assert_clean(desktop_page.content(), "tracker HTML")
    _assert_clean(body, "tracker text")
    assert desktop_page.locator('[data-testid="stDownloadButton"]').count() == 0


@pytest.mark.parametrize("path", ["pengaduan", f"lacak?tiket={TICKET}"])
def test_phone_width_has_no_horizontal_scroll(canary_server, phone_page, tmp_path, path):
    _open(phone_page, canary_server, path)
    screenshot(phone_page, tmp_path / f"{path.split('?')[0]}-phone.png")
    assert_no_horizontal_scroll(phone_page)
    _assert_clean(phone_page.content(), f"{path} on a phone")
