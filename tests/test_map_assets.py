"""The map's browser files as the app serves them (components/map/assets.py): the pinned copies with their
licences, the right types and caching, and nothing outside the asset folder."""

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from components.map import folium_map as map_view
from components.map.assets import ASSET_DIR, ASSETS, ROUTES

NEEDED = [
    "leaflet/dist/leaflet.js", "leaflet/dist/leaflet.css", "leaflet/dist/images/layers.png",
    "leaflet/dist/images/marker-icon.png", "leaflet.markercluster/dist/leaflet.markercluster.js",
    "leaflet.markercluster/dist/MarkerCluster.css", "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "peta.js",
]


@pytest.fixture(scope="module")
def client():
    with TestClient(Starlette(routes=ROUTES)) as test_client:
        yield test_client


def test_the_pinned_copies_and_their_licences_are_in_the_repository():
    assert set(NEEDED) <= set(ASSETS)
    assert (ASSET_DIR / "leaflet" / "LICENSE").read_text().startswith("BSD 2-Clause License")
    assert "Copyright 2012 David Leaver" in (ASSET_DIR / "leaflet.markercluster" / "MIT-LICENCE.txt").read_text()
    # the versions the map names are the copies' own
    assert f"Leaflet {map_view.LEAFLET[1]}" in ASSETS["leaflet/dist/leaflet.js"].body[:200].decode()
    readme = (ASSET_DIR / "README.md").read_text()
    assert f"leaflet {map_view.LEAFLET[1]}" in readme and f"leaflet.markercluster {map_view.MARKERCLUSTER[1]}" in readme


@pytest.mark.parametrize(("name", "kind"), [
    ("leaflet/dist/leaflet.js", "text/javascript; charset=utf-8"),
    ("leaflet/dist/leaflet.css", "text/css; charset=utf-8"),
    ("leaflet/dist/images/layers.png", "image/png"),
    ("peta.js", "text/javascript; charset=utf-8"),
])
def test_files_come_with_their_type_caching_and_etag(client, name, kind):
    answer = client.get(f"/peta-aset/{name}")
    assert answer.status_code == 200 and answer.content == (ASSET_DIR / name).read_bytes()
    assert answer.headers["content-type"] == kind
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["cache-control"] == "public, max-age=86400"
    again = client.get(f"/peta-aset/{name}", headers={"If-None-Match": answer.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    head = client.head(f"/peta-aset/{name}")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(answer.content))


@pytest.mark.parametrize("name", [
    "leaflet/LICENSE", "leaflet/dist/leaflet.js.map", "nothing.js", "../../app.py", "..%2F..%2Fapp.py",
    "%2e%2e/%2e%2e/data_access/config.py", "leaflet/../../../app.py", "/etc/passwd", "README.md",
])
def test_nothing_else_is_served(client, name):
    answer = client.get(f"/peta-aset/{name}")
    assert answer.status_code == 404 and answer.content in (b"", b"Not Found")  # ours, or no route at all


def test_only_reading_is_allowed(client):
    assert client.post("/peta-aset/peta.js").status_code == 405
