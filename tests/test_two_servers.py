"""docs/deploy.md, proven: two app servers on two ports against one PostgreSQL database, set up with the roles and
grants of docs/deploy.md run verbatim by psql. A questionnaire sent through server A shows on server B's open
Beranda without a reload; every page of server B works through the SELECT-only role; each role can do no more than
the page says."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import ProgrammingError

from components.i18n import STRINGS
from data_access import schema
from data_access.db_init import init_database
from data_access.engine import make_engine
from tests.browser import DESKTOP, ERROR_TEXT, PHONE, new_page, page_errors, screenshot, start_app, wait_for_app
from tests.factories import add_complaint, add_done_when_units, add_unit, wib
from tests.test_browser_live import (
    answer_every_question,
    send,
    tile_values,
    wait_for_text,
)

DEPLOY_MD = Path(__file__).resolve().parent.parent / "docs" / "deploy.md"
# Names as docs/deploy.md creates them; the session PostgreSQL server holds no other database of this name.
DATABASE = "dasbor"
OWNER, SURVEY, PUBLIC = "dasbor_owner", "dasbor_survey", "dasbor_public"
# What the issue asks for; the design (1 s watermark + 2 s refresh) gives about 1-3 s.
VISIBLE_WITHIN_SECONDS = 10
# The notice database_guard shows instead of a page part when a query fails (e.g. "permission denied").
DB_UNAVAILABLE = STRINGS["app.db_unavailable"]["id"]
# Every page, as a visitor reaches it; the Lacak ticket and the unit exist in the test database.
PAGES = ["/", "/pimpinan", "/kepuasan", "/peta", "/pengaduan", "/lacak?tiket=DEPLOY-1", "/survei?unit=3575-MPP",
         "/data", "/unit?unit=3575-MPP", "/?lang=en"]


def sql_block(name: str) -> str:
    """The ```sql block that follows the marker <!-- deploy-test: name --> in docs/deploy.md."""
    match = re.search(rf"<!-- deploy-test: {name} -->\s*```sql\n(.*?)```", DEPLOY_MD.read_text(), re.DOTALL)
    assert match, f"no sql block marked {name!r} in {DEPLOY_MD}"
    return match.group(1)


def psql(pg_server, user: str, database: str, sql: str) -> None:
    """Run SQL as an administrator would: psql with ON_ERROR_STOP, over TCP as the given role."""
    command = [str(pg_server.bin / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
               "-p", str(pg_server.port), "-U", user, "-d", database]
    result = subprocess.run(command, input=sql, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"psql as {user} failed:\n{result.stderr}"


def role_url(pg_server, role: str) -> str:
    # The test server trusts local connections, so the passwords in docs/deploy.md are not needed here.
    return f"postgresql+psycopg://{role}@127.0.0.1:{pg_server.port}/{DATABASE}"


@pytest.fixture(scope="module")
def deployment(pg_server) -> dict[str, str]:
    """docs/deploy.md section 1 step by step: roles and database as superuser, init and data as the owner,
    grants as the owner. Returns each role's URL."""
    psql(pg_server, "postgres", "postgres", sql_block("roles"))
    owner = make_engine(role_url(pg_server, OWNER))
    try:
        init_database(owner)
        add_done_when_units(owner)  # 3575-MPP (Kota) and 3514-MPP (Kabupaten), questionnaires in 2025
        unit = add_unit(owner, "3575-PKM1", region="35.75", name="Puskesmas PKM1")
        add_complaint(owner, unit, wib(2025, 5, 5, 9), "selesai", ticket="DEPLOY-1", verified_at=wib(2025, 5, 6, 9),
                      first_response_at=wib(2025, 5, 7, 9), resolved_at=wib(2025, 5, 9, 9),
                      description="Nama saya Budi, HP 081234567890")
        add_complaint(owner, unit, wib(2025, 6, 2, 9), "diterima", description="private text")
    finally:
        owner.dispose()
    psql(pg_server, OWNER, DATABASE, sql_block("grants"))
    return {role: role_url(pg_server, role) for role in (OWNER, SURVEY, PUBLIC)}


@pytest.fixture(scope="module")
def two_servers(deployment, browser):
    """Servers A and B with docs/deploy.md section 2's environment: the form writes as dasbor_survey, the pages read
    as dasbor_public."""
    env = {"PUBLIC_DATABASE_URL": deployment[PUBLIC]}
    servers = []
    try:
        for _ in range(2):
            servers.append(start_app(deployment[SURVEY], env=env))
        yield servers
    finally:
        for server in servers:
            server.stop()


def _assert_page_is_whole(page, server, where: str) -> None:
    assert page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count() == 0, (
        where, page.locator("body").inner_text()[:3000], server.output(tail=3000))
    body = page.locator("body").inner_text()
    assert DB_UNAVAILABLE not in body, f"a query failed on {where}"
    assert not ERROR_TEXT.findall(body), f"error text on {where}: {ERROR_TEXT.findall(body)}"
    assert page_errors(page) == [], where
    assert "permission denied" not in server.output(tail=200_000), f"server log after {where}"


def test_a_questionnaire_sent_through_server_a_shows_on_server_b_without_a_reload(two_servers, deployment,
                                                                                     browser, tmp_path):
    server_a, server_b = two_servers
    assert server_a.port != server_b.port
    dashboard = new_page(browser, **DESKTOP)
    phone = new_page(browser, **PHONE)
    try:
        dashboard.goto(f"{server_b.url}/?wilayah=35.75")  # Kota only: one "Kuesioner hari ini" tile
        wait_for_app(dashboard)
        [before] = tile_values(dashboard, "Kuesioner hari ini")
        dashboard.evaluate("() => { window.__notReloaded = true; }")

        phone.goto(f"{server_a.url}/survei?unit=3575-MPP")
        wait_for_app(phone)
        answer_every_question(phone, tap=True)
        send(phone, tap=True)
        sent_at = time.monotonic()
        expected = [str(int(before) + 1)]
        seen = None
        while time.monotonic() - sent_at < VISIBLE_WITHIN_SECONDS:
            if tile_values(dashboard, "Kuesioner hari ini") == expected:
                seen = time.monotonic() - sent_at
                break
            dashboard.wait_for_timeout(50)
        screenshot(dashboard, tmp_path / "server-b-beranda-after.png")
        assert seen is not None, f"server B's tile still shows {tile_values(dashboard, 'Kuesioner hari ini')}"
        print(f"server B showed server A's questionnaire after {seen:.1f} s")
        assert dashboard.evaluate("() => window.__notReloaded === true"), "server B's Beranda was reloaded"
        _assert_page_is_whole(dashboard, server_b, "server B's Beranda")

        wait_for_text(phone, "Terima kasih!")
        _assert_page_is_whole(phone, server_a, "server A's survey form")
    finally:
        dashboard.context.close()
        phone.context.close()

    owner = make_engine(deployment[OWNER])
    try:
        with owner.connect() as conn:
            responses = schema.survey_responses
            stored = conn.execute(
                select(func.count()).select_from(responses).where(responses.c.source == "form")
            ).scalar_one()
    finally:
        owner.dispose()
    assert stored == 1


@pytest.mark.parametrize("path", PAGES)
def test_every_page_works_through_the_select_only_role(two_servers, browser, path):
    server_b = two_servers[1]
    page = new_page(browser, **DESKTOP)
    try:
        page.goto(server_b.url + path)
        wait_for_app(page)
        _assert_page_is_whole(page, server_b, path)
    finally:
        page.context.close()


def _refused(url: str, sql: str) -> bool:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text(sql))
    except ProgrammingError as error:
        return "permission denied" in str(error.orig)
    finally:
        engine.dispose()
    return False


@pytest.mark.parametrize("role, sql", [
    (PUBLIC, "SELECT suggestion FROM survey_responses"),
    (PUBLIC, "SELECT description FROM complaints"),
    (PUBLIC, "SELECT * FROM complaints"),
    (PUBLIC, "INSERT INTO app_meta (key, value) VALUES ('x', 'y')"),
    (PUBLIC, "UPDATE survey_daily SET respondents = respondents + 1"),
    (SURVEY, "SELECT suggestion FROM survey_responses"),
    (SURVEY, "SELECT description FROM complaints"),
    (SURVEY, "SELECT name FROM service_units"),
    (SURVEY, "DELETE FROM survey_daily"),
    (SURVEY, "UPDATE survey_responses SET persyaratan = 1"),
    (SURVEY, "CREATE TABLE extra (id integer)"),
])
def test_each_role_can_do_no_more_than_docs_deploy_md_says(deployment, role, sql):
    assert _refused(deployment[role], sql), f"{role} was allowed: {sql}"
