"""The map's browser files served by the app's own process, so the map needs no CDN: pinned copies of Leaflet and
Leaflet.markercluster (with their licences) and the map's own load check, all in assets/map/ (its README says
where they come from), at ASSET_PATH (app.py hands ROUTES to st.App beside the open data API's).

    GET /peta-aset/leaflet/dist/leaflet.js           the node_modules layout, so MAP_ASSETS_URL may point at a copy
    GET /peta-aset/leaflet.markercluster/dist/...    of this folder on any web server instead (README)

Only the files in the folder with a known type are served, looked up by name in a table built at import: no
path from a request ever reaches the file system, so '..' or an encoded slash finds nothing (404). GET and HEAD
only (Starlette answers 405 otherwise); answers carry their content type, `X-Content-Type-Options: nosniff`, a
strong ETag of the content (If-None-Match gives 304) and a day of caching: the copies change only with a release.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

ASSET_DIR = Path(__file__).resolve().parents[2] / "assets" / "map"
# Root-relative, like the API: Streamlit moves only its own routes under server.baseUrlPath (docs/deploy.md, 5).
ASSET_PATH = "/peta-aset"
CACHE_CONTROL = "public, max-age=86400"
# Explicit types rather than the platform's mimetypes table (which maps .js to text/plain on some systems): with
# nosniff a browser runs a script or applies a stylesheet only when its type says so.
TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
}


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str
    etag: str


def _collect(folder: Path) -> dict[str, Asset]:
    """Every servable file under the folder by its relative POSIX path, read once (about 200 KB in all)."""
    assets = {}
    for path in sorted(folder.rglob("*")):
        kind = TYPES.get(path.suffix.lower())
        if kind and path.is_file():
            body = path.read_bytes()
            assets[path.relative_to(folder).as_posix()] = Asset(
                body, kind, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
    return assets


ASSETS = _collect(ASSET_DIR)


def asset_response(name: str, method: str, if_none_match: str | None) -> Response:
    """The answer for one file name (relative to ASSET_DIR)."""
    common = {"X-Content-Type-Options": "nosniff"}
    asset = ASSETS.get(name)
    if asset is None:
        return Response(status_code=404, headers={**common, "Cache-Control": "no-store"})
    headers = {**common, "Cache-Control": CACHE_CONTROL, "ETag": asset.etag}
    if if_none_match and asset.etag in (tag.strip() for tag in if_none_match.split(",")):
        return Response(status_code=304, headers=headers)
    body = b"" if method == "HEAD" else asset.body
    response = Response(body, headers=headers, media_type=asset.content_type)
    if method == "HEAD":
        response.headers["Content-Length"] = str(len(asset.body))
    return response


async def _serve(request: Request) -> Response:
    return asset_response(request.path_params["name"], request.method, request.headers.get("if-none-match"))


ROUTES = [Route(f"{ASSET_PATH}/{{name:path}}", _serve, methods=["GET", "HEAD"])]
