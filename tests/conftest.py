"""Fixtures: every database test runs twice, on a fresh SQLite file and on a real PostgreSQL server. The suite's
clock is set in tests/__init__.py."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

import pytest

from data_access.db_init import init_database
from data_access.engine import make_engine
from tests.pg_server import PostgresServer

BACKENDS = ("sqlite", "postgresql")
# A fixed last day makes demo-based tests independent of the day they run.
DEMO_UNTIL = date(2025, 12, 31)
DEMO_SIZE = {"surveys": 6_000, "complaints": 1_200}
_counter = itertools.count()


@pytest.fixture(autouse=True)
def _programs_keep_the_clock(monkeypatch):
    """A CLI run or app server a test starts reads the test's "now" (data_access.clock takes DASHBOARD_NOW)."""
    monkeypatch.setenv("DASHBOARD_NOW", datetime.now(UTC).isoformat())


@pytest.fixture(scope="session")
def pg_server():
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """An initialised database that each test copies (CREATE DATABASE ... TEMPLATE is fast)."""
    url = pg_server.create_database("dasbor_template")
    engine = make_engine(url)
    init_database(engine)
    engine.dispose()
    return "dasbor_template"


def _fresh_url(backend: str, request, tmp_path) -> str:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'dasbor.sqlite'}"
        engine = make_engine(url)
        init_database(engine)
        engine.dispose()
        return url
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("pg_template")
    return server.create_database(f"t{next(_counter)}", template=template)


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """URL of a fresh, initialised, otherwise empty database."""
    return _fresh_url(request.param, request, tmp_path)


@pytest.fixture
def engine(db_url):
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def demo_url(request, tmp_path_factory) -> str:
    """A database with a small demo load, shared by the session: tests must not write to it."""
    from data_access.demo import load_demo

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}"
    else:
        server = request.getfixturevalue("pg_server")
        url = server.create_database("dasbor_demo")
    engine = make_engine(url)
    init_database(engine)
    load_demo(engine, seed=7, until=DEMO_UNTIL, **DEMO_SIZE)
    engine.dispose()
    return url
