"""AppTest runs of the Peta page on real databases: the list twin names every unit the map draws, each name linked
to its card, URL filters narrow both, odd URL values are ignored, and the kecamatan layer draws the shipped
boundaries, another file's, or circles without one."""

import json
from urllib.parse import unquote

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from components.formatting import short_name
from data_access import schema
from data_access.engine import make_engine
from tests.app_runs import open_page
from tests.test_map_data import add_scene

PAGE = "app_pages/peta.py"


def open_peta(monkeypatch, url: str, boundaries: str | None = None, **params) -> AppTest:
    """The app opened at /peta with ?params, with the shipped kecamatan boundaries or the BOUNDARY_GEOJSON given."""
    if boundaries:
        monkeypatch.setenv("BOUNDARY_GEOJSON", boundaries)
    else:
        monkeypatch.delenv("BOUNDARY_GEOJSON", raising=False)
    # The scenes' sample rules are worked out over all their data; without ?periode the page shows the last
    # complete quarter with data.
    return open_page(monkeypatch, url, PAGE, **{"periode": "semua", **params})


def unit_list(app: AppTest):
    """The list twin with each unit's name as shown ("Unit") and the card its name links to ("link")."""
    for frame in app.dataframe:
        if {"Unit", "Kode unit"} <= set(frame.value.columns) or {"Unit", "Unit code"} <= set(frame.value.columns):
            table = frame.value.copy()
            # the name rides in the link's fragment, which the screen shows as the link's text
            table["link"] = [link.split("#", 1)[0] for link in table["Unit"]]
            table["Unit"] = [unquote(link.split("#", 1)[1]) for link in table["Unit"]]
            return table
    raise AssertionError("no list of units on the page")


def map_args(app: AppTest) -> dict:
    [component] = app.get("component_instance")
    return json.loads(component.proto.json_args)


def summary(app: AppTest) -> str:
    return next(m.value for m in app.markdown if "di peta" in m.value or "on the map" in m.value)


def active_unit_names(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            units = schema.service_units
            return list(conn.execute(select(units.c.name).where(units.c.active.is_(True))).scalars())
    finally:
        engine.dispose()


def test_on_the_demo_the_list_twin_names_every_unit_the_map_draws(monkeypatch, demo_url):
    app = open_peta(monkeypatch, demo_url)
    assert app.title[0].value == "Peta unit layanan"
    names = unit_list(app)["Unit"].tolist()
    assert sorted(names) == sorted(short_name(name) for name in active_unit_names(demo_url))  # as a screen shows them
    assert summary(app).startswith(f"**{len(names)} unit** di peta — mutu: ")
    args = map_args(app)
    # one marker, with its popup link, per unit: the demo's units all have coordinates
    assert args["feature_group"].count("data-peta-link>") == len(names)
    assert args["returned_objects"] == [] and args["key"]  # pan and zoom send nothing back: no rerun
    assert any("leaflet.markercluster" in link for link in args["js_links"])
    assert "Warna kecamatan: IKM rata-rata." in app.get("html")[0].proto.body  # the shipped boundaries
    assert len(app.get("download_button")) == 4  # list and kecamatan table, CSV and XLSX each


def test_on_an_empty_database_the_page_says_there_is_nothing(monkeypatch, db_url):
    app = open_peta(monkeypatch, db_url)
    assert "Tidak ada unit yang cocok dengan filter ini." in [m.value for m in app.markdown]
    assert "Tidak ada unit yang cocok dengan filter ini." in [i.value for i in app.info]
    assert map_args(app)["feature_group"].count("data-peta-link>") == 0
    kecamatan = next(f.value for f in app.dataframe if "Kecamatan" in f.value.columns)
    assert len(kecamatan) == 28


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"mutu": "B"}, {"Puskesmas Satu"}),
        ({"mutu": "tanpa"}, {"Kelurahan Tiga", "Puskesmas Empat", "Kelurahan Lima", "Tanpa Titik"}),
        ({"jenis": "kelurahan"}, {"Kelurahan Tiga", "Kelurahan Lima"}),
        ({"kecamatan": "35.75.01"}, {"Puskesmas Satu", "Mal Dua", "Kelurahan Lima"}),
        ({"wilayah": "35.14"}, {"Puskesmas Empat"}),
        ({"wilayah": "35.75", "jenis": "puskesmas"}, {"Puskesmas Satu", "Tanpa Titik"}),
    ],
)
def test_url_filters_narrow_the_list_and_the_map(monkeypatch, engine, db_url, params, expected):
    add_scene(engine)
    app = open_peta(monkeypatch, db_url, **params)
    assert set(unit_list(app)["Unit"]) == expected
    placed = expected - {"Tanpa Titik"}
    assert map_args(app)["feature_group"].count("data-peta-link>") == len(placed)


