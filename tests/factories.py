"""Small builders that write real rows for tests (no mocks: the rows go into the test's database)."""

from __future__ import annotations

import itertools
from datetime import datetime, timezone

from sqlalchemy import Engine, insert, select

from data_access import schema
from data_access.elements import ELEMENTS
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
        dict(zip(ELEMENTS, values[i * len(ELEMENTS):(i + 1) * len(ELEMENTS)])) for i in range(respondents)
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
        "updated_at": max(stamps).astimezone(timezone.utc),
        **extra,
    }
    with engine.begin() as conn:
        conn.execute(insert(schema.complaints).values(**values))
