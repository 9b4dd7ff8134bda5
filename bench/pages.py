"""Server-side cost of every page, first (data caches empty) and warm, as ratios to a trivial page, and peak memory.

    python bench/pages.py [--url DATABASE_URL ...] [--surveys 1000000] [--complaints 200000] [--scale 10]
                          [--repeat 5] [--pages beranda,pimpinan,...] [--keep]

Without --url it builds a demo SQLite database in a temporary folder with bench/demo_db.py (deleted afterwards
unless --keep). A --url naming an empty database (SQLite file or PostgreSQL) is filled the same way first; one that
holds data is measured as it is. With --scale S the whole measurement runs at the given size and at 1/S of it
(each in its own database: give --url twice, full size first, or let it build both) and prints each page's change.

Each database is measured in a fresh Python process, so its peak memory (VmHWM) is that of a server process
showing every page, without the builder's. The app runs in-process with Streamlit's AppTest, which executes what
the server executes for a page view minus the websocket; the time taken is the script run itself (dashboard.py's shell
and the page), for a new session opening the page's URL directly with its query parameters. Per page:
  first  caches emptied (st.cache_data.clear(); the engine, a cache_resource, is kept, as in a running server) after
         one untimed view, so the page's modules are already imported;
  warm   the median of --repeat further views, each a new session.
The trivial page is a one-page st.navigation app with a title and a line, opened the same way.
Targets (issue 8) are marked with '!' when missed: warm over 3x the trivial page, first over 1.5 s (SQLite) or
2 s (PostgreSQL), memory over 600 MB, a change over 20 % between the two sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# After the sys.path line above, which lets a benchmark run as a script import the app's packages.
from bench.demo_db import build_into
from components.i18n import STRINGS

APP = str(ROOT / "dashboard.py")
# page name -> (script, query parameters); each page's url_path is its file name.
PAGES = {
    "beranda": ("app_pages/beranda.py", {}),
    "pimpinan": ("app_pages/pimpinan.py", {"banding": "minggu"}),
    "kepuasan": ("app_pages/kepuasan.py", {}),
    "unit": ("app_pages/unit.py", {"unit": "3575-MPP"}),
    "pengaduan": ("app_pages/pengaduan.py", {}),
    "lacak": ("app_pages/lacak.py", {"tiket": "DEMO-P-000001"}),
    "peta": ("app_pages/peta.py", {}),
    "survei": ("app_pages/survei.py", {"unit": "3575-MPP"}),
    "data": ("app_pages/data.py", {"tabel": "ikm-per-unit"}),
}
# What components.errors.database_guard shows instead of a block whose query failed (e.g. a statement timeout).
DATABASE_UNAVAILABLE = set(STRINGS["app.db_unavailable"].values())
TRIVIAL_APP = """import streamlit as st
st.set_page_config(page_title="Halo", layout="wide")
st.navigation([st.Page("halo.py", title="Halo", url_path="halo", default=True)]).run()
"""
TRIVIAL_PAGE = "import streamlit as st\nst.title('Halo')\nst.write('ok')\n"
WARM_FACTOR_TARGET = 3.0
FIRST_TARGET_S = {"sqlite": 1.5, "postgresql": 2.0}
MEMORY_TARGET_MB = 600
FLAT_TARGET = 0.20


def page_path(name: str) -> str:
    """The page's address on the server, with its query parameters: /unit?unit=3575-MPP."""
    script, params = PAGES[name]
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/{Path(script).stem}" + (f"?{query}" if query else "")


# --- measuring, in the child process ------------------------------------------------------------------------------

def _timed_script_runs() -> list[float]:
    """Record the script runner's own time for each run: the server's work, without AppTest's polling."""
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    seconds: list[float] = []
    run_script = ScriptRunner._run_script

    def timed(self, rerun_data):
        started = time.perf_counter()
        try:
            return run_script(self, rerun_data)
        finally:
            seconds.append(time.perf_counter() - started)

    ScriptRunner._run_script = timed
    return seconds


