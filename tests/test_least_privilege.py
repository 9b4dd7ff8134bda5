"""Least privilege, tried through the app's own engines (components.data.public_engine for every public page,
components.survey.figures.intake_engine for the survey form) on SQLite and on PostgreSQL with docs/deploy.md's roles.

The public engine cannot write, nor escape its read-only mode (ATTACH, VACUUM INTO, PRAGMA; on PostgreSQL SET
TRANSACTION READ WRITE, COMMIT and a session default: there the SELECT-only role is what stops them). The survey
engine stores a questionnaire with its rollups and can write nothing else. Every statement refused here is first
shown to succeed with full rights, so a refusal means missing rights, not a typo; after each refusal the database is
unchanged.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from components import data
from components.survey import figures as survey_data
from data_access import schema
from data_access.db_init import init_database
from data_access.elements import ELEMENTS
from data_access.engine import make_engine
from data_access.survey_intake import Submission
from tests.factories import add_complaint, add_done_when_units, add_unit, wib
from tests.pg_server import PostgresServer
from tests.test_two_servers import psql, role_url, sql_block

UNIT = "3575-PKM1"
OWNED = "INSERT INTO app_meta (key, value) VALUES ('owned', 'yes')"
# Writes that full rights allow (test_every_statement_tried_succeeds_with_full_rights) and the app's engines refuse.
WRITES = {
    "insert": OWNED,
    "insert_complaint": (
        "INSERT INTO complaints (ticket, unit_id, channel, classification, category, tier, received_at, status, "
        "source, updated_at) SELECT 'OWNED-1', id, 'loket', 'pengaduan', 'kesehatan', 'sederhana', "
        "'2025-05-05 02:00:00', 'diterima', 'import', '2025-05-05 02:00:00' FROM service_units WHERE code = '3575-PKM1'"
    ),
    "update_complaints": "UPDATE complaints SET status = 'selesai'",
    "delete_complaints": "DELETE FROM complaint_status_history",
    "update_questionnaires": "UPDATE survey_responses SET persyaratan = 1",
    "delete_questionnaires": "DELETE FROM survey_responses",
    "delete_rollup": "DELETE FROM survey_daily",
    "deactivate_unit": "UPDATE service_units SET active = false",
    "create": "CREATE TABLE owned (id integer)",
    "drop": "DROP TABLE complaint_status_history",
    "alter": "ALTER TABLE survey_responses ADD COLUMN owned integer",
}
# Ways out of SQLite's read-only mode or its authorizer, tried in one connection ({path}: the database file).
SQLITE_ESCAPES = {
    "attach_again": ["ATTACH DATABASE '{path}' AS rw", OWNED.replace("app_meta", "rw.app_meta")],
    "attach_read_write": ["ATTACH DATABASE 'file:{path}?mode=rw' AS rw", OWNED.replace("app_meta", "rw.app_meta")],
    "vacuum_into": ["VACUUM INTO '{folder}/copy.sqlite'"],
    "query_only_off": ["PRAGMA query_only = OFF", OWNED],
    "writable_schema": ["PRAGMA writable_schema = ON", "DELETE FROM sqlite_master WHERE name = 'complaints'"],
    "foreign_keys_off": ["PRAGMA foreign_keys = OFF"],
    "temp_table": ["CREATE TEMP TABLE owned (id integer)"],
    "two_statements": [f"COMMIT; {OWNED}"],
}
# Ways out of PostgreSQL's read-only transactions.
PG_ESCAPES = {
    "set_transaction": ["SET TRANSACTION READ WRITE", OWNED],
    "session_default": ["SET default_transaction_read_only = off", "COMMIT", OWNED],
    "session_characteristics": ["SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", "COMMIT", OWNED],
    "commit_first": ["COMMIT", OWNED],
    "two_statements": [f"COMMIT; {OWNED}"],
}
# What a superuser's read-only transactions cannot stop (which is why PUBLIC_DATABASE_URL is a SELECT-only role).
LEFT_READ_ONLY_BY_A_SUPERUSER = ("set_transaction", "session_default", "session_characteristics")


def _attempt(engine, statements: list[str]) -> str | None:
    """Run the statements in one connection and commit; the error's first line, or None if all went through."""
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
            conn.commit()
    except SQLAlchemyError as error:
        return str(getattr(error, "orig", error)).splitlines()[0]
    return None


