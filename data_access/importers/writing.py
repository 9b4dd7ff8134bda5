"""Writing checked rows fast: bulk inserts in chunks, key lookups, and the SQLite cache a bulk write wants.

Every function works inside the caller's transaction; the import writes a whole file or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pandas as pd
from sqlalchemy import Column, ColumnElement, Connection, Dialect, Table, any_, bindparam, insert, select
from sqlalchemy.dialects import postgresql

from data_access import schema

# SQLite page cache during a bulk import, as PRAGMA cache_size wants it (negative = KiB): 256 MiB.
BULK_CACHE_KIB = -256 * 1024
# Rows per executemany and per IN (...) lookup: fast, and far below every driver's parameter limit.
CHUNK_ROWS = 5_000


def chunks(frame: pd.DataFrame) -> Iterator[tuple[int, pd.DataFrame]]:
    """Slices of CHUNK_ROWS rows, each with the number of rows done once it is written."""
    for start in range(0, len(frame), CHUNK_ROWS):
        chunk = frame.iloc[start : start + CHUNK_ROWS]
        yield start + len(chunk), chunk


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values, None where missing, ready for executemany."""
    columns = [_python_values(frame[name]) for name in frame.columns]
    return [dict(zip(frame.columns, values, strict=True)) for values in zip(*columns, strict=True)]


def _python_values(values: pd.Series) -> list:
    """Plain Python values, None where missing: drivers take neither numpy nor pandas scalars."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        values = values.dt.to_pydatetime()
    return values.to_numpy(dtype=object, na_value=None).tolist()


def insert_many(conn: Connection, table: Table, frame: pd.DataFrame) -> None:
    """Bulk insert with values converted as the column types would: COPY on PostgreSQL, else driver executemany.

    SQLAlchemy's per-row parameter handling would cost more than the database's own work, and large survey
    files must load at tens of thousands of rows per second.
    """
    dialect = conn.dialect
    values = {name: _driver_values(table.c[name], frame[name], dialect) for name in frame.columns}
    if dialect.name == "postgresql":
        _copy_rows(conn, table, list(values), zip(*values.values(), strict=True))
        return
    statement = insert(table).inline().compile(dialect=dialect, column_keys=list(values))
    if statement.positional:
        rows = list(zip(*(values[name] for name in statement.positiontup), strict=True))
    else:
        rows = [dict(zip(values, row, strict=True)) for row in zip(*values.values(), strict=True)]
    conn.exec_driver_sql(str(statement), rows)


def _copy_rows(conn: Connection, table: Table, columns: list[str], rows: Iterable[tuple]) -> None:
    """COPY ... FROM STDIN through psycopg, inside the connection's transaction."""
    quote = conn.dialect.identifier_preparer
    target = f"{quote.format_table(table)} ({', '.join(quote.quote(name) for name in columns)})"
    with conn.connection.cursor() as cursor, cursor.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _driver_values(column: Column, values: pd.Series, dialect: Dialect) -> list:
    column_type = column.type
    if isinstance(column_type, schema.UTCDateTime):
        # What UTCDateTime does per value (naive UTC), done for the whole column at once.
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
        column_type = column_type.impl_instance
    python = _python_values(values)
    # The dialect's own type (SQLite's DATETIME writes '... HH:MM:SS.ffffff' like every other writer; the generic
    # type has no processor and sqlite3 would write '... HH:MM:SS', which sorts before the same instant as text).
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    return [process(value) for value in python] if process else python


def stored_keys(conn: Connection, key: Column, values: list) -> set:
    """Which of these key values (one chunk) the table already holds."""
    return set(conn.execute(select(key).where(one_of(conn, key, values))).scalars())


def one_of(conn: Connection, column: Column, values: list) -> ColumnElement[bool]:
    """column IN values; on PostgreSQL one array parameter, which binds and plans several times faster."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam("values", values, type_=postgresql.ARRAY(column.type)))
    return column.in_(values)


@contextmanager
def bulk_write_cache(conn: Connection) -> Iterator[None]:
    """A large SQLite page cache while bulk inserting: index pages stay in memory, which halves insert time."""
    if conn.dialect.name != "sqlite":
        yield
        return
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(previous)}")
