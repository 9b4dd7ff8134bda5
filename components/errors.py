"""Database trouble shown as a plain notice in the user's language, never as a traceback, and the way back: a page
that showed the notice reruns by itself once the database answers again."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components import data
from components.i18n import t

# While the notice is up, the page asks the database this often whether it is back.
RECOVERY_POLL_SECONDS = 5
# The same failure is logged at most this often per server process (every open page meets it every few seconds).
LOG_EVERY_SECONDS = 60
# Whether a block of this run showed the notice, and whether the recovery poll itself has seen the database fail.
_OUTAGE_KEY = "errors.outage"
_POLL_FAILED_KEY = "errors.poll_failed"

_log = logging.getLogger(__name__)
_logged_at: dict[str, float] = {}
_log_lock = threading.Lock()


def log_failure(error: SQLAlchemyError) -> None:
    """Tell the administrator why (refused connection, "file is not a database", "permission denied" ...), once a
    minute per reason. Only the first line of the driver's message: PostgreSQL's DETAIL may quote a row's values."""
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    line = f"{type(error).__name__}: {reason[0] if reason else ''}"
    now = time.monotonic()
    with _log_lock:
        if now - _logged_at.get(line, -LOG_EVERY_SECONDS) < LOG_EVERY_SECONDS:
            return
        _logged_at[line] = now
    _log.warning("Database unavailable, the page shows its notice: %s", line)


@contextmanager
def database_guard() -> Iterator[None]:
    """Run a block; if the database fails, show the outage notice instead of the rest of the block.

    Fragments rerun on their own, outside dashboard.py's guard, so each live block wraps itself too."""
    try:
        yield
    except SQLAlchemyError as error:
        log_failure(error)
        # The next run reconnects by itself (pool_pre_ping) and re-reads the watermark.
        data.forget_watermark()
        st.session_state[_OUTAGE_KEY] = True
        st.warning(t("app.db_unavailable"), icon=":material/cloud_off:")


@contextmanager
def app_guard() -> Iterator[None]:
    """dashboard.py's guard around the whole page: database_guard, and when any block of this run showed the notice, a
    hidden poll that reruns the page once the database answers again, so that nobody has to reload or click."""
    st.session_state[_OUTAGE_KEY] = False
    with database_guard():
        yield
    if st.session_state[_OUTAGE_KEY]:
        _rerun_when_back()


@st.fragment(run_every=RECOVERY_POLL_SECONDS)
def _rerun_when_back() -> None:
    """Rerun the page when the watermark can be read again, but only after this poll has itself seen it fail: a
    block that fails while the database answers (a missing grant) must not make the page rerun for ever."""
    try:
        data.data_version()  # shared by the server's sessions: at most one query a second once it answers
    except SQLAlchemyError:
        st.session_state[_POLL_FAILED_KEY] = True
        return
    if st.session_state.pop(_POLL_FAILED_KEY, False):
        st.rerun()
