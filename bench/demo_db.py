"""The demo database the benchmarks measure against, built in a temporary folder."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from data_access.db_init import init_database
from data_access.demo import load_demo
from data_access.engine import make_engine


def build_demo_database(surveys: int, complaints: int, prefix: str = "dasbor-bench-") -> str:
    """A fresh SQLite file with the demo data up to today; returns its URL and prints how long it took."""
    path = Path(tempfile.mkdtemp(prefix=prefix)) / "demo.sqlite"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    started = time.perf_counter()
    try:
        init_database(engine)
        load_demo(engine, surveys=surveys, complaints=complaints, until=date.today())
    finally:
        engine.dispose()
    print(f"demo database: {surveys:,} questionnaires, {complaints:,} complaints in "
          f"{time.perf_counter() - started:.1f} s: {url}")
    return url
