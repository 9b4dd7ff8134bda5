"""The Peta map as folium objects, built from the data frames of data_access.map_data: no Streamlit, no queries.

The base map (background tiles and asset URLs) is the same on every run, so streamlit-folium keeps its iframe and
only swaps the layers (its `feature_group_to_add`) when the filters change: no flicker, and the view is moved with
its `center`/`zoom` arguments instead of a new map. Units are drawn in the browser from one compact array (a
marker cluster of lettered icons), so 1,000 units cost one JSON row and one popup string each, not a folium Marker.
"""

from __future__ import annotations

import html
import json
import math
from urllib.parse import quote

import folium
import pandas as pd
from folium.elements import JSCSSMixin
from folium.template import Template

from components.chart_style import GRADE_COLORS, GRADE_TEXT_COLOR
from components.formatting import fmt_number, fmt_pct
from components.i18n import t
from components.map.assets import ASSET_PATH
from components.table import unit_link
from data_access.filters import Filters
from data_access.ikm import GRADES, grade_of
from data_access.map_data import MEASURES, NO_QUESTIONNAIRES, UNRATED
from data_access.reference import KECAMATAN, REGIONS
from data_access.sample import ADEQUATE, INADEQUATE

# (fill, letter colour) per marker: the grades' colours of every chart (components/chart_style.py), and grey for a
# unit shown without a grade; the letter is drawn in the marker too, so colour is never the only cue.
MARKER_STYLES: dict[str, tuple[str, str]] = {
    **{grade: (GRADE_COLORS[grade], GRADE_TEXT_COLOR) for grade in GRADES},
    UNRATED: ("#BBBBBB", "#000000"),
}
MARKER_LETTERS: dict[str, str] = {**{grade: grade for grade in GRADES}, UNRATED: "–"}
# Kecamatan measures other than IKM: ColorBrewer Purples, sequential and colour-blind safe, apart from the grade hues.
SEQUENTIAL: tuple[str, ...] = ("#F2F0F7", "#CBC9E2", "#9E9AC8", "#756BB1", "#54278F")
NO_VALUE_COLOUR = "#FFFFFF"
MAX_CIRCLE_RADIUS = 22  # px, the largest proportional circle
MIN_CIRCLE_RADIUS = 4

# The versions of the copies in assets/map (its README), which MAP_ASSETS_URL must hold too.
LEAFLET = ("leaflet", "1.9.4")
MARKERCLUSTER = ("leaflet.markercluster", "1.5.3")
# The map's load check (assets/map/peta.js): always the app's own, whoever serves Leaflet.
LOAD_CHECK = f"{ASSET_PATH}/peta.js"
REGION_LINE = {"color": "#1b1f23", "weight": 2.5, "fill": False, "interactive": False}

MIN_ZOOM, MAX_ZOOM = 8, 18
HOME_ZOOM = 10  # both regions, or the Kabupaten
CLOSE_ZOOM = 13  # the Kota, or one kecamatan
_REGION_CENTRE = {region["code"]: (region["centroid_lat"], region["centroid_lng"]) for region in REGIONS}
_KECAMATAN_CENTRE = {row["code"]: (row["centroid_lat"], row["centroid_lng"]) for row in KECAMATAN}
# The middle of both regions' bounds: both in view at HOME_ZOOM, on a phone too (but for a few edge pixels).
HOME = (-7.75, 112.84)


def asset_url(package: tuple[str, str], file: str, assets_url: str | None) -> str:
    """A Leaflet or marker-cluster file: from the app's own copy (components/map/assets.py) or, when MAP_ASSETS_URL
    is set, from that folder (laid out the same way)."""
    return f"{assets_url or ASSET_PATH}/{package[0]}/dist/{file}"


def load_check_url(lang: str | None = None) -> str:
    """The load check's address, with the notice it shows in the user's language."""
    return f"{LOAD_CHECK}?teks={quote(t('map.load_failed', lang))}"


