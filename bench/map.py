"""The Peta page with 1,000 service units: server time (cold and warm) and the bytes sent to the browser.

    python bench/map.py [--units 1000] [--surveys 30] [--complaints 5] [--repeat 5] [--boundaries PATH]

Builds a SQLite database in a temporary folder with `--units` synthetic units spread over the 28 kecamatan of both
regions, `--surveys` questionnaires and `--complaints` complaints per unit (random, seeded), then runs the app at
/peta in-process with Streamlit's AppTest (what the server executes for a page view, minus the websocket): once
with empty caches, then `--repeat` times warm. Sizes: the map component's arguments as sent (base map script,
layers with every marker and popup, asset links), its layers alone, and every element of the page together.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st
from sqlalchemy import insert
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
from streamlit.testing.v1 import AppTest

from data_access import schema
from data_access.complaint_rules import CATEGORIES, CHANNELS, TIERS
from data_access.db_init import init_database
from data_access.elements import ELEMENTS
from data_access.engine import make_engine
from data_access.reference import KECAMATAN, UNIT_KINDS
from data_access.rollups import rebuild_survey_rollups

APP = str(ROOT / "dashboard.py")
PAGE = "app_pages/peta.py"
STATUSES = ("diterima", "terverifikasi", "ditindaklanjuti", "selesai", "selesai", "selesai", "diarsipkan")


def build_database(units: int, surveys: int, complaints: int, seed: int = 5) -> str:
    """A fresh SQLite database with synthetic units, questionnaires over the last 90 days, and complaints."""
    rng = np.random.default_rng(seed)
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='dasbor-map-bench-')) / 'map.sqlite'}"
    engine = make_engine(url)
    init_database(engine)
    now = datetime.now(UTC)
    places = rng.integers(0, len(KECAMATAN), units)
    unit_rows = []
    for i, place in enumerate(places):
        kecamatan = KECAMATAN[place]
        unit_rows.append({
            "code": f"BENCH-{i:04d}", "name": f"Unit Uji {i:04d} {kecamatan['name']}",
            "kind": UNIT_KINDS[i % len(UNIT_KINDS)], "region_code": kecamatan["region_code"],
            "kecamatan_code": kecamatan["code"], "address": f"Jl. Uji No. {i}, Kec. {kecamatan['name']}",
            "latitude": kecamatan["centroid_lat"] + rng.normal(0, 0.02),
            "longitude": kecamatan["centroid_lng"] + rng.normal(0, 0.02),
            "annual_users": int(rng.choice([500, 2_000, 10_000, 40_000])), "active": True,
        })
    with engine.begin() as conn:
        conn.execute(insert(schema.service_units), unit_rows)
        ids = [row.id for row in conn.execute(schema.service_units.select().order_by(schema.service_units.c.id))]
        quality = rng.uniform(2.6, 3.8, units)
        answers = np.clip(np.rint(rng.normal(np.repeat(quality, surveys)[:, None], 0.6,
                                             (units * surveys, len(ELEMENTS)))), 1, 4).astype(int)
        seconds = rng.integers(0, 90 * 86_400, units * surveys)
        conn.execute(insert(schema.survey_responses), [
            {"response_id": f"B-{n}", "submitted_at": now - timedelta(seconds=int(seconds[n])),
             "unit_id": ids[n // surveys], "source": "import", **dict(zip(ELEMENTS, map(int, answers[n]), strict=True))}
            for n in range(units * surveys)
        ])
        rebuild_survey_rollups(conn)
        received = rng.integers(1, 120, units * complaints)
        status = rng.choice(STATUSES, units * complaints)
        rows = []
        for n in range(units * complaints):
            at = now - timedelta(days=int(received[n]))
            verified = at + timedelta(days=1) if status[n] != "diterima" else None
            done = status[n] == "selesai"
            rows.append({
                "ticket": f"BT-{n}", "unit_id": ids[n // complaints], "channel": CHANNELS[n % len(CHANNELS)],
                "classification": "pengaduan", "category": CATEGORIES[n % len(CATEGORIES)],
                "tier": TIERS[n % len(TIERS)], "received_at": at, "verified_at": verified,
                "first_response_at": at + timedelta(days=3) if done else None,
                "resolved_at": at + timedelta(days=6) if done else None, "status": str(status[n]),
                "source": "import", "updated_at": at + timedelta(days=6 if done else 1),
            })
        conn.execute(insert(schema.complaints), rows)
    engine.dispose()
    return url


def _walk(node):
    children = getattr(node, "children", None)
    for child in (children.values() if isinstance(children, dict) else []):
        yield child
        yield from _walk(child)


# The script runner's own time for each run: what the server spends on a page view, without AppTest's polling.
SCRIPT_SECONDS: list[float] = []
_run_script = ScriptRunner._run_script


def _timed_run_script(self, rerun_data):
    started = time.perf_counter()
    try:
        return _run_script(self, rerun_data)
    finally:
        SCRIPT_SECONDS.append(time.perf_counter() - started)


ScriptRunner._run_script = _timed_run_script


def view_page(cold: bool) -> tuple[float, AppTest]:
    """A new session opening /peta (after a first run, which AppTest requires): that view's server time."""
    app = AppTest.from_file(APP, default_timeout=300)
    app.run()
    if cold:
        st.cache_data.clear()
    SCRIPT_SECONDS.clear()
    app.switch_page(PAGE).run()
    if app.exception:
        raise RuntimeError(f"{PAGE}: {app.exception}")
    return SCRIPT_SECONDS[-1], app


