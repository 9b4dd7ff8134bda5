"""Engines for the two paths into the database: read-write (CLI, survey form) and read-only (public pages)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

# Every public query is cut off after this long rather than tying up the server.
STATEMENT_TIMEOUT_MS = 15_000


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def make_engine(url: str, *, read_only: bool = False, timeout: bool = True) -> Engine:
    """An engine for url; read_only opens SQLite with mode=ro and PostgreSQL in read-only transactions.

    timeout cuts PostgreSQL statements off after STATEMENT_TIMEOUT_MS, which protects the app's servers; the CLI's
    imports and rollup rebuilds of millions of rows legitimately run longer and go without."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, read_only=read_only)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    options = f"-c statement_timeout={STATEMENT_TIMEOUT_MS if timeout else 0} -c timezone=UTC"
    if read_only:
        options += " -c default_transaction_read_only=on"
    return create_engine(parsed, connect_args={"options": options}, pool_pre_ping=True)


def _sqlite_engine(url: str, *, read_only: bool) -> Engine:
    path = _sqlite_file(url)
    if read_only and path is not None:
        engine = create_engine(
            f"sqlite:///file:{path.resolve()}?mode=ro&uri=true",
            connect_args={"check_same_thread": False, "timeout": 15},
        )
    else:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            # WAL lets the public pages keep reading while the survey form writes.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine
