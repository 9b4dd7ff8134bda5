"""Sections of the survey form (app_pages/survei.py): which unit it is about, the questionnaire, and the answer to a
submission — thanks and what happens next, a refusal with how long to wait, or every problem found.

The suggestion a respondent types is never displayed back: not on the thank-you screen, nowhere public.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.errors import log_failure
from components.i18n import t
from components.plain_text import escape_markdown
from components.survey import figures as survey_data
from data_access import clock
from data_access.elements import EDUCATIONS, ELEMENTS, OCCUPATIONS, SEXES
from data_access.filters import Filters, InvalidFilter
from data_access.questionnaire import AGE_LIMITS, FIELDS, MAX_SERVICE_LENGTH, MAX_SUGGESTION_LENGTH
from data_access.survey_intake import (
    SAME_UNIT_COOLDOWN,
    InvalidSubmission,
    Submission,
    retry_after,
    throttle_reason,
)

UNIT_PARAM = "unit"
# The regulation's sample questionnaire asks sarana 8th and pengaduan 9th; answers are keyed by element name.
QUESTION_ORDER: tuple[str, ...] = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku",
                                   "sarana", "pengaduan")
ANSWERS = (1, 2, 3, 4)
# The unit this session has just been thanked for, and the submit button (True in the run its tap starts).
THANKED_KEY = "survey.thanked"
SEND_KEY = "survey.send"
# Three digits: any age anyone types, so that the questionnaire's rules, not the browser, judge it.
WIDGET_AGE_CEILING = 999
# The unit picked from the list (the link named none): such questionnaires come through the web, not a QR code.
CHOSEN_KEY = "survey.chosen"
# Problems are listed as the form shows the fields: the unit, the nine questions, then the profile.
PROBLEM_ORDER: tuple[str, ...] = ("unit", *QUESTION_ORDER, *(name for name in FIELDS if name not in ELEMENTS))
# Counts the lists of problems shown, so that each one moves the focus again (an unchanged script is not rerun).
FOCUS_COUNT_KEY = "survey.focus_count"


def _widget_key(name: str) -> str:
    return f"survey.{name}"


# ------------------------------------------------------------------------------------------------- the unit


def _choose_unit(message: str) -> dict | None:
    """A friendly word and a list of every active unit, for people who reached the form without a good link."""
    st.info(message, icon=":material/qr_code_2:")
    names = {unit["code"]: f"{unit['name']} · {t('region.' + unit['region_code'])}"
             for unit in survey_data.active_units()}
    code = st.selectbox(t("survey.unit.choose"), list(names), index=None, placeholder=t("survey.unit.placeholder"),
                        format_func=names.get, key="survey.unit_choice")
    if code is None:
        return None
    st.query_params[UNIT_PARAM] = code  # the address now names the unit, as a poster's link would
    st.session_state[CHOSEN_KEY] = code  # not reached by the unit's QR code: stored with channel 'web'
    return survey_data.active_unit_detail(code)


def requested_unit() -> dict | None:
    """The active unit named by ?unit=CODE; when the code is missing, malformed or unknown, a friendly word and a
    list to choose the unit from (None until one is chosen)."""
    raw = st.query_params.get(UNIT_PARAM, "").strip()
    if not raw:
        return _choose_unit(t("survey.unit.missing"))
    try:
        code = Filters(unit=raw.upper()).unit
    except InvalidFilter:
        return _choose_unit(t("survey.unit.invalid"))
    detail = survey_data.active_unit_detail(code)
    if detail is None:
        return _choose_unit(t("survey.unit.unknown", code=code))
    return detail


def unit_line(unit: dict) -> None:
    st.markdown(t("survey.unit_line", name=escape_markdown(unit["name"]), region=t(f"region.{unit['region_code']}")))


# --------------------------------------------------------------------------------------------- the answer


def thanked(unit: dict) -> bool:
    """After an accepted submission: thanks and what happens next (never the suggestion itself)."""
    if st.session_state.get(THANKED_KEY) != unit["code"]:
        return False
    st.success(t("survey.thanks", name=escape_markdown(unit["name"])), icon=":material/task_alt:")
    st.markdown(t("survey.next"))
    st.page_link("app_pages/unit.py", label=t("survey.see_unit"), icon=":material/storefront:",
                 query_params={"unit": unit["code"]})
    st.page_link("app_pages/beranda.py", label=t("survey.see_home"), icon=":material/home:")
    return True


def _minutes(wait: timedelta) -> int:
    return max(1, math.ceil(wait.total_seconds() / 60))


def _field_name(name: str) -> str:
    if name in QUESTION_ORDER:
        return t("survey.question_ref", name=t(f"ikm.element.{name}"), n=QUESTION_ORDER.index(name) + 1)
    labels = {"sex": "survey.sex", "age": "survey.age", "education": "survey.education",
              "occupation": "survey.occupation", "service": "survey.service", "suggestion": "survey.suggestion",
              "channel": "survey.problem.channel"}
    return t(labels[name]) if name in labels else name


def _problem_text(name: str, reason: str, answers: dict[str, int | None]) -> str:
    if reason == "answer_range" and answers.get(name) is None:
        reason = "answer_missing"
    low, high = AGE_LIMITS
    values = {"field": _field_name(name), "min": low, "max": high}
    if reason == "too_long":
        values["max"] = MAX_SUGGESTION_LENGTH if name == "suggestion" else MAX_SERVICE_LENGTH
    return t(f"survey.problem.{reason}", **values)


def _refusal(unit: dict, now: datetime) -> str | None:
    """Why this browser must wait before answering for this unit again, and for how long; None when it need not."""
    history = survey_data.recent_submissions(now)
    reason = throttle_reason(history, unit["code"], now)
    if reason is None:
        return None
    return t(f"survey.throttle.{reason}", wait=_minutes(retry_after(history, unit["code"], now)),
             cooldown=int(SAME_UNIT_COOLDOWN.total_seconds() // 60))


def must_wait(unit: dict) -> bool:
    """Instead of the form, when this browser has just answered (same unit, or a burst): how long to wait. Checked
    before the form is filled in, and again when a form sent from another tab meanwhile arrives."""
    refusal = _refusal(unit, clock.now())
    if refusal:
        sent = st.session_state.get(SEND_KEY)
        st.warning(f"{refusal} {t('survey.throttle.not_stored')}" if sent else refusal,
                   icon=":material/hourglass_top:")
    return refusal is not None


def _send(unit: dict, submission: Submission, answers: dict[str, int | None], answer_slot) -> None:
    """Refuse (this browser has just answered), store and thank, or list every problem; nothing is stored unless
    all is well. The throttle is checked once more right before storing. When the database is down, say that the
    answers were not stored and are kept for sending again. Every answer but the thanks goes into answer_slot,
    beside the send button the respondent has just tapped."""
    now = clock.now()
    refusal = _refusal(unit, now)
    if refusal:
        answer_slot.warning(f"{refusal} {t('survey.throttle.not_stored')}", icon=":material/hourglass_top:")
        return
    try:
        survey_data.submit(submission, now)
    except SQLAlchemyError as error:
        # Nothing was stored (one transaction); the form is still on screen with every answer, ready to send again.
        log_failure(error)
        answer_slot.warning(t("faults.survey_not_stored", button=t("survey.submit")), icon=":material/cloud_off:")
        return
    except InvalidSubmission as refused:
        order = {name: number for number, name in enumerate(PROBLEM_ORDER)}
        problems = sorted(refused.problems, key=lambda problem: order.get(problem[0], len(order)))
        lines = [f"- {_problem_text(name, reason, answers)}" for name, reason in problems]
        answer_slot.warning("\n".join([t("survey.problems"), "", *lines, "", t("survey.problems_kept")]),
                            icon=":material/edit_note:")
        fields = [name for name, _ in problems if name in PROBLEM_ORDER and name != "unit"]
        if fields:
            _focus(answer_slot, fields[0])
        return
    survey_data.remember_submission(unit["code"], now)
    st.session_state[THANKED_KEY] = unit["code"]
    st.rerun()


def _focus(slot, name: str) -> None:
    """Bring the field of the first problem into view and focus it: on a phone it lies above the screen, and the
    list beside the button says what to fix. Streamlit marks a keyed widget with the class st-key-<key>, every
    character but letters, digits, - and _ made a -."""
    st.session_state[FOCUS_COUNT_KEY] = st.session_state.get(FOCUS_COUNT_KEY, 0) + 1
    target = "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", _widget_key(name))
    slot.html(
        f"""<script data-run="{st.session_state[FOCUS_COUNT_KEY]}">
        setTimeout(() => {{
          const field = document.querySelector(".{target}");
          if (!field) return;
          field.scrollIntoView({{block: "center"}});
          const control = field.querySelector("input, textarea, button");
          if (control) control.focus({{preventScroll: true}});
        }}, 100);
        </script>""",
        unsafe_allow_javascript=True,
    )


# ------------------------------------------------------------------------------------------ the questionnaire


def _labels(prefix: str, values) -> dict:
    """Option labels in the language of this run (a format_func must not depend on when it is called)."""
    return {value: t(f"{prefix}.{value}") for value in values}


def _question(number: int, name: str) -> int | None:
    return st.pills(
        t("survey.question_label", n=number, question=t(f"survey.question.{name}")),
        ANSWERS,
        format_func=_labels("survey.answer." + name, ANSWERS).get,
        key=_widget_key(name),
    )


def _text(value: str | None) -> str | None:
    return (value.strip() or None) if value else None


def questionnaire(unit: dict) -> None:
    """The nine questions (one tap each, none preselected), the optional profile, service and suggestion; one
    submit sends everything."""
    st.caption(t("survey.intro"))
    with st.form("survey.form", border=False, enter_to_submit=False):
        st.header(t("survey.questions"))  # h2 under the page's h1: headings go down one level
        st.caption(t("survey.questions_note"))
        answers = {name: _question(number, name) for number, name in enumerate(QUESTION_ORDER, start=1)}
        st.header(t("survey.profile"))
        st.caption(t("survey.profile_note"))
        sex = st.pills(t("survey.sex"), SEXES, format_func=_labels("ikm.profile.sex", SEXES).get,
                       key=_widget_key("sex"))
        # The widget's own bounds only keep out what no age can be (without them it writes JavaScript's largest
        # integer, a 16-digit number, into the page): an age the rules refuse (AGE_LIMITS) must still reach them,
        # or the browser would refuse it with its own English message at the field and send the form without it.
        age = st.number_input(t("survey.age"), value=None, step=1, min_value=0, max_value=WIDGET_AGE_CEILING,
                              placeholder="{}–{}".format(*AGE_LIMITS), key=_widget_key("age"))
        education = st.pills(t("survey.education"), EDUCATIONS, format_func=_labels("survey.education", EDUCATIONS).get,
                             key=_widget_key("education"))
        occupation = st.pills(t("survey.occupation"), OCCUPATIONS,
                              format_func=_labels("survey.occupation", OCCUPATIONS).get,
                              key=_widget_key("occupation"))
        service = st.text_input(t("survey.service"), max_chars=MAX_SERVICE_LENGTH,
                                placeholder=t("survey.service_placeholder"), key=_widget_key("service"))
        suggestion = st.text_area(t("survey.suggestion"), max_chars=MAX_SUGGESTION_LENGTH,
                                  placeholder=t("survey.suggestion_placeholder"), help=t("survey.suggestion_help"),
                                  key=_widget_key("suggestion"))
        answer_slot = st.container()  # right above the button: where the eyes are after tapping it
        sent = st.form_submit_button(t("survey.submit"), type="primary", icon=":material/send:", width="stretch",
                                     key=SEND_KEY)
    if sent:
        submission = Submission(
            unit_code=unit["code"],
            answers={name: value for name, value in answers.items() if value is not None},
            sex=sex,
            age=None if age is None else int(age),
            education=education,
            occupation=occupation,
            service=_text(service),
            suggestion=_text(suggestion),
            channel="web" if st.session_state.get(CHOSEN_KEY) == unit["code"] else "qr",
        )
        _send(unit, submission, answers, answer_slot)
