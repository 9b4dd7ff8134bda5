"""The map's folium pieces built from frames: the charts' colour-blind-safe grade colours with letters, escaped
popups with the unit link, compact marker rows, assets from the app itself (or MAP_ASSETS_URL) after the load check,
region outlines with the boundaries' credit, and the kecamatan layer with or without boundaries."""

import pandas as pd
from streamlit_folium import _get_feature_group_string, _get_map_string

from components.chart_style import GRADE_COLORS, GRADE_TEXT_COLOR
from components.map import folium_map as map_view
from components.map.assets import ASSETS
from data_access.filters import Filters
from data_access.map_data import NO_QUESTIONNAIRES, UNRATED
from data_access.sample import ADEQUATE, INADEQUATE


def unit(**values) -> dict:
    row = {"unit_code": "3575-PKM-X", "name": "Puskesmas X", "kind": "puskesmas", "region_code": "35.75",
           "kecamatan_code": "35.75.01", "kecamatan_name": "Gadingrejo", "address": "Jl. Pahlawan 1",
           "latitude": -7.64, "longitude": 112.9, "respondents": 120, "ikm": 85.2, "grade": "B", "sample": ADEQUATE,
           "minimum_sample": 100, "marker": "B", "open": 3, "overdue": 1}
    return {**row, **values}


def frame(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows)).astype({"minimum_sample": "Int64"})


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_marker_has_its_own_colour_and_a_letter_in_the_charts_colours():
    fills = [fill for fill, _ in map_view.MARKER_STYLES.values()]
    assert len(set(fills)) == len(fills) == 5
    assert {grade: map_view.MARKER_STYLES[grade] for grade in GRADE_COLORS} == \
        {grade: (colour, GRADE_TEXT_COLOR) for grade, colour in GRADE_COLORS.items()}
    assert GRADE_COLORS["A"] == "#009E73" and GRADE_COLORS["D"] == "#D55E00"  # A green, as on every chart
    # the letter drawn on each stays legible: at least 5:1 (WCAG AA asks 4.5:1 of small text)
    assert min(contrast(fill, text) for fill, text in map_view.MARKER_STYLES.values()) >= 5
    assert map_view.MARKER_LETTERS == {"A": "A", "B": "B", "C": "C", "D": "D", UNRATED: "–"}


def test_popup_escapes_names_and_links_to_the_unit_page():
    row = next(frame(unit(name='<script>alert("x")</script>', address="Jl. A & B")).itertuples())
    popup = map_view.popup_html(row, lang="id")
    assert "<script>" not in popup and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in popup
    assert "Jl. A &amp; B" in popup
    assert '<a href="/unit?unit=3575-PKM-X" target="_top" data-peta-link>Buka rapor unit</a>' in popup
    assert "IKM 85,20 · mutu B (Baik)" in popup
    assert "120 responden · sampel memadai (minimal 100)" in popup
    assert "Pengaduan terbuka: 3 · lewat batas waktu: 1" in popup
    assert "Puskesmas · Kec. Gadingrejo" in popup


def test_popup_in_english_behind_a_base_path_keeps_the_language():
    row = next(frame(unit(sample=INADEQUATE, marker=UNRATED, respondents=58, minimum_sample=322)).itertuples())
    popup = map_view.popup_html(row, "/dasbor", lang="en")
    assert 'href="/dasbor/unit?unit=3575-PKM-X&amp;lang=en"' in popup
    assert "58 respondents · sample too small (minimum 322): grade not shown" in popup
    assert "IKM 85.20<br>" in popup  # no grade beside it, as the grey marker shows none


def test_a_unit_without_questionnaires_says_so():
    row = next(frame(unit(ikm=None, grade=None, respondents=0, sample=NO_QUESTIONNAIRES, minimum_sample=None,
                          marker=UNRATED, address=None)).itertuples())
    popup = map_view.popup_html(row, lang="id")
    assert "Belum ada kuesioner" in popup and "IKM" not in popup


def test_marker_rows_leave_out_units_without_coordinates():
    units = frame(unit(), unit(unit_code="3575-Y", name="Y", latitude=None, longitude=None))
    rows = map_view.unit_rows(units, lang="id")
    assert len(rows) == 1
    lat, lng, marker, title, popup = rows[0]
    assert (lat, lng, marker, title) == (-7.64, 112.9, "B", "Puskesmas X — B · Baik")
    assert popup.startswith("<strong>Puskesmas X</strong><br>")


