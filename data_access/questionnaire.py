"""What one SKM questionnaire may hold: the rules the survey form and the surveys import both check it by.

A questionnaire is the same whether a respondent sends it from a QR code or an admin imports it from paper, so one
function decides which values are refused; each caller only reports why in its own way (the form per field in the
respondent's language, the import as row, column, value and reason).
"""

from __future__ import annotations

from collections.abc import Mapping

from data_access import schema
from data_access.elements import (
    EDUCATIONS,
    ELEMENTS,
    MAX_AGE,
    MAX_ANSWER,
    MIN_AGE,
    MIN_ANSWER,
    OCCUPATIONS,
    SEXES,
    SURVEY_CHANNELS,
)
from data_access.text_characters import has_refused_characters

# The service received fills its column; a suggestion is a few sentences on the form, not a letter.
MAX_SERVICE_LENGTH: int = schema.survey_responses.c.service.type.length
MAX_SUGGESTION_LENGTH = 1_000
TEXT_LENGTHS = {"service": MAX_SERVICE_LENGTH, "suggestion": MAX_SUGGESTION_LENGTH}
# Texts of several sentences, which may hold line breaks and tabs (data_access.text_characters).
FREE_TEXTS = frozenset({"suggestion"})
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "sex": SEXES,
    "education": EDUCATIONS,
    "occupation": OCCUPATIONS,
    "channel": SURVEY_CHANNELS,
}
# The ages a respondent may give (years, both included): the form's message states them.
AGE_LIMITS = (MIN_AGE, MAX_AGE)
# Every field, in the order a respondent fills them in; only the nine answers are required.
FIELDS = (*ELEMENTS, "sex", "age", "education", "occupation", "channel", "service", "suggestion")

# Why a value is refused; the form shows each as survey.problem.<reason> (components/i18n.py).
ANSWER_RANGE = "answer_range"
AGE_RANGE = "age_range"
NOT_ALLOWED = "not_allowed"
TOO_LONG = "too_long"
CONTROL_CHARACTERS = "control_characters"


def field_problem(field: str, value: object) -> str | None:
    """Why the field may not hold this value (a reason above), or None; None as the value means "not given".

    Answers and age must be ints (bool is no answer); vocabulary words and texts, str."""
    if field in ELEMENTS:
        return None if _whole_between(value, MIN_ANSWER, MAX_ANSWER) else ANSWER_RANGE
    if field not in FIELDS:
        raise ValueError(f"not a questionnaire field: {field!r}")
    if value is None:
        return None
    if field == "age":
        return None if _whole_between(value, *AGE_LIMITS) else AGE_RANGE
    if field in VOCABULARIES:
        return None if value in VOCABULARIES[field] else NOT_ALLOWED
    if len(value) > TEXT_LENGTHS[field]:
        return TOO_LONG
    return CONTROL_CHARACTERS if has_refused_characters(value, free_text=field in FREE_TEXTS) else None


def questionnaire_problems(values: Mapping[str, object]) -> list[tuple[str, str]]:
    """(field, reason) for every field whose value is refused; a field absent from values is not given."""
    return [(field, reason) for field in FIELDS if (reason := field_problem(field, values.get(field))) is not None]


def _whole_between(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
