"""Where the database is: DATABASE_URL from the environment, then .streamlit/secrets.toml, then embedded SQLite."""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from data_access.ikm import GRADES

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = ROOT / "data" / "dasbor.sqlite"
SECRETS_PATH = ROOT / ".streamlit" / "secrets.toml"


def _secret(name: str) -> str | None:
    if not SECRETS_PATH.exists():
        return None
    with SECRETS_PATH.open("rb") as fh:
        value = tomllib.load(fh).get(name)
    return str(value) if value else None


def database_url() -> str:
    """The read-write URL used by the CLI and the survey form."""
    return os.environ.get("DATABASE_URL") or _secret("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}"


def public_database_url() -> str:
    """The URL public pages read through; a SELECT-only role in production, else the same database read-only."""
    return os.environ.get("PUBLIC_DATABASE_URL") or _secret("PUBLIC_DATABASE_URL") or database_url()


def include_cuti_bersama() -> bool:
    """Whether cuti bersama days are excluded from working days (our default: yes, DOMAIN.md §2.3)."""
    raw = os.environ.get("CUTI_BERSAMA_LIBUR") or _secret("CUTI_BERSAMA_LIBUR") or "1"
    return raw.strip().lower() not in {"0", "false", "no", "tidak"}


def _setting(name: str) -> str | None:
    value = os.environ.get(name) or _secret(name)
    return value.strip() if value and value.strip() else None


# The kecamatan and the two regions' boundaries shipped with the app (MIT, cahyadsn/wilayah_boundaries: see
# data_access/geo/README.md), the map's default boundary layer.
DEFAULT_BOUNDARY_GEOJSON = ROOT / "data_access" / "geo" / "pasuruan_kecamatan.geojson"
REGION_BOUNDARY_GEOJSON = ROOT / "data_access" / "geo" / "pasuruan_kabkota.geojson"


def boundary_geojson_path() -> Path | None:
    """BOUNDARY_GEOJSON: a GeoJSON file of kecamatan boundaries (relative paths from the repository root) in place
    of the shipped one (DEFAULT_BOUNDARY_GEOJSON); "none" for no boundaries, and the map then draws circles at the
    kecamatan centroids instead."""
    raw = _setting("BOUNDARY_GEOJSON")
    if raw is None:
        return DEFAULT_BOUNDARY_GEOJSON
    if raw.lower() == "none":
        return None
    path = Path(raw).expanduser()
    return path if path.is_absolute() else ROOT / path


# OpenStreetMap's tiles and the attribution their licence asks for.
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


def map_tiles() -> tuple[str | None, str]:
    """(tile URL template or None for no background, attribution): MAP_TILES is a template such as
    https://tile.example/{z}/{x}/{y}.png or "none"; MAP_TILES_ATTRIBUTION credits a template's provider."""
    raw = _setting("MAP_TILES")
    if raw is None:
        return OSM_TILES, OSM_ATTRIBUTION
    if raw.lower() == "none":
        return None, ""
    return raw, _setting("MAP_TILES_ATTRIBUTION") or (urlsplit(raw).hostname or "")


def map_assets_url() -> str | None:
    """MAP_ASSETS_URL: where the browser loads Leaflet and its marker-cluster plugin from instead of the app's own
    copies (a folder laid out like assets/map: leaflet/dist/..., leaflet.markercluster/dist/...); None for the
    app's own (components/map/assets.py)."""
    raw = _setting("MAP_ASSETS_URL")
    return raw.rstrip("/") if raw else None


_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Targets:
    """What the leadership aims for: an IKM grade, a first-response time, a ceiling on overdue complaints."""

    ikm_grade: str = "A"
    first_response_workdays: int = 5
    overdue: int = 0


def _whole_number(name: str, default: int) -> int:
    raw = _setting(name)
    if raw is None:
        return default
    if raw.isdigit():
        return int(raw)
    _log.warning("%s=%r is not a whole number of 0 or more; using %s", name, raw, default)
    return default


def targets() -> Targets:
    """TARGET_IKM_GRADE (A–D), TARGET_FIRST_RESPONSE_WORKDAYS and TARGET_OVERDUE (whole numbers); a value that is
    not valid is logged and its default used, so a typo never takes the dashboard down."""
    default = Targets()
    grade = (_setting("TARGET_IKM_GRADE") or default.ikm_grade).upper()
    if grade not in GRADES:
        _log.warning("TARGET_IKM_GRADE=%r is not one of %s; using %s", grade, "/".join(GRADES), default.ikm_grade)
        grade = default.ikm_grade
    return Targets(
        ikm_grade=grade,
        first_response_workdays=_whole_number("TARGET_FIRST_RESPONSE_WORKDAYS", default.first_response_workdays),
        overdue=_whole_number("TARGET_OVERDUE", default.overdue),
    )
