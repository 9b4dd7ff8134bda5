"""The per-day rollups agree with the raw questionnaires, on WIB days, after refresh and full rebuild."""

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, insert, select

from data_access import schema
from data_access.elements import ELEMENTS
from data_access.rollups import rebuild_survey_rollups
from tests.factories import add_questionnaires, add_unit, wib

ROOT = Path(__file__).resolve().parent.parent
THREES = dict.fromkeys(ELEMENTS, 3)


def _daily(engine):
    with engine.connect() as conn:
        return conn.execute(
            select(schema.survey_daily.c.day, schema.survey_daily.c.respondents, schema.survey_daily.c.waktu,
                   schema.survey_daily.c.total_squares).order_by(schema.survey_daily.c.day)
        ).all()


def test_questionnaires_fall_on_their_wib_day(engine):
    unit = add_unit(engine, "3575-A")
    add_questionnaires(engine, unit, [THREES, {**THREES, "waktu": 1}], wib(2025, 5, 5, 23, 59))
    add_questionnaires(engine, unit, [THREES], wib(2025, 5, 6, 0, 1))
    rows = _daily(engine)
    assert [(str(r.day), r.respondents, r.waktu) for r in rows] == [("2025-05-05", 2, 4), ("2025-05-06", 1, 3)]
    # totals 27 and 25: 27^2 + 25^2
    assert rows[0].total_squares == 27**2 + 25**2


def test_profile_counts_with_age_groups_and_blanks(engine):
    unit = add_unit(engine, "3575-B")
    with engine.begin() as conn:
        conn.execute(insert(schema.survey_responses), [
            {"response_id": "P1", "submitted_at": wib(2025, 5, 5, 9), "unit_id": unit, "source": "import",
             "sex": "P", "age": 24, **THREES},
            {"response_id": "P2", "submitted_at": wib(2025, 5, 5, 10), "unit_id": unit, "source": "import",
             "sex": "P", "age": 25, **THREES},
            {"response_id": "P3", "submitted_at": wib(2025, 5, 5, 11), "unit_id": unit, "source": "import",
             "sex": None, "age": None, **THREES},
        ])
        rebuild_survey_rollups(conn)
        profile = schema.survey_profile_monthly
        counts = {
            (row.dimension, row.value): row.respondents
            for row in conn.execute(select(profile.c.dimension, profile.c.value, profile.c.respondents))
        }
    assert counts[("sex", "P")] == 2 and counts[("sex", "")] == 1
    assert counts[("age_group", "15-24")] == 1 and counts[("age_group", "25-34")] == 1
    assert counts[("age_group", "")] == 1


def test_the_profile_is_counted_per_wib_month(engine):
    unit = add_unit(engine, "3575-M")
    add_questionnaires(engine, unit, [THREES], wib(2025, 5, 31, 23, 30))  # still May in WIB
    add_questionnaires(engine, unit, [THREES], wib(2025, 6, 1, 0, 30))
    add_questionnaires(engine, unit, [THREES], wib(2025, 6, 20, 9))
    profile = schema.survey_profile_monthly
    with engine.connect() as conn:
        months = conn.execute(select(profile.c.month, profile.c.respondents).where(profile.c.dimension == "sex")
                              .order_by(profile.c.month)).all()
    assert [(str(month), respondents) for month, respondents in months] == [("2025-05-01", 1), ("2025-06-01", 2)]


def test_rebuild_command_matches_raw_rows(engine, db_url):
    unit = add_unit(engine, "3575-C")
    add_questionnaires(engine, unit, [THREES] * 4, wib(2025, 6, 2, 9))
    with engine.begin() as conn:
        conn.execute(schema.survey_daily.delete())
    done = subprocess.run([sys.executable, "-m", "data_access", "--url", db_url, "rollups"], cwd=ROOT, check=False,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"unit_days": 1, "complaint_rows": 0}
    with engine.connect() as conn:
        raw = conn.execute(select(func.count(), func.sum(schema.survey_responses.c.waktu))).one()
    assert [(r.respondents, r.waktu) for r in _daily(engine)] == [tuple(raw)]
