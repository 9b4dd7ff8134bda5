"""One questionnaire, one set of rules: the survey form and the surveys import refuse the same values, at the same
limits, each saying so in its own way."""

from __future__ import annotations

import pytest

from data_access.elements import ELEMENTS, MAX_AGE, MIN_AGE
from data_access.importers import import_file
from data_access.importers.problems import ImportRejected
from data_access.questionnaire import MAX_SERVICE_LENGTH, MAX_SUGGESTION_LENGTH, field_problem
from data_access.survey_intake import InvalidSubmission, Submission, submit_questionnaire
from tests.factories import add_unit, wib
from tests.test_importers import SURVEY_HEADER, survey, write_csv

FOURS = dict.fromkeys(ELEMENTS, 4)
NOW = wib(2025, 7, 1, 9)

# (field, value): the form is given the value, the file the same value written as a cell.
REFUSED = [
    ("waktu", 7),
    ("waktu", 0),
    ("age", MIN_AGE - 1),
    ("age", MAX_AGE + 1),
    ("sex", "X"),
    ("education", "SD"),
    ("occupation", "Petani"),
    ("channel", "sms"),
    ("service", "x" * (MAX_SERVICE_LENGTH + 1)),
    ("suggestion", "x" * (MAX_SUGGESTION_LENGTH + 1)),
    # Control characters (data_access.text_characters): ESC, DEL and a C1 control anywhere; a one-line service
    # may not hold a tab or a line break either.
    ("suggestion", "Antrean \x1b[31mlama"),
    ("suggestion", "Antrean\x7f lama"),
    ("service", "KTP\x85elektronik"),
    ("service", "KTP\telektronik"),
    ("service", "KTP\nelektronik"),
]
ACCEPTED = [
    ("waktu", 1),
    ("age", MIN_AGE),
    ("age", MAX_AGE),
    ("occupation", "Pelajar/Mahasiswa"),
    ("channel", "petugas"),
    ("service", "x" * MAX_SERVICE_LENGTH),
    ("suggestion", "x" * MAX_SUGGESTION_LENGTH),
    ("suggestion", "Antrean lama.\nPetugas ramah.\r\n\tTerima kasih"),
]


def _form(engine, field: str, value) -> list[str]:
    """The fields the form refuses when this value is submitted."""
    submission = (Submission("3575-MPP", {**FOURS, field: value}) if field in ELEMENTS
                  else Submission("3575-MPP", FOURS, **{field: value}))
    try:
        submit_questionnaire(engine, submission, NOW)
    except InvalidSubmission as refused:
        return [name for name, _ in refused.problems]
    return []


def _file(engine, tmp_path, field: str, value) -> list[str]:
    """The columns the surveys import refuses when a file's only row holds this value."""
    path = write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, [survey("R-1", **{field: str(value)})])
    try:
        import_file(engine, "surveys", path)
    except ImportRejected as rejected:
        return [problem.column for problem in rejected.problems]
    return []


@pytest.mark.parametrize(("field", "value"), REFUSED)
def test_the_form_and_the_import_refuse_the_same_value(engine, tmp_path, field, value):
    add_unit(engine, "3575-MPP", kind="mpp")
    assert field_problem(field, value) is not None
    assert _form(engine, field, value) == [field]
    assert _file(engine, tmp_path, field, value) == [field]


@pytest.mark.parametrize(("field", "value"), ACCEPTED)
def test_the_form_and_the_import_accept_the_same_limits(engine, tmp_path, field, value):
    add_unit(engine, "3575-MPP", kind="mpp")
    assert field_problem(field, value) is None
    assert _form(engine, field, value) == []
    assert _file(engine, tmp_path, field, value) == []


def test_a_missing_answer_is_refused_and_missing_profile_fields_are_not():
    assert field_problem("waktu", None) == "answer_range"
    assert [field_problem(name, None) for name in ("sex", "age", "education", "occupation", "channel", "service",
                                                   "suggestion")] == [None] * 7
