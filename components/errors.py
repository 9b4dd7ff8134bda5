"""Database trouble shown as a plain notice in the user's language, never as a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components import data
from components.i18n import t


@contextmanager
def database_guard() -> Iterator[None]:
    """Run a block; if the database fails, show the outage notice instead of the rest of the block.

    Fragments rerun on their own, outside app.py's guard, so each live block wraps itself too."""
    try:
        yield
    except SQLAlchemyError:
        # The next run reconnects by itself (pool_pre_ping) and re-reads the watermark.
        data.forget_watermark()
        st.warning(t("app.db_unavailable"), icon=":material/cloud_off:")