def sizes(app: AppTest) -> dict[str, tuple[int, int]]:
    """(bytes, deflated bytes) of the map component's arguments, of its layers, of the tables (the list twin and
    the kecamatan table), and of every element of the page."""
    nodes = list(_walk(app._tree))
    protos = [node.proto for node in nodes if getattr(node, "proto", None)]
    component = next(node for node in nodes if getattr(node, "type", None) == "component_instance")
    args = json.loads(component.proto.json_args)
    tables = [node.proto for node in nodes if getattr(node, "type", None) == "dataframe"]
    parts = {
        "map component": component.proto.json_args.encode(),
        "  of which layers": args["feature_group"].encode(),
        "  of which base map": (args["script"] + args["header"] + args["html"]).encode(),
        "tables": b"".join(proto.SerializeToString() for proto in tables),
        "page, all elements": b"".join(proto.SerializeToString() for proto in protos),
    }
    return {name: (len(data), len(zlib.compress(data))) for name, data in parts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1_000)
    parser.add_argument("--surveys", type=int, default=30, help="questionnaires per unit")
    parser.add_argument("--complaints", type=int, default=5, help="complaints per unit")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--boundaries", help="BOUNDARY_GEOJSON for the run (default: none, centroid circles)")
    args = parser.parse_args()
    started = time.perf_counter()
    os.environ["DATABASE_URL"] = build_database(args.units, args.surveys, args.complaints)
    os.environ.pop("PUBLIC_DATABASE_URL", None)
    if args.boundaries:
        os.environ["BOUNDARY_GEOJSON"] = args.boundaries
    else:
        os.environ.pop("BOUNDARY_GEOJSON", None)
    print(f"database: {args.units:,} units, {args.units * args.surveys:,} questionnaires, "
          f"{args.units * args.complaints:,} complaints in {time.perf_counter() - started:.1f} s")

    view_page(cold=True)  # imports, the engine and the component registry, once
    cold, app = view_page(cold=True)
    warm = statistics.median(view_page(cold=False)[0] for _ in range(args.repeat))
    print("server time of a page view of /peta (the script run: dashboard.py and the page):")
    print(f"  cold (empty caches) {cold * 1000:8.0f} ms")
    print(f"  warm (median of {args.repeat})  {warm * 1000:8.0f} ms")
    print("sent to the browser (uncompressed; the websocket's deflate makes it smaller on the wire):")
    for name, (size, deflated) in sizes(app).items():
        print(f"  {name:<22} {size:>10,} bytes   deflated {deflated:>9,}")


if __name__ == "__main__":
    main()
