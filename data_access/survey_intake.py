"""The survey form's narrow write path: check one questionnaire (data_access.questionnaire), store it, keep the
rollups in step.

This is the only code the public app uses to write; it inserts questionnaires and nothing else, through an engine
that can write nothing else (intake_engine).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, insert, select

from data_access import clock, schema
from data_access.db_init import touch_source
from data_access.elements import ELEMENTS
from data_access.engine import make_engine
from data_access.questionnaire import questionnaire_problems
from data_access.rollups import add_questionnaire_to_rollups
from data_access.summaries import summarised_on
from data_access.workdays import wib_date

# Abuse limits for one browser session (see README "Keamanan & privasi" for what they cannot stop).
SAME_UNIT_COOLDOWN = timedelta(minutes=10)
BURST_WINDOW = timedelta(minutes=10)
BURST_LIMIT = 3
# Every write submit_questionnaire makes: the questionnaire, its two rollups (rollups.add_questionnaire_to_rollups,
# upserts) and the surveys' "data per" time (db_init.touch_source). The form's engine may write nothing else: on
# SQLite an authorizer refuses the rest (engine.make_engine), on PostgreSQL the dasbor_survey role of docs/deploy.md.
INTAKE_WRITES = {
    schema.survey_responses.name: {"INSERT"},
    schema.survey_daily.name: {"INSERT", "UPDATE"},
    schema.survey_profile_monthly.name: {"INSERT", "UPDATE"},
    schema.data_sources.name: {"INSERT", "UPDATE"},
}


class InvalidSubmission(ValueError):
    """What is wrong with a submission: a list of (field, reason key) pairs; nothing was stored."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(f"{name}: {reason}" for name, reason in problems))
        self.problems = problems


@dataclass(frozen=True)
class Submission:
    unit_code: str
    answers: dict[str, int]
    sex: str | None = None
    age: int | None = None
    education: str | None = None
    occupation: str | None = None
    service: str | None = None
    suggestion: str | None = None
    channel: str = "qr"
    extra: dict = field(default_factory=dict)


def _problems(submission: Submission) -> list[tuple[str, str]]:
    values = {
        **{name: submission.answers.get(name) for name in ELEMENTS},
        "sex": submission.sex,
        "age": submission.age,
        "education": submission.education,
        "occupation": submission.occupation,
        "channel": submission.channel,
        "service": submission.service,
        "suggestion": submission.suggestion,
    }
    unknown = sorted(set(submission.answers) - set(ELEMENTS))
    return questionnaire_problems(values) + [(name, "unknown_field") for name in unknown]


def throttle_reason(history: list[tuple[str, datetime]], unit_code: str, now: datetime) -> str | None:
    """Why a browser session must wait before submitting again ('same_unit' or 'burst'), or None.

    history holds the (unit code, time) of this session's earlier accepted submissions."""
    if any(code == unit_code and now - at < SAME_UNIT_COOLDOWN for code, at in history):
        return "same_unit"
    if sum(1 for _, at in history if now - at < BURST_WINDOW) >= BURST_LIMIT:
        return "burst"
    return None


def retry_after(history: list[tuple[str, datetime]], unit_code: str, now: datetime) -> timedelta:
    """How long until throttle_reason lets this session submit for unit_code again (zero when it already does)."""
    reason = throttle_reason(history, unit_code, now)
    if reason is None:
        return timedelta(0)
    if reason == "same_unit":
        until = max(at for code, at in history if code == unit_code and now - at < SAME_UNIT_COOLDOWN)
        wait = until + SAME_UNIT_COOLDOWN - now
        # Once the cooldown ends a burst may still hold: wait for whichever ends last.
        return wait + retry_after(history, unit_code, now + wait)
    recent = sorted(at for _, at in history if now - at < BURST_WINDOW)
    # Below the limit again once all but BURST_LIMIT - 1 of them have left the window.
    return recent[len(recent) - BURST_LIMIT] + BURST_WINDOW - now


def intake_engine(url: str) -> Engine:
    """The survey form's engine: it may write INTAKE_WRITES and nothing else."""
    return make_engine(url, writes=INTAKE_WRITES)


def active_units(conn: Connection) -> list[dict]:
    """Every active unit a questionnaire can be about (code, name, region code), by region and name."""
    units = schema.service_units
    query = (
        select(units.c.code, units.c.name, units.c.region_code)
        .where(units.c.active.is_(True))
        .order_by(units.c.region_code, units.c.name, units.c.code)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def active_unit_id(engine: Engine, unit_code: str) -> int | None:
    units = schema.service_units
    with engine.connect() as conn:
        return conn.execute(
            select(units.c.id).where(units.c.code == unit_code, units.c.active.is_(True))
        ).scalar()


def _summarised_today(engine: Engine, unit_id: int, now: datetime) -> bool:
    """Whether a published summary of the unit already covers today: the form's answer would be counted twice."""
    with engine.connect() as conn:
        return summarised_on(conn, unit_id, wib_date(now))


def submit_questionnaire(engine: Engine, submission: Submission, now: datetime | None = None) -> str:
    """Validate and store one questionnaire; returns its response_id. Raises InvalidSubmission."""
    problems = _problems(submission)
    unit_id = active_unit_id(engine, submission.unit_code)
    now = now or clock.now()
    if unit_id is None:
        problems.insert(0, ("unit", "unknown_unit"))
    elif _summarised_today(engine, unit_id, now):
        problems.insert(0, ("unit", "summarised_period"))
    if problems:
        raise InvalidSubmission(problems)
    response_id = f"FORM-{now:%Y%m%d}-{secrets.token_hex(6)}"
    suggestion = (submission.suggestion or "").strip() or None
    row = {
        "response_id": response_id,
        "submitted_at": now,
        "unit_id": unit_id,
        "service": (submission.service or "").strip() or None,
        **{name: submission.answers[name] for name in ELEMENTS},
        "sex": submission.sex,
        "age": submission.age,
        "education": submission.education,
        "occupation": submission.occupation,
        "channel": submission.channel,
        "suggestion": suggestion,
        "source": "form",
    }
    with engine.begin() as conn:
        conn.execute(insert(schema.survey_responses).values(**row))
        add_questionnaire_to_rollups(conn, row)
        touch_source(conn, "surveys", "formulir survei")
    return response_id
