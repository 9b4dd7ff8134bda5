"""The Data page's registry against the pages themselves, on the demo database of both backends: every CSV a page
offers is in the registry, the Data page's CSV of it is byte for byte the page's, and every column it holds is in the
data dictionary."""

import io
from datetime import timedelta
from pathlib import Path

import pandas as pd

from components.datasets import DATASETS
from components.i18n import STRINGS
from tests.app_runs import open_page, open_table_views
from tests.factories import (
    a_unit_with_questionnaires,
    add_complaint,
    add_done_when_units,
    add_questionnaires,
    add_unit,
    answers,
)
from tests.test_page_pimpinan import SMALL_UNIT_USERS, _at, _crossing_units, _in_graded_quarter

PAGES = Path(__file__).resolve().parent.parent / "app_pages"
DATA_PAGE = "app_pages/data.py"




def csv_files(app, managers) -> dict[str, bytes]:
    """File name -> bytes of every CSV download button on the page just run, made as a click makes it."""
    files = {}
    for button in app.get("download_button"):
        if button.label not in STRINGS["download.csv"].values():
            continue
        url = managers[-1].execute_deferred(button.proto.deferred_file_id)
        made = managers[-1].read_file(url.rsplit("/", 1)[1])
        files[made.filename] = made.content
    return files




def page_csvs(monkeypatch, url: str, stores) -> dict[tuple[str, str], bytes]:
    """(page, file name without .csv) -> bytes of every CSV every page offers, both IKM trend granularities and
    both Pimpinan comparisons, over all periods (the Data page's default; pages that grade default to a quarter)."""
    unit = a_unit_with_questionnaires(url)
    offered = {}
    for path in sorted(PAGES.glob("*.py")):
        if path.name == Path(DATA_PAGE).name:
            continue
        for trend, comparison in (("month", "minggu"), ("quarter", "bulan")):
            app = open_table_views(open_page(monkeypatch, url, f"app_pages/{path.name}", unit=unit, tren=trend,
                                             banding=comparison, periode="semua"))
            for name, content in csv_files(app, stores).items():
                offered[(path.stem, name.removesuffix(".csv"))] = content
    return offered


def parse(content: bytes) -> tuple[dict[str, str], pd.DataFrame]:
    """The metadata lines above the blank line, and the table below it, read as Indonesian Excel would."""
    assert content.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM"
    text = content.decode("utf-8-sig")
    head, table = text.split("\n\n", 1)
    meta = dict(line.split(";", 1) for line in head.splitlines())
    return meta, pd.read_csv(io.StringIO(table), sep=";", decimal=",")


def same_as_the_page(app, dataset, content: bytes, stores) -> None:
    """The Data page (already open) gives `dataset` as exactly the page's CSV, every column in the dictionary."""
    app.selectbox(key="tabel").set_value(dataset.key).run()
    assert not app.exception, app.exception
    ours = csv_files(app, stores)[f"{dataset.filename}.csv"]
    assert ours == content, f"{dataset.key}: the Data page's CSV differs from the {dataset.page} page's"

    meta, table = parse(ours)
    assert not table.empty, dataset.key
    assert meta["Judul"] == app.subheader[0].value
    assert meta["Lisensi"] == "CC BY 4.0" and meta["Data per"].endswith(" WIB") and "Filter" in meta
    dictionary = next(f.value for f in app.dataframe if list(f.value.columns) == ["Kolom", "Arti", "Satuan"])
    assert dictionary["Kolom"].tolist() == list(table.columns)
    unknown = dictionary.loc[dictionary["Arti"] == "–", "Kolom"].tolist()
    assert not unknown, f"{dataset.key}: columns without a dictionary entry: {unknown}"


