"""Engines for the paths into the database: read-write (CLI), narrow (survey form) and read-only (public pages)."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError

# Every public query is cut off after this long rather than tying up the server.
STATEMENT_TIMEOUT_MS = 15_000
# A database host that does not answer (rather than refusing) fails a page after this long instead of hanging it.
CONNECT_TIMEOUT_SECONDS = 10
# How long a SQLite connection waits for another connection's lock: a public page reading behind a writer that
# holds the file (an import, an EXCLUSIVE lock) gives up after READ_BUSY_SECONDS and shows the outage notice; the
# survey form and the CLI wait longer, as a write legitimately queues behind another write.
READ_BUSY_SECONDS = 3
WRITE_BUSY_SECONDS = 15
# After a read gave up on a lock, the engine's next reads fail at once for this long instead of each waiting
# READ_BUSY_SECONDS again: a page's blocks and the sessions' live refreshes meet the lock one after another.
STALL_HOLD_SECONDS = 4
# Where a connection record keeps the (st_dev, st_ino) of the SQLite file it opened (Connection.info in SQLAlchemy).
FILE_IDENTITY = "sqlite_file_identity"
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
    busy = READ_BUSY_SECONDS if read_only else WRITE_BUSY_SECONDS
    connect_args = {"check_same_thread": False, "timeout": busy}
    if path is not None and (read_only or allowed is not None):
        # The app's servers open only a file that exists: mode=ro for the pages, mode=rw for the survey form, so a
        # file moved away is an outage rather than a new empty database that the form writes into. The CLI (no
        # mode) creates the file, as `init` must.
        mode = "ro" if read_only else "rw"
        engine = create_engine(f"sqlite:///file:{path.resolve()}?mode={mode}&uri=true", connect_args=connect_args,
                               hide_parameters=True)
    else:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args=connect_args, hide_parameters=allowed is not None)
    settings = {("foreign_keys", "on")} if read_only else {("foreign_keys", "on"), ("journal_mode", "wal"),
                                                           ("synchronous", "normal")}

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, record):
        if path is not None:
            record.info[FILE_IDENTITY] = _identity(path)
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

    if path is not None:
        _watch_file(engine, path)
    if read_only or allowed is not None:
        _hold_stalls(engine)
    return engine


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def file_identity(conn) -> tuple[int, int] | None:
    """The (st_dev, st_ino) of the SQLite file a connection of make_engine reads, None for other databases: part of
    the pages' data version, so that a file replaced by another never shares cached figures with it."""
    return conn.info.get(FILE_IDENTITY)


def _watch_file(engine: Engine, path: Path) -> None:
    """A pooled connection keeps the file it opened, even after that file was moved away, deleted or replaced by
    another at the same path: pages would read the old file and the form write into one nobody reads. At each
    checkout the connection's file is compared with what the path holds now; when they differ the whole pool is
    dropped and the connection opened afresh (which fails, as an outage, while nothing is at the path)."""

    @event.listens_for(engine, "checkout")
    def _same_file(_dbapi_conn, record, _proxy):
        if record.info.get(FILE_IDENTITY) != _identity(path):
            engine.pool.dispose()
            raise DisconnectionError("the SQLite file at the path is not the one this connection opened")


class _StillStalled(sqlite3.OperationalError):
    """_hold_stalls' own refusal (SQLAlchemy wraps it as OperationalError); unlike a real wait, it does not extend
    the hold."""


def _hold_stalls(engine: Engine) -> None:
    """After a statement gave up on another connection's lock ("database is locked"), refuse the engine's
    connections for STALL_HOLD_SECONDS with the same error, so that a page shows the outage notice within one
    READ_BUSY_SECONDS wait instead of one wait per block and per session."""
    lock = threading.Lock()
    stalled_at = [-STALL_HOLD_SECONDS]

    @event.listens_for(engine, "handle_error")
    def _remember(context):
        original = context.original_exception
        if (isinstance(original, sqlite3.OperationalError) and not isinstance(original, _StillStalled)
                and "locked" in str(original)):
            with lock:
                stalled_at[0] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _refuse_while_stalled(_dbapi_conn, _record, _proxy):
        with lock:
            stalled = time.monotonic() - stalled_at[0] < STALL_HOLD_SECONDS
        if stalled:
            raise _StillStalled("database is locked (by another connection, moments ago)")


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
