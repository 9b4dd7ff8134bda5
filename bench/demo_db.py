"""The demo database the benchmarks measure against, built in bulk so that millions of rows take minutes.

    python bench/demo_db.py [--url DATABASE_URL] [--surveys 1000000] [--complaints 200000] [--chunk 500000]

Without --url it builds a SQLite file in a temporary folder and prints its URL. With --url it fills that database,
which must hold no questionnaires or complaints yet (an empty SQLite file or PostgreSQL database is fine: the schema
is created first).

The rows come from data_access.demo's own generators (the same units, volumes, answers, complaint lives), drawn in
chunks: each chunk has its own seeded random stream, so memory stays flat whatever the size, and the rows differ
from `python -m data_access demo` with the same seed while following the same model. They are written the way
the importer writes (driver executemany on SQLite, COPY on PostgreSQL), then the daily rollups are rebuilt once,
with `python -m data_access rollups`. The build alone relaxes durability (SQLite synchronous=OFF); on
PostgreSQL it ends with ANALYZE, the statistics autovacuum would gather soon after any large load.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Connection, Engine, event, func, select

from data_access import demo, schema
from data_access.db_init import init_database
from data_access.demo_units import UNITS
from data_access.engine import make_engine
from data_access.importers.writing import insert_many
from data_access.workdays import WIB

SEED = 2025
# Rows generated and written at once: bounds the builder's memory (about 1 GB at 500k questionnaires).
SURVEY_CHUNK = 500_000
# Complaints cost more per row to generate (their history is built row by row), so smaller chunks.
COMPLAINT_CHUNK = 100_000
SQLITE_BUILD_CACHE_KIB = 256 * 1024


def build_demo_database(surveys: int, complaints: int, prefix: str = "dasbor-bench-") -> str:
    """A fresh SQLite file with demo data up to today; returns its URL and prints how long it took."""
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix=prefix)) / 'demo.sqlite'}"
    build_into(url, surveys, complaints)
    return url


def _build_engine(url: str):
    """The app's read-write engine, without the statement timeout meant for page queries: one COPY of a chunk or
    one rollup statement over millions of rows runs longer than it on PostgreSQL."""
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        @event.listens_for(engine, "connect")
        def _no_timeout(dbapi_conn, _record):
            with dbapi_conn.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
            dbapi_conn.commit()

    return engine


def build_into(url: str, surveys: int, complaints: int, *, seed: int = SEED, chunk: int = SURVEY_CHUNK,
               log=print) -> dict[str, float]:
    """Fill an empty database at url; returns the seconds each step took."""
    engine = _build_engine(url)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    try:
        init_database(engine)
        with engine.connect() as conn:
            _refuse_if_filled(conn)
            _relax_durability(conn)
            steps = _Steps(conn, timings, log)
            now = datetime.now(UTC)
            period = demo._period(now.astimezone(WIB).date(), now)
            plan = demo._unit_plan(np.random.default_rng(seed), UNITS)
            unit_ids = steps.run("units", lambda: demo._upsert_units(conn, UNITS))
            steps.run("questionnaires", lambda: _write_surveys(conn, seed, plan, period, unit_ids, surveys, chunk,
                                                                log))
            steps.run("complaints", lambda: _write_complaints(conn, seed, plan, period, unit_ids, complaints, log))
            steps.run("rollups", lambda: _rebuild_rollups(engine, log))
            demo._mark_demo(conn, seed)
            conn.commit()
            if conn.dialect.name == "postgresql":
                steps.run("analyze", lambda: conn.exec_driver_sql("ANALYZE"))
    finally:
        engine.dispose()
    timings["total"] = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    log(f"demo database: {surveys:,} questionnaires, {complaints:,} complaints in {timings['total']:.1f} s "
        f"(peak memory of this process so far {peak_mb:.0f} MB): {_shown(url)}")
    return timings


class _Steps:
    """Runs a build step, commits it, and logs and records how long it took."""

    def __init__(self, conn: Connection, timings: dict[str, float], log) -> None:
        self.conn, self.timings, self.log = conn, timings, log

    def run(self, name: str, step):
        started = time.perf_counter()
        result = step()
        self.conn.commit()
        self.timings[name] = time.perf_counter() - started
        self.log(f"  {name}: {self.timings[name]:.1f} s")
        return result


def _refuse_if_filled(conn: Connection) -> None:
    for table in (schema.survey_responses, schema.complaints):
        if conn.execute(select(func.count()).select_from(table)).scalar_one():
            raise SystemExit(f"{_shown(str(conn.engine.url))} already holds {table.name}: give an empty database")


def _relax_durability(conn: Connection) -> None:
    """A crash during the build only loses the build, so SQLite need not sync each commit."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
        conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_BUILD_CACHE_KIB}")


