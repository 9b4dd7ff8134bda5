"""Small-count suppression over the whole Pengaduan view (issue 19): within one kecamatan every complaint breakdown
(category, channel, classification, status, month, resolution tier) hides counts from 1 to 4, with complementary
cells wherever a published total would give one away, in the data functions, on the page (tables and charts), in
the page's CSV and in the open data API.

One SQLite database (tests/factories.py): a lone complaint at a puskesmas of kecamatan 35.14.16 in November 2026
(the issue's address), and 16 complaints in kecamatan 35.14.03 spread so that each breakdown holds counts of 1 to
4 beside larger ones. Expected cells are hand-computed from privacy.suppress_small's rule; `recoverable` then
checks with linear programming that no hidden count follows from the published cells and totals."""

from __future__ import annotations

import csv
import io
import math

import pandas as pd
import pyarrow as pa
import pytest
from scipy.optimize import linprog
from starlette.applications import Starlette
from starlette.testclient import TestClient

from components.api import API_PATH, ROUTES
from components.complaints import tables
from components.complaints.frames import tier_text
from components.i18n import t
from data_access.clock import now
from data_access.complaint_queries import (
    complaint_funnel,
    complaint_set,
    complaint_summary,
    complaint_timings,
    complaint_trend,
    complaint_volume,
)
from data_access.complaint_rules import CATEGORIES, CHANNELS, CLASSIFICATIONS, OPEN_STATUSES, STATUSES, TIERS
from data_access.db_init import init_database
from data_access.engine import make_engine
from data_access.exports import excel_csv
from data_access.filters import Filters
from data_access.periods import period_bounds
from data_access.privacy import SMALL_COUNT_THRESHOLD
from tests.app_runs import open_page
from tests.factories import add_complaint, add_unit, wib
from tests.test_page_kepuasan import table_with

LONE_KECAMATAN, SPREAD_KECAMATAN = "35.14.16", "35.14.03"
LONE = Filters(kecamatan=LONE_KECAMATAN, kind="puskesmas", date_from=period_bounds("2026-11")[0],
               date_to=period_bounds("2026-11")[1])
LONE_PARAMS = {"kecamatan": LONE_KECAMATAN, "jenis": "puskesmas", "periode": "2026-11"}
SPREAD = Filters(kecamatan=SPREAD_KECAMATAN)
HIDDEN = t("complaints.suppressed", "id", n=SMALL_COUNT_THRESHOLD)
# SPREAD_KECAMATAN's complaints: (how many, month received, category, channel, classification, status, tier).
SPREAD_COMPLAINTS = (
    (6, 9, "pendidikan", "whatsapp", "pengaduan", "selesai", "sederhana"),
    (7, 10, "kesehatan", "loket", "pengaduan", "selesai", "tanpa_pemeriksaan"),
    (2, 10, "sosial", "esambat", "aspirasi", "ditindaklanjuti", "pemeriksaan_lapangan"),
    (1, 11, "perizinan", "loket", "permintaan_informasi", "diterima", "sederhana"),
)


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('suppression') / 'dasbor.sqlite'}"
    engine = make_engine(url)
    try:
        init_database(engine)
        lone = add_unit(engine, "3514-PKM-SEPI", region="35.14", kecamatan_code=LONE_KECAMATAN)
        add_complaint(engine, lone, wib(2026, 11, 5, 9), "diterima", channel="loket", category="kesehatan",
                      classification="pengaduan")
        spread = add_unit(engine, "3514-PKM-RAME", region="35.14", kecamatan_code=SPREAD_KECAMATAN)
        for count, month, category, channel, classification, status, tier in SPREAD_COMPLAINTS:
            for day in range(1, count + 1):
                received = wib(2026, month, day, 9)
                # Verified (forwarded), so that each is in its tier's resolution clock, except the one just received.
                stamps = {} if status == "diterima" else {"verified_at": wib(2026, month, day, 14)}
                if status == "selesai":
                    stamps["resolved_at"] = wib(2026, month, day + 2, 14)
                add_complaint(engine, spread, received, status, tier=tier, channel=channel, category=category,
                              classification=classification, **stamps)
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="module")
def engine(url):
    eng = make_engine(url)
    yield eng
    eng.dispose()


