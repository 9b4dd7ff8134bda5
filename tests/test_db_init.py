"""init creates the schema and reference data on both backends, and running it again changes nothing."""

import pytest
from sqlalchemy import func, select

from data_access import schema
from data_access.db_init import init_database


def _counts(engine):
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (schema.regions, schema.kecamatan, schema.ombudsman_scores)
        }


def test_init_loads_regions_kecamatan_and_ombudsman(engine):
    assert _counts(engine) == {"regions": 2, "kecamatan": 28, "ombudsman_scores": 7}
    with engine.connect() as conn:
        per_region = dict(
            conn.execute(
                select(schema.kecamatan.c.region_code, func.count()).group_by(schema.kecamatan.c.region_code)
            ).all()
        )
        kab_2024 = conn.execute(
            select(schema.ombudsman_scores.c.score).where(
                schema.ombudsman_scores.c.entity == "Kabupaten Pasuruan", schema.ombudsman_scores.c.year == 2024
            )
        ).scalar_one()
    assert per_region == {"35.14": 24, "35.75": 4}
    assert kab_2024 == 97.35


def test_init_twice_is_idempotent(engine):
    before = _counts(engine)
    init_database(engine)
    assert _counts(engine) == before


def test_the_migrations_build_exactly_the_schema_the_code_declares(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert differences == []


def test_app_engines_cut_long_statements_off_and_the_cli_engine_does_not(db_url):
    from sqlalchemy import text

    from data_access.engine import make_engine

    if not db_url.startswith("postgresql"):
        pytest.skip("statement_timeout is a PostgreSQL setting")
    for engine, expected in ((make_engine(db_url), "15s"), (make_engine(db_url, read_only=True), "15s"),
                             (make_engine(db_url, timeout=False), "0")):
        with engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == expected
        engine.dispose()