def _rebuild_rollups(engine: Engine, log) -> None:
    """Exactly what `python -m data_access rollups` does (on the build's engine), so every rollup the pages read
    is built (survey and complaint rollups today), whatever rollups the app gains later."""
    from data_access import cli

    with contextlib.redirect_stdout(io.StringIO()) as printed:
        if cli._run(cli.build_parser().parse_args(["rollups"]), engine) != cli.EXIT_OK:
            raise SystemExit("python -m data_access rollups failed")
    log(f"    rollups: {printed.getvalue().strip()}")


def _chunk_rng(seed: int, kind: int, index: int) -> np.random.Generator:
    """An independent stream per chunk, so the rows depend on seed and chunk size only."""
    return np.random.default_rng([seed, kind, index])


def _write_surveys(conn: Connection, seed: int, plan, period, unit_ids: list[int], total: int, chunk: int,
                   log) -> None:
    for index, start in enumerate(range(0, total, chunk)):
        size = min(chunk, total - start)
        columns = demo._survey_data(_chunk_rng(seed, 1, index), plan, period, size)
        columns["response_id"] = [f"DEMO-S-{number:07d}" for number in range(start + 1, start + size + 1)]
        frame = _frame(columns, unit_ids)
        del columns
        insert_many(conn, schema.survey_responses, frame)
        conn.commit()
        log(f"    questionnaires {start + size:,} / {total:,}")


def _write_complaints(conn: Connection, seed: int, plan, period, unit_ids: list[int], total: int, log) -> None:
    table = schema.complaints
    for index, start in enumerate(range(0, total, COMPLAINT_CHUNK)):
        size = min(COMPLAINT_CHUNK, total - start)
        columns, events = demo._complaint_data(_chunk_rng(seed, 2, index), plan, period, size)
        # Tickets numbered across chunks, as one load would (DEMO-P-000001 is what the Lacak benchmark opens).
        columns["ticket"] = [demo._ticket(number) for number in range(start + 1, start + size + 1)]
        before = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
        insert_many(conn, table, _frame(columns, unit_ids))
        # New rows get ids above every earlier one (SQLite rowid, PostgreSQL sequence): one indexed range query.
        ids = dict(conn.execute(select(table.c.ticket, table.c.id).where(table.c.id > before)).all())
        history = [(ids[ticket], status, changed_at)
                   for ticket, lifetime in zip(columns["ticket"], events, strict=True)
                   for status, changed_at in lifetime]
        insert_many(conn, schema.complaint_status_history,
                    pd.DataFrame(history, columns=["complaint_id", "status", "changed_at"]))
        conn.commit()
        log(f"    complaints {start + size:,} / {total:,} (+{len(history):,} status events)")


def _frame(columns: dict[str, list], unit_ids: list[int]) -> pd.DataFrame:
    """The generator's columns as the importer's frame: unit indexes become database ids, times aware UTC."""
    frame = pd.DataFrame(columns)
    frame["unit_id"] = np.asarray(unit_ids)[frame["unit_id"].to_numpy()]
    return frame


def _shown(url: str) -> str:
    """The URL without a password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="an empty database to fill (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--surveys", type=int, default=1_000_000)
    parser.add_argument("--complaints", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--chunk", type=int, default=SURVEY_CHUNK, help="questionnaires generated at once")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='dasbor-bench-')) / 'demo.sqlite'}"
    build_into(url, args.surveys, args.complaints, seed=args.seed, chunk=args.chunk)
    print(f"measure it with: python bench/pages.py --url '{_shown(url)}'")


if __name__ == "__main__":
    main()