def recoverable(cells: dict, totals: list[tuple[set, int]]) -> list:
    """The hidden cells (value None) whose count follows from the shown cells and the published totals (each a set
    of cell keys and its sum): a hidden count is recovered when the counts from 0 up that fit every total leave it
    one whole number (its least and greatest, by linear programming)."""
    hidden = [key for key, value in cells.items() if value is None]
    if not hidden:
        return []
    equations, sums = [], []
    for keys, total in totals:
        equations.append([1.0 if key in keys else 0.0 for key in hidden])
        sums.append(total - sum(value for key, value in cells.items() if key in keys and value is not None))
    found = []
    for position, key in enumerate(hidden):
        aim = [1.0 if i == position else 0.0 for i in range(len(hidden))]
        low = linprog(aim, A_eq=equations, b_eq=sums, bounds=(0, None)).fun
        high = -linprog([-a for a in aim], A_eq=equations, b_eq=sums, bounds=(0, None)).fun
        if math.floor(high + 1e-9) - math.ceil(low - 1e-9) == 0:
            found.append(key)
    return found


def test_recoverable_finds_a_count_given_away_by_zeros_and_a_total():
    """The checker itself: the category table the issue's page published (one '<5', zeros, total 1)."""
    assert recoverable({"kesehatan": None, "sosial": 0}, [({"kesehatan", "sosial"}, 1)]) == ["kesehatan"]
    assert recoverable({"kesehatan": None, "sosial": None}, [({"kesehatan", "sosial"}, 1)]) == []


# ------------------------------------------------------------------------------------------- data functions


def volume(engine, filters: Filters, dimension: str) -> dict:
    with engine.connect() as conn:
        return {r["value"]: r["complaints"] for r in complaint_volume(conn, filters, dimension)}


def test_a_lone_complaint_is_hidden_in_every_breakdown(engine):
    """Total 1: every zero beside its '<5' would name its category, channel or classification, so each of those
    tables is all '<5'; the status table keeps the closed statuses' zeros (the headline already says it is
    open), and its one month stays hidden."""
    with engine.connect() as conn:
        summary = complaint_summary(conn, LONE)
        funnel = {r["status"]: r for r in complaint_funnel(conn, LONE)}
        trend = complaint_trend(conn, LONE)
    assert (summary["received"], summary["open"]) == (1, 1)
    for dimension, values in (("category", CATEGORIES), ("channel", CHANNELS),
                              ("classification", CLASSIFICATIONS)):
        assert volume(engine, LONE, dimension) == dict.fromkeys(values), dimension
    assert {s: r["complaints"] for s, r in funnel.items()} == {
        s: None if s in OPEN_STATUSES else 0 for s in STATUSES}
    assert all(r["share_pct"] is None for r in funnel.values() if r["suppressed"])
    assert [(r["month"], r["complaints"], r["per_10k"], r["suppressed"]) for r in trend] == [
        ("2026-11", None, None, True)]


