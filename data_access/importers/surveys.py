"""`import surveys`: questionnaires, one row each, checked by the same rules as the survey form
(data_access.questionnaire); stored questionnaires never change, so re-importing one adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection

from data_access import schema
from data_access.elements import ELEMENTS, MAX_AGE, MAX_ANSWER, MIN_AGE, MIN_ANSWER
from data_access.importers.checks import Checks, control_rule, loose, loose_key, max_length, spread, whole_numbers
from data_access.importers.columns import SURVEY_COLUMNS, SURVEY_OPTIONAL
from data_access.importers.reading import read_table
from data_access.importers.units import unit_index
from data_access.importers.writing import bulk_write_cache, chunks, insert_many, stored_keys
from data_access.progress import Progress
from data_access.questionnaire import (
    AGE_RANGE,
    ANSWER_RANGE,
    CONTROL_CHARACTERS,
    FREE_TEXTS,
    NOT_ALLOWED,
    TEXT_LENGTHS,
    VOCABULARIES,
    field_problem,
)
from data_access.rollups import refresh_for_instants
from data_access.summaries import flag_summarised

ANSWER_RULE = f"answer must be a whole number from {MIN_ANSWER} to {MAX_ANSWER}"


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
        "service": _questionnaire_field(checks, "service", _as_text),
        **{name: _questionnaire_field(checks, name, whole_numbers).astype("Int64") for name in ELEMENTS},
        "sex": _questionnaire_field(checks, "sex", _listed_words("sex")),
        "age": _questionnaire_field(checks, "age", whole_numbers).astype("Int64"),
        "education": _questionnaire_field(checks, "education", _listed_words("education")),
        "occupation": _questionnaire_field(checks, "occupation", _listed_words("occupation")),
        "channel": _questionnaire_field(checks, "channel", _listed_words("channel")),
        "suggestion": _questionnaire_field(checks, "suggestion", _as_text),
    }
    flag_summarised(conn, checks, surveys["unit_id"], surveys["submitted_at"], "submitted_at")
    checks.raise_if_any()
    return pd.DataFrame(surveys)


def _questionnaire_field(checks: Checks, field: str, parse: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """The field's values as the questionnaire takes them (parse reads each distinct cell once), refused ones
    flagged with the reason questionnaire.field_problem gives and returned missing."""
    cells = checks.column(field)
    codes, distinct = pd.factorize(cells)
    values = parse(pd.Series(distinct, dtype=cells.dtype))
    rules = values.map(lambda value: _rule(field, field_problem(field, value)))
    missing_rule = _rule(field, field_problem(field, None))
    refusals = spread(rules, codes, missing_rule and f"value is missing; {missing_rule}", cells.index)
    checks.flag(refusals.notna(), field, refusals)
    return spread(values, codes, None, cells.index).where(refusals.isna())


def _rule(field: str, reason: str | None) -> str | None:
    """A questionnaire's reason for refusing a value, in an admin's words with the limit it refers to."""
    if reason is None:
        return None
    if reason == ANSWER_RANGE:
        return ANSWER_RULE
    if reason == AGE_RANGE:
        return f"age must be a whole number from {MIN_AGE} to {MAX_AGE}"
    if reason == NOT_ALLOWED:
        return f"must be one of: {', '.join(VOCABULARIES[field])}"
    if reason == CONTROL_CHARACTERS:
        return control_rule(free_text=field in FREE_TEXTS)
    return f"text is longer than {TEXT_LENGTHS[field]:,} characters"


def _as_text(distinct: pd.Series) -> pd.Series:
    return distinct


def _listed_words(field: str) -> Callable[[pd.Series], pd.Series]:
    """Each cell as the vocabulary word it spells (case and separators aside: docs/formats.md), else as its text."""
    words = {loose_key(word): word for word in VOCABULARIES[field]}

    def parse(distinct: pd.Series) -> pd.Series:
        listed = loose(distinct).map(words)
        return listed.where(listed.notna(), distinct)

    return parse


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
