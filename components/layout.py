"""Page furniture shared by every page: language switch, region filter, demo banner, footer."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.i18n import DEFAULT_LANGUAGE, LANG_KEY, LANGUAGE_NAMES, LANGUAGES, t
from data_access.filters import REGION_PARAM as REGION_KEY
from data_access.reference import REGION_CODES

# The names of the query parameters the app reads: each registers itself when adopted or published (a fixed handful,
# the same in every session). A link to a view carries these alone, whatever else a visitor's address held.
_BOUND: set[str] = set()


def bound_query_params() -> dict[str, str]:
    """The address's parameters that the app reads, as {name: value} (for a repeated one, its last value)."""
    return {key: st.query_params.get(key) for key in st.query_params if key in _BOUND}


# Session state: {parameter: value} for each value the visitor chose, in a widget (remember_choice) or in the address
# (adopt_query_param). A chosen value carries over to every page that has the widget; any other value is a page's
# own default and stays on its page, so a page that defaults to the graded quarter does not open on the "all periods"
# another page merely defaulted to.
_CHOSEN = "_chosen_params"


def adopt_query_param(key: str, allowed: Sequence[str], default: str | None = None) -> None:
    """On a session's first run, set a widget's value from ?key=... when it is one of `allowed`, else default; a
    value the address names other than the default counts as the visitor's choice (chosen_value).

    Streamlit's own binding writes the displayed label into the URL, which changes with the language;
    we keep the stable code instead. Anything else in the URL is ignored.
    """
    _BOUND.add(key)
    if key in st.session_state:
        return
    value = st.query_params.get(key)
    if value in allowed and value != default:
        st.session_state.setdefault(_CHOSEN, {})[key] = value
    st.session_state[key] = value if value in allowed else default


def remember_choice(key: str) -> None:
    """A widget's on_change: the visitor chose its value, which then carries over between pages."""
    st.session_state.setdefault(_CHOSEN, {})[key] = st.session_state[key]


def chosen_value(key: str, default: str | None = None) -> str | None:
    """The value the visitor chose for ?key= (in a widget or in the address) in this session, else `default`."""
    return st.session_state.get(_CHOSEN, {}).get(key, default)


def publish_query_param(key: str, value: str | None, default: str | None = None) -> None:
    """Mirror a widget's value into the URL so the view can be shared; the default is left out."""
    _BOUND.add(key)
    if value is None or value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def language_switch() -> None:
    adopt_query_param(LANG_KEY, LANGUAGES, DEFAULT_LANGUAGE)
    lang = st.sidebar.segmented_control(
        t("app.language"), LANGUAGES, format_func=LANGUAGE_NAMES.get, key=LANG_KEY, required=True
    )
    publish_query_param(LANG_KEY, lang, DEFAULT_LANGUAGE)


def region_filter() -> str | None:
    """The region chosen in the sidebar (?wilayah=35.14), or None for both."""
    adopt_query_param(REGION_KEY, REGION_CODES)
    region = st.sidebar.pills(
        t("filter.region"), REGION_CODES, format_func=lambda code: t(f"region.{code}"), key=REGION_KEY
    )
    publish_query_param(REGION_KEY, region)
    return region


def demo_banner() -> None:
    st.info(t("app.demo_banner"), icon=":material/science:")


def footer() -> None:
    st.divider()
    st.caption(t("app.footer"))
