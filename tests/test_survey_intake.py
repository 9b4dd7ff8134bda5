"""The survey form's write path: validation, storage with rollups in step, and the abuse limits."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from data_access import schema
from data_access.elements import ELEMENTS
from data_access.filters import Filters
from data_access.ikm_queries import ikm_summary
from data_access.rollups import rebuild_survey_rollups
from data_access.survey_intake import (
    InvalidSubmission,
    Submission,
    retry_after,
    submit_questionnaire,
    throttle_reason,
)
from tests.factories import add_unit, wib

FOURS = dict.fromkeys(ELEMENTS, 4)
NOW = wib(2025, 7, 1, 9)


def _count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.survey_responses)).scalar_one()


def test_a_valid_submission_is_stored_and_counted_at_once(engine):
    add_unit(engine, "3575-MPP", kind="mpp")
    submit_questionnaire(engine, Submission("3575-MPP", FOURS, sex="P", age=30, education="S1",
                                            occupation="Swasta", suggestion="  Antrean cepat  "), NOW)
    submit_questionnaire(engine, Submission("3575-MPP", {**FOURS, "waktu": 2}, channel="web"), NOW)
    with engine.connect() as conn:
        summary = ikm_summary(conn, Filters(unit="3575-MPP"))
        profile = conn.execute(select(schema.survey_profile_monthly.c.dimension, schema.survey_profile_monthly.c.value,
                                      schema.survey_profile_monthly.c.respondents)
                               .where(schema.survey_profile_monthly.c.dimension.in_(["sex", "age_group"]))).all()
        stored = conn.execute(select(schema.survey_responses.c.suggestion, schema.survey_responses.c.source)
                              .order_by(schema.survey_responses.c.id)).all()
    # waktu NRR (4 + 2) / 2 = 3, the other eight 4: (8 x 4 + 3) / 9 x 25 = 97.22
    assert summary.respondents == 2 and summary.ikm == 97.22
    # The profile rollup holds both (respondent_profile withholds a profile of fewer than five).
    assert sorted(profile) == [("age_group", "", 1), ("age_group", "25-34", 1), ("sex", "", 1), ("sex", "P", 1)]
    assert stored == [("Antrean cepat", "form"), (None, "form")]


def test_incremental_rollups_equal_a_full_rebuild(engine):
    add_unit(engine, "3575-MPP", kind="mpp")
    for minute in range(3):
        submit_questionnaire(engine, Submission("3575-MPP", {**FOURS, "biaya": 1 + minute}, age=20 + minute),
                             NOW + timedelta(minutes=minute))
    with engine.connect() as conn:
        before = conn.execute(select(schema.survey_daily)).all(), sorted(conn.execute(
            select(schema.survey_profile_monthly)).all())
    with engine.begin() as conn:
        rebuild_survey_rollups(conn)
    with engine.connect() as conn:
        after = conn.execute(select(schema.survey_daily)).all(), sorted(conn.execute(
            select(schema.survey_profile_monthly)).all())
    assert before == after


@pytest.mark.parametrize(
    "submission, field",
    [
        (Submission("3575-MPP", {**FOURS, "waktu": 5}), "waktu"),
        (Submission("3575-MPP", {**FOURS, "waktu": 0}), "waktu"),
        (Submission("3575-MPP", {k: v for k, v in FOURS.items() if k != "sarana"}), "sarana"),
        (Submission("3575-MPP", {**FOURS, "U8": 4}), "U8"),
        (Submission("3575-MPP", {**FOURS, "waktu": True}), "waktu"),
        (Submission("3575-NOPE", FOURS), "unit"),
        (Submission("3575-MPP", FOURS, age=7), "age"),
        (Submission("3575-MPP", FOURS, sex="X"), "sex"),
        (Submission("3575-MPP", FOURS, suggestion="x" * 1001), "suggestion"),
        # PostgreSQL cannot store NUL in text: refused like any other bad value, not a database error.
        (Submission("3575-MPP", FOURS, suggestion="Antrean\x00 lama"), "suggestion"),
        (Submission("3575-MPP", FOURS, service="KTP\x00"), "service"),
    ],
)
def test_bad_submissions_change_nothing_and_say_why(engine, submission, field):
    add_unit(engine, "3575-MPP", kind="mpp")
    with pytest.raises(InvalidSubmission) as refused:
        submit_questionnaire(engine, submission, NOW)
    assert field in [name for name, _ in refused.value.problems]
    assert _count(engine) == 0


def test_inactive_unit_is_refused(engine):
    add_unit(engine, "3514-OLD", region="35.14", active=False)
    with pytest.raises(InvalidSubmission):
        submit_questionnaire(engine, Submission("3514-OLD", FOURS), NOW)


def test_throttle_same_unit_within_ten_minutes_and_bursts():
    history = [("3575-MPP", NOW)]
    assert throttle_reason(history, "3575-MPP", NOW + timedelta(minutes=9)) == "same_unit"
    assert throttle_reason(history, "3575-MPP", NOW + timedelta(minutes=10)) is None
    burst = [("A", NOW), ("B", NOW + timedelta(minutes=1)), ("C", NOW + timedelta(minutes=2))]
    assert throttle_reason(burst, "D", NOW + timedelta(minutes=3)) == "burst"
    assert throttle_reason(burst, "D", NOW + timedelta(minutes=11)) is None
    assert throttle_reason([], "A", NOW) is None


def test_retry_after_says_how_long_a_refused_session_waits():
    history = [("3575-MPP", NOW)]
    assert retry_after(history, "3575-MPP", NOW + timedelta(minutes=3)) == timedelta(minutes=7)
    assert retry_after(history, "3514-MPP", NOW + timedelta(minutes=3)) == timedelta(0)
    burst = [("A", NOW), ("B", NOW + timedelta(minutes=1)), ("C", NOW + timedelta(minutes=2))]
    # The oldest leaves the ten-minute window at minute 10, and two in the window are allowed again.
    assert retry_after(burst, "D", NOW + timedelta(minutes=3)) == timedelta(minutes=7)
    # Same unit for 10 minutes after C (minute 12); by then the burst is over too.
    assert retry_after(burst, "C", NOW + timedelta(minutes=3)) == timedelta(minutes=9)
    later = NOW + timedelta(minutes=3)
    assert throttle_reason(burst, "D", later + retry_after(burst, "D", later)) is None
