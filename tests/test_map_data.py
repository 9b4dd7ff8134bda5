"""Map figures on real databases (SQLite and PostgreSQL): per unit grade, sample and complaints, per kecamatan
measures, all computed by hand; and loading kecamatan boundaries from a file, good or bad."""

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import update

from data_access import config, schema
from data_access.boundaries import KECAMATAN_CODES, REGION_CODES, load_boundaries
from data_access.complaint_queries import complaints_by_unit
from data_access.elements import ELEMENTS
from data_access.filters import Filters
from data_access.ikm_queries import ikm_by_kecamatan, ikm_by_unit
from data_access.map_data import (
    NO_QUESTIONNAIRES,
    UNRATED,
    map_figures,
    marker_counts,
)
from data_access.sample import ADEQUATE, INADEQUATE, UNKNOWN_POPULATION
from tests.factories import add_complaint, add_questionnaires, add_unit, answers_totalling, wib

NOW = datetime(2025, 8, 1, 3, tzinfo=UTC)  # Friday 1 August 2025, 10.00 WIB
SURVEY_DAY = wib(2025, 7, 15, 10)
# All questionnaires on one day: the period is 1 day, so 3,650 users a year are 10 users and 10 respondents suffice.
USERS_FOR_TEN = 3650
SHARED_GEO = Path(__file__).resolve().parent.parent.parent / "shared" / "geo" / "pasuruan_kecamatan.geojson"


def answers(value: int) -> dict[str, int]:
    return dict.fromkeys(ELEMENTS, value)


def add_scene(engine) -> None:
    """Seven units of both regions, each showing one rule (see the comments)."""
    # 10 respondents totalling 306 over 90 answers: 3.4 -> 85.00, B; 10 of 10 needed: adequate.
    u1 = add_unit(engine, "3575-U1", name="Puskesmas Satu", kecamatan_code="35.75.01", annual_users=USERS_FOR_TEN,
                  address="Jl. Satu 1")
    add_questionnaires(engine, u1, answers_totalling(306, 10), SURVEY_DAY)
    # all 3: 75.00, C, adequate
    u2 = add_unit(engine, "3575-U2", name="Mal Dua", kind="mpp", kecamatan_code="35.75.01",
                  annual_users=USERS_FOR_TEN)
    add_questionnaires(engine, u2, [answers(3)] * 10, SURVEY_DAY)
    # all 4: 100.00, A, but 5 of 10 needed: no grade on the map
    u3 = add_unit(engine, "3575-U3", name="Kelurahan Tiga", kind="kelurahan", kecamatan_code="35.75.02",
                  annual_users=USERS_FOR_TEN)
    add_questionnaires(engine, u3, [answers(4)] * 5, SURVEY_DAY)
    # users a year unknown: whether 10 are enough cannot be said, so no grade either
    u4 = add_unit(engine, "3514-U4", region="35.14", name="Puskesmas Empat", kecamatan_code="35.14.05")
    add_questionnaires(engine, u4, [answers(4)] * 10, SURVEY_DAY)
    add_unit(engine, "3575-U5", name="Kelurahan Lima", kind="kelurahan", kecamatan_code="35.75.01")  # nothing yet
    add_unit(engine, "3575-U6", name="Kantor Tutup", kecamatan_code="35.75.01", active=False)
    add_unit(engine, "3575-U7", name="Tanpa Titik", kecamatan_code="35.75.04", latitude=None, longitude=None)
    # U1: never verified since 1 July (past the 3 working days), received yesterday (1 working day), and done
    add_complaint(engine, u1, wib(2025, 7, 1, 9), "diterima")
    add_complaint(engine, u1, wib(2025, 7, 31, 9), "diterima")
    add_complaint(engine, u1, wib(2025, 7, 1, 9), "selesai", verified_at=wib(2025, 7, 2, 9),
                  first_response_at=wib(2025, 7, 3, 9), resolved_at=wib(2025, 7, 4, 9))
    # U2: archived, not open
    add_complaint(engine, u2, wib(2025, 7, 1, 9), "diarsipkan")


