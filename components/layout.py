"""Page furniture shared by every page: language switch, region filter, demo banner, footer, error notices."""

from __future__ import annotations

import streamlit as st

from components.i18n import LANG_KEY, LANGUAGE_NAMES, LANGUAGES, t
from data_access.reference import REGION_CODES

REGION_KEY = "wilayah"


def language_switch() -> None:
    st.sidebar.segmented_control(
        t("app.language"), LANGUAGES, format_func=LANGUAGE_NAMES.get, key=LANG_KEY, default="id",
        bind="query-params", required=True,
    )


def region_filter() -> str | None:
    """The region chosen in the sidebar (bound to ?wilayah=35.14), or None for both."""
    return st.sidebar.pills(
        t("filter.region"), REGION_CODES, format_func=lambda code: t(f"region.{code}"), key=REGION_KEY,
        bind="query-params",
    )


def demo_banner() -> None:
    st.info(t("app.demo_banner"), icon=":material/science:")


def footer() -> None:
    st.divider()
    st.caption(t("app.footer"))
