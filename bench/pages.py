"""Server-side cost of every page, cold (caches empty) and warm, as ratios to a trivial page timed alongside.

    python bench/pages.py [--url DATABASE_URL] [--repeat 5] [--pages beranda,...]

Without --url it builds a demo SQLite database in a temporary folder (`--surveys`, `--complaints`). It runs
the app in-process with Streamlit's AppTest, which executes exactly what the server executes for a page
view, minus the websocket. Prints one line per page and the process's peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from demo_db import build_demo_database  # noqa: E402

APP = str(ROOT / "app.py")
TRIVIAL = "import streamlit as st\nst.title('Halo')\nst.write('ok')\n"
# page name -> (script, query params)
PAGES = {
    "beranda": ("app_pages/beranda.py", {}),
    "kepuasan": ("app_pages/kepuasan.py", {}),
    "unit": ("app_pages/unit.py", {"unit": "3575-MPP"}),
    "pengaduan": ("app_pages/pengaduan.py", {}),
    "lacak": ("app_pages/lacak.py", {"tiket": "DEMO-P-000001"}),
    "peta": ("app_pages/peta.py", {}),
    "survei": ("app_pages/survei.py", {"unit": "3575-MPP"}),
}


def _run_page(script: str, params: dict) -> float:
    app = AppTest.from_file(APP, default_timeout=300)
    for key, value in params.items():
        app.query_params[key] = value
    started = time.perf_counter()
    app.run()
    if script != "app_pages/beranda.py":
        app.switch_page(script).run()
    elapsed = time.perf_counter() - started
    if app.exception:
        raise RuntimeError(f"{script}: {app.exception}")
    return elapsed


def _run_trivial() -> float:
    app = AppTest.from_string(TRIVIAL, default_timeout=60)
    started = time.perf_counter()
    app.run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url")
    parser.add_argument("--surveys", type=int, default=50_000)
    parser.add_argument("--complaints", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.url or build_demo_database(args.surveys, args.complaints)
    os.environ.pop("PUBLIC_DATABASE_URL", None)

    _run_trivial()
    trivial = statistics.median(_run_trivial() for _ in range(args.repeat))
    print(f"trivial page: {trivial * 1000:.1f} ms (median of {args.repeat})")
    print(f"{'page':<12} {'first ms':>9} {'x trivial':>9} {'warm ms':>8} {'x trivial':>9}")
    for name in args.pages.split(","):
        script, params = PAGES[name]
        st.cache_data.clear()
        first = _run_page(script, params)
        warm = statistics.median(_run_page(script, params) for _ in range(args.repeat))
        print(f"{name:<12} {first * 1000:9.1f} {first / trivial:9.1f} {warm * 1000:8.1f} {warm / trivial:9.1f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