class _Viewer:
    """Opens a page as a new session landing on its URL, and returns that one script run's seconds."""

    def __init__(self) -> None:
        self.seconds = _timed_script_runs()

    def view(self, app_file: str, script: str, params: dict) -> float:
        from streamlit.testing.v1 import AppTest

        app = AppTest.from_file(app_file, default_timeout=600)
        for key, value in params.items():
            app.query_params[key] = value
        # Before the first run AppTest names the page by its file name, which is its url_path here: the one run
        # is the page itself, not the default page and then a switch.
        app.switch_page(script)
        self.seconds.clear()
        app.run()
        if app.exception:
            shown = app.exception[0].proto
            raise PageError(f"{shown.type}: {shown.message}".splitlines()[0])
        if any(warning.value in DATABASE_UNAVAILABLE for warning in app.warning):
            raise PageError("a query failed: the page showed the database-unavailable notice")
        if len(self.seconds) != 1 or app._finished_page_script_hash != app._page_hash:
            raise PageError(f"did not land directly on {script} ({len(self.seconds)} runs)")
        return self.seconds[0]


class PageError(Exception):
    """The page did not render its figures, so its time says nothing about them."""


def measure(url: str, pages: list[str], repeat: int) -> dict:
    """Times of the trivial page and of every page, and this process's peak memory."""
    import streamlit as st
    from streamlit.logger import set_log_level

    os.environ["DATABASE_URL"] = url
    os.environ.pop("PUBLIC_DATABASE_URL", None)
    st.set_option("client.showErrorDetails", "full")  # a page's error in full, not the public redacted notice
    viewer = _Viewer()
    trivial_dir = Path(tempfile.mkdtemp(prefix="dasbor-trivial-"))
    (trivial_dir / "app.py").write_text(TRIVIAL_APP)
    (trivial_dir / "halo.py").write_text(TRIVIAL_PAGE)
    trivial_app = str(trivial_dir / "app.py")
    try:
        viewer.view(trivial_app, "halo.py", {})
        # After the first run, which parses the config and sets its log level: AppTest's bare-mode warnings,
        # several per view, would bury the figures.
        set_log_level("critical")  # a page's own error is reported in the table instead
        trivial_first = viewer.view(trivial_app, "halo.py", {})
        trivial = statistics.median(viewer.view(trivial_app, "halo.py", {}) for _ in range(repeat))
    finally:
        shutil.rmtree(trivial_dir)
    results: dict = {"trivial_first": trivial_first, "trivial": trivial, "pages": {}, "load": [os.getloadavg()[0]]}
    for name in pages:
        script, params = PAGES[name]
        try:
            started = time.perf_counter()
            st.cache_data.clear()
            viewer.view(APP, script, params)  # imports the page's modules
            st.cache_data.clear()
            first = viewer.view(APP, script, params)
            warm = statistics.median(viewer.view(APP, script, params) for _ in range(repeat))
            results["pages"][name] = {"first": first, "warm": warm}
        except PageError as error:
            results["pages"][name] = {"error": str(error)}
        print(f"  measured {name} in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    results["load"].append(os.getloadavg()[0])
    results["peak_mb"] = peak_memory_mb()
    return results


def peak_memory_mb() -> float:
    """This process's peak resident memory. Linux keeps ru_maxrss across exec, so a child started by a large
    parent would report the parent's peak: VmHWM, which starts afresh with the new program, where there is one."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kib) / 1024


# --- reporting, in the parent process ------------------------------------------------------------------------------

def _mark(missed: bool) -> str:
    return "!" if missed else " "


def print_results(label: str, backend: str, results: dict, repeat: int) -> None:
    trivial = results["trivial"]
    first_target = FIRST_TARGET_S.get(backend, 2.0)
    print(f"\n{label}")
    print(f"trivial page: first {results['trivial_first'] * 1000:.1f} ms, warm {trivial * 1000:.1f} ms "
          f"(median of {repeat})")
    print(f"{'page':<10} {'URL':<28} {'first ms':>9} {'x triv':>7}  {'warm ms':>8} {'x triv':>7}")
    for name, figures in results["pages"].items():
        url = page_path(name)
        if "error" in figures:
            print(f"{name:<10} {url:<28} ERROR: {figures['error']}")
            continue
        first, warm = figures["first"], figures["warm"]
        print(f"{name:<10} {url:<28} {first * 1000:9.1f}{_mark(first > first_target)}{first / trivial:7.1f}  "
              f"{warm * 1000:8.1f} {warm / trivial:7.1f}{_mark(warm / trivial > WARM_FACTOR_TARGET)}")
    peak = results["peak_mb"]
    print(f"peak memory of the measuring process: {peak:.0f} MB{_mark(peak > MEMORY_TARGET_MB).strip()}")
    print(f"load average (1 min) at start and end: {results['load'][0]:.1f}, {results['load'][1]:.1f} "
          f"on {os.cpu_count()} CPUs (other work on the machine slows every figure)")
    print(f"targets: first <= {first_target:g} s, warm <= {WARM_FACTOR_TARGET:g}x trivial, "
          f"memory < {MEMORY_TARGET_MB} MB; '!' marks a miss")


def print_flatness(full: dict, small: dict, scale: int) -> None:
    print(f"\ncost growth from 1/{scale} of the rows to the full size (change of the full size's time; "
          f"'!' over {FLAT_TARGET:.0%}):")
    print(f"{'page':<10} {'first':>9} {'warm':>9}")
    for name, figures in full["pages"].items():
        other = small["pages"].get(name, {})
        if "error" in figures or "error" in other:
            print(f"{name:<10} {'n/a':>9} {'n/a':>9}")
            continue
        cells = []
        for kind in ("first", "warm"):
            change = figures[kind] / other[kind] - 1
            cells.append(f"{change:+8.0%}{_mark(change > FLAT_TARGET)}")
        print(f"{name:<10} {cells[0]:>9} {cells[1]:>9}")
    change = full["peak_mb"] / small["peak_mb"] - 1
    print(f"{'memory':<10} {change:+8.0%}{_mark(change > FLAT_TARGET)}")
    change = full["trivial"] / small["trivial"] - 1
    print(f"{'trivial':<10} {'':>9} {change:+8.0%}  (same work at both sizes: the run-to-run noise)")


def _row_counts(url: str) -> tuple[int, int]:
    """(questionnaires, complaints) held; (0, 0) for a database without the schema."""
    from sqlalchemy import func, inspect, select

    from data_access import schema
    from data_access.engine import make_engine

    engine = make_engine(url)
    try:
        if not inspect(engine).has_table("survey_responses"):
            return 0, 0
        with engine.connect() as conn:
            return tuple(conn.execute(select(func.count()).select_from(table)).scalar_one()
                         for table in (schema.survey_responses, schema.complaints))
    finally:
        engine.dispose()


def _measure_in_child(url: str, pages: str, repeat: int) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, __file__, "--measure-into", out.name, "--url", url, "--pages", pages,
                        "--repeat", str(repeat)], check=True)
        return json.loads(Path(out.name).read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", action="append", default=[],
                        help="database to measure (an empty one is filled first); twice with --scale: full, then 1/S")
    parser.add_argument("--surveys", type=int, default=50_000, help="questionnaires when building")
    parser.add_argument("--complaints", type=int, default=5_000, help="complaints when building")
    parser.add_argument("--scale", type=int, help="also measure at 1/SCALE of the rows and print the change")
    parser.add_argument("--repeat", type=int, default=5, help="warm views per page (median)")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated, of: " + ",".join(PAGES))
    parser.add_argument("--keep", action="store_true", help="keep the SQLite files built and print their URLs")
    parser.add_argument("--measure-into", help=argparse.SUPPRESS)  # the child process: write results here
    args = parser.parse_args()
    unknown = set(args.pages.split(",")) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    if args.measure_into:
        Path(args.measure_into).write_text(json.dumps(measure(args.url[0], args.pages.split(","), args.repeat)))
        return

    sizes = [(args.surveys, args.complaints)]
    if args.scale:
        sizes.append((args.surveys // args.scale, args.complaints // args.scale))
    if args.url and len(args.url) != len(sizes):
        parser.error(f"give --url {len(sizes)} time(s): one database per size")
    built: list[Path] = []
    runs = []
    for index, (surveys, complaints) in enumerate(sizes):
        if args.url:
            url = args.url[index]
        else:
            folder = Path(tempfile.mkdtemp(prefix="dasbor-bench-"))
            built.append(folder)
            url = f"sqlite:///{folder / 'demo.sqlite'}"
        held = _row_counts(url)
        if held == (0, 0):
            build_into(url, surveys, complaints)
            held = (surveys, complaints)
        runs.append((url, f"{held[0]:,} questionnaires, {held[1]:,} complaints"))
    try:
        from sqlalchemy.engine import make_url

        measured = []
        for url, label in runs:
            backend = make_url(url).get_backend_name()
            shown = make_url(url).render_as_string(hide_password=True)
            print(f"measuring {shown} ({label}) ...", file=sys.stderr, flush=True)
            results = _measure_in_child(url, args.pages, args.repeat)
            print_results(f"{backend} database {shown}: {label}", backend, results, args.repeat)
            measured.append(results)
        if args.scale:
            print_flatness(measured[0], measured[1], args.scale)
    finally:
        if args.keep:
            for url, _ in runs:
                print(f"kept: --url {url}")
        else:
            for folder in built:
                shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
