"""`init`: migrate the schema to head with Alembic and load the reference data, idempotently."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, func, insert, select, update

from data_access import clock, reference, schema

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _upsert(conn: Connection, table, rows, key: tuple[str, ...]) -> None:
    """Insert missing rows and refresh existing ones, on any backend."""
    for row in rows:
        where = [table.c[k] == row[k] for k in key]
        exists = conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()
        if exists:
            values = {k: v for k, v in row.items() if k not in key and not (k == "population" and v is None)}
            conn.execute(update(table).where(*where).values(**values))
        else:
            conn.execute(insert(table).values(**row))


def init_database(engine: Engine) -> None:
    """Create or migrate the schema and load regions, kecamatan and Ombudsman scores."""
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with engine.begin() as conn:
        _upsert(conn, schema.regions, reference.REGIONS, ("code",))
        _upsert(conn, schema.kecamatan, reference.KECAMATAN, ("code",))
        _upsert(conn, schema.ombudsman_scores, reference.OMBUDSMAN_SCORES, ("entity", "year"))
        touch_source(conn, "ombudsman", "referensi DOMAIN.md §3")


def touch_source(conn: Connection, source: str, detail: str | None = None) -> None:
    """Record that a kind of data changed now (shown as 'data per ... WIB')."""
    now = clock.now()
    _upsert(conn, schema.data_sources, [{"source": source, "updated_at": now, "detail": detail}], ("source",))
