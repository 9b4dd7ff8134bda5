"""Small builders that write real rows for tests (no mocks: the rows go into the test's database)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from sqlalchemy import Engine, func, insert, select

from data_access import schema
from data_access.complaint_rollups import refresh_for_instants as refresh_complaint_rollups_for
from data_access.db_init import init_database
from data_access.elements import ELEMENTS
from data_access.engine import make_engine
from data_access.rollups import refresh_for_instants
from data_access.workdays import WIB

_ids = itertools.count(1)


def wib(*args) -> datetime:
    return datetime(*args, tzinfo=WIB)


def add_unit(engine: Engine, code: str, region: str = "35.75", kind: str = "puskesmas", **extra) -> int:
    values = {
        "code": code,
        "name": extra.pop("name", f"Unit {code}"),
        "kind": kind,
        "region_code": region,
        "kecamatan_code": extra.pop("kecamatan_code", f"{region}.01"),
        "latitude": -7.64,
        "longitude": 112.9,
        "active": True,
        **extra,
    }
    with engine.begin() as conn:
        conn.execute(insert(schema.service_units).values(**values))
        return conn.execute(select(schema.service_units.c.id).where(schema.service_units.c.code == code)).scalar_one()


def add_questionnaires(engine: Engine, unit_id: int, answers: list[dict[str, int]], at: datetime) -> None:
    """One questionnaire per dict of element answers, all submitted at `at`."""
    rows = [
        {
            "response_id": f"T-{next(_ids)}",
            "submitted_at": at,
            "unit_id": unit_id,
            "source": "import",
            **{name: answer[name] for name in ELEMENTS},
        }
        for answer in answers
    ]
    with engine.begin() as conn:
        conn.execute(insert(schema.survey_responses), rows)
        refresh_for_instants(conn, at, at)


def answers_totalling(total: int, respondents: int) -> list[dict[str, int]]:
    """Questionnaires whose answers add up to `total` over all nine elements, spread evenly."""
    cells = respondents * len(ELEMENTS)
    base, extra = divmod(total, cells)
    values = [base + 1] * extra + [base] * (cells - extra)
    return [
        dict(zip(ELEMENTS, values[i * len(ELEMENTS):(i + 1) * len(ELEMENTS)], strict=True)) for i in range(respondents)
    ]


def add_complaint(engine: Engine, unit_id: int, received_at: datetime, status: str, tier: str = "sederhana",
                  verified_at=None, first_response_at=None, resolved_at=None, **extra) -> None:
    stamps = [t for t in (received_at, verified_at, first_response_at, resolved_at) if t]
    values = {
        "ticket": extra.pop("ticket", f"TK-{next(_ids)}"),
        "unit_id": unit_id,
        "channel": "loket",
        "classification": "pengaduan",
        "category": "kesehatan",
        "tier": tier,
        "received_at": received_at,
        "verified_at": verified_at,
        "first_response_at": first_response_at,
        "resolved_at": resolved_at,
        "status": status,
        "source": "import",
        "updated_at": max(stamps).astimezone(UTC),
        **extra,
    }
    with engine.begin() as conn:
        conn.execute(insert(schema.complaints).values(**values))
        refresh_complaint_rollups_for(conn, received_at, received_at)  # as every write path does


def answers(value: int, **overrides: int) -> dict[str, int]:
    """One questionnaire answering `value` to every element except the ones overridden."""
    return {**dict.fromkeys(ELEMENTS, value), **overrides}


def add_done_when_units(engine: Engine) -> None:
    """The issue's database: 88.30 (B, n=250) in Kota and 88.32 (A, n=625) in Kabupaten."""
    kota = add_unit(engine, "3575-MPP", region="35.75", kind="mpp", name="Mal Pelayanan Publik Kota Pasuruan")
    # 7,947 points over 250 x 9 answers: 7947 / 2250 = 3.532 -> x 25 = 88.30, grade B (A starts at 88.31).
    add_questionnaires(engine, kota, answers_totalling(7947, 250), wib(2025, 5, 5, 10))
    kabupaten = add_unit(engine, "3514-MPP", region="35.14", kind="mpp", annual_users=20_000,
                         name="Mal Pelayanan Publik Kabupaten Pasuruan")
    # 625 x 9 = 5,625 answers; 88.32 / 25 = 3.5328 and 3.5328 x 5625 = 19,872 points exactly -> 88.32, grade A.
    add_questionnaires(engine, kabupaten, answers_totalling(19_872, 625), wib(2025, 6, 10, 10))


def a_unit_with_questionnaires(url: str) -> str:
    """The first unit code (in code order) that has questionnaires in the database at `url`."""
    from data_access.engine import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        code = conn.execute(
            select(schema.service_units.c.code).join(schema.survey_daily,
                                                     schema.survey_daily.c.unit_id == schema.service_units.c.id)
            .order_by(schema.service_units.c.code).limit(1)
        ).scalar_one()
    engine.dispose()
    return code


def done_when_database(url: str) -> str:
    """A new database at `url` with the schema and the issue's two units (add_done_when_units); returns `url`."""
    engine = make_engine(url)
    try:
        init_database(engine)
        add_done_when_units(engine)
    finally:
        engine.dispose()
    return url


def form_questionnaires(url: str) -> int:
    """How many questionnaires the survey form stored, read without writing (a missing SQLite file stays missing)."""
    engine = make_engine(url, read_only=True)
    try:
        with engine.connect() as conn:
            responses = schema.survey_responses
            return conn.execute(select(func.count()).select_from(responses)
                                .where(responses.c.source == "form")).scalar_one()
    finally:
        engine.dispose()