def test_one_to_four_complaints_spread_over_the_breakdowns_with_complementary_cells(engine):
    with engine.connect() as conn:
        summary = complaint_summary(conn, SPREAD)
        funnel = {r["status"]: r["complaints"] for r in complaint_funnel(conn, SPREAD)}
        trend = {r["month"]: r["complaints"] for r in complaint_trend(conn, SPREAD)}
        timings = complaint_timings(complaint_set(conn, SPREAD), SPREAD, now())
    assert (summary["received"], summary["open"]) == (16, 3)
    category = volume(engine, SPREAD, "category")
    # sosial 2 and perizinan 1 hide each other; the rest is shown.
    assert category == {**dict.fromkeys(CATEGORIES, 0), "pendidikan": 6, "kesehatan": 7, "sosial": None,
                        "perizinan": None}
    # esambat 2 alone would follow from the total: the smallest other count (whatsapp 6) goes with it.
    assert volume(engine, SPREAD, "channel") == {**dict.fromkeys(CHANNELS, 0), "loket": 8, "whatsapp": None,
                                                 "esambat": None}
    assert volume(engine, SPREAD, "classification") == {"pengaduan": 13, "aspirasi": None,
                                                        "permintaan_informasi": None}
    assert funnel == {**dict.fromkeys(STATUSES, 0), "selesai": 13, "ditindaklanjuti": None, "diterima": None}
    # November's 1 alone would follow from the total: September's 6 (the smallest other month) goes with it.
    assert trend == {"2026-09": None, "2026-10": 9, "2026-11": None}
    tiers = {r["tier"]: r for r in timings if r["tier"] is not None}
    # The resolution clock holds the 15 forwarded: tiers 6, 7 and 2; the 2 and the 6 are hidden, figures and all.
    assert {tier: tiers[tier]["complaints"] for tier in TIERS} == {
        "sederhana": None, "tanpa_pemeriksaan": 7, "pemeriksaan_lapangan": None}
    hidden = tiers["pemeriksaan_lapangan"]
    assert [hidden[k] for k in ("done", "median_workdays", "within_limit_pct", "still_open_pct")] == [None] * 4
    assert tiers["tanpa_pemeriksaan"]["done"] == 7 and tiers["tanpa_pemeriksaan"]["median_workdays"] == 2
    assert all(r["complaints"] is not None for r in timings if r["tier"] is None)

    total = summary["received"]
    for cells in (category, volume(engine, SPREAD, "channel"), volume(engine, SPREAD, "classification"), trend):
        assert recoverable(cells, [(set(cells), total)]) == []
    assert recoverable(funnel, [(set(funnel), total), (set(OPEN_STATUSES), summary["open"])]) == []
    by_tier = {tier: tiers[tier]["complaints"] for tier in TIERS}
    assert recoverable(by_tier, [(set(by_tier), 15)]) == []


def test_without_a_kecamatan_nothing_is_hidden(engine):
    everywhere = Filters(region="35.14")
    assert volume(engine, everywhere, "category")["sosial"] == 2
    with engine.connect() as conn:
        assert not any(r["suppressed"] for r in complaint_funnel(conn, everywhere))
        assert not any(r["suppressed"] for r in complaint_trend(conn, everywhere))


# -------------------------------------------------------------------------------------- the page and its files


def chart_frames(app) -> list[pd.DataFrame]:
    """The data every chart on the page draws."""
    return [pa.ipc.open_stream(data.data.data).read_all().to_pandas()
            for chart in app.get("vega_lite_chart") for data in chart.proto.datasets]


def csv_counts(table, filters: Filters) -> list[str]:
    """The 'Pengaduan' column of the table's CSV as the page's download button writes it."""
    text = excel_csv(table.download(filters), {}).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\n")), delimiter=";"))
    return [row[t("complaints.col.complaints", "id")] for row in rows]


def test_the_issues_page_shows_the_lone_complaint_in_no_table_chart_or_file(monkeypatch, url):
    app = open_page(monkeypatch, url, "app_pages/pengaduan.py", **LONE_PARAMS)
    assert {m.label: m.value for m in app.metric}["Pengaduan diterima"] == "1"  # the total is public
    for column, values in (("Kategori", CATEGORIES), ("Kanal", CHANNELS), ("Klasifikasi", CLASSIFICATIONS)):
        shown = table_with(app, column, "Pengaduan")
        assert len(shown) == len(values) and set(shown["Pengaduan"]) == {HIDDEN}, column
        assert shown["Persentase"].isna().all()
    status = table_with(app, "Status", "Jalur").set_index("Status")["Pengaduan"]
    assert status["Diterima"] == HIDDEN and str(status["Selesai"]) == "0"
    assert list(table_with(app, "Bulan", "Pengaduan")["Pengaduan"]) == [HIDDEN]
    # Overdue (the headline says so): every late bucket hidden, the buckets still within the limit 0.
    backlog = table_with(app, "Sisa waktu", "Pengaduan")["Pengaduan"].astype(str).tolist()
    assert backlog == ["0", "0", HIDDEN, HIDDEN, HIDDEN]
    # Every bar of a hidden count is empty, with "<5" beside it; no bar is 1 long; the one month is not drawn.
    bars = [frame for frame in chart_frames(app) if {"x", "text"} <= set(frame.columns)]
    assert len(bars) >= 5  # three breakdowns, the status and the backlog
    for frame in bars:
        assert (frame.loc[frame["text"] == HIDDEN, "x"] == 0).all()
        assert not frame["text"].str.startswith("1 ").any(), frame
    assert not any("y" in frame.columns for frame in chart_frames(app))  # no trend line
    captions = " ".join(c.value for c in app.caption)
    assert t("complaints.suppressed_note", "id", n=SMALL_COUNT_THRESHOLD) in captions

    for table in (*tables.VOLUME.values(), tables.FUNNEL, tables.TREND, tables.BACKLOG):
        counts = csv_counts(table, LONE)
        assert "1" not in counts and HIDDEN in counts, (table.key, counts)


