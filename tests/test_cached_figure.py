"""components.data.cached_figure on a real SQLite database: answers are reused while the data-version watermark
stands, a questionnaire sent through the form's write path brings fresh figures, and figures that age with the
calendar move on when the (frozen) clock passes midnight in WIB."""

from datetime import datetime
from inspect import signature

import pytest
import time_machine
from sqlalchemy import Connection, func, select

from components import data
from components.complaints import figures as complaint_data
from components.satisfaction import figures as ikm_data
from components.survey import figures as survey_data
from data_access import clock, schema
from data_access.db_init import init_database
from data_access.elements import ELEMENTS
from data_access.engine import make_engine
from data_access.filters import Filters
from data_access.survey_intake import Submission
from data_access.workdays import wib_date
from tests.factories import add_complaint, add_unit, wib

FOURS = dict.fromkeys(ELEMENTS, 4)
# What the queries below were asked, in order: a cached answer adds nothing here.
ASKED: list[tuple] = []


def respondents(conn: Connection, unit_code: str) -> int:
    ASKED.append(("respondents", unit_code))
    responses, units = schema.survey_responses, schema.service_units
    return conn.execute(select(func.count()).select_from(responses.join(units, responses.c.unit_id == units.c.id))
                        .where(units.c.code == unit_code)).scalar_one()


def unit_name(conn: Connection, unit_code: str) -> str:
    ASKED.append(("unit_name", unit_code))
    units = schema.service_units
    return conn.execute(select(units.c.name).where(units.c.code == unit_code)).scalar_one()


def day_of(conn: Connection, unit_code: str, now: datetime) -> str:
    ASKED.append(("day_of", unit_code))
    return wib_date(now).isoformat()


cached_respondents = data.cached_figure(respondents)
cached_unit_name = data.cached_figure(unit_name)
cached_day_of = data.cached_figure(day_of, ages_with_calendar=True)


@pytest.fixture
def database(monkeypatch, tmp_path):
    """An empty SQLite database with one unit, configured as the app finds it (DATABASE_URL, no public URL)."""
    url = f"sqlite:///{tmp_path / 'dasbor.sqlite'}"
    engine = make_engine(url)
    init_database(engine)
    add_unit(engine, "3575-MPP", kind="mpp", name="Mal Pelayanan Publik Kota Pasuruan")
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("PUBLIC_DATABASE_URL", raising=False)
    ASKED.clear()
    yield engine
    engine.dispose()


def send_questionnaire() -> None:
    survey_data.submit(Submission("3575-MPP", FOURS), clock.now())


def test_an_answer_is_reused_until_the_data_version_changes(database):
    assert cached_respondents("3575-MPP") == 0
    assert cached_respondents("3575-MPP") == 0
    assert cached_respondents(unit_code="3575-MPP") == 0  # the same arguments by name: the same entry
    assert ASKED == [("respondents", "3575-MPP")]
    version = data.data_version()
    send_questionnaire()
    assert data.data_version() != version
    assert cached_respondents("3575-MPP") == 1
    assert cached_respondents("3575-MPP") == 1
    assert ASKED == [("respondents", "3575-MPP")] * 2
    cached_respondents.clear()
    assert cached_respondents("3575-MPP") == 1
    assert len(ASKED) == 3


def test_each_wrapped_query_has_its_own_cache(database):
    # The same arguments under the same watermark: a shared cache would answer both with the first one's answer.
    assert cached_respondents("3575-MPP") == 0
    assert cached_unit_name("3575-MPP") == "Mal Pelayanan Publik Kota Pasuruan"
    assert ASKED == [("respondents", "3575-MPP"), ("unit_name", "3575-MPP")]


def test_a_figure_module_shows_a_new_questionnaire_at_once(database):
    assert ikm_data.summary(Filters(unit="3575-MPP")) is None
    send_questionnaire()
    after = ikm_data.summary(Filters(unit="3575-MPP"))
    assert (after.respondents, after.ikm) == (1, 100.0)
    send_questionnaire()
    assert ikm_data.summary(Filters(unit="3575-MPP")).respondents == 2


def test_a_figure_that_ages_with_the_calendar_moves_on_at_midnight_wib(database):
    with time_machine.travel(wib(2026, 11, 17, 23, 0), tick=False):
        assert cached_day_of("3575-MPP") == "2026-11-17"
    with time_machine.travel(wib(2026, 11, 17, 23, 59), tick=False):
        assert cached_day_of("3575-MPP") == "2026-11-17"
        assert len(ASKED) == 1
    with time_machine.travel(wib(2026, 11, 18, 0, 1), tick=False):
        assert cached_day_of("3575-MPP") == "2026-11-18"
        assert len(ASKED) == 2
    # `now` is the adapter's to give: callers pass only the unit.
    assert list(signature(cached_day_of).parameters) == ["unit_code"]


def test_a_waiting_complaint_ages_a_working_day_overnight_with_no_new_data(database):
    unit = add_unit(database, "3575-PKM-A")
    add_complaint(database, unit, wib(2026, 11, 16, 9), "diterima", ticket="LAPOR-0001")
    with time_machine.travel(wib(2026, 11, 17, 10), tick=False):
        tuesday = complaint_data.tracked("LAPOR-0001")
    with time_machine.travel(wib(2026, 11, 18, 10), tick=False):
        version = data.data_version()
        wednesday = complaint_data.tracked("LAPOR-0001")
        assert data.data_version() == version
    waiting = [(stage.status, stage.workdays, stage.due) for stage in (tuesday.stages[1], wednesday.stages[1])]
    assert waiting[0][0] == waiting[1][0] == "terverifikasi"
    assert waiting[1][1] == waiting[0][1] + 1 and waiting[0][2] == waiting[1][2]


def test_a_query_that_takes_now_must_be_keyed_by_the_day():
    with pytest.raises(TypeError, match="ages_with_calendar"):
        data.cached_figure(day_of)
