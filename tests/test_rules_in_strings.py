"""No rule inside a UI string: limits, thresholds and grade sets reach the texts as placeholders filled from their
one home in data_access, so a rule changed there changes every sentence that states it.

Each rule's value is written here as a sentence would state it ("5 hari kerja", "<5", "88,31", "A/B"). No text in
STRINGS may hold one of those literally, and the texts as their call sites fill them must still state the value.
Number words ("sembilan unsur", "empat jawaban") are wording and not checked; neither are the names of statistics
(95% confidence interval, 90th percentile), the per-10,000 rate's unit, or regulation numbers and years.
"""

import re

import pytest
import streamlit as st

from components import datasets, methodology, tiles
from components.formatting import fmt_number
from components.i18n import LANGUAGES, STRINGS, t
from components.leadership.frames import ombudsman_caption
from components.satisfaction import views
from data_access.complaint_rules import (
    DUE_SOON_WORKDAYS,
    FIRST_RESPONSE_LIMIT,
    MIN_COMPLAINTS_FOR_RANKING,
    TIER_LIMITS,
    VERIFICATION_LIMIT,
)
from data_access.config import targets
from data_access.elements import ELEMENTS, MAX_AGE, MAX_ANSWER, MIN_AGE, MIN_ANSWER
from data_access.ikm import GRADE_BANDS, GRADES, HIGHEST_SCORE, IKM_DECIMALS, LOWEST_SCORE, SCALE
from data_access.leadership import MIN_RESPONDENTS_TO_JUDGE, target_ikm
from data_access.ombudsman import FIRST_OPINION_YEAR, LAST_ZONE_YEAR
from data_access.perception import (
    FAST_WITHIN_LIMIT_PCT,
    SATISFIED_GRADES,
    SLOW_WITHIN_LIMIT_PCT,
    UNSATISFIED_GRADES,
)
from data_access.privacy import SMALL_COUNT_THRESHOLD
from data_access.sample import CHI_SQUARE, LARGE_POPULATION_MINIMUM, MARGIN, PROPORTION


def _number(value: float, decimals: int) -> list[str]:
    """A number as either language writes it: 88.31 and 88,31."""
    text = f"{value:.{decimals}f}"
    return [text, text.replace(".", ",")]


def _grade_set(grades: frozenset[str]) -> str:
    return "/".join(grade for grade in GRADES if grade in grades)


WORKDAY_LIMITS = sorted({VERIFICATION_LIMIT, FIRST_RESPONSE_LIMIT, DUE_SOON_WORKDAYS, *TIER_LIMITS.values()})
MINIMUM_COUNTS = sorted({SMALL_COUNT_THRESHOLD, MIN_COMPLAINTS_FOR_RANKING, MIN_RESPONDENTS_TO_JUDGE})
WORKDAYS = {"id": "hari kerja", "en": "working days"}
DECIMALS = {"id": "desimal", "en": "decimals"}
AT_LEAST = {"id": "minimal", "en": "at least"}
SCORE_RANGE = f"{LOWEST_SCORE}–{HIGHEST_SCORE}"
ANSWER_RANGE = f"{MIN_ANSWER}–{MAX_ANSWER}"

# Each rule's value as a sentence would state it, in either language.
LITERALS: dict[str, list[str]] = {
    "working-day limits": [f"{n} {unit}" for n in WORKDAY_LIMITS for unit in ("hari kerja", "working day")]
    + [f"{word} {n}" for n in WORKDAY_LIMITS for word in ("batas", "limit")],
    "minimum counts": [f"{words}{n}" for n in MINIMUM_COUNTS for words in
                       ("<", "< ", "di bawah ", "below ", "kurang dari ", "fewer than ", "minimal ", "at least ")],
    "grade bands": [text for lowest, _, _ in GRADE_BANDS for text in _number(lowest, IKM_DECIMALS)],
    "grade sets": [_grade_set(SATISFIED_GRADES), _grade_set(UNSATISFIED_GRADES), f"{GRADES[0]}–{GRADES[-1]}",
                   *(f"{grade} {label}" for _, grade, label in GRADE_BANDS)],
    "answer range": [ANSWER_RANGE, f"{MIN_ANSWER}-{MAX_ANSWER}"],
    "score scale": [SCORE_RANGE, f"× {SCALE}"],
    "rounding": [f"{IKM_DECIMALS} desimal", f"{IKM_DECIMALS} decimal"],
    "element count": [f"{len(ELEMENTS)} unsur", f"{len(ELEMENTS)} element"],
    "minimum sample": [*_number(CHI_SQUARE, 3), *_number(PROPORTION, 1), *_number(MARGIN, 2),
                       str(LARGE_POPULATION_MINIMUM)],
    "perception thresholds": [f"{FAST_WITHIN_LIMIT_PCT:g}%", f"{SLOW_WITHIN_LIMIT_PCT:g}%"],
    "Ombudsman band years": [str(year) for year in
                             (LAST_ZONE_YEAR, LAST_ZONE_YEAR + 1, FIRST_OPINION_YEAR - 1, FIRST_OPINION_YEAR)],
    "age range": [f"{MIN_AGE}–{MAX_AGE}"],
}
# Rules that only a family of strings states: a year is a band boundary only where the Ombudsman is explained (an
# example period "2025" elsewhere is not one).
SCOPES = {"Ombudsman band years": "ombudsman"}


