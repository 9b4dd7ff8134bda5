"""Chart frames, words and takeaway sentences of the satisfaction pages, built from data_access figures without
Streamlit calls.

Each chart gets a frame with fixed column names to draw; its table is declared in components/satisfaction/tables.py.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from components.formatting import fmt_number, fmt_pct, running_label
from components.i18n import t
from data_access.clock import today_wib
from data_access.complaint_rules import MIN_COMPLAINTS_FOR_RANKING
from data_access.elements import (
    AGE_GROUPS,
    EDUCATIONS,
    ELEMENTS,
    OCCUPATIONS,
    SEXES,
    SURVEY_CHANNELS,
)
from data_access.ikm import GRADE_BANDS, IkmResult
from data_access.perception import FAST_BUT_UNSATISFIED, SATISFIED_BUT_SLOW
from data_access.periods import is_running

# Order of the perception flags in legends and tables: disagreements first.
FLAGS: tuple[str | None, ...] = (SATISFIED_BUT_SLOW, FAST_BUT_UNSATISFIED, None)
PROFILE_ORDER: dict[str, tuple[str, ...]] = {
    "sex": SEXES,
    "age_group": tuple(label for _, _, label in AGE_GROUPS),
    "education": EDUCATIONS,
    "occupation": OCCUPATIONS,
    "channel": SURVEY_CHANNELS,
}
# Profile dimensions whose stored keys are codes rather than the words people use.
_CODED_DIMENSIONS = ("sex", "channel")


def ikm_text(value: float | None) -> str:
    return fmt_number(value, 2)


def grade_text(grade: str) -> str:
    """'Mutu B · Baik': the letter always beside the word."""
    return t("home.grade", grade=grade, label=t(f"grade.{grade}"))


def ci_text(ci95) -> str:
    if not ci95:
        return "–"
    return f"{ikm_text(ci95[0])}–{ikm_text(ci95[1])}"


def ci_line(ci95, summary_respondents: int) -> str:
    """The confidence-interval line, or why there is none when published summaries are pooled in."""
    if summary_respondents:
        return t("ikm.ci_none_summary", n=fmt_number(summary_respondents))
    return t("ikm.ci_line", ci=ci_text(ci95))


def bands_text() -> str:
    """'A ≥ 88,31 · B ≥ 76,61 · C ≥ 65,00 · D < 65,00', from ikm.GRADE_BANDS."""
    parts = [f"{grade} ≥ {ikm_text(lowest)}" for lowest, grade, _ in GRADE_BANDS[:-1]]
    parts.append(f"{GRADE_BANDS[-1][1]} < {ikm_text(GRADE_BANDS[-2][0])}")
    return " · ".join(parts)


def element_label(name: str) -> str:
    return t(f"ikm.element.{name}")


def sample_text(status: str) -> str:
    return t(f"ikm.sample.{status}")


def period_label(period: str) -> str:
    """'2025-03' -> 'Mar 2025'; '2025-Q1' -> 'TW1 2025' (short enough for a phone's axis)."""
    year, part = period.split("-")
    if part.startswith("Q"):
        return t("ikm.quarter_short", q=part[1], year=year)
    return f"{t(f'month.{int(part)}')} {year}"


# ------------------------------------------------------------------------------------------------ elements


def element_frame(scores: dict[str, float], grades: dict[str, str]) -> pd.DataFrame:
    """The nine elements in the regulation's order: element label, ikm, grade, text ('81,47 B')."""
    return pd.DataFrame(
        [{"key": name, "element": element_label(name), "ikm": scores[name], "grade": grades[name],
          "text": f"{ikm_text(scores[name])} {grades[name]}"} for name in ELEMENTS]
    )


def element_scores(result: IkmResult) -> tuple[dict[str, float], dict[str, str]]:
    """An IkmResult's element scores and grades, shaped like an ikm_by_unit row's."""
    return ({name: score.ikm for name, score in result.elements.items()},
            {name: score.grade for name, score in result.elements.items()})


def elements_takeaway(frame: pd.DataFrame, weakest: str) -> str:
    if frame["ikm"].nunique() == 1:
        return t("ikm.elements.all_equal", score=ikm_text(frame["ikm"].iloc[0]), grade=frame["grade"].iloc[0])
    weakest_row = frame.set_index("key").loc[weakest]
    strongest = frame.loc[frame["ikm"].idxmax()]
    return t("ikm.elements.takeaway", weakest=weakest_row["element"], score=ikm_text(weakest_row["ikm"]),
             grade=weakest_row["grade"], strongest=strongest["element"], best=ikm_text(strongest["ikm"]),
             best_grade=strongest["grade"])


def weakest_text(scores: dict[str, float], grades: dict[str, str], weakest: str) -> str:
    return t("ikm.weakest_text", element=element_label(weakest), score=ikm_text(scores[weakest]),
             grade=grades[weakest])


# --------------------------------------------------------------------------------------------------- trend


def trend_frame(points: list[dict], series_names: dict[str, str] | None = None) -> pd.DataFrame:
    """Chart rows for ikm_trend points; with series_names (region code -> name) one series per region. 'running'
    marks a month or quarter that has not ended: drawn apart, and never the end of a comparison."""
    today = today_wib()
    rows = []
    for point in points:
        ci = point["ci95"] or [None, None]
        running = is_running(point["period"], today)
        row = {"period": period_label(point["period"]), "ikm": point["ikm"], "grade": point["grade"],
               "ci_low": ci[0], "ci_high": ci[1], "respondents": point["respondents"],
               "summary_respondents": point["summary_respondents"],
               "ikm_text": ikm_text(point["ikm"]), "respondents_text": fmt_number(point["respondents"]),
               "running": running, "status": running_label(today) if running else t("period.complete")}
        if series_names is not None:
            row["series"] = series_names[point["region_code"]]
        rows.append(row)
    columns = ["period", "ikm", "grade", "ci_low", "ci_high", "respondents", "summary_respondents", "ikm_text",
               "respondents_text", "running", "status"]
    return pd.DataFrame(rows, columns=columns + (["series"] if series_names is not None else []))


def _running_sentence(frame: pd.DataFrame) -> str:
    """What the running period holds so far, said as provisional; '' when none is running."""
    running = frame[frame["running"]]
    if running.empty:
        return ""
    last = running.iloc[-1]
    return t("ikm.trend.running", period=last["period"], running=last["status"], ikm=ikm_text(last["ikm"]),
             n=last["respondents_text"])


def trend_takeaway(frame: pd.DataFrame) -> str:
    """How IKM moved from the first complete period to the last (one series); a running period is only said as
    provisional, never compared."""
    complete = frame[~frame["running"]]
    running = _running_sentence(frame)
    if complete.empty:
        return running
    first, last = complete.iloc[0], complete.iloc[-1]
    values = {"first": ikm_text(first["ikm"]), "first_period": first["period"], "last": ikm_text(last["ikm"]),
              "last_period": last["period"], "grade": last["grade"]}
    if len(complete) == 1:
        sentence = t("ikm.trend.single", **values)
    else:
        direction = "up" if last["ikm"] > first["ikm"] else "down" if last["ikm"] < first["ikm"] else "flat"
        sentence = t(f"ikm.trend.{direction}", **values)
    return f"{sentence} {running}".strip()


def regions_takeaway(frame: pd.DataFrame) -> str:
    """The latest complete period of each region, side by side (the running one only if nothing has ended)."""
    complete = frame[~frame["running"]]
    basis = frame if complete.empty else complete
    period = basis["period"].iloc[-1]
    latest = basis[basis["period"] == period]
    parts = [f"{row.series} {ikm_text(row.ikm)} ({row.grade})" for row in latest.itertuples()]
    if complete.empty:
        period = f"{period} ({latest['status'].iloc[0]})"
    return t("ikm.regions.takeaway", period=period, figures="; ".join(parts))


# ---------------------------------------------------------------------------------------------------- units


def ranking_frame(ranked: list[dict], per_end: int) -> pd.DataFrame:
    """Chart rows of the ranked units: all of them, or the best and worst `per_end` when there are more."""
    chosen = ranked if len(ranked) <= 2 * per_end else ranked[:per_end] + ranked[-per_end:]
    return pd.DataFrame([
        {"unit": r["name"], "ikm": r["ikm"], "grade": r["grade"],
         "ci_low": r["ci95"][0] if r["ci95"] else r["ikm"], "ci_high": r["ci95"][1] if r["ci95"] else r["ikm"],
         "text": f"{ikm_text(r['ikm'])} {r['grade']}", "ci_text": ci_text(r["ci95"])}
        for r in chosen
    ])


def ranking_takeaway(ranked: list[dict]) -> str:
    best, worst = ranked[0], ranked[-1]
    if len(ranked) == 1:
        return t("ikm.ranking.takeaway_one", best=best["name"], best_ikm=ikm_text(best["ikm"]),
                 best_grade=best["grade"])
    return t("ikm.ranking.takeaway", best=best["name"], best_ikm=ikm_text(best["ikm"]), best_grade=best["grade"],
             worst=worst["name"], worst_ikm=ikm_text(worst["ikm"]), worst_grade=worst["grade"],
             n=fmt_number(len(ranked)))


# ------------------------------------------------------------------------------------------------ perception


def flag_text(flag: str | None) -> str:
    return t(f"ikm.flag.{flag or 'sejalan'}")


def judgement_text(row: dict) -> str:
    """The flag, or why there is none: agreement, or too few complaints to judge."""
    if row["complaints"] < MIN_COMPLAINTS_FOR_RANKING:
        return t("ikm.flag.too_few", min=MIN_COMPLAINTS_FOR_RANKING)
    return flag_text(row["flag"])


def speed_text(speed: str | None) -> str:
    return t(f"ikm.speed.{speed}") if speed else "–"


def perception_frame(rows: list[dict]) -> pd.DataFrame:
    """Chart rows: units with enough complaints and a first-response share, flagged or not."""
    judged = [r for r in rows
              if r["complaints"] >= MIN_COMPLAINTS_FOR_RANKING and r["first_response_within_limit_pct"] is not None]
    return pd.DataFrame([
        {"unit": r["name"], "within": r["first_response_within_limit_pct"], "score": r["element_ikm"],
         "flag": flag_text(r["flag"]), "score_text": f"{ikm_text(r['element_ikm'])} {r['element_grade']}",
         "within_text": fmt_pct(r["first_response_within_limit_pct"])}
        for r in judged
    ], columns=["unit", "within", "score", "flag", "score_text", "within_text"])


def perception_takeaway(rows: list[dict]) -> str:
    judged = [r for r in rows if r["complaints"] >= MIN_COMPLAINTS_FOR_RANKING]
    return t("ikm.perception.takeaway",
             slow=fmt_number(sum(r["flag"] == SATISFIED_BUT_SLOW for r in judged)),
             unhappy=fmt_number(sum(r["flag"] == FAST_BUT_UNSATISFIED for r in judged)),
             n=fmt_number(len(judged)), min=MIN_COMPLAINTS_FOR_RANKING)


# --------------------------------------------------------------------------------------------------- profile


def profile_value_label(dimension: str, value: str) -> str:
    if value == "":
        return t("ikm.profile.blank")
    if dimension in _CODED_DIMENSIONS:
        return t(f"ikm.profile.{dimension}.{value}")
    return value


def _profile_order(dimension: str, values: Iterable[str]) -> list[str]:
    known = [v for v in PROFILE_ORDER[dimension] if v in values]
    others = sorted(v for v in values if v not in PROFILE_ORDER[dimension] and v != "")
    return known + others + ([""] if "" in values else [])


def profile_rows(dimension: str, counts: dict[str, int]) -> list[dict]:
    """One dimension's stored values in their natural order, blanks last: value, respondents, share (%)."""
    total = sum(counts.values())
    return [{"value": value, "respondents": counts[value],
             "share": round(100 * counts[value] / total, 1) if total else None}
            for value in _profile_order(dimension, counts)]


def profile_frame(dimension: str, counts: dict[str, int]) -> pd.DataFrame:
    """Chart rows of one profile dimension: category, respondents, share, text."""
    return pd.DataFrame([
        {"category": profile_value_label(dimension, r["value"]), "respondents": r["respondents"], "share": r["share"],
         "text": f"{fmt_number(r['respondents'])} · {fmt_pct(r['share'])}"}
        for r in profile_rows(dimension, counts)
    ], columns=["category", "respondents", "share", "text"])


def profile_takeaway(frame: pd.DataFrame, dimension: str) -> str:
    top = frame.loc[frame["respondents"].idxmax()]
    return t("ikm.profile.takeaway", dimension=t(f"ikm.profile.dim.{dimension}").lower(), value=top["category"],
             share=fmt_pct(top["share"]), n=fmt_number(int(frame["respondents"].sum())))