def _snapshot(engine) -> dict:
    """Every table with its columns and row count, and app_meta's rows: what a refused write must leave as it was."""
    tables = inspect(engine).get_table_names()
    with engine.connect() as conn:
        return {
            "tables": {name: ([c["name"] for c in inspect(conn).get_columns(name)],
                              conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()) for name in tables},
            "meta": sorted(conn.execute(select(schema.app_meta)).all()),
            "active": conn.execute(select(func.count()).select_from(schema.service_units)
                                   .where(schema.service_units.c.active.is_(True))).scalar_one(),
        }


def _fill(engine) -> None:
    add_done_when_units(engine)  # 3575-MPP (Kota) and 3514-MPP (Kabupaten) with questionnaires in 2025
    unit = add_unit(engine, UNIT, region="35.75", name="Puskesmas PKM1")
    add_complaint(engine, unit, wib(2025, 5, 5, 9), "selesai", verified_at=wib(2025, 5, 6, 9),
                  first_response_at=wib(2025, 5, 7, 9), resolved_at=wib(2025, 5, 9, 9))


SUBMISSION = Submission(UNIT, {**dict.fromkeys(ELEMENTS, 4), "waktu": 2}, sex="P", age=30)
SUBMITTED_AT = wib(2025, 7, 1, 9)


def _assert_stored_with_rollups(owner) -> None:
    """SUBMISSION, once, in the questionnaires and both rollups: 8 x 4 + 2 = 34 points, 34^2 = 1,156."""
    with owner.connect() as conn:
        unit_id = conn.execute(select(schema.service_units.c.id).where(schema.service_units.c.code == UNIT)).scalar()
        stored = conn.execute(select(schema.survey_responses.c.source, schema.survey_responses.c.waktu)
                              .where(schema.survey_responses.c.unit_id == unit_id)).all()
        daily = conn.execute(select(schema.survey_daily.c.day, schema.survey_daily.c.respondents,
                                    schema.survey_daily.c.waktu, schema.survey_daily.c.total_squares)
                             .where(schema.survey_daily.c.unit_id == unit_id)).all()
        profile = dict(conn.execute(select(schema.survey_profile_monthly.c.dimension,
                                           schema.survey_profile_monthly.c.value)
                                    .where(schema.survey_profile_monthly.c.unit_id == unit_id)).all())
        sources = conn.execute(select(schema.data_sources.c.detail)
                               .where(schema.data_sources.c.source == "surveys")).scalar()
    assert stored == [("form", 2)]
    assert daily == [(date(2025, 7, 1), 1, 2, 1156)]
    assert profile["sex"] == "P" and profile["age_group"] == "25-34"
    assert sources == "formulir survei"


# ------------------------------------------------------------------------------------------------------- SQLite


