"""Boundary polygons from GeoJSON files: the kecamatan (the shipped data_access/geo/pasuruan_kecamatan.geojson, or
BOUNDARY_GEOJSON) and the two regions (data_access/geo/pasuruan_kabkota.geojson); the app works without them.

A file is a FeatureCollection, each feature with properties `code` (Kemendagri: 35.14.01 for a kecamatan, 35.14
for a region) and `name`, in WGS84 [longitude, latitude]. An administrator may point BOUNDARY_GEOJSON at any file,
so anything wrong with one is logged and the map falls back to centroid circles (or no region outline).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from data_access.reference import KECAMATAN, REGIONS

log = logging.getLogger(__name__)

KECAMATAN_CODES = frozenset(row["code"] for row in KECAMATAN)
REGION_CODES = frozenset(row["code"] for row in REGIONS)
_AREAS = ("Polygon", "MultiPolygon")
# A kecamatan file is tens of kilobytes; anything this big is the wrong file (desa level, unsimplified).
MAX_BYTES = 5_000_000


def _feature(raw, codes: frozenset[str]) -> dict | None:
    """The feature reduced to code, name and geometry; None when its code is not one of `codes`."""
    if not isinstance(raw, dict):
        return None
    properties, geometry = raw.get("properties"), raw.get("geometry")
    if not isinstance(properties, dict) or not isinstance(geometry, dict):
        return None
    code = properties.get("code")
    if code not in codes or geometry.get("type") not in _AREAS or not geometry.get("coordinates"):
        return None
    return {"type": "Feature", "properties": {"code": code, "name": str(properties.get("name") or code)},
            "geometry": {"type": geometry["type"], "coordinates": geometry["coordinates"]}}


def load_boundaries(path: Path | None, codes: frozenset[str] = KECAMATAN_CODES) -> dict | None:
    """A FeatureCollection with one polygon feature per known code (a kecamatan's, or the `codes` given) in the
    file, or None (with the reason logged) when there is no path, the file is missing, too big, not JSON, or holds
    none of them."""
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_BYTES:
            log.warning("boundary file %s is larger than %d bytes; drawing centroid circles", path, MAX_BYTES)
            return None
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        log.warning("boundary file %s cannot be read (%s); drawing centroid circles", path, exc)
        return None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        log.warning("boundary file %s is not valid JSON (%s); drawing centroid circles", path, exc)
        return None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        log.warning("boundary file %s is not a GeoJSON FeatureCollection; drawing centroid circles", path)
        return None
    features = {}
    for raw in document.get("features") or []:
        feature = _feature(raw, codes)
        if feature:
            features.setdefault(feature["properties"]["code"], feature)
    if not features:
        log.warning("boundary file %s holds no polygons with a known code; drawing centroid circles", path)
        return None
    return {"type": "FeatureCollection", "features": [features[code] for code in sorted(features)]}