def test_marker_rows_cannot_end_the_script_they_are_written_into():
    text = map_view.script_json([["</script><script>alert(1)</script>", "<!-- x", "Kec. \u2028 –"]])
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert "–" in text  # not escaped to \u2013: smaller payload


def test_assets_come_from_the_app_itself_unless_an_address_is_set():
    assert map_view.asset_url(map_view.LEAFLET, "leaflet.js", None) == "/peta-aset/leaflet/dist/leaflet.js"
    assert map_view.asset_url(map_view.MARKERCLUSTER, "MarkerCluster.css", "https://aset.example/map") == \
        "https://aset.example/map/leaflet.markercluster/dist/MarkerCluster.css"
    fmap = map_view.base_map(None, "", None, lang="en")
    # the load check first, always from the app, carrying its notice in the user's language
    check = ("/peta-aset/peta.js?teks=The%20map%20could%20not%20be%20loaded%20in%20this%20browser.%20Every%20unit"
             "%2C%20grade%20and%20figure%20is%20in%20the%20List%20of%20units%20below.")
    assert fmap.default_js == [("peta_check", check), ("leaflet", "/peta-aset/leaflet/dist/leaflet.js")]
    assert fmap.default_css == [("leaflet_css", "/peta-aset/leaflet/dist/leaflet.css")]
    elsewhere = map_view.base_map(None, "", "https://aset.example/map")
    assert elsewhere.default_js[0][1].startswith("/peta-aset/peta.js?teks=Peta%20tidak%20dapat%20dimuat")
    assert elsewhere.default_js[1] == ("leaflet", "https://aset.example/map/leaflet/dist/leaflet.js")
    layer = map_view.unit_layer([])
    markers = next(iter(layer._children.values()))
    assert [url for _, url in markers.default_js] == ["/peta-aset/leaflet.markercluster/dist/leaflet.markercluster.js"]
    # every file the map asks the app for is one the app serves
    asked = [url for _, url in [*fmap.default_js, *fmap.default_css, *markers.default_js, *markers.default_css]]
    assert all(url.split("?")[0].removeprefix("/peta-aset/") in ASSETS for url in asked)


def test_the_regions_are_outlined_and_the_boundaries_credited():
    region = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "35.75", "name": "Kota Pasuruan"},
         "geometry": {"type": "Polygon", "coordinates": [[[112.88, -7.64], [112.89, -7.64], [112.88, -7.65],
                                                          [112.88, -7.64]]]}}]}
    script = _get_map_string(map_view.base_map(None, "", None, region, lang="id"))
    assert "Kota Pasuruan" in script and '"interactive": false' in script
    assert "addAttribution" in script and "cahyadsn/wilayah_boundaries" in script
    assert "geoJson" not in _get_map_string(map_view.base_map(None, "", None, None, lang="id"))


def test_the_base_map_is_the_same_whatever_the_data():
    """streamlit-folium keys its iframe on the base map's script: it must not change between runs."""
    first = _get_map_string(map_view.base_map("https://t.example/{z}/{x}/{y}.png", "T", None))
    second = _get_map_string(map_view.base_map("https://t.example/{z}/{x}/{y}.png", "T", None))
    assert first == second
    assert "t.example" in first and "scrollWheelZoom" in first


def test_no_tiles_gives_a_blank_background():
    fmap = map_view.base_map(None, "", None)
    assert "tileLayer" not in _get_map_string(fmap)


def test_view_follows_region_and_kecamatan():
    assert map_view.view_for(Filters()) == (map_view.HOME, map_view.HOME_ZOOM)
    assert map_view.view_for(Filters(region="35.75")) == ((-7.6496, 112.91), map_view.CLOSE_ZOOM)
    assert map_view.view_for(Filters(kecamatan="35.14.24")) == ((-7.8997, 112.9042), map_view.CLOSE_ZOOM)


def measures() -> pd.DataFrame:
    return pd.DataFrame({
        "kecamatan_code": ["35.75.01", "35.75.02", "35.75.03"], "name": ["Gadingrejo", "Purworejo", "Bugul <b>"],
        "centroid_lat": [-7.64, -7.66, -7.65], "centroid_lng": [112.88, 112.89, 112.93],
        "ikm": [90.0, 70.0, None], "per_10k": [None, None, None], "overdue_share_pct": [50.0, 10.0, None],
    })