def base_map(tiles: str | None, attribution: str, assets_url: str | None, regions: dict | None = None,
             lang: str | None = None) -> folium.Map:
    """The map without data: background tiles (None: a blank background), the two regions' outlines, a scale and
    the credit for the boundaries, Leaflet only (none of folium's bootstrap, jQuery or font links, which the markers
    do not need) after the load check that shows a notice when it cannot load, no scroll-wheel zoom (the page
    scrolls), and PageFriendly clicks and links."""
    fmap = folium.Map(location=HOME, zoom_start=HOME_ZOOM, tiles=None, scrollWheelZoom=False)
    # on the map itself, not only its tiles: the marker clusters need a maximum zoom when there are no tiles
    fmap.options.update(minZoom=MIN_ZOOM, maxZoom=MAX_ZOOM)
    if tiles:
        folium.TileLayer(tiles, attr=attribution, max_zoom=MAX_ZOOM).add_to(fmap)
    if regions:
        folium.GeoJson(regions, name="regions", style_function=lambda _: REGION_LINE, interactive=False,
                       control=False).add_to(fmap)
    ScaleAndCredit(t("map.attribution.boundaries", lang)).add_to(fmap)
    PageFriendly().add_to(fmap)
    fmap.default_js = [("peta_check", load_check_url(lang)), ("leaflet", asset_url(LEAFLET, "leaflet.js", assets_url))]
    fmap.default_css = [("leaflet_css", asset_url(LEAFLET, "leaflet.css", assets_url))]
    return fmap


def view_for(filters: Filters) -> tuple[tuple[float, float], int]:
    """(centre, zoom) showing what the filters select: a kecamatan, the Kota, the Kabupaten or both."""
    if filters.kecamatan:
        return _KECAMATAN_CENTRE[filters.kecamatan], CLOSE_ZOOM
    if filters.region == "35.75":
        return _REGION_CENTRE["35.75"], CLOSE_ZOOM
    if filters.region:
        return _REGION_CENTRE[filters.region], HOME_ZOOM
    return HOME, HOME_ZOOM


# ------------------------------------------------------------------------------------------------------ units


def marker_label(marker: str, lang: str | None = None) -> str:
    """'A · Sangat Baik', or the words for a unit shown without a grade."""
    if marker == UNRATED:
        return t("map.marker.tanpa", lang)
    return f"{marker} · {t('grade.' + marker, lang)}"


def sample_line(row, lang: str | None = None) -> str:
    """Respondents and whether they are enough: '58 responden · sampel belum memadai (minimal 322)'."""
    if row.sample == NO_QUESTIONNAIRES:
        return t("map.sample.tanpa_kuesioner", lang)
    values = {"n": fmt_number(row.respondents, lang=lang)}
    if row.sample in (ADEQUATE, INADEQUATE):
        values["minimum"] = fmt_number(int(row.minimum_sample), lang=lang)
    return t(f"map.sample.{row.sample}", lang, **values)


def html_text(value: str) -> str:
    """Text for HTML: escaped, and braces as entities too, because folium compiles each layer's script as a jinja
    template, where a unit name holding '{{' or '{%' would be code (or crash the page)."""
    return html.escape(value).replace("{", "&#123;").replace("}", "&#125;")


def popup_html(row, base_path: str = "", lang: str | None = None) -> str:
    """A unit's popup: name, kind, kecamatan, address, IKM with grade and respondents, complaints, and a link to
    its page. Every value from the database is escaped."""
    esc = html_text
    place = [t(f"kind.{row.kind}", lang)]
    if isinstance(row.kecamatan_name, str):
        place.append(t("map.kecamatan_of", lang, name=row.kecamatan_name))
    lines = [f"<strong>{esc(row.name)}</strong>", esc(" · ".join(place))]
    if isinstance(row.address, str) and row.address:
        lines.append(esc(row.address))
    if pd.notna(row.ikm) and row.marker == UNRATED:  # the grade only where the marker shows it
        lines.append(esc(t("map.popup.ikm_only", lang, ikm=fmt_number(row.ikm, 2, lang))))
    elif pd.notna(row.ikm):
        lines.append(esc(t("map.popup.ikm", lang, ikm=fmt_number(row.ikm, 2, lang), grade=row.grade,
                           label=t("grade." + row.grade, lang))))
    lines.append(esc(sample_line(row, lang)))
    lines.append(esc(t("map.popup.complaints", lang, open=fmt_number(row.open, lang=lang),
                       overdue=fmt_number(row.overdue, lang=lang))))
    link = esc(unit_link(row.unit_code, base_path, lang))
    lines.append(f'<a href="{link}" target="_top" data-peta-link>{esc(t("map.popup.link", lang))}</a>')
    return "<br>".join(lines)