def test_the_api_gives_the_pages_suppressed_cells(url):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        patch.delenv("PUBLIC_DATABASE_URL", raising=False)
        with TestClient(Starlette(routes=ROUTES)) as client:
            lone = {key: client.get(f"{API_PATH}/pengaduan-{key}.json", params=LONE_PARAMS).json()["rows"]
                    for key in ("category", "channel", "classification", "status")}
            spread = client.get(f"{API_PATH}/pengaduan-channel.json",
                                params={"kecamatan": SPREAD_KECAMATAN}).json()["rows"]
            spread_csv = client.get(f"{API_PATH}/pengaduan-per-bulan.csv",
                                    params={"kecamatan": SPREAD_KECAMATAN}).text
    for key in ("category", "channel", "classification"):
        assert {row["complaints"] for row in lone[key]} == {HIDDEN}, key
    assert {row["status"]: row["complaints"] for row in lone["status"]}[t("complaints.status.diterima")] == HIDDEN
    channels = {row["channel"]: row["complaints"] for row in spread}
    assert channels[t("complaints.channel.esambat")] == HIDDEN and channels[t("complaints.channel.whatsapp")] == HIDDEN
    assert channels[t("complaints.channel.loket")] == 8
    trend = {row["month"]: row["complaints"] for row in csv.DictReader(io.StringIO(spread_csv))}
    assert trend == {"2026-09": HIDDEN, "2026-10": "9", "2026-11": HIDDEN}


def test_a_kecamatan_with_some_small_counts_draws_only_what_its_tables_show(monkeypatch, url):
    app = open_page(monkeypatch, url, "app_pages/pengaduan.py", kecamatan=SPREAD_KECAMATAN)
    trend = table_with(app, "Bulan", "Pengaduan")
    assert [str(n) for n in trend["Pengaduan"]] == [HIDDEN, "9", HIDDEN]
    lines = [frame for frame in chart_frames(app) if "y" in frame.columns]
    assert [frame["y"].tolist() for frame in lines] == [[9]]  # September and November are not drawn
    timing = table_with(app, "Tahap", "Pengaduan dihitung").set_index("Tahap")
    tiers = {tier: timing.loc[t("complaints.stage.resolution_tier", "id", tier=tier_text(tier))] for tier in TIERS}
    assert {tier: str(row["Pengaduan dihitung"]) for tier, row in tiers.items()} == {
        "sederhana": HIDDEN, "tanpa_pemeriksaan": "7", "pemeriksaan_lapangan": HIDDEN}
    hidden = tiers["pemeriksaan_lapangan"]
    assert pd.isna(hidden["Sudah selesai tahap"]) and pd.isna(hidden["Dalam batas (%)"])
    channel = table_with(app, "Kanal", "Pengaduan").set_index("Kanal")["Pengaduan"]
    assert channel[t("complaints.channel.loket", "id")] == "8"
    assert channel[t("complaints.channel.esambat", "id")] == channel[t("complaints.channel.whatsapp", "id")] == HIDDEN
    captions = " ".join(c.value for c in app.caption)
    for key in ("complaints.trend.suppressed_note", "complaints.timing.suppressed_note"):
        assert t(key, "id", n=SMALL_COUNT_THRESHOLD) in captions


def test_the_data_page_gives_the_same_suppressed_table(monkeypatch, url):
    app = open_page(monkeypatch, url, "app_pages/data.py", tabel="pengaduan-channel", **LONE_PARAMS)
    shown = table_with(app, "Kanal", "Pengaduan")
    assert len(shown) == len(CHANNELS) and set(shown["Pengaduan"]) == {HIDDEN}
