"""The open data API (components/api.py, components/open_data.py): the routes app.py hands to st.App, driven with
Starlette's TestClient on the demo database (SQLite and PostgreSQL), and once through a real `streamlit run app.py`.

Every table the API serves is covered, so tables declared later are too: the list, each table as JSON and CSV with
and without filters (the rows are the Data page's, `table.frame(table.scope(filters))`), ETag and 304, every hostile
value of tests/test_hostile_urls.py in every filter parameter (400 naming the parameter), other methods (405),
unknown addresses (404), an unreadable database (503), the headers, and the privacy canaries of
tests/test_browser_privacy.py in no answer."""

from __future__ import annotations

import io
import json
import math
import re
import urllib.error
import urllib.request
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from components import data
from components.api import API_PATH, ROUTES
from components.citation import LICENCE
from components.datasets import DATASETS
from components.i18n import STRINGS, request_language
from components.open_data import parameters
from components.table import Table, titled
from data_access.filters import Filters, InvalidFilter, from_params, kecamatan_codes
from data_access.periods import period_bounds
from tests.app_runs import ROOT, open_page
from tests.browser import start_app
from tests.factories import add_done_when_units, add_questionnaires, add_unit, answers, wib
from tests.test_browser_privacy import (
    CANARY_UNITS,
    OLD_PERIOD,
    RECENT_MONTH,
    RECENT_QUARTER,
    canaries_in,
    canary_database,
)
from tests.test_hostile_urls import HOSTILE, SCRIPT, VALUE_NAMES

SERVED = DATASETS
PER_UNIT = [table for table in SERVED if table.per_unit]
FILTER_PARAMS = ("wilayah", "jenis", "kecamatan", "periode", "unit", "lang")
# A unit of the demo in each region (the demo's units are the same whatever the seed).
KOTA_UNIT, KAB_UNIT = "3575-MPP", "3514-MPP"
KOTA_KECAMATAN, KAB_KECAMATAN = kecamatan_codes("35.75")[0], kecamatan_codes("35.14")[3]
# Values every parameter accepts on the demo database (up to 2025-12-31).
VALID = {"wilayah": "35.75", "jenis": "puskesmas", "kecamatan": KOTA_KECAMATAN, "periode": "2025",
         "unit": KOTA_UNIT, "lang": "en"}
COMMON_HEADERS = {"access-control-allow-origin": "*", "x-content-type-options": "nosniff"}


def cases(table: Table) -> list[dict[str, str]]:
    """Query strings for a table: none, and filters of both regions (a unit's card: a unit of each)."""
    if table.per_unit:
        return [{"unit": KOTA_UNIT}, {"unit": f" {KAB_UNIT.lower()} ", "lang": "en"}]
    return [{}, {"wilayah": "35.75", "jenis": "puskesmas", "periode": "2025"},
            {"wilayah": "35.14", "kecamatan": KAB_KECAMATAN, "periode": "2025-Q4", "lang": "en", "zz": "ignored"}]


def expected_filters(table: Table, params: dict[str, str]) -> Filters:
    """The filters the Data page builds for these parameters, written out by hand."""
    if table.per_unit:
        return table.scope(Filters(unit=params["unit"].strip().upper()))
    start, end = period_bounds(params.get("periode", "semua"))
    return table.scope(Filters(region=params.get("wilayah"), kind=params.get("jenis"),
                               kecamatan=params.get("kecamatan"), date_from=start, date_to=end))


def ids(table: Table, params: dict) -> str:
    return table.key + ("?" + "&".join(f"{k}={v.strip()}" for k, v in params.items()) if params else "")


TABLE_CASES = [pytest.param(table, params, id=ids(table, params)) for table in SERVED for params in cases(table)]