def _states(text: str, literal: str) -> bool:
    """Whether text holds literal as a value of its own: "5 hari kerja" is not in "15 hari kerja", "25" not in
    "25,5", "A/B" not in "XA/B"."""
    return re.search(rf"(?<![\w.,]){re.escape(literal)}(?![\d]|[.,]\d)", text) is not None


@pytest.mark.parametrize("rule", LITERALS)
def test_no_ui_string_states_a_rule_literally(rule):
    found = [(key, lang, literal) for key, texts in STRINGS.items() if SCOPES.get(rule, "") in key
             for lang, text in texts.items() for literal in LITERALS[rule] if _states(text, literal)]
    assert not found, f"state these with a placeholder filled from the rule's constant: {found}"


def test_the_literal_check_catches_a_rule_written_back():
    assert _states("batas 5 hari kerja", f"{FIRST_RESPONSE_LIMIT} hari kerja")
    assert _states('"<5" berarti disembunyikan', f"<{SMALL_COUNT_THRESHOLD}")
    assert not _states("batas 15 hari kerja", "5 hari kerja")
    assert not _states("IKM 88,315", "88,31")


@pytest.fixture(params=LANGUAGES)
def lang(request, monkeypatch) -> str:
    monkeypatch.setitem(st.session_state, "lang", request.param)
    return request.param


def _rendered(lang: str) -> dict[str, tuple[str, list[str]]]:
    """Text as its call site fills it -> the rule values it must state. A call site inside a page is repeated here
    with the same constants; where the call site is a function, the function itself renders."""
    dictionary = datasets.full_dictionary()
    meanings = " | ".join(dictionary.iloc[:, 1])
    units = " | ".join(dictionary.iloc[:, 2])
    best, worst = GRADES[0], GRADES[-1]
    return {
        "home.ikm_help": (tiles._ikm_help(), [SCORE_RANGE]),
        "home.first_response_help": (t("home.first_response_help", limit=FIRST_RESPONSE_LIMIT),
                                     [f"{FIRST_RESPONSE_LIMIT} {WORKDAYS[lang]}"]),
        "ikm.intro": (t("ikm.intro", lowest=LOWEST_SCORE, highest=HIGHEST_SCORE), [SCORE_RANGE]),
        "ikm.ikm_help": (views._ikm_help(), [ANSWER_RANGE, f"× {SCALE}",
                                             *(fmt_number(lowest, IKM_DECIMALS) for lowest, _, _ in GRADE_BANDS[:-1])]),
        "ikm.perception.intro": (
            t("ikm.perception.intro", limit=FIRST_RESPONSE_LIMIT, min=MIN_COMPLAINTS_FOR_RANKING,
              slow=fmt_number(SLOW_WITHIN_LIMIT_PCT), fast=fmt_number(FAST_WITHIN_LIMIT_PCT),
              satisfied=views._grade_set(SATISFIED_GRADES), unsatisfied=views._grade_set(UNSATISFIED_GRADES)),
            [_grade_set(SATISFIED_GRADES), _grade_set(UNSATISFIED_GRADES), f"{FIRST_RESPONSE_LIMIT} {WORKDAYS[lang]}",
             f"{FAST_WITHIN_LIMIT_PCT:g}%", f"{SLOW_WITHIN_LIMIT_PCT:g}%"]),
        "lead.ombudsman.caption": (ombudsman_caption(),
                                   [str(LAST_ZONE_YEAR), f"{LAST_ZONE_YEAR + 1}–{FIRST_OPINION_YEAR - 1}",
                                    str(FIRST_OPINION_YEAR)]),
        "data.col.range_100, data.col.range_4": (" | ".join(methodology.bands_table().columns),
                                                 [f"× {SCALE}", ANSWER_RANGE]),
        "data.col.answers": (" | ".join(methodology.elements_table().columns), [ANSWER_RANGE]),
        "data.m.ikm.body": (t("data.m.ikm.body", n=len(ELEMENTS), scale=SCALE, decimals=IKM_DECIMALS, low=MIN_ANSWER,
                              high=MAX_ANSWER), [ANSWER_RANGE, f"× {SCALE}"]),
        "data.m.ci.body": (t("data.m.ci.body", lowest=LOWEST_SCORE, highest=HIGHEST_SCORE), [SCORE_RANGE]),
        "data.m.slipping.body": (methodology.slipping_text(),
                                 [fmt_number(target_ikm(targets()), IKM_DECIMALS),
                                  f"{AT_LEAST[lang]} {MIN_RESPONDENTS_TO_JUDGE}"]),
        "data.dict.* meanings": (meanings, [f'"<{SMALL_COUNT_THRESHOLD}"', f"× {SCALE}",
                                            f"{IKM_DECIMALS} {DECIMALS[lang]}", f"{best} {t(f'grade.{best}')}",
                                            f"{worst} {t(f'grade.{worst}')}", f"{best}–{worst}"]),
        "data.unit.*": (units, [SCORE_RANGE, f"{best}–{worst}"]),
    }


def test_the_texts_as_filled_state_each_rule_value(lang):
    for key, (text, values) in _rendered(lang).items():
        for value in values:
            assert _states(text, value), (key, lang, value, text)
        assert "{" not in text, (key, lang, text)