def test_each_unit_gets_its_grade_sample_and_complaints(engine):
    add_scene(engine)
    with engine.connect() as conn:
        units = map_figures(conn, Filters(), NOW)[0]
    rows = units.set_index("unit_code")
    assert list(units["unit_code"]) == ["3514-U4", "3575-U5", "3575-U2", "3575-U1", "3575-U3", "3575-U7"]
    # region, kecamatan, then name order; the inactive unit is left out
    figures = rows[["respondents", "ikm", "grade", "sample", "marker", "open", "overdue"]]
    assert figures.loc["3575-U1"].tolist() == [10, 85.0, "B", ADEQUATE, "B", 2, 1]
    assert figures.loc["3575-U2"].tolist() == [10, 75.0, "C", ADEQUATE, "C", 0, 0]
    assert figures.loc["3575-U3"].tolist() == [5, 100.0, "A", INADEQUATE, UNRATED, 0, 0]
    assert figures.loc["3514-U4"].tolist() == [10, 100.0, "A", UNKNOWN_POPULATION, UNRATED, 0, 0]
    assert rows.loc["3575-U3", "minimum_sample"] == 10
    assert pd.isna(rows.loc["3514-U4", "minimum_sample"])
    no_data = rows.loc["3575-U5"]
    assert (no_data["respondents"], no_data["sample"], no_data["marker"]) == (0, NO_QUESTIONNAIRES, UNRATED)
    assert pd.isna(no_data["ikm"]) and pd.isna(no_data["grade"])
    assert pd.isna(rows.loc["3575-U7", "latitude"])  # listed, though it cannot be placed
    assert (rows.loc["3575-U1", "kecamatan_name"], rows.loc["3575-U1", "address"]) == ("Gadingrejo", "Jl. Satu 1")
    assert marker_counts(units) == {"A": 0, "B": 1, "C": 1, "D": 0, UNRATED: 4}


def test_unit_filters_narrow_the_units(engine):
    add_scene(engine)
    with engine.connect() as conn:
        kota = map_figures(conn, Filters(region="35.75"), NOW)[0]
        puskesmas = map_figures(conn, Filters(kind="puskesmas"), NOW)[0]
        gadingrejo = map_figures(conn, Filters(kecamatan="35.75.01"), NOW)[0]
        nothing = map_figures(conn, Filters(kind="rsud"), NOW)[0]
    assert set(kota["unit_code"]) == {"3575-U1", "3575-U2", "3575-U3", "3575-U5", "3575-U7"}
    assert list(puskesmas["unit_code"]) == ["3514-U4", "3575-U1", "3575-U7"]
    assert list(gadingrejo["unit_code"]) == ["3575-U5", "3575-U2", "3575-U1"]
    assert nothing.empty and marker_counts(nothing) == {"A": 0, "B": 0, "C": 0, "D": 0, UNRATED: 0}


def test_kecamatan_measures_by_hand(engine):
    add_scene(engine)
    with engine.connect() as conn:
        kota = map_figures(conn, Filters(region="35.75"), NOW)[1].set_index("kecamatan_code")
    assert list(kota.index) == ["35.75.01", "35.75.02", "35.75.03", "35.75.04"]
    gadingrejo = kota.loc["35.75.01"]
    # U1 and U2 together: per element (4x4 + 6x3) + 10x3 = 64 over 20 answers = 3.2 -> 80.00, B
    assert (gadingrejo["respondents"], gadingrejo["ikm"], gadingrejo["grade"]) == (20, 80.0, "B")
    # active units U1, U2, U5; complaints 3 of U1 + 1 of U2; 2 open, 1 of them overdue
    assert (gadingrejo["units"], gadingrejo["complaints"], gadingrejo["open"], gadingrejo["overdue"]) == (3, 4, 2, 1)
    assert gadingrejo["overdue_share_pct"] == 50.0
    assert pd.isna(gadingrejo["population"]) and pd.isna(gadingrejo["per_10k"])  # population unknown: no guess
    purworejo = kota.loc["35.75.02"]
    assert (purworejo["respondents"], purworejo["ikm"], purworejo["grade"], purworejo["complaints"]) == (5, 100.0,
                                                                                                          "A", 0)
    assert pd.isna(purworejo["overdue_share_pct"])  # no open complaints
    empty = kota.loc["35.75.03"]
    assert (empty["units"], empty["respondents"], empty["complaints"]) == (0, 0, 0)
    assert pd.isna(empty["ikm"])


def test_complaints_per_10k_once_the_population_is_loaded(engine):
    add_scene(engine)
    with engine.begin() as conn:
        conn.execute(update(schema.kecamatan).where(schema.kecamatan.c.code == "35.75.01").values(population=20_000))
    with engine.connect() as conn:
        row = map_figures(conn, Filters(kecamatan="35.75.01"), NOW)[1].iloc[0]
    assert (row["population"], row["complaints"], row["per_10k"]) == (20_000, 4, 2.0)  # 10,000 x 4 / 20,000


def test_kecamatan_measures_follow_the_kind_filter(engine):
    add_scene(engine)
    with engine.connect() as conn:
        row = map_figures(conn, Filters(kind="puskesmas", kecamatan="35.75.01"), NOW)[1].iloc[0]
        by_kecamatan = ikm_by_kecamatan(conn, Filters(kind="puskesmas"))
    # only U1 is a puskesmas in Gadingrejo: 85.00; its three complaints, two open, one overdue
    assert (row["units"], row["ikm"], row["complaints"], row["open"], row["overdue"]) == (1, 85.0, 3, 2, 1)
    assert {code: result.ikm for code, result in by_kecamatan.items()} == {"35.75.01": 85.0, "35.14.05": 100.0}