def serving(url: str):
    """The API's routes in a bare Starlette app, reading the database at `url`."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        patch.delenv("PUBLIC_DATABASE_URL", raising=False)
        with TestClient(Starlette(routes=ROUTES)) as test_client:
            yield test_client


@pytest.fixture(scope="module")
def client(demo_url):
    """On the demo database, SQLite and PostgreSQL."""
    yield from serving(demo_url)


@pytest.fixture(scope="module")
def sqlite_client(demo_sqlite_url):
    """On the same demo load in SQLite alone, for the large matrix."""
    yield from serving(demo_sqlite_url)


def assert_headers(response, media_type: str = "application/json; charset=utf-8") -> None:
    for name, value in COMMON_HEADERS.items():
        assert response.headers[name] == value, name
    if response.status_code != 304:
        assert response.headers["content-type"] == media_type


def blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def assert_rows_equal(rows: list[dict], frame: pd.DataFrame) -> None:
    """JSON rows against the frame: the same keys in order, blanks as null, numbers as numbers, text as text."""
    assert len(rows) == len(frame)
    for row, (_, expected) in zip(rows, frame.iterrows(), strict=True):
        assert list(row) == list(frame.columns)
        for key, value in expected.items():
            got = row[key]
            if blank(value):
                assert got is None, (key, got)
            elif isinstance(value, str):
                assert got == value, key
            else:
                assert isinstance(got, int | float) and not isinstance(got, bool), (key, got)
                assert math.isclose(got, float(value), rel_tol=0, abs_tol=1e-9), (key, got, value)


def csv_cells(frame: pd.DataFrame) -> list[list[str]]:
    """What the plain CSV must hold for `frame`: each cell as Python writes it, blanks empty."""
    return [["" if blank(value) else str(value) for value in row] for row in frame.itertuples(index=False)]


# ------------------------------------------------------------------------------------------------- the list


def test_the_list_names_every_served_table_with_its_columns_filters_and_addresses(client):
    response = client.get(f"{API_PATH}/")
    assert response.status_code == 200
    assert_headers(response)
    assert response.headers["cache-control"] == "public, max-age=60"
    assert response.headers["etag"].startswith('W/"')
    listing = response.json()
    assert [entry["id"] for entry in listing["tables"]] == [table.key for table in SERVED]
    assert listing["licence"]["name"] == LICENCE
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", listing["data_time"])
    assert listing["simulated"] is True
    assert listing["parameters"]["periode"]["values"][:2] == ["semua", "2025"]
    assert {kind["code"] for kind in listing["parameters"]["jenis"]["values"]} >= {"mpp", "puskesmas"}
    for table, entry in zip(SERVED, listing["tables"], strict=True):
        assert entry["title"] == table.title(Filters())
        assert entry["page"] == table.page
        assert entry["description"]
        assert entry["filters"] == list(parameters(table))
        assert [column["key"] for column in entry["columns"]] == [column.key for column in table.columns]
        for column in entry["columns"]:
            assert column["label"] and column["meaning"] and column["unit_label"]
            assert column["type"] in ("text", "integer", "number")
        assert entry["json_url"] == f"{API_PATH}/{table.key}.json"
        assert entry["csv_url"] == f"{API_PATH}/{table.key}.csv"
    assert client.get(API_PATH).json() == listing  # without the slash too


def test_the_list_speaks_english_when_asked(client):
    listing = client.get(f"{API_PATH}/", params={"lang": "en"}).json()
    assert listing["title"] == "Pasuruan Public Service Dashboard"
    with request_language("en"):
        assert [entry["title"] for entry in listing["tables"]] == [table.title(Filters()) for table in SERVED]


def test_peta_tables_take_the_page_filters():
    assert {parameters(table) for table in SERVED if table.page == "peta"} == {
        ("wilayah", "jenis", "kecamatan", "periode")}


# ----------------------------------------------------------------------------------------------- the tables


@pytest.mark.parametrize(("table", "params"), TABLE_CASES)
def test_json_holds_the_data_pages_rows(client, table, params):
    response = client.get(f"{API_PATH}/{table.key}.json", params=params)
    assert response.status_code == 200, response.text
    assert_headers(response)
    body = response.json()
    filters = expected_filters(table, params)
    with request_language(params.get("lang", "id")):
        frame = table.frame(filters)
        assert body["title"] == table.title(filters)
    assert body["table"] == table.key
    assert body["licence"]["name"] == LICENCE
    assert body["data_time"].endswith("+07:00")
    assert [column["key"] for column in body["columns"]] == list(frame.columns)
    assert body["filters"]["wilayah"] == filters.region and body["filters"]["unit"] == filters.unit
    assert body["filters"]["date_from"] == (filters.date_from.isoformat() if filters.date_from else None)
    assert_rows_equal(body["rows"], frame)
    if table.page == "peta" and params.get("wilayah"):
        assert body["rows"], "the demo has units in each region"


@pytest.mark.parametrize(("table", "params"), TABLE_CASES)
def test_csv_is_plain_utf8_with_the_column_keys(client, table, params):
    response = client.get(f"{API_PATH}/{table.key}.csv", params=params)
    assert response.status_code == 200, response.text
    assert_headers(response, "text/csv; charset=utf-8")
    assert not response.content.startswith(b"\xef\xbb\xbf")
    with request_language(params.get("lang", "id")):
        frame = table.frame(expected_filters(table, params))
    read = pd.read_csv(io.BytesIO(response.content), dtype=str, keep_default_na=False)
    assert list(read.columns) == [column.key for column in table.columns]
    assert read.values.tolist() == csv_cells(frame)


def test_a_period_selects_its_rows_only(client):
    """A whole year against one of its quarters: the quarter's respondents are fewer (and never more)."""
    year = {row["unit_code"]: row["respondents"] or 0
            for row in client.get(f"{API_PATH}/peta-unit.json", params={"periode": "2025"}).json()["rows"]}
    quarter = {row["unit_code"]: row["respondents"] or 0
               for row in client.get(f"{API_PATH}/peta-unit.json", params={"periode": "2025-Q2"}).json()["rows"]}
    assert all(quarter[code] <= year[code] for code in year)
    assert sum(quarter.values()) < sum(year.values())


