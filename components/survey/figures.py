"""The survey form's data: the narrow write path, the units a questionnaire can be about, and each browser's
recent submissions for the abuse limits (data_access.survey_intake.throttle_reason).

Public pages read through components.data's read-only engine; only this module opens an engine that writes, and it
can write nothing but questionnaires and their rollups (survey_intake.intake_engine): only
survey_intake.submit_questionnaire writes through it.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import datetime

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components import data
from components.satisfaction import figures as ikm_data
from data_access import clock, config, survey_intake
from data_access.survey_intake import BURST_WINDOW, SAME_UNIT_COOLDOWN, Submission

# Where this browser session's accepted submissions are kept: [(unit code, UTC time), ...].
HISTORY_KEY = "survey.history"
# The units this session's form has shown, by code: the form stays on screen while the database is down.
UNITS_SHOWN_KEY = "survey.units_shown"
# Streamlit's XSRF cookie lives until the browser closes and is the same in every tab and after a reload: it lets
# the limits follow the browser, not only the tab. Without it (XSRF protection off) they follow the tab.
BROWSER_COOKIE = "_streamlit_xsrf"
_REMEMBER = max(SAME_UNIT_COOLDOWN, BURST_WINDOW)
# At most this many browsers are remembered per server process; the oldest are forgotten first.
_MAX_BROWSERS = 20_000


@st.cache_resource(show_spinner=False)
def _intake_engine_for(url: str):
    return survey_intake.intake_engine(url)


def intake_engine():
    """The engine the survey form stores questionnaires through: it can write nothing else."""
    return _intake_engine_for(config.database_url())


def active_unit_detail(code: str) -> dict | None:
    """The unit's name and region when `code` is an active unit (checked in the database on every call), else None.

    While the database cannot be read, a unit this session's form has already shown is taken as it was, so that the
    answers being filled in stay on screen; storing them checks the unit again. Other units raise the error."""
    shown = st.session_state.setdefault(UNITS_SHOWN_KEY, {})
    try:
        if survey_intake.active_unit_id(data.public_engine(), code) is None:
            shown.pop(code, None)
            return None
        shown[code] = ikm_data.unit_detail(code)
    except SQLAlchemyError:
        if code not in shown:
            raise
    return shown[code]


# Every active unit (code, name, region_code), for choosing one when the link names none.
active_units = data.cached_figure(survey_intake.active_units, max_entries=4)


def submit(submission: Submission, now: datetime) -> str:
    """Store one questionnaire (raises survey_intake.InvalidSubmission); every page's next live refresh sees it."""
    response_id = survey_intake.submit_questionnaire(intake_engine(), submission, now)
    # Re-read the watermark now rather than when its short cache expires: the dashboards update sooner.
    data.forget_watermark()
    return response_id


# ----------------------------------------------------------------------------------------------- abuse limits


@st.cache_resource(show_spinner=False)
def _browser_histories() -> tuple[threading.Lock, dict[str, list[tuple[str, datetime]]]]:
    return threading.Lock(), {}


def _xsrf_token(cookie: str) -> bytes:
    """The browser's token inside Tornado's cookie "2|mask|token XOR mask|time" (the mask may change, the token
    does not); the whole cookie when it has another form."""
    parts = cookie.split("|")
    try:
        if len(parts) == 4 and parts[0] == "2":
            mask, masked = bytes.fromhex(parts[1]), bytes.fromhex(parts[2])
            return bytes(byte ^ mask[i % len(mask)] for i, byte in enumerate(masked))
    except ValueError:
        pass
    return cookie.encode()


def _browser_key() -> str | None:
    """A digest identifying this browser (not the person), or None when there is no cookie to go by."""
    try:
        cookie = st.context.cookies.get(BROWSER_COOKIE)
    except Exception:  # noqa: BLE001 - no browser behind this run (tests, scripts), whatever Streamlit raises then
        return None
    if not isinstance(cookie, str) or not cookie:
        return None
    return hashlib.sha256(_xsrf_token(cookie)).hexdigest()


def recent_submissions(now: datetime | None = None) -> list[tuple[str, datetime]]:
    """This browser's accepted submissions of the last minutes: the tab's own, and the other tabs' of the same
    browser when Streamlit's cookie identifies it."""
    now = now or clock.now()
    mine = list(st.session_state.get(HISTORY_KEY, []))
    key = _browser_key()
    if key:
        lock, histories = _browser_histories()
        with lock:
            mine += histories.get(key, [])
    return sorted({entry for entry in mine if now - entry[1] < _REMEMBER}, key=lambda entry: entry[1])


def remember_submission(unit_code: str, at: datetime) -> None:
    st.session_state.setdefault(HISTORY_KEY, []).append((unit_code, at))
    key = _browser_key()
    if not key:
        return
    lock, histories = _browser_histories()
    with lock:
        kept = [entry for entry in histories.pop(key, []) if at - entry[1] < _REMEMBER]
        histories[key] = [*kept, (unit_code, at)]  # re-inserted last: dicts keep insertion order
        while len(histories) > _MAX_BROWSERS:
            histories.pop(next(iter(histories)))
