"""The Data page's explanations: the data dictionary and the methodology, every number read from its one source.

Each column's meaning and unit come from its table's declaration (components/table.py); methodology tables are
computed by the domain modules themselves (grade bands, minimum samples, the holiday calendar, time limits), never
restated here.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components import data
from components.complaints.frames import label
from components.formatting import fmt_date, fmt_number, fmt_quarter, running_label
from components.i18n import STRINGS, t
from data_access.clock import today_wib
from data_access.complaint_rules import (
    CATEGORIES,
    CHANNELS,
    CLASSIFICATIONS,
    CLOSED_STATUSES,
    DUE_SOON_WORKDAYS,
    FIRST_RESPONSE_LIMIT,
    MIN_COMPLAINTS_FOR_RANKING,
    STATUSES,
    TIER_LIMITS,
    TIERS,
    VERIFICATION_LIMIT,
)
from data_access.config import include_cuti_bersama, targets
from data_access.elements import (
    ANSWER_LABELS,
    EDUCATIONS,
    ELEMENT_NAMES,
    ELEMENTS,
    MAX_ANSWER,
    MIN_ANSWER,
    OCCUPATIONS,
    SEXES,
    SURVEY_CHANNELS,
)
from data_access.ikm import GRADE_BANDS, HIGHEST_SCORE, IKM_DECIMALS, LOWEST_SCORE, SCALE
from data_access.importers.columns import (
    COMPLAINT_COLUMNS,
    PRIVATE_COLUMNS,
    SURVEY_COLUMNS,
    UNIT_COLUMNS,
    UNIT_OPTIONAL,
)
from data_access.leadership import MIN_RESPONDENTS_TO_JUDGE, target_ikm
from data_access.periods import graded_quarter, period_bounds, quarter_code
from data_access.privacy import (
    ADDRESS_TOKEN,
    EMAIL_TOKEN,
    NAME_TOKEN,
    NIK_TOKEN,
    PHONE_TOKEN,
    SMALL_COUNT_THRESHOLD,
)
from data_access.reference import REGION_CODES, UNIT_KINDS
from data_access.sample import (
    CHI_SQUARE,
    LARGE_POPULATION_MINIMUM,
    MARGIN,
    PROPORTION,
    minimum_sample,
)
from data_access.workdays import holiday_calendar

# The importers' public fields (README "formats"); the free text they may hold is never published.
SOURCE_FIELDS: dict[str, tuple[str, ...]] = {
    "units": UNIT_COLUMNS + UNIT_OPTIONAL,
    "surveys": tuple(c for c in SURVEY_COLUMNS if c not in PRIVATE_COLUMNS),
    "complaints": tuple(c for c in COMPLAINT_COLUMNS if c not in PRIVATE_COLUMNS),
}
# Fields whose allowed values are a fixed vocabulary, listed beside their meaning.
FIELD_VALUES: dict[tuple[str, str], tuple[str, ...]] = {
    ("units", "kind"): UNIT_KINDS, ("units", "region_code"): REGION_CODES,
    ("surveys", "sex"): SEXES, ("surveys", "education"): EDUCATIONS, ("surveys", "occupation"): OCCUPATIONS,
    ("surveys", "channel"): SURVEY_CHANNELS,
    ("complaints", "channel"): CHANNELS, ("complaints", "classification"): CLASSIFICATIONS,
    ("complaints", "category"): CATEGORIES, ("complaints", "tier"): TIERS, ("complaints", "status"): STATUSES,
}
# Population sizes shown in the sample-size table: rows of the published table, which the formula reproduces.
SAMPLE_EXAMPLES: tuple[int, ...] = (50, 100, 150, 500, 1_000, 5_000, 10_000, 1_000_000)


# ------------------------------------------------------------------------------------------- dictionary


def source_fields_table() -> pd.DataFrame:
    """The public fields of the import files, with their meaning; allowed values read from the domain modules."""
    rows = []
    for source, fields in SOURCE_FIELDS.items():
        for name in fields:
            if name in ELEMENTS:
                text = t("data.field.element", name=ELEMENT_NAMES[name], low=MIN_ANSWER, high=MAX_ANSWER)
            else:
                specific = f"data.field.{source}.{name}"
                key = specific if specific in STRINGS else f"data.field.{name}"
                text = t(key, values=", ".join(FIELD_VALUES.get((source, name), ())))
            rows.append({t("data.col.file"): t(f"source.{source}"), t("data.col.field"): name,
                         t("data.col.meaning"): text})
    return pd.DataFrame(rows)


# ------------------------------------------------------------------------------------------ methodology


def bands_table() -> pd.DataFrame:
    """GRADE_BANDS with each band's upper end (the next band's lowest minus one hundredth) on both scales."""
    step = 10 ** -IKM_DECIMALS
    rows = []
    upper = 100.0
    for lowest, grade, _ in GRADE_BANDS:
        rows.append({t("ikm.col.grade"): grade, t("data.col.performance"): t(f"grade.{grade}"),
                     t("data.col.range_100", scale=SCALE): f"{fmt_number(lowest, 2)} – {fmt_number(upper, 2)}",
                     t("data.col.range_4", low=MIN_ANSWER, high=MAX_ANSWER):
                         f"{fmt_number(lowest / SCALE, 4)} – {fmt_number(upper / SCALE, 4)}"})
        upper = lowest - step
    return pd.DataFrame(rows)


def elements_table() -> pd.DataFrame:
    return pd.DataFrame([
        {t("data.col.key"): name, t("ikm.col.element"): ELEMENT_NAMES[name],
         t("data.col.answers", low=MIN_ANSWER, high=MAX_ANSWER):
             " · ".join(f"{value} {text}" for value, text in enumerate(ANSWER_LABELS[name], 1))}
        for name in ELEMENTS
    ])


def sample_table() -> pd.DataFrame:
    return pd.DataFrame([
        {t("data.col.population"): fmt_number(n), t("ikm.col.minimum"): fmt_number(minimum_sample(n))}
        for n in SAMPLE_EXAMPLES
    ])


def _constant(value: float) -> str:
    """A formula constant with exactly the decimals it is defined with (3.841, 0.5, 0.05), in the reader's style."""
    return fmt_number(value, len(str(value).partition(".")[2]))