def test_a_repeated_parameter_counts_by_its_last_value_as_on_the_pages(client):
    body = client.get(f"{API_PATH}/peta-unit.json?wilayah=35.14&wilayah=35.75").json()
    assert body["filters"]["wilayah"] == "35.75"
    assert {row["region"] for row in body["rows"]} == {"Kota Pasuruan"}


def test_unknown_parameters_are_ignored(client):
    bare = client.get(f"{API_PATH}/peta-unit.json")
    noisy = client.get(f"{API_PATH}/peta-unit.json", params={"zz": SCRIPT, "utm_source": "x", "tabel": "ikm"})
    assert noisy.status_code == 200
    assert noisy.content == bare.content
    assert noisy.headers["etag"] == bare.headers["etag"]


# ---------------------------------------------------------------------------------------------- caching


def test_a_matching_etag_gives_304_without_a_body(client):
    first = client.get(f"{API_PATH}/peta-unit.json", params={"wilayah": "35.75"})
    tag = first.headers["etag"]
    again = client.get(f"{API_PATH}/peta-unit.json", params={"wilayah": "35.75"}, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == tag
    assert again.headers["cache-control"] == "public, max-age=60"
    assert_headers(again)
    among = client.get(f"{API_PATH}/peta-unit.json", params={"wilayah": "35.75"},
                       headers={"If-None-Match": f'W/"other", {tag.removeprefix("W/")}'})
    assert among.status_code == 304
    listing = client.get(f"{API_PATH}/")
    assert client.get(f"{API_PATH}/", headers={"If-None-Match": listing.headers["etag"]}).status_code == 304


def test_every_answer_has_its_own_etag(client):
    """Table, filters, language and format each change the tag, so a cache never hands one for another."""
    tags = [client.get(path, params=params).headers["etag"] for path, params in [
        (f"{API_PATH}/peta-unit.json", {}),
        (f"{API_PATH}/peta-unit.json", {"wilayah": "35.75"}),
        (f"{API_PATH}/peta-unit.json", {"lang": "en"}),
        (f"{API_PATH}/peta-unit.csv", {}),
        (f"{API_PATH}/peta-kecamatan.json", {}),
        (f"{API_PATH}/", {}),
        (f"{API_PATH}/", {"lang": "en"}),
    ]]
    assert len(set(tags)) == len(tags)
    stale = client.get(f"{API_PATH}/peta-unit.json", headers={"If-None-Match": tags[1]})
    assert stale.status_code == 200


def test_new_data_is_a_new_answer_never_a_kept_body(engine, db_url):
    """Answers' bodies are kept by their entity tag (components/api._Bodies): the same request gets the same bytes,
    and a questionnaire more changes the tag and so the body."""
    add_done_when_units(engine)
    path = f"{API_PATH}/ikm-per-unit.json"
    for api in serving(db_url):
        first = api.get(path)
        assert api.get(path).content == first.content
        clinic = add_unit(engine, "3575-PKM-BARU", region="35.75", kind="puskesmas")
        add_questionnaires(engine, clinic, [answers(4)] * 3, wib(2025, 8, 1, 9))
        data.forget_watermark()  # the watermark is re-read every second; the test does not wait for it
        second = api.get(path)
        assert second.headers["etag"] != first.headers["etag"]
        codes = {row["unit_code"] for row in second.json()["rows"]}
        assert "3575-PKM-BARU" in codes
        assert "3575-PKM-BARU" not in {row["unit_code"] for row in first.json()["rows"]}


# ------------------------------------------------------------------------------------------- bad requests


def assert_refused(client, table: Table, parameter: str, value: str | list[str]) -> None:
    params = {"unit": KOTA_UNIT} if table.per_unit and parameter != "unit" else {}
    response = client.get(f"{API_PATH}/{table.key}.json", params={**params, parameter: value})
    assert response.status_code == 400
    assert_headers(response)
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["parameter"] == parameter
    assert body["error"] and "Traceback" not in body["error"]
    assert "<script>" not in body["error"] and "etc/passwd" not in body["error"]  # the value is never echoed


@pytest.mark.parametrize("value_name", VALUE_NAMES)
@pytest.mark.parametrize("parameter", FILTER_PARAMS)
@pytest.mark.parametrize("table", SERVED, ids=lambda table: table.key)
def test_a_hostile_value_is_a_400_naming_its_parameter(sqlite_client, table, parameter, value_name):
    value = [VALID[parameter], SCRIPT] if value_name == "repeated" else HOSTILE[value_name]
    assert_refused(sqlite_client, table, parameter, value)


@pytest.mark.parametrize("table", SERVED, ids=lambda table: table.key)
def test_a_sql_shaped_value_is_refused_on_both_backends(client, table):
    for parameter in FILTER_PARAMS:
        assert_refused(client, table, parameter, HOSTILE["traversal-sql"])


def test_a_kecamatan_of_the_other_region_is_refused(client):
    response = client.get(f"{API_PATH}/peta-unit.json", params={"wilayah": "35.14", "kecamatan": KOTA_KECAMATAN})
    assert response.status_code == 400
    assert response.json()["parameter"] == "kecamatan"


def test_a_period_outside_the_data_and_an_unknown_unit_are_refused(client):
    for params, parameter in [({"periode": "2019"}, "periode"), ({"periode": "2025-Q5"}, "periode"),
                              ({"unit": "3575-NOPE"}, "unit")]:
        response = client.get(f"{API_PATH}/peta-unit.json", params=params)
        assert response.status_code == 400 and response.json()["parameter"] == parameter, params


def test_errors_speak_the_requested_language(client):
    english = client.get(f"{API_PATH}/peta-unit.json", params={"wilayah": "99", "lang": "en"}).json()
    assert english["error"].startswith("Unknown value of wilayah")


@pytest.mark.parametrize("table", PER_UNIT, ids=lambda table: table.key)
def test_a_units_table_needs_its_unit(client, table):
    response = client.get(f"{API_PATH}/{table.key}.json", params={"wilayah": "35.75"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "unit"


def test_a_units_table_takes_its_unit_alone(client, monkeypatch):
    """A report-card table (page `unit`; none is declared yet, so Peta's unit list stands in for one): ?unit= is
    required, the page filters are not applied, and the rows are the unit's."""
    from components import datasets
    from components.map import figures as peta_data
    from components.map.tables import UNIT_COLUMNS

    card = Table("test-kartu", "unit", titled("map.list.heading"), peta_data.units, UNIT_COLUMNS, "test-kartu",
                 scope=lambda filters: Filters(unit=filters.unit))
    monkeypatch.setattr(datasets, "DATASETS", (*datasets.DATASETS, card))
    monkeypatch.setitem(STRINGS, "data.desc.test-kartu", {"id": "Kartu uji.", "en": "Test card."})
    assert parameters(card) == ("unit",)
    listed = client.get(f"{API_PATH}/").json()["tables"][-1]
    assert (listed["id"], listed["filters"]) == ("test-kartu", ["unit"])
    missing = client.get(f"{API_PATH}/test-kartu.json", params={"wilayah": "35.75"})
    assert missing.status_code == 400 and missing.json()["parameter"] == "unit"
    body = client.get(f"{API_PATH}/test-kartu.json", params={"unit": "3514-mpp", "wilayah": "35.75"}).json()
    assert body["filters"]["unit"] == KAB_UNIT and body["filters"]["wilayah"] is None
    assert [row["unit_code"] for row in body["rows"]] == [KAB_UNIT]


@pytest.mark.parametrize("path", [f"{API_PATH}/nope.json", f"{API_PATH}/peta-unit.xml", f"{API_PATH}/peta-unit",
                                  f"{API_PATH}/peta-unit.json/x", f"{API_PATH}/..%2F..%2Fetc%2Fpasswd.json", "/api",
                                  "/api/", "/api/v2/peta-unit.json"])
def test_unknown_addresses_are_404_json(client, path):
    """Not the app's page either: without the API's catch-all, Streamlit answers any address with index.html."""
    response = client.get(path)
    assert response.status_code == 404
    assert_headers(response)
    assert "error" in response.json()


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("path", [f"{API_PATH}/", f"{API_PATH}/peta-unit.json", f"{API_PATH}/peta-unit.csv"])
def test_only_reading_is_allowed(client, method, path):
    response = client.request(method, path, content=b"x=1")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert_headers(response)
    assert "error" in response.json()


def test_head_answers_with_the_headers_of_get(client):
    get = client.get(f"{API_PATH}/peta-unit.csv")
    head = client.head(f"{API_PATH}/peta-unit.csv")
    assert head.status_code == 200
    assert head.headers["etag"] == get.headers["etag"]
    assert head.headers["content-type"] == get.headers["content-type"]


def test_an_unreadable_database_is_a_503_json(tmp_path):
    """A file that is not a database: the notice as JSON (with when to try again), never a traceback."""
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database, " * 512)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", f"sqlite:///{broken}")
        patch.delenv("PUBLIC_DATABASE_URL", raising=False)
        with TestClient(Starlette(routes=ROUTES)) as broken_client:
            for path in (f"{API_PATH}/", f"{API_PATH}/peta-unit.json"):
                response = broken_client.get(path)
                assert response.status_code == 503, response.text
                assert response.headers["retry-after"] == "5"
                assert_headers(response)
                assert "Traceback" not in response.text and "error" in response.json()


# ------------------------------------------------------------------------------------------ pure parsing


def test_from_params_applies_the_pages_rules():
    periods = ["semua", "2025", "2025-Q4", "2025-12"]
    chosen = from_params({"wilayah": "35.75", "jenis": "mpp", "kecamatan": KOTA_KECAMATAN, "periode": "2025-Q4",
                          "unit": " 3575-mpp ", "zz": "x"}, periods)
    assert chosen == Filters(region="35.75", kind="mpp", kecamatan=KOTA_KECAMATAN, unit="3575-MPP",
                             date_from=date(2025, 10, 1), date_to=date(2025, 12, 31))
    assert from_params({"periode": "semua"}, periods) == from_params({}, periods) == Filters()
    for params in ({"wilayah": ""}, {"jenis": "MPP"}, {"kecamatan": KOTA_KECAMATAN, "wilayah": "35.14"},
                   {"periode": "2024"}, {"unit": "a b"}, {"unit": ""}):
        with pytest.raises(InvalidFilter) as raised:
            from_params(params, periods)
        assert raised.value.field in params


# --------------------------------------------------------------------------------------------- privacy


@pytest.fixture(scope="module")
def canary_url(tmp_path_factory) -> str:
    return canary_database(tmp_path_factory)


def test_no_answer_holds_a_canary(canary_url):
    """The privacy crawl's database (names, NIK, phone numbers, e-mail, addresses in complaint texts, suggestions
    and typed services): the list and every table, both formats, both languages, every filter that reaches the
    canaries' rows, hold none of it."""
    kecamatan = {unit.kecamatan_code for unit in CANARY_UNITS}
    filter_sets = [{}, {"lang": "en"}, {"periode": OLD_PERIOD}, {"periode": RECENT_MONTH},
                   {"periode": RECENT_QUARTER}, *({"kecamatan": code} for code in sorted(kecamatan))]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", canary_url)
        patch.delenv("PUBLIC_DATABASE_URL", raising=False)
        with TestClient(Starlette(routes=ROUTES)) as canary_client:
            bodies = [canary_client.get(f"{API_PATH}/").text]
            for table in SERVED:
                sets = [{"unit": unit.code} for unit in CANARY_UNITS] if table.per_unit else filter_sets
                for params in sets:
                    for kind in ("json", "csv"):
                        response = canary_client.get(f"{API_PATH}/{table.key}.{kind}", params=params)
                        assert response.status_code == 200, (table.key, params, response.text)
                        bodies.append(response.text)
    assert all(canaries_in(body) == [] for body in bodies)
    assert any(unit.code in body for body in bodies for unit in CANARY_UNITS)  # the canaries' units were reached


# ------------------------------------------------------------------------------------------- the pages


def test_the_keys_pages_cite_are_tables_of_the_registry():
    keys = {dataset.key for dataset in DATASETS}
    cited = {key for path in (ROOT / "app_pages").glob("*.py")
             for key in re.findall(r'BY_KEY\["([^"]+)"\]', path.read_text())}
    assert cited and cited <= keys


def test_the_citation_offers_the_api_link_of_the_table_shown(monkeypatch, demo_url):
    """Peta's "Salin tautan / Kutip" gives its unit list's JSON with the page's filters the table takes (not the
    map's own ?mutu=), and the Data page the chosen table's."""
    app = open_page(monkeypatch, demo_url, "app_pages/peta.py", wilayah="35.75", jenis="puskesmas", mutu="A",
                    lang="en")
    # The page opens on the last complete quarter with data (the demo ends in 2025-Q4): the link names it, since
    # the API's own default is all periods.
    assert api_links(app) == [(f"{API_PATH}/peta-unit.json", {"wilayah": "35.75", "jenis": "puskesmas", "lang": "en",
                                                               "periode": "2025-Q4"})]
    app = open_page(monkeypatch, demo_url, "app_pages/data.py", tabel="peta-kecamatan", periode="2025")
    assert api_links(app) == [(f"{API_PATH}/peta-kecamatan.json", {"periode": "2025"})]


def api_links(app) -> list[tuple[str, dict]]:
    """The API addresses in the page's code boxes, as (path, parameters)."""
    links = [urlsplit(code.value) for code in app.code if f"{API_PATH}/" in code.value]
    return [(link.path, dict(parse_qsl(link.query))) for link in links]


# ------------------------------------------------------------------------------------- the real server


def test_streamlit_run_serves_the_api_beside_the_app(demo_sqlite_url):
    """`streamlit run app.py` finds st.App in app.py and mounts the routes: the API answers, and so does the app."""
    server = start_app(demo_sqlite_url)
    try:
        with urllib.request.urlopen(f"{server.url}{API_PATH}/", timeout=30) as response:
            assert response.headers["Content-Type"] == "application/json; charset=utf-8"
            assert response.headers["Access-Control-Allow-Origin"] == "*"
            listing = json.load(response)
        assert [entry["id"] for entry in listing["tables"]] == [table.key for table in SERVED]
        with urllib.request.urlopen(f"{server.url}{API_PATH}/peta-unit.csv?wilayah=35.75", timeout=30) as response:
            assert response.read().startswith(b"unit,region,grade,ikm")
        request = urllib.request.Request(f"{server.url}{API_PATH}/peta-unit.json", method="POST", data=b"x")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 405
        with urllib.request.urlopen(f"{server.url}/peta", timeout=30) as response:
            assert b'<div id="root">' in response.read()
        assert "No runtime found" not in server.output() and "ScriptRunContext" not in server.output()
    finally:
        server.stop()