def test_an_empty_database_gives_empty_units_and_blank_kecamatan(engine):
    with engine.connect() as conn:
        units, measures = map_figures(conn, Filters(), NOW)
    assert units.empty
    assert len(measures) == 28
    assert measures["ikm"].isna().all() and (measures["complaints"] == 0).all()


def test_map_figures_agree_with_the_pages_queries_on_the_demo(demo_url):
    from data_access.engine import make_engine

    engine = make_engine(demo_url)
    now = datetime(2026, 1, 5, 3, tzinfo=UTC)
    try:
        with engine.connect() as conn:
            units = map_figures(conn, Filters(), now)[0].set_index("unit_code")
            ikm = {row["unit_code"]: row for row in ikm_by_unit(conn, Filters())}
            complaints = {row["unit_code"]: row for row in complaints_by_unit(conn, Filters(), now)}
    finally:
        engine.dispose()
    for code, row in units.iterrows():
        expected = complaints.get(code, {"open": 0, "overdue_open": 0})
        assert (row["open"], row["overdue"]) == (expected["open"], expected["overdue_open"]), code
        assert row["ikm"] == ikm[code]["ikm"] and row["sample"] == ikm[code]["sample"], code
    assert units["overdue"].sum() > 0


# ------------------------------------------------------------------------------------------------ boundaries


def _feature(code: str, name: str) -> dict:
    ring = [[112.88, -7.64], [112.89, -7.64], [112.89, -7.65], [112.88, -7.64]]
    return {"type": "Feature", "properties": {"code": code, "name": name, "centroid_lat": -7.64},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def test_boundaries_keep_known_kecamatan_polygons(tmp_path):
    path = tmp_path / "kecamatan.geojson"
    features = [_feature("35.75.02", "Purworejo"), _feature("35.75.01", "Gadingrejo"), _feature("99.99.99", "X"),
                {"type": "Feature", "properties": {"code": "35.75.03"}, "geometry": {"type": "Point",
                                                                                   "coordinates": [112.9, -7.6]}}]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    loaded = load_boundaries(path)
    assert [f["properties"] for f in loaded["features"]] == [{"code": "35.75.01", "name": "Gadingrejo"},
                                                             {"code": "35.75.02", "name": "Purworejo"}]
    assert loaded["features"][0]["geometry"]["type"] == "Polygon"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "cannot be read"),
        ("{not json", "not valid JSON"),
        ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        ("[1, 2]", "not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": [{"properties": {"code": "1"}}]}', "no polygons with a known code"),
    ],
)
def test_a_missing_or_malformed_boundary_file_gives_none_with_the_reason_logged(tmp_path, caplog, content, reason):
    path = tmp_path / "kecamatan.geojson"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="data_access.boundaries"):
        assert load_boundaries(path) is None
    assert reason in caplog.text and "centroid circles" in caplog.text


def test_without_a_setting_the_shipped_boundaries_are_used_and_none_turns_them_off(monkeypatch):
    monkeypatch.delenv("BOUNDARY_GEOJSON", raising=False)
    monkeypatch.setattr(config, "SECRETS_PATH", Path("/nonexistent/secrets.toml"))
    assert config.boundary_geojson_path() == config.DEFAULT_BOUNDARY_GEOJSON
    monkeypatch.setenv("BOUNDARY_GEOJSON", "none")
    assert config.boundary_geojson_path() is None
    assert load_boundaries(config.boundary_geojson_path()) is None


def test_a_relative_boundary_path_is_read_from_the_repository_root(monkeypatch):
    monkeypatch.setenv("BOUNDARY_GEOJSON", "../shared/geo/pasuruan_kecamatan.geojson")
    assert config.boundary_geojson_path() == config.ROOT / "../shared/geo/pasuruan_kecamatan.geojson"


def test_the_shipped_files_hold_every_kecamatan_and_both_regions():
    kecamatan = load_boundaries(config.DEFAULT_BOUNDARY_GEOJSON)
    assert [f["properties"]["code"] for f in kecamatan["features"]] == sorted(KECAMATAN_CODES)
    assert kecamatan["features"][0]["properties"] == {"code": "35.14.01", "name": "Purwodadi"}
    regions = load_boundaries(config.REGION_BOUNDARY_GEOJSON, REGION_CODES)
    assert [f["properties"] for f in regions["features"]] == [{"code": "35.14", "name": "Kabupaten Pasuruan"},
                                                              {"code": "35.75", "name": "Kota Pasuruan"}]
    # a region's file read as kecamatan holds none of them
    assert load_boundaries(config.REGION_BOUNDARY_GEOJSON) is None


@pytest.mark.skipif(not SHARED_GEO.exists(), reason="reference boundaries (../shared/geo) not present")
def test_the_shipped_kecamatan_are_the_shared_reference_file():
    assert config.DEFAULT_BOUNDARY_GEOJSON.read_bytes() == SHARED_GEO.read_bytes()