def holidays_table(first: date, last: date) -> pd.DataFrame:
    """Non-working days between two dates as workdays.py counts them: national holidays and cuti bersama."""
    with_cuti = holiday_calendar(True)
    public = holiday_calendar(False)
    counted = with_cuti if include_cuti_bersama() else public
    return pd.DataFrame([
        {t("data.col.date"): fmt_date(day), t("data.col.name"): name,
         t("data.col.kind"): t("data.holiday.public" if day in public else "data.holiday.cuti")}
        for day, name in counted.items() if first.year <= day.year <= last.year
    ], columns=[t("data.col.date"), t("data.col.name"), t("data.col.kind")])


def limits_table() -> pd.DataFrame:
    rows = [{t("complaints.col.stage"): t("complaints.stage.verification"), t("complaints.col.limit"):
             VERIFICATION_LIMIT, t("data.col.clock"): t("data.clock.received")},
            {t("complaints.col.stage"): t("complaints.stage.first_response"), t("complaints.col.limit"):
             FIRST_RESPONSE_LIMIT, t("data.col.clock"): t("data.clock.verified")}]
    rows += [{t("complaints.col.stage"): t("complaints.stage.resolution_tier", tier=label("tier", tier)),
              t("complaints.col.limit"): limit, t("data.col.clock"): t("data.clock.verified")}
             for tier, limit in TIER_LIMITS.items()]
    return pd.DataFrame(rows)


