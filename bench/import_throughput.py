"""Import throughput: a survey CSV of --rows questionnaires through `python -m data_access import surveys`.

    python bench/import_throughput.py [--rows 1000000] [--url DATABASE_URL] [--keep]

Writes a CSV in the documented format (docs/formats.md "surveys": every column, WIB times without an offset,
comma-separated, quoted where a suggestion needs it) for the demo's units, with rows drawn by data_access.demo's
generators. Without --url it imports into a new SQLite file in a temporary folder (deleted afterwards unless
--keep); a --url database gets the demo units first if it lacks them. The import runs as its own process, exactly
the admin's command, so the figures are the command's: wall-clock rows per second (Python start-up included) and
its peak memory (VmHWM). The CSV is built beforehand and not timed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select

from data_access import demo, schema
from data_access.db_init import init_database
from data_access.demo_units import UNITS
from data_access.engine import make_engine
from data_access.importers.columns import SURVEY_COLUMNS, SURVEY_OPTIONAL
from data_access.workdays import WIB

SEED = 8  # issue 8
CHUNK = 250_000
# `python -m data_access ARGS` (data_access/__main__.py), then the process's peak memory in MB on a last line.
# Linux keeps ru_maxrss across exec (the child would report this process's peak), so VmHWM (Linux only).
IMPORT_COMMAND = """import sys
from data_access.cli import main
status = main(sys.argv[1:])
hwm = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(int(hwm[0]) / 1024)
sys.exit(status)
"""
RATE_TARGET = 20_000
MEMORY_TARGET_MB = 600


def write_survey_csv(path: Path, rows: int) -> None:
    """rows questionnaires as an admin's CSV: demo answers and profiles, response ids BENCH-IMPORT-n."""
    now = datetime.now(UTC)
    period = demo._period(now.astimezone(WIB).date(), now)
    plan = demo._unit_plan(np.random.default_rng(SEED), UNITS)
    codes = np.array([unit.code for unit in UNITS], dtype=object)
    with path.open("w", encoding="utf-8", newline="") as out:
        for index, start in enumerate(range(0, rows, CHUNK)):
            size = min(CHUNK, rows - start)
            columns = demo._survey_data(np.random.default_rng([SEED, index]), plan, period, size)
            frame = pd.DataFrame(columns)
            frame["response_id"] = [f"BENCH-IMPORT-{number:07d}" for number in range(start + 1, start + size + 1)]
            frame["unit_code"] = codes[frame["unit_id"].to_numpy()]
            # WIB wall-clock time without an offset, as an Indonesian spreadsheet holds it.
            frame["submitted_at"] = frame["submitted_at"].dt.tz_convert(WIB).dt.strftime("%Y-%m-%d %H:%M:%S")
            frame[[*SURVEY_COLUMNS, *SURVEY_OPTIONAL]].to_csv(out, index=False, header=start == 0)


def _prepare(url: str) -> None:
    """The schema and the demo units the file refers to."""
    engine = make_engine(url)
    try:
        init_database(engine)
        with engine.begin() as conn:
            demo._upsert_units(conn, UNITS)
    finally:
        engine.dispose()


def _questionnaires(url: str) -> tuple[int, int]:
    """(raw rows, respondents in the daily rollup): equal when the import kept its rollups in step."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            raw = conn.execute(select(func.count()).select_from(schema.survey_responses)).scalar_one()
            rolled = conn.execute(select(func.coalesce(func.sum(schema.survey_daily.c.respondents), 0))).scalar_one()
            return raw, int(rolled)
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--url", help="database to import into (default: a new SQLite file)")
    parser.add_argument("--keep", action="store_true", help="keep the CSV and the SQLite file and print their paths")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dasbor-import-bench-"))
    url = args.url or f"sqlite:///{folder / 'import.sqlite'}"
    csv = folder / "surveys.csv"
    try:
        started = time.perf_counter()
        write_survey_csv(csv, args.rows)
        print(f"CSV: {args.rows:,} rows, {csv.stat().st_size / 2**20:.0f} MiB, written in "
              f"{time.perf_counter() - started:.1f} s (not timed below)")
        _prepare(url)
        before, _ = _questionnaires(url)
        command = [sys.executable, "-c", IMPORT_COMMAND, "--url", url, "import", "surveys", str(csv)]
        started = time.perf_counter()
        done = subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"import failed ({done.returncode}):\n{done.stderr[-4000:]}")
        printed = done.stdout.strip().splitlines()
        result, peak_mb = json.loads(printed[-2]), float(printed[-1])
        after, rolled = _questionnaires(url)
        rate = args.rows / seconds
        print("command: python -m data_access --url URL import surveys FILE")
        print(f"importer: {json.dumps(result)}; questionnaires {before:,} -> {after:,}, in the daily rollup {rolled:,}")
        print(f"import: {seconds:.1f} s, {rate:,.0f} rows/s{' !' if rate < RATE_TARGET else ''} "
              f"(target >= {RATE_TARGET:,})")
        print(f"peak memory of the import process: {peak_mb:.0f} MB{' !' if peak_mb > MEMORY_TARGET_MB else ''} "
              f"(the page target is {MEMORY_TARGET_MB} MB; an import runs on its own)")
    finally:
        if args.keep:
            print(f"kept: {csv} and --url {url}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