@pytest.fixture(scope="module")
def sqlite_original(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("least-privilege") / "original.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    try:
        init_database(engine)
        _fill(engine)
    finally:
        engine.dispose()
    return path


@pytest.fixture
def sqlite_app(sqlite_original, tmp_path, monkeypatch):
    """A copy of the database for one test, configured as the app finds it (DATABASE_URL, no public URL); yields
    (file, an unrestricted engine to look with)."""
    path = tmp_path / "dasbor.sqlite"
    shutil.copy(sqlite_original, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("PUBLIC_DATABASE_URL", raising=False)
    owner = make_engine(url)
    yield path, owner
    owner.dispose()


def _sqlite_statements(statements: list[str], path: Path) -> list[str]:
    return [s.format(path=path, folder=path.parent) for s in statements]


@pytest.mark.parametrize("name", list(WRITES))
def test_every_statement_tried_succeeds_with_full_rights_on_sqlite(sqlite_app, name):
    _path, owner = sqlite_app
    assert _attempt(owner, [WRITES[name]]) is None


SQLITE_ENGINES = {"public": data.public_engine, "survey": survey_data.intake_engine}


@pytest.mark.parametrize("engine_name", list(SQLITE_ENGINES))
@pytest.mark.parametrize("name", [*WRITES, *SQLITE_ESCAPES])
def test_the_apps_engines_refuse_every_write_and_escape_on_sqlite(sqlite_app, name, engine_name):
    """The public engine may not write at all; the survey engine only questionnaires (shown by the next test)."""
    path, owner = sqlite_app
    statements = [WRITES[name]] if name in WRITES else _sqlite_statements(SQLITE_ESCAPES[name], path)
    before = _snapshot(owner)
    assert _attempt(SQLITE_ENGINES[engine_name](), statements) is not None, f"the {engine_name} engine ran {statements}"
    assert _snapshot(owner) == before
    assert sorted(p.name for p in path.parent.glob("*.sqlite")) == ["dasbor.sqlite"]


def test_the_survey_engine_stores_a_questionnaire_with_its_rollups_on_sqlite(sqlite_app):
    _path, owner = sqlite_app
    survey_data.submit(SUBMISSION, SUBMITTED_AT)
    _assert_stored_with_rollups(owner)


# --------------------------------------------------------------------------------------------------- PostgreSQL


# Its tests carry the postgres mark themselves: conftest.py sees only the session's server.
@pytest.fixture(scope="module")
def deployment():
    """A PostgreSQL server of this module's own (roles are server-wide) set up as docs/deploy.md section 1 says, by
    psql, plus a database "dev" owned by the superuser, as a developer's single DATABASE_URL would be."""
    server = PostgresServer().start()
    try:
        psql(server, "postgres", "postgres", sql_block("roles"))
        owner = make_engine(role_url(server, "dasbor_owner"))
        try:
            init_database(owner)
            _fill(owner)
        finally:
            owner.dispose()
        psql(server, "dasbor_owner", "dasbor", sql_block("grants"))
        dev = server.create_database("dev")
        engine = make_engine(dev)
        try:
            init_database(engine)
            _fill(engine)
        finally:
            engine.dispose()
        yield {"owner": role_url(server, "dasbor_owner"), "survey": role_url(server, "dasbor_survey"),
               "public": role_url(server, "dasbor_public"), "dev": dev}
    finally:
        server.stop()


@pytest.fixture
def owner(deployment):
    engine = make_engine(deployment["owner"])
    yield engine
    engine.dispose()


@pytest.fixture
def roles(deployment, monkeypatch):
    """The app configured as docs/deploy.md section 2 says: the form as dasbor_survey, the pages as dasbor_public."""
    monkeypatch.setenv("DATABASE_URL", deployment["survey"])
    monkeypatch.setenv("PUBLIC_DATABASE_URL", deployment["public"])
    return deployment


@pytest.mark.postgres
@pytest.mark.parametrize("name", list(WRITES))
def test_every_statement_tried_succeeds_with_full_rights_on_postgresql(owner, name):
    with owner.connect() as conn:
        conn.exec_driver_sql(WRITES[name])
        conn.rollback()


@pytest.mark.postgres
@pytest.mark.parametrize("name", [*WRITES, *PG_ESCAPES])
def test_the_public_engine_cannot_write_through_the_select_only_role(roles, owner, name):
    statements = [WRITES[name]] if name in WRITES else PG_ESCAPES[name]
    before = _snapshot(owner)
    refused = _attempt(data.public_engine(), statements)
    assert refused is not None, f"dasbor_public ran {statements}"
    if name in LEFT_READ_ONLY_BY_A_SUPERUSER:
        assert "permission denied" in refused  # out of read-only mode, the role still stops it
    assert _snapshot(owner) == before


@pytest.mark.postgres
@pytest.mark.parametrize("name", [*WRITES, *PG_ESCAPES])
def test_a_superusers_public_engine_is_read_only_only_until_it_asks_otherwise(deployment, monkeypatch, name):
    """A developer's single superuser URL: plain writes meet the read-only transaction, but a statement that leaves
    read-only mode first goes through. This is why production sets PUBLIC_DATABASE_URL to dasbor_public."""
    monkeypatch.setenv("DATABASE_URL", deployment["dev"])
    monkeypatch.delenv("PUBLIC_DATABASE_URL", raising=False)
    engine = data.public_engine()
    try:
        refused = _attempt(engine, [WRITES[name]] if name in WRITES else PG_ESCAPES[name])
    finally:
        engine.dispose()  # a session default changed by the attempt must not outlive it in the pool
    if name in LEFT_READ_ONLY_BY_A_SUPERUSER:
        assert refused is None
        dev = make_engine(deployment["dev"])
        with dev.begin() as conn:
            conn.execute(schema.app_meta.delete().where(schema.app_meta.c.key == "owned"))
        dev.dispose()
    else:
        assert refused is not None, f"a superuser's public engine ran {name}"


@pytest.mark.postgres
@pytest.mark.parametrize("name", list(WRITES))
def test_the_survey_engine_refuses_everything_but_questionnaires_through_its_role(roles, owner, name):
    before = _snapshot(owner)
    refused = _attempt(survey_data.intake_engine(), [WRITES[name]])
    assert refused is not None and ("permission denied" in refused or "must be owner" in refused), refused
    assert _snapshot(owner) == before


@pytest.mark.postgres
def test_the_survey_engine_stores_a_questionnaire_with_its_rollups_through_its_role(roles, owner):
    survey_data.submit(SUBMISSION, SUBMITTED_AT)
    _assert_stored_with_rollups(owner)