def periods_text() -> str:
    """Which quarter grades use today (periods.graded_quarter on the newest data) and the running one's label."""
    today = today_wib()
    _, last = data.data_span()
    return t("data.m.periods.body", quarter=fmt_quarter(period_bounds(graded_quarter(today, last))[0]),
             running_quarter=fmt_quarter(period_bounds(quarter_code(today))[0]), running=running_label(today))


def slipping_text() -> str:
    """Pimpinan's slipping rule (leadership.unit_comparison) with the configured target and its respondent floor."""
    target = targets()
    return t("data.m.slipping.body", target=fmt_number(target_ikm(target), IKM_DECIMALS), grade=target.ikm_grade,
             min_n=MIN_RESPONDENTS_TO_JUDGE)


def _table(frame: pd.DataFrame) -> None:
    st.dataframe(frame, hide_index=True, width="stretch")


def methodology_sections() -> None:
    """Each rule in plain words, one expander each, so a phone scrolls past what it does not need."""
    with st.expander(t("data.m.ikm.title"), icon=":material/calculate:"):
        st.markdown(t("data.m.ikm.body", n=len(ELEMENTS), scale=SCALE, decimals=IKM_DECIMALS, low=MIN_ANSWER,
                      high=MAX_ANSWER))
        _table(bands_table())
    with st.expander(t("data.m.elements.title"), icon=":material/checklist:"):
        st.markdown(t("data.m.elements.body", n=len(ELEMENTS), low=MIN_ANSWER, high=MAX_ANSWER))
        _table(elements_table())
    with st.expander(t("data.m.sample.title"), icon=":material/groups:"):
        st.markdown(t("data.m.sample.body", chi2=_constant(CHI_SQUARE), p=_constant(PROPORTION), d=_constant(MARGIN),
                      largest=fmt_number(LARGE_POPULATION_MINIMUM)))
        _table(sample_table())
    with st.expander(t("data.m.ci.title"), icon=":material/straighten:"):
        st.markdown(t("data.m.ci.body", lowest=LOWEST_SCORE, highest=HIGHEST_SCORE))
    with st.expander(t("data.m.periods.title"), icon=":material/date_range:"):
        st.markdown(periods_text())
    with st.expander(t("data.m.slipping.title"), icon=":material/trending_down:"):
        st.markdown(slipping_text())
    with st.expander(t("data.m.summaries.title"), icon=":material/summarize:"):
        st.markdown(t("data.m.summaries.body", n=len(ELEMENTS), scale=SCALE, decimals=IKM_DECIMALS))
    with st.expander(t("data.m.workdays.title"), icon=":material/event_busy:"):
        rule = "data.m.workdays.cuti_on" if include_cuti_bersama() else "data.m.workdays.cuti_off"
        st.markdown(t("data.m.workdays.body") + "\n\n" + t(rule))
        first, last = data.data_span()
        if first is not None:
            st.caption(t("data.m.workdays.years", first=first.year, last=last.year))
            _table(holidays_table(first, last))
    with st.expander(t("data.m.limits.title"), icon=":material/timer:"):
        st.markdown(t("data.m.limits.body", due=DUE_SOON_WORKDAYS))
        _table(limits_table())
    with st.expander(t("data.m.missing.title"), icon=":material/history_toggle_off:"):
        closed = ", ".join(label("status", status) for status in CLOSED_STATUSES)
        st.markdown(t("data.m.missing.body", no_time=t("complaints.no_time"), closed=closed))
    with st.expander(t("data.m.km.title"), icon=":material/hourglass_bottom:"):
        st.markdown(t("data.m.km.body", min=MIN_COMPLAINTS_FOR_RANKING))
    with st.expander(t("data.m.privacy.title"), icon=":material/shield_person:"):
        st.markdown(t("data.m.privacy.body", n=SMALL_COUNT_THRESHOLD,
                      tokens=", ".join(f"`{token}`" for token in
                                       (NIK_TOKEN, PHONE_TOKEN, EMAIL_TOKEN, ADDRESS_TOKEN, NAME_TOKEN))))