def test_the_list_shows_grades_samples_complaints_and_links(monkeypatch, engine, db_url):
    add_scene(engine)
    app = open_peta(monkeypatch, db_url)
    table = unit_list(app).set_index("Unit")
    assert table.loc["Puskesmas Satu", ["Mutu", "IKM", "Responden", "Sampel", "Pengaduan terbuka",
                                        "Lewat batas waktu", "Kode unit", "link"]].tolist() == \
        ["B", 85.0, 10, "memadai", 2, 2, "3575-U1", "/unit?unit=3575-U1"]  # today both open ones are long overdue
    assert table.loc["Kelurahan Tiga", ["Mutu", "Sampel"]].tolist() == ["–", "belum memadai"]
    assert summary(app).startswith("**6 unit** di peta — mutu: 0 A, 1 B, 1 C, 0 D; 4 belum dinilai")
    assert "1 unit belum punya koordinat" in summary(app)


def test_english_keeps_the_language_in_the_unit_links(monkeypatch, engine, db_url):
    add_scene(engine)
    app = open_peta(monkeypatch, db_url, lang="en", mutu="B")
    table = unit_list(app)
    assert table[["Unit", "Grade", "Unit code", "link"]].values.tolist() == [["Puskesmas Satu", "B", "3575-U1",
                                                                                "/unit?unit=3575-U1&lang=en"]]
    assert "unit?unit=3575-U1&amp;lang=en" in map_args(app)["feature_group"]


@pytest.mark.parametrize(
    "params",
    [
        {"mutu": "Z", "ukuran": "<script>"},
        {"jenis": "kapal", "kecamatan": "99.99.99", "periode": "kemarin"},
        {"wilayah": "35.99", "mutu": "a" * 5000},
        {"kecamatan": "35.14.01", "wilayah": "35.75"},  # a kecamatan of the other region
    ],
)
def test_odd_url_values_are_ignored(monkeypatch, engine, db_url, params):
    add_scene(engine)
    app = open_peta(monkeypatch, db_url, **params)
    shown = set(unit_list(app)["Unit"])
    expected = {"Puskesmas Satu", "Mal Dua", "Kelurahan Tiga", "Kelurahan Lima", "Tanpa Titik"}
    assert shown == (expected if params.get("wilayah") == "35.75" else expected | {"Puskesmas Empat"})


def test_complaints_per_residents_say_the_population_is_unknown(monkeypatch, engine, db_url):
    add_scene(engine)
    app = open_peta(monkeypatch, db_url, ukuran="pengaduan")
    assert any("Jumlah penduduk per kecamatan belum dimuat" in c.value for c in app.caption)
    assert "tidak diketahui (jumlah penduduk kecamatan belum dimuat)" in map_args(app)["feature_group"]


def test_the_shipped_boundaries_draw_the_kecamatan_as_polygons(monkeypatch, engine, db_url):
    add_scene(engine)
    app = open_peta(monkeypatch, db_url, wilayah="35.75")
    layers = map_args(app)["feature_group"]
    assert layers.count('"type": "MultiPolygon"') + layers.count('"type": "Polygon"') == 4  # the Kota's four
    assert "Warna kecamatan: IKM rata-rata." in app.get("html")[0].proto.body
    assert "wilayah_boundaries" in map_args(app)["script"]  # credited on the map


def test_boundaries_turned_off_give_circles(monkeypatch, engine, db_url):
    add_scene(engine)
    app = open_peta(monkeypatch, db_url, boundaries="none")
    assert '"type": "Point"' in map_args(app)["feature_group"]
    assert "Lingkaran di titik tengah kecamatan" in app.get("html")[0].proto.body


def test_a_broken_boundary_file_falls_back_to_circles(monkeypatch, engine, db_url, tmp_path):
    add_scene(engine)
    broken = tmp_path / "broken.geojson"
    broken.write_text("{", encoding="utf-8")
    app = open_peta(monkeypatch, db_url, boundaries=str(broken))
    assert '"type": "Point"' in map_args(app)["feature_group"]
    assert "Lingkaran di titik tengah kecamatan" in app.get("html")[0].proto.body
