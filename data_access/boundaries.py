"""Kecamatan boundary polygons from a GeoJSON file (BOUNDARY_GEOJSON); the app works without them.

The file is a FeatureCollection of kecamatan, each with properties `code` (Kemendagri, 35.14.01) and `name`, in
WGS84 [longitude, latitude] (the ../shared/geo/pasuruan_kecamatan.geojson format). It is reference data kept
outside the repository, so anything wrong with it is logged and the map falls back to centroid circles.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from data_access.reference import KECAMATAN

log = logging.getLogger(__name__)

_KECAMATAN_CODES = frozenset(row["code"] for row in KECAMATAN)
_AREAS = ("Polygon", "MultiPolygon")
# A kecamatan file is tens of kilobytes; anything this big is the wrong file (desa level, unsimplified).
MAX_BYTES = 5_000_000


def _feature(raw) -> dict | None:
    """The feature reduced to code, name and geometry; None when it is not one of our kecamatan."""
    if not isinstance(raw, dict):
        return None
    properties, geometry = raw.get("properties"), raw.get("geometry")
    if not isinstance(properties, dict) or not isinstance(geometry, dict):
        return None
    code = properties.get("code")
    if code not in _KECAMATAN_CODES or geometry.get("type") not in _AREAS or not geometry.get("coordinates"):
        return None
    return {"type": "Feature", "properties": {"code": code, "name": str(properties.get("name") or code)},
            "geometry": {"type": geometry["type"], "coordinates": geometry["coordinates"]}}


def load_boundaries(path: Path | None) -> dict | None:
    """A FeatureCollection with one polygon feature per known kecamatan code in the file, or None (with the
    reason logged) when there is no path, the file is missing, too big, not JSON, or holds none of them."""
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
        feature = _feature(raw)
        if feature:
            features.setdefault(feature["properties"]["code"], feature)
    if not features:
        log.warning("boundary file %s holds no kecamatan polygons with a known code; drawing centroid circles", path)
        return None
    return {"type": "FeatureCollection", "features": [features[code] for code in sorted(features)]}

