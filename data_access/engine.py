"""Engines for the paths into the database: read-write (CLI), narrow (survey form) and read-only (public pages)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

# Every public query is cut off after this long rather than tying up the server.
STATEMENT_TIMEOUT_MS = 15_000
# A database host that does not answer (rather than refusing) fails a page after this long instead of hanging it.
CONNECT_TIMEOUT_SECONDS = 10
# What a write may be, per table, in make_engine's `writes`.
WRITE_KINDS = frozenset({"INSERT", "UPDATE", "DELETE"})

# SQLite authorizer actions that only read, and the PRAGMAs that only describe the schema (SQLAlchemy's inspector).
_READING = frozenset({sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE,
                      sqlite3.SQLITE_TRANSACTION, sqlite3.SQLITE_SAVEPOINT})
_DESCRIBING_PRAGMAS = frozenset({"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
                                 "foreign_key_list"})
_WRITING = {sqlite3.SQLITE_INSERT: "INSERT", sqlite3.SQLITE_UPDATE: "UPDATE", sqlite3.SQLITE_DELETE: "DELETE"}


def _sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def make_engine(url: str, *, read_only: bool = False, writes: Mapping[str, set[str]] | None = None,
                timeout: bool = True) -> Engine:
    """An engine for url: unrestricted by default (the CLI), read_only for the public pages, or allowed only
    `writes` ({table: {"INSERT", "UPDATE", "DELETE"}}) for the survey form.

    read_only opens SQLite with mode=ro and PostgreSQL in read-only transactions. On SQLite, read_only and writes
    also install an authorizer that refuses every other write, ATTACH (which would open the file again read-write)
    and schema changes. On PostgreSQL a session can leave read-only mode by itself (SET TRANSACTION READ WRITE), so
    there the app's roles enforce both (docs/deploy.md: dasbor_public, dasbor_survey). Engines for the app's
    servers (read_only or writes) keep bound values out of error messages and logs: a questionnaire's suggestion
    may hold personal data.

    timeout cuts PostgreSQL statements off after STATEMENT_TIMEOUT_MS, which protects the app's servers; the CLI's
    imports and rollup rebuilds of millions of rows legitimately run longer and go without."""
    narrow = read_only or writes is not None
    allowed = {} if read_only else _allowed_writes(writes)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, read_only=read_only, allowed=allowed if narrow else None)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    options = f"-c statement_timeout={STATEMENT_TIMEOUT_MS if timeout else 0} -c timezone=UTC"
    if read_only:
        options += " -c default_transaction_read_only=on"
    return create_engine(parsed, connect_args={"options": options, "connect_timeout": CONNECT_TIMEOUT_SECONDS},
                         pool_pre_ping=True, hide_parameters=narrow)


def _allowed_writes(writes: Mapping[str, set[str]] | None) -> dict[str, frozenset[str]]:
    allowed = {table: frozenset(kinds) for table, kinds in (writes or {}).items()}
    unknown = set().union(*allowed.values()) - WRITE_KINDS if allowed else set()
    if unknown:
        raise ValueError(f"unknown kinds of write: {sorted(unknown)}")
    return allowed


def _sqlite_engine(url: str, *, read_only: bool, allowed: dict[str, frozenset[str]] | None) -> Engine:
    path = _sqlite_file(url)
    connect_args = {"check_same_thread": False, "timeout": 15}
    if read_only and path is not None:
        engine = create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true", connect_args=connect_args,
                               hide_parameters=True)
    else:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args=connect_args, hide_parameters=allowed is not None)
    settings = {("foreign_keys", "on")} if read_only else {("foreign_keys", "on"), ("journal_mode", "wal"),
                                                           ("synchronous", "normal")}

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            # WAL lets the public pages keep reading while the survey form writes.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        if allowed is not None:
            # Last: from here on the connection can do only what `allowed` says.
            dbapi_conn.set_authorizer(_authorizer(allowed, settings))

    return engine


def _authorizer(allowed: dict[str, frozenset[str]], settings: set[tuple[str, str]]):
    """A sqlite3 authorizer: reading, the connection's own PRAGMA settings, and the `allowed` writes to tables of
    the main database; everything else (other writes, DDL, ATTACH/DETACH and VACUUM INTO, other PRAGMAs) denied."""

    def authorize(action: int, arg1: str | None, arg2: str | None, database: str | None, _trigger) -> int:
        if action in _READING:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_PRAGMA:
            name = (arg1 or "").lower()
            if name in _DESCRIBING_PRAGMAS or (name, (arg2 or "").lower()) in settings:
                return sqlite3.SQLITE_OK
            return sqlite3.SQLITE_DENY
        kind = _WRITING.get(action)
        if kind and database == "main" and kind in allowed.get(arg1, ()):
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY

    return authorize