def test_every_page_csv_is_in_the_registry_and_the_data_page_gives_the_same_bytes(monkeypatch, demo_url, media):
    offered = page_csvs(monkeypatch, demo_url, media)
    registry = {(d.page, d.filename): d for d in DATASETS}
    missing = sorted(set(offered) - set(registry))
    assert not missing, f"pages offer downloads the registry lacks: {missing}"
    # Three tables only appear with data the demo lacks (ranked units and complaints due in 2 days on its last day,
    # published SKM results at all). Pimpinan's windows end today, long after the demo's last day: its tables are
    # checked on their own below.
    gaps = {key for key in set(registry) - set(offered) if key[0] != "pimpinan"}
    assert len(gaps) <= 3, sorted(gaps)

    unit = a_unit_with_questionnaires(demo_url)
    app = open_page(monkeypatch, demo_url, DATA_PAGE, unit=unit)
    for (page, filename), content in sorted(offered.items()):
        same_as_the_page(app, registry[(page, filename)], content, media)


def add_every_pimpinan_table(engine) -> None:
    """Data up to today for each Pimpinan table: two units changing grade since a week and a month ago; in the
    quarter Pimpinan grades, a unit ranked and slipping (30 alike answers, wholly below grade A), a unit with too few
    respondents to rank, and a unit with enough complaints to rank; and open complaints of several ages, old enough to
    be newly past the verification limit or recent enough to fall due (weekends and holidays cannot empty either
    table)."""
    _crossing_units(engine)
    ranked = add_unit(engine, "3575-RANK", annual_users=SMALL_UNIT_USERS, name="Puskesmas Terukur")
    add_questionnaires(engine, ranked, [answers(3)] * 30, _in_graded_quarter(1))
    few = add_unit(engine, "3575-FEW", annual_users=SMALL_UNIT_USERS, name="Puskesmas Sepi")
    add_questionnaires(engine, few, [answers(4)] * 2, _in_graded_quarter(3))
    busy = add_unit(engine, "3575-BUSY", name="Puskesmas Ramai")
    for days in range(20, 25):
        received = _in_graded_quarter(days)
        add_complaint(engine, busy, received, "selesai", verified_at=received + timedelta(hours=1),
                      first_response_at=received + timedelta(hours=2), resolved_at=received + timedelta(hours=3))
    for days in (1, 2, 3, 4, 8, 10, 12):
        add_complaint(engine, busy, _at(days), "diterima")


def test_every_pimpinan_csv_is_the_data_pages(monkeypatch, engine, db_url, media):
    add_every_pimpinan_table(engine)
    offered = {}
    for comparison in ("minggu", "bulan"):
        offered.update(csv_files(open_table_views(
            open_page(monkeypatch, db_url, "app_pages/pimpinan.py", banding=comparison)), media))
    pimpinan = [d for d in DATASETS if d.page == "pimpinan"]
    assert sorted(offered) == sorted(f"{d.filename}.csv" for d in pimpinan)

    app = open_page(monkeypatch, db_url, DATA_PAGE)
    for dataset in pimpinan:
        same_as_the_page(app, dataset, offered[f"{dataset.filename}.csv"], media)


def test_the_csv_writes_indonesian_decimals_and_the_unit_filter_of_a_card(monkeypatch, demo_url, media):
    unit = a_unit_with_questionnaires(demo_url)
    app = open_page(monkeypatch, demo_url, DATA_PAGE, tabel="unit-tren-month", unit=unit)
    meta, table = parse(csv_files(app, media)["ikm-tren-month.csv"])
    assert meta["Filter"] == f"unit: {unit}"
    assert table["IKM"].dtype == float and table["n"].sum() > 0
    raw = csv_files(app, media)["ikm-tren-month.csv"].decode("utf-8-sig").split("\n\n", 1)[1]
    first_row = raw.splitlines()[1].split(";")
    assert "," in first_row[1] and "." not in first_row[1], first_row


def test_ranking_download_holds_the_hand_computed_figures(monkeypatch, engine, db_url, media):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, DATA_PAGE, tabel="ikm-peringkat")
    content = csv_files(app, media)["ikm-peringkat.csv"]
    meta, table = parse(content)
    assert meta["Judul"] == "Peringkat unit layanan" and meta["Filter"] == "tanpa filter"
    # Only the Kabupaten MPP is ranked (the Kota one has no known population): 88.32, grade A, n = 625.
    assert table[["Peringkat", "Kode unit", "IKM", "Mutu", "n"]].values.tolist() == [[1, "3514-MPP", 88.32, "A", 625]]
    assert ";88,32;A;625;" in content.decode("utf-8-sig")
