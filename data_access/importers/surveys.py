"""`import surveys`: questionnaires, one row each; stored questionnaires never change, so re-importing one adds
nothing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import Connection

from data_access import elements, schema
from data_access.importers.checks import MAX_TEXT_LENGTH, Checks, max_length, same
from data_access.importers.columns import SURVEY_COLUMNS, SURVEY_OPTIONAL
from data_access.importers.reading import read_table
from data_access.importers.units import unit_index
from data_access.importers.writing import bulk_write_cache, chunks, insert_many, stored_keys
from data_access.progress import Progress
from data_access.rollups import refresh_for_instants
from data_access.summaries import flag_summarised

ANSWER_RULE = f"answer must be a whole number from {elements.MIN_ANSWER} to {elements.MAX_ANSWER}"


def read_surveys(path: Path) -> Checks:
    return Checks(read_table(path, SURVEY_COLUMNS, SURVEY_OPTIONAL))


def import_surveys(conn: Connection, checks: Checks, now: pd.Timestamp, progress: Progress) -> dict:
    """Check every row, then write them; raises ImportRejected, having written nothing, if any row is invalid."""
    with bulk_write_cache(conn):
        surveys = _valid_surveys(checks, unit_index(conn), now, conn)
        return _write_surveys(conn, surveys, progress)


def _valid_surveys(checks: Checks, units: pd.DataFrame, now: pd.Timestamp, conn: Connection) -> pd.DataFrame:
    """Columns named as in survey_responses; none dated inside a published summary of its unit."""
    table = schema.survey_responses.c
    response_id = checks.text("response_id", required=True, max_length=max_length(table.response_id))
    checks.unique("response_id", response_id)
    surveys = {
        "response_id": response_id,
        "submitted_at": checks.timestamp("submitted_at", required=True, now=now),
        "unit_id": checks.unit_ids("unit_code", units, require_active=True),
        "service": checks.text("service", required=False, max_length=max_length(table.service)),
        **{
            name: checks.whole_number(
                name, elements.MIN_ANSWER, elements.MAX_ANSWER, required=True, rule=ANSWER_RULE
            )
            for name in elements.ELEMENTS
        },
        "sex": checks.choice("sex", same(elements.SEXES), required=False),
        "age": checks.whole_number(
            "age", elements.MIN_AGE, elements.MAX_AGE, required=False,
            rule=f"age must be a whole number from {elements.MIN_AGE} to {elements.MAX_AGE}",
        ),
        "education": checks.choice("education", same(elements.EDUCATIONS), required=False),
        "occupation": checks.choice("occupation", same(elements.OCCUPATIONS), required=False),
        "channel": checks.choice("channel", same(elements.SURVEY_CHANNELS), required=False),
        "suggestion": checks.text("suggestion", required=False, max_length=MAX_TEXT_LENGTH),
    }
    flag_summarised(conn, checks, surveys["unit_id"], surveys["submitted_at"], "submitted_at")
    checks.raise_if_any()
    return pd.DataFrame(surveys)


def _write_surveys(conn: Connection, surveys: pd.DataFrame, progress: Progress) -> dict:
    """Insert questionnaires not yet stored (stored ones are immutable), then refresh the days they fall on."""
    table = schema.survey_responses
    is_new: list[bool] = []
    for done, chunk in chunks(surveys):
        keys = chunk["response_id"].tolist()
        stored = stored_keys(conn, table.c.response_id, keys)
        new = [key not in stored for key in keys]
        if any(new):
            insert_many(conn, table, chunk[new].assign(source="import"))
        is_new += new
        progress("surveys", done, len(surveys))
    added = surveys["submitted_at"][is_new]
    if len(added):
        refresh_for_instants(conn, added.min().to_pydatetime(), added.max().to_pydatetime())
    return {"added": len(added), "updated": 0, "unchanged": len(surveys) - len(added)}
