"""The tables of Peta: the map's list twin (one row per unit) and its kecamatan layer."""

from __future__ import annotations

from components.i18n import t
from components.map import figures as peta_data
from components.map import folium_map as map_view
from components.table import Column, Table, titled


def _region(row: dict) -> str:
    return t(f"region.{row['region_code']}")


UNIT_COLUMNS = (
    Column("unit", "map.col.unit", "text", lambda r: r["name"], phone=True, card="unit_code"),
    Column("region", "filter.region", "text", _region),
    Column("grade", "map.col.grade", "grade", lambda r: map_view.MARKER_LETTERS[r["marker"]], phone=True),
    Column("ikm", "map.col.ikm", "score", decimals=2, phone=True),
    Column("respondents", "map.col.respondents", "people", decimals=0),
    Column("sample", "map.col.sample", "text", lambda r: t(f"map.sample_status.{r['sample']}")),
    Column("open", "map.col.open", "complaints", decimals=0),
    Column("overdue", "map.col.overdue", "complaints", decimals=0),
    Column("kind", "map.col.kind", "text", lambda r: t(f"kind.{r['kind']}")),
    Column("kecamatan", "map.col.kecamatan", "text", lambda r: r["kecamatan_name"]),
    Column("address", "map.col.address", "text"),
    Column("latitude", "map.col.latitude", "degrees", decimals=6),
    Column("longitude", "map.col.longitude", "degrees", decimals=6),
    Column("minimum_sample", "map.col.minimum", "people", decimals=0),
    Column("unit_code", "map.col.code", "code"),
)

KECAMATAN_COLUMNS = (
    Column("kecamatan", "map.kec.col.kecamatan", "text", lambda r: r["name"], phone=True),
    Column("region", "filter.region", "text", _region),
    Column("units", "map.kec.col.units", "units", decimals=0),
    Column("respondents", "map.col.respondents", "people", decimals=0),
    Column("ikm", "map.col.ikm", "score", decimals=2, phone=True),
    Column("grade", "map.col.grade", "grade"),
    Column("complaints", "map.kec.col.complaints", "complaints", decimals=0),
    Column("population", "map.kec.col.population", "people", decimals=0),
    Column("per_10k", "map.kec.col.per_10k", "per10k", decimals=2),
    Column("open", "map.col.open", "complaints", decimals=0),
    Column("overdue", "map.col.overdue", "complaints", decimals=0),
    Column("overdue_share_pct", "map.kec.col.share", "pct", decimals=1),
)

UNITS = Table("peta-unit", "peta", titled("map.list.heading"), peta_data.units, UNIT_COLUMNS, "peta-unit")
KECAMATAN = Table("peta-kecamatan", "peta", titled("map.kec.heading"), peta_data.kecamatan, KECAMATAN_COLUMNS,
                  "peta-kecamatan")
TABLES = (UNITS, KECAMATAN)