def test_measure_colours_use_grades_for_ikm_and_steps_for_the_others():
    table = measures()
    assert map_view.measure_colours(table, "ikm") == [GRADE_COLORS["A"], GRADE_COLORS["C"], map_view.NO_VALUE_COLOUR]
    # a share runs to 100%: 50% is step 2 of 0..4, 10% step 0
    assert map_view.measure_colours(table, "terlambat") == ["#9E9AC8", "#F2F0F7", map_view.NO_VALUE_COLOUR]
    assert map_view.measure_colours(table, "pengaduan") == [map_view.NO_VALUE_COLOUR] * 3
    # complaints per residents run to the largest shown: 4.0 of 5.0 is step 4, 1.0 step 1
    table["per_10k"] = [5.0, 4.0, 1.0]
    assert map_view.measure_colours(table, "pengaduan") == ["#54278F", "#54278F", "#CBC9E2"]


def test_kecamatan_circles_without_boundaries():
    shapes = map_view.kecamatan_shapes(measures(), "terlambat", None, lang="id")
    points = shapes["features"]
    assert points[0]["geometry"] == {"type": "Point", "coordinates": [112.88, -7.64]}
    # area proportional to the share of 100%: 22 x sqrt(0.5) = 15.6, 22 x sqrt(0.1) = 7.0; no value: the smallest
    assert [f["properties"]["radius"] for f in points] == [15.6, 7.0, map_view.MIN_CIRCLE_RADIUS]
    labels = [f["properties"]["label"] for f in points]
    assert labels[0] == "Kecamatan Gadingrejo — Pengaduan terbuka yang lewat batas waktu: 50,0%"
    assert labels[2] == ("Kecamatan Bugul &lt;b&gt; — Pengaduan terbuka yang lewat batas waktu: "
                         "tidak ada pengaduan terbuka")
    assert len(map_view.kecamatan_layer(shapes)._children) == 1  # one GeoJSON layer, not a marker per kecamatan


def test_kecamatan_polygons_with_boundaries():
    ring = [[112.88, -7.64], [112.89, -7.64], [112.89, -7.65], [112.88, -7.64]]
    boundaries = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": code, "name": code},
         "geometry": {"type": "Polygon", "coordinates": [ring]}}
        for code in ("35.75.01", "35.75.02", "35.14.01")  # 35.14.01 is not in the measures shown
    ]}
    shapes = map_view.kecamatan_shapes(measures(), "ikm", boundaries, lang="en")
    properties = [f["properties"] for f in shapes["features"]]
    assert [(p["code"], p["fill"]) for p in properties] == [("35.75.01", GRADE_COLORS["A"]),
                                                            ("35.75.02", GRADE_COLORS["C"])]
    assert properties[0]["label"] == "Gadingrejo district — Average IKM: 90.00 (A)"
    assert "radius" not in properties[0] and shapes["features"][0]["geometry"]["type"] == "Polygon"


def test_braces_in_names_are_neither_jinja_code_nor_a_crash():
    """folium compiles each layer's rendered script as a jinja template: '{%' in a name must not reach it."""
    units = frame(unit(name="{{ 7*7 }} {% raw"))
    fmap = map_view.base_map(None, "", None)
    fmap.get_root().render()
    script = _get_feature_group_string(map_view.unit_layer(map_view.unit_rows(units, lang="id")), fmap)
    assert "{{" not in script.split("var rows", 1)[1] and "49" not in script
    assert "&#123;&#123; 7*7 &#125;&#125; &#123;% raw" in script  # shown as typed, in the popup


def test_clusters_get_their_words_and_the_grades_from_best_to_worst():
    """The browser colours a cluster by its units' most common grade, taking the later (lower) of tied grades: it
    needs the grades in order and the words for a cluster's name, whose placeholders must reach it as braces."""
    fmap = map_view.base_map(None, "", None)
    fmap.get_root().render()
    script = _get_feature_group_string(map_view.unit_layer([], lang="en"), fmap)
    assert r'label = "\u007bn\u007d units, mostly grade \u007bgrade\u007d"' in script
    assert 'grades = ["A","B","C","D"], unrated = "tanpa"' in script
    assert "iconCreateFunction: clusterIcon" in script