def unit_rows(units: pd.DataFrame, base_path: str = "", lang: str | None = None) -> list[list]:
    """What the browser needs per unit with coordinates: [lat, lng, marker, title, popup HTML]."""
    placed = units[units["latitude"].notna() & units["longitude"].notna()]
    return [
        [round(float(row.latitude), 5), round(float(row.longitude), 5), row.marker,
         f"{row.name} — {marker_label(row.marker, lang)}", popup_html(row, base_path, lang)]
        for row in placed.itertuples(index=False)
    ]


def script_json(rows: list) -> str:
    """Compact JSON of nested lists, safe inside a <script> element ('</' and '<!--' cannot end or hide it) and in
    the jinja template folium compiles it into (no braces at all: lists only, braces in strings as \\u007b). Unlike
    jinja's tojson it leaves other '<' alone, so popup HTML is not blown up to \\u003c escapes."""
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("</", "<\\/").replace("<!--", "<\\!--").replace("{", "\\u007b").replace("}", "\\u007d")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class ScaleAndCredit(folium.MacroElement):
    """A kilometre scale (miles mean nothing here), top right, where the credits cannot run over it when they wrap
    on a phone; and a credit in the map's attribution line, beside the tiles' own: the boundaries' source and
    licence."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false, position: 'topright'}).addTo({{ this._parent.get_name() }});
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text_json }});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str):
        super().__init__()
        self._name = "ScaleAndCredit"
        self.text_json = script_json([html_text])[1:-1]


class PageFriendly(folium.MacroElement):
    """What a map inside a page's iframe needs, once per map: clicks that do not scroll the page (Leaflet focuses
    the map on mousedown, which scrolls the page when the map is partly out of view, so the click lands elsewhere),
    and popup links that open a page in the whole window (the sandboxed iframe may not navigate the top window
    itself, so the click is handed to a link made in the same-origin top document)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var keyboard = map.keyboard;
            if (keyboard) {
                keyboard.disable();
                keyboard._onMouseDown = function () {
                    if (!this._focused) { this._map.getContainer().focus({preventScroll: true}); }
                };
                keyboard.enable();
            }
            document.addEventListener('click', function (event) {
                var link = event.target.closest ? event.target.closest('a[data-peta-link]') : null;
                if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
                event.preventDefault();
                try {
                    var top = window.top.document, go = top.createElement('a');
                    go.href = link.href;
                    top.body.appendChild(go);
                    go.click();
                } catch (error) {
                    window.open(link.href, '_blank');
                }
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


class UnitMarkers(JSCSSMixin, folium.MacroElement):
    """Units as lettered circle markers in a marker cluster, created in the browser from compact rows."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var styles = {{ this.styles_json }};
            var rows = {{ this.rows_json }};
            var label = {{ this.label_json }}, grades = {{ this.grades_json }}, unrated = {{ this.unrated_json }};
            // A cluster takes the grade most of its graded units have (a tie: the lower grade), grey when none is
            // graded; it shows its count and that letter, and names every grade's count to screen readers.
            function clusterIcon(group) {
                var counts = {}, pick = unrated, most = 0, parts = [];
                group.getAllChildMarkers().forEach(function (m) {
                    counts[m.options.grade] = (counts[m.options.grade] || 0) + 1;
                });
                grades.forEach(function (g) {
                    if ((counts[g] || 0) > 0 && counts[g] >= most) { most = counts[g]; pick = g; }
                });
                Object.keys(styles).forEach(function (g) { parts.push(styles[g][4] + ' ' + (counts[g] || 0)); });
                var n = group.getChildCount(), s = styles[pick];
                var name = label.replace('{n}', n).replace('{grade}', s[4]) + ' (' + parts.join(', ') + ')';
                return L.divIcon({
                    className: 'peta-cluster peta-cluster-' + pick, iconSize: [40, 40],
                    html: '<span data-n="' + n + '" data-grade="' + pick + '" role="img" title="' + name
                        + '" aria-label="' + name + '" style="display:flex;flex-direction:column;'
                        + 'align-items:center;justify-content:center;box-sizing:border-box;width:40px;height:40px;'
                        + 'border-radius:50%;background:' + s[0] + ';color:' + s[1] + ';border:3px ' + s[3]
                        + ' #1b1f23;box-shadow:0 0 0 2px #fff;font:700 13px/1.05 sans-serif">' + n
                        + '<span style="font-size:10px">' + s[4] + '</span></span>'
                });
            }
            var cluster = L.markerClusterGroup({
                showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true,
                iconCreateFunction: clusterIcon
            });
            cluster.addLayers(rows.map(function (r) {
                var s = styles[r[2]];
                var icon = L.divIcon({
                    className: 'peta-unit peta-' + r[2], iconSize: [26, 26], iconAnchor: [13, 13],
                    popupAnchor: [0, -12],
                    html: '<span style="display:flex;align-items:center;justify-content:center;width:22px;'
                        + 'height:22px;border-radius:50%;background:' + s[0] + ';color:' + s[1] + ';border:2px '
                        + s[3] + ' ' + s[2] + ';box-shadow:0 0 0 1px #fff;font:700 13px/1 sans-serif">'
                        + s[4] + '</span>'
                });
                return L.marker([r[0], r[1]], {icon: icon, title: r[3], keyboard: true, riseOnHover: true, grade: r[2]})
                    .bindPopup(r[4], {maxWidth: 280});
            }));
            cluster.addTo({{ this._parent.get_name() }});
            return cluster;
        })();
        {% endmacro %}
        """
    )

    def __init__(self, rows: list[list], cluster_label: str, assets_url: str | None = None):
        super().__init__()
        self._name = "UnitMarkers"
        self.rows_json = script_json(rows)
        # a cluster's name ('{n} unit, mutu terbanyak {grade}'), the grades from best to worst, the grey's key
        self.label_json = script_json([cluster_label])[1:-1]
        self.grades_json = script_json(list(GRADES))
        self.unrated_json = script_json([UNRATED])[1:-1]
        # per marker: fill, text colour, border colour, border style, letter
        self.styles_json = json.dumps({
            marker: [fill, text, "#555555" if marker == UNRATED else "#FFFFFF",
                     "dashed" if marker == UNRATED else "solid", MARKER_LETTERS[marker]]
            for marker, (fill, text) in MARKER_STYLES.items()
        })
        self.default_js = [("markerclusterjs", asset_url(MARKERCLUSTER, "leaflet.markercluster.js", assets_url))]
        self.default_css = [
            ("markerclustercss", asset_url(MARKERCLUSTER, "MarkerCluster.css", assets_url)),
            ("markerclusterdefaultcss", asset_url(MARKERCLUSTER, "MarkerCluster.Default.css", assets_url)),
        ]


def unit_layer(rows: list[list], assets_url: str | None = None, lang: str | None = None) -> folium.FeatureGroup:
    """The units' layer; drawn even when empty, so the cluster script is loaded with the map."""
    group = folium.FeatureGroup(name="units")
    UnitMarkers(rows, t("map.cluster.label", lang), assets_url).add_to(group)
    return group


# -------------------------------------------------------------------------------------------------- kecamatan


def measure_text(value, measure: str, lang: str | None = None) -> str:
    """A kecamatan measure the user's way; a missing one says why it is missing."""
    if value is None or pd.isna(value):
        return t(f"map.measure.{measure}.missing", lang)
    if measure == "ikm":
        grade = grade_of(float(value))[0]
        return f"{fmt_number(value, 2, lang)} ({grade})"
    if measure == "terlambat":
        return fmt_pct(value, lang=lang)
    return fmt_number(value, 2, lang)


def scale_top(measures: pd.DataFrame, measure: str) -> float | None:
    """The value at the top of a measure's scale: 100 for the overdue share (a percentage), else the largest
    value shown (complaints per 10,000 residents have no natural top); None when nothing has a value."""
    if measure == "terlambat":
        return 100.0
    top = measures[MEASURES[measure]].max(skipna=True)
    return None if pd.isna(top) else float(top)


def measure_colours(measures: pd.DataFrame, measure: str) -> list[str]:
    """Fill colour per kecamatan: the grade colour for IKM; for the others one of five equal steps from 0 to the
    top of the scale (scale_top); NO_VALUE_COLOUR where there is no value."""
    values = measures[MEASURES[measure]]
    if measure == "ikm":
        return [NO_VALUE_COLOUR if pd.isna(v) else MARKER_STYLES[grade_of(float(v))[0]][0] for v in values]
    top = scale_top(measures, measure)
    colours = []
    for value in values:
        if pd.isna(value):
            colours.append(NO_VALUE_COLOUR)
        else:
            step = 0 if not top else min(int(len(SEQUENTIAL) * float(value) / float(top)), len(SEQUENTIAL) - 1)
            colours.append(SEQUENTIAL[step])
    return colours


def kecamatan_shapes(measures: pd.DataFrame, measure: str, boundaries: dict | None,
                     lang: str | None = None) -> dict:
    """What the kecamatan layer draws, as a FeatureCollection (plain data, cacheable): the boundary polygons when
    there are boundaries, else a point at each centroid with a `radius` (circle area proportional to the value);
    every feature carries its `fill` colour and a `label` for its tooltip."""
    colours = measure_colours(measures, measure)
    values = measures[MEASURES[measure]]
    top = values.max(skipna=True) if measure == "ikm" else scale_top(measures, measure)
    polygons = {f["properties"]["code"]: f["geometry"] for f in boundaries["features"]} if boundaries else {}
    features = []
    for row, colour, value in zip(measures.itertuples(index=False), colours, values, strict=True):
        label = html_text(t("map.layer.label", lang, name=row.name, measure=t(f"map.measure.{measure}", lang),
                            value=measure_text(value, measure, lang)))
        properties = {"code": row.kecamatan_code, "fill": colour, "label": label}
        if boundaries:
            if row.kecamatan_code not in polygons:
                continue
            geometry = polygons[row.kecamatan_code]
        else:
            geometry = {"type": "Point", "coordinates": [row.centroid_lng, row.centroid_lat]}
            scale = 0 if pd.isna(value) or not top else math.sqrt(float(value) / float(top))
            properties["radius"] = round(max(MIN_CIRCLE_RADIUS, MAX_CIRCLE_RADIUS * scale), 1)
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def _kecamatan_style(feature: dict) -> dict:
    style = {"fillColor": feature["properties"]["fill"], "color": "#555555", "weight": 1}
    if "radius" in feature["properties"]:
        return {**style, "radius": feature["properties"]["radius"], "fillOpacity": 0.7}
    return {**style, "fillOpacity": 0.55}


def kecamatan_layer(shapes: dict) -> folium.FeatureGroup:
    """Polygons filled by the measure, or proportional circles at the centroids, each with its label as tooltip:
    one GeoJSON layer either way."""
    group = folium.FeatureGroup(name="kecamatan")
    if shapes["features"]:
        folium.GeoJson(
            shapes,
            marker=folium.CircleMarker(fill=True),
            style_function=_kecamatan_style,
            highlight_function=lambda feature: {"weight": 3, "color": "#1b1f23"},
            tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        ).add_to(group)
    return group
